#pragma once

#include "ActionDialog.h"

#include "resources/Resources.h"

#include <QList>
#include <QPointer>

class QTabWidget;

namespace sa {

class IdentityFields;

// "Edit identity annotations": the cloud identity annotations of a service account (EKS, GKE, Azure), each checked
// as its cloud reads it; OK stays disabled with the reason while a value is malformed. Applies only what changed, as
// one merge patch of metadata.annotations (an emptied field removes its annotation): every other annotation stays.
class IdentityAnnotationsDialog : public ActionDialog
{
    Q_OBJECT
public:
    IdentityAnnotationsDialog(KubeClient *client, const ServiceAccount &account, QWidget *parent = nullptr);

    // What OK would send: a value to set, or nullopt to remove, for each annotation that changed.
    [[nodiscard]] QMap<QString, std::optional<QString>> changes() const;

protected:
    QString validate() const override;
    bool hasChanges() const override { return !changes().isEmpty(); }
    void apply() override;

private:
    // "AWS (set)", "Azure ⚠": what each tab holds, without opening it.
    void updateTabs();

    QPointer<KubeClient> m_client; // null once its session is gone (a context switch, F5)
    ServiceAccount m_account;
    QList<IdentityFields *> m_providers; // in tab order
    QTabWidget *m_tabs;
};

} // namespace sa
