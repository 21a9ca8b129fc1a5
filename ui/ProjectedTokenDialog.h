#pragma once

#include "TokenAudit.h"

#include <QDialog>
#include <QJsonObject>
#include <QList>
#include <QMap>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace sa {

class SnippetView;

// "Replace by a projected token": for a long-lived token Secret that pods read, the pod-spec fragment that mounts a
// short-lived token the kubelet requests and renews instead (ProjectedToken), for one of those pods, with the
// audience and lifetime chosen; to copy or save. It changes nothing on the server.
class ProjectedTokenDialog : public QDialog
{
    Q_OBJECT
public:
    // `pods`: the pods that read the token (whole objects); `accountAnnotations`: its account's (a cloud identity
    // adds pod labels).
    ProjectedTokenDialog(const TokenFacts &token, const QMap<QString, QString> &accountAnnotations,
                         QList<QJsonObject> pods, QWidget *parent = nullptr);

    [[nodiscard]] QString snippet() const;

private:
    void update();

    TokenFacts m_token;
    QMap<QString, QString> m_annotations;
    QList<QJsonObject> m_pods;
    QComboBox *m_pod;
    QLineEdit *m_audience;
    QSpinBox *m_lifetime;
    QLabel *m_uses;
    SnippetView *m_snippet;
};

} // namespace sa
