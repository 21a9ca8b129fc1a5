#pragma once

#include "ClusterSession.h"
#include "resources/Resources.h"
#include "resources/Workload.h"

#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

#include <array>
#include <functional>
#include <optional>

namespace sa {

// The collections a question about an account or a secret is answered from.
enum class Source {
    ServiceAccounts,
    Secrets,
    Pods,
    Deployments,
    StatefulSets,
    DaemonSets,
    RoleBindings,
    ClusterRoleBindings,
    Count
};

// Whether each source can be relied on: read completely, still loading, or refused by the server.
struct SourceStates
{
    enum class State { Known, Loading, Refused };
    std::array<State, size_t(Source::Count)> states {};

    [[nodiscard]] State of(Source source) const { return states[size_t(source)]; }
};

// The informers the index reads, one per Source (null: not read, so never known).
using UsageInformers = std::array<Informer *, size_t(Source::Count)>;

// "What runs as this account, which secrets and bindings belong to it, which accounts use this secret", kept
// up to date from the session's informers event by event, so that each answer costs what the account (or the
// secret) has, not what the cluster has. Accounts and secrets are named by key, "namespace/name".
class ServiceAccountUsage : public QObject
{
    Q_OBJECT
public:
    explicit ServiceAccountUsage(QObject *parent = nullptr);
    ~ServiceAccountUsage() override;

    // Follows `session`'s informers (and their replacements); null: empty.
    void setSession(ClusterSession *session);
    // Reads these informers, without a session (nothing then counts as refused).
    void setInformers(const UsageInformers &informers);
    // Whether each source is read completely, still loading, or refused by the server.
    [[nodiscard]] SourceStates sourceStates() const;

    [[nodiscard]] static QString keyOf(const QString &ns, const QString &name) { return ns + u'/' + name; }

    [[nodiscard]] std::optional<ServiceAccount> account(const QString &ns, const QString &name) const;
    [[nodiscard]] std::optional<SecretMeta> secret(const QString &ns, const QString &name) const;
    [[nodiscard]] bool secretExists(const QString &ns, const QString &name) const;
    // The service accounts of the namespace, by name.
    [[nodiscard]] QStringList accountNamesIn(const QString &ns) const;

    // What belongs to the account `ns`/`name`, each sorted by name.
    [[nodiscard]] QList<Pod> podsOf(const QString &ns, const QString &name) const;
    [[nodiscard]] QList<Deployment> deploymentsOf(const QString &ns, const QString &name) const;
    [[nodiscard]] QList<StatefulSet> statefulSetsOf(const QString &ns, const QString &name) const;
    [[nodiscard]] QList<DaemonSet> daemonSetsOf(const QString &ns, const QString &name) const;
    // Its kubernetes.io/service-account-token secrets.
    [[nodiscard]] QList<SecretMeta> tokenSecretsOf(const QString &ns, const QString &name) const;
    // Its RoleBindings and ClusterRoleBindings.
    [[nodiscard]] QList<RoleBinding> bindingsOf(const QString &ns, const QString &name) const;
    // What stops working without the account: its Deployments, StatefulSets, DaemonSets and pods (owned ones
    // included: a Job's pods stop too), sorted as Workload::sort() does.
    [[nodiscard]] QList<Workload> workloadsOf(const QString &ns, const QString &name) const;
    // The workloads of the namespace whose account can be changed (see Workload::of), whatever account they name.
    [[nodiscard]] QList<Workload> workloadsIn(const QString &ns) const;
    // Whether the account exists (as far as the account list says: see sourceStates()).
    [[nodiscard]] bool accountExists(const QString &ns, const QString &name) const;
    // Whether the account lists the secret in its .secrets (as the token controller did for the tokens it made).
    [[nodiscard]] bool accountListsSecret(const QString &ns, const QString &account, const QString &secret) const;
    // The pods of the namespace that read the secret (a volume, secretKeyRef or envFrom), by name, sorted.
    [[nodiscard]] QStringList podsUsing(const QString &ns, const QString &secret) const;
    // The same pods, whole.
    [[nodiscard]] QList<QJsonObject> podObjectsUsing(const QString &ns, const QString &secret) const;
    // The Deployments, StatefulSets and DaemonSets of the namespace whose pod template reads the secret, as
    // "deployment/NAME"; asked when a dialog opens (it reads the namespace's workloads).
    [[nodiscard]] QStringList workloadsUsing(const QString &ns, const QString &secret) const;
    // The names of the namespace's secrets of these types (empty: all), sorted.
    [[nodiscard]] QStringList secretNamesIn(const QString &ns, const QStringList &types = {}) const;

    struct Reference
    {
        QString account; // name, in the secret's namespace
        bool pullSecret = false; // else a token (listed in .secrets, or the secret names the account)
    };
    // The accounts of the secret's namespace that reference it, by name.
    [[nodiscard]] QList<Reference> referencesTo(const SecretMeta &secret) const;

Q_SIGNALS:
    // An event changed what is known of these accounts (the account itself, or what belongs to it) and of these
    // secrets (the secret itself, or the accounts that reference it). Keys as keyOf().
    void changed(const QStringList &accounts, const QStringList &secrets);
    // Everything may have changed (another session, replaced informers).
    void reset();

private:
    enum Kind { Pods, Deployments, StatefulSets, DaemonSets, TokenSecrets, Bindings, KindCount };
    // By uid; the informer's copies (implicitly shared). Maps, not hashes: an account has a handful of objects of a
    // kind, and a QHash's first allocation is a kilobyte, times tens of thousands of accounts.
    using Items = QMap<QString, QJsonObject>;

    void rebuild();
    [[nodiscard]] Informer *informer(Source source) const { return m_informers[size_t(source)]; }
    void connectInformer(Informer *informer, const std::function<void(const QJsonObject &, int)> &apply);
    void applyAccount(const QJsonObject &item, int sign);
    void applySecret(const QJsonObject &item, int sign);
    void applyOwned(Kind kind, const QJsonObject &item, int sign);
    // The accounts an object belongs to (keys).
    [[nodiscard]] static QStringList accountsOf(Kind kind, const QJsonObject &item);
    void notify();
    template<typename T>
    [[nodiscard]] QList<T> owned(Kind kind, const QString &ns, const QString &name,
                                 std::optional<T> (*parse)(const QJsonObject &) = &T::fromJson) const;

    QPointer<ClusterSession> m_session;
    UsageInformers m_informers {};
    QList<QMetaObject::Connection> m_connections;
    std::array<QHash<QString, Items>, KindCount> m_byAccount; // account key → its objects of that kind
    // Namespace → name → object: the namespace's string is kept once, not in every key (60,000 secrets).
    using ByName = QHash<QString, QJsonObject>;
    QHash<QString, ByName> m_accounts;
    QHash<QString, ByName> m_secrets; // metadata-only rows
    QHash<QString, QMap<QString, QString>> m_referencedBy; // secret key → uid → name of an account listing it
    QHash<QString, Items> m_podsBySecret; // secret key → the pods reading it (the informer's copies)
    // Collected while one event is applied, then sent in one changed().
    QStringList m_touchedAccounts;
    QStringList m_touchedSecrets;
};

} // namespace sa
