#pragma once

#include "ActionDialog.h"

#include <functional>

class QComboBox;
class QLineEdit;
class QListWidget;

namespace sa {

class IdentityFields;
class KubeClient;

// "New service account": a name checked live by the server's own rule, the namespace, labels, annotations,
// a cloud identity (the annotations of one provider, each checked as its cloud reads it), the automount setting and
// image pull secrets from the namespace's registry secrets.
class CreateServiceAccountDialog : public ActionDialog
{
    Q_OBJECT
public:
    using RegistrySecrets = std::function<QStringList(const QString &ns)>;

    CreateServiceAccountDialog(KubeClient *client, const QStringList &namespaces, const QString &ns,
                               RegistrySecrets registrySecrets, QWidget *parent = nullptr);

    // The account created (namespace/name), once the dialog was accepted.
    [[nodiscard]] QString created() const { return m_created; }

    // "key=value, key2=value2" into a map; nullopt with *error for text that is not that.
    [[nodiscard]] static std::optional<QMap<QString, QString>> parsePairs(const QString &text, QString *error);

protected:
    QString validate() const override;
    void apply() override;
    void applySucceeded(const OperationResult &result) override;

private:
    void fillPullSecrets();
    // The fields of the provider chosen, or null for none.
    [[nodiscard]] IdentityFields *chosenIdentity() const;

    QPointer<KubeClient> m_client; // null once its session is gone (a context switch, F5)
    RegistrySecrets m_registrySecrets;
    QComboBox *m_namespace;
    QLineEdit *m_name;
    QLineEdit *m_labels;
    QLineEdit *m_annotations;
    QComboBox *m_identityProvider;
    QList<IdentityFields *> m_identities;
    QComboBox *m_automount;
    QListWidget *m_pullSecrets;
    QString m_created;
};

} // namespace sa
