#pragma once

#include "ActionDialog.h"

#include "resources/Resources.h"

class QComboBox;
class QLabel;

namespace sa {

class SnippetView;

// "Token automount": sets or clears automountServiceAccountToken on a service account, and offers a "run a pod as
// this service account" manifest, with or without the token mounted, to copy or save.
class AutomountDialog : public ActionDialog
{
    Q_OBJECT
public:
    AutomountDialog(KubeClient *client, const ServiceAccount &account, QWidget *parent = nullptr);

    // The pod manifest shown: `automount` nullopt leaves the pod to the account's setting.
    [[nodiscard]] static QString podSnippet(const QString &ns, const QString &serviceAccount,
                                            std::optional<bool> automount);
    // Writes the snippet to `path` at once or not at all.
    bool saveSnippet(const QString &path, QString *error) const;

protected:
    QString validate() const override { return {}; }
    bool hasChanges() const override;
    void apply() override;

private:
    [[nodiscard]] std::optional<bool> chosen(const QComboBox *combo) const;
    void updateSnippet();

    QPointer<KubeClient> m_client; // null once its session is gone (a context switch, F5)
    ServiceAccount m_account;
    QComboBox *m_automount;
    QComboBox *m_podAutomount;
    SnippetView *m_snippet;
};

} // namespace sa
