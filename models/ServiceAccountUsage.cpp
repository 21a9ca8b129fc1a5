#include "ServiceAccountUsage.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sa {

namespace {

constexpr auto kTokenType = "kubernetes.io/service-account-token"_L1;

QString keyOfItem(const QJsonObject &item)
{
    const QJsonObject meta = Informer::metadataOf(item);
    return ServiceAccountUsage::keyOf(meta.value("namespace"_L1).toString(), meta.value("name"_L1).toString());
}

// Removes `uid` from the inner hash of `outer[key]`, and the entry when that empties it.
template<typename Inner>
void removeFrom(QHash<QString, Inner> &outer, const QString &key, const QString &uid)
{
    const auto it = outer.find(key);
    if (it == outer.end())
        return;
    it->remove(uid);
    if (it->isEmpty())
        outer.erase(it);
}

// Stores `item` under its namespace and name unless `sign` removes it; a removal only takes the item of the same uid
// (a relist may add the object that replaced it first).
void putByName(QHash<QString, QHash<QString, QJsonObject>> &byNamespace, const QString &ns, const QString &name,
               const QJsonObject &item, int sign)
{
    if (sign > 0) {
        byNamespace[ns].insert(name, item);
        return;
    }
    const auto names = byNamespace.find(ns);
    if (names == byNamespace.end())
        return;
    const auto it = names->find(name);
    if (it != names->end() && Informer::uidOf(*it) == Informer::uidOf(item))
        names->erase(it);
    if (names->isEmpty())
        byNamespace.erase(names);
}

const QJsonObject *findByName(const QHash<QString, QHash<QString, QJsonObject>> &byNamespace, const QString &ns,
                              const QString &name)
{
    const auto names = byNamespace.constFind(ns);
    if (names == byNamespace.cend())
        return nullptr;
    const auto it = names->constFind(name);
    return it == names->cend() ? nullptr : &*it;
}

} // namespace

ServiceAccountUsage::ServiceAccountUsage(QObject *parent)
    : QObject(parent)
{ }

ServiceAccountUsage::~ServiceAccountUsage() = default;

void ServiceAccountUsage::setSession(ClusterSession *session)
{
    if (m_session)
        m_session->disconnect(this);
    m_session = session;
    m_informers = {};
    if (session)
        connect(session, &ClusterSession::informersReplaced, this, &ServiceAccountUsage::rebuild);
    rebuild();
}

void ServiceAccountUsage::setInformers(const UsageInformers &informers)
{
    if (m_session)
        m_session->disconnect(this);
    m_session = nullptr;
    m_informers = informers;
    rebuild();
}

SourceStates ServiceAccountUsage::sourceStates() const
{
    SourceStates result;
    for (size_t i = 0; i < m_informers.size(); ++i) {
        Informer *source = m_informers[i];
        result.states[i] = !source                      ? SourceStates::State::Loading
            : m_session && m_session->isRefused(source) ? SourceStates::State::Refused
            : source->hasSynced()                       ? SourceStates::State::Known
                                                        : SourceStates::State::Loading;
    }
    return result;
}

void ServiceAccountUsage::rebuild()
{
    for (const QMetaObject::Connection &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    for (auto &byAccount : m_byAccount)
        byAccount.clear();
    m_accounts.clear();
    m_secrets.clear();
    m_referencedBy.clear();
    m_podsBySecret.clear();
    if (ClusterSession *session = m_session) {
        m_informers = {
            session->serviceAccounts(), session->secrets(),    session->pods(),         session->deployments(),
            session->statefulSets(),    session->daemonSets(), session->roleBindings(), session->clusterRoleBindings()};
    }
    {
        const auto owned = [this](Kind kind) {
            return [this, kind](const QJsonObject &item, int sign) { applyOwned(kind, item, sign); };
        };
        const std::pair<Source, std::function<void(const QJsonObject &, int)>> sources[] = {
            {Source::ServiceAccounts, [this](const QJsonObject &item, int sign) { applyAccount(item, sign); }},
            {Source::Secrets, [this](const QJsonObject &item, int sign) { applySecret(item, sign); }},
            {Source::Pods, owned(Pods)},
            {Source::Deployments, owned(Deployments)},
            {Source::StatefulSets, owned(StatefulSets)},
            {Source::DaemonSets, owned(DaemonSets)},
            {Source::RoleBindings, owned(Bindings)},
            {Source::ClusterRoleBindings, owned(Bindings)},
        };
        for (const auto &[source, apply] : sources) {
            Informer *informer = this->informer(source);
            if (!informer)
                continue;
            for (const QJsonObject &item : informer->items())
                apply(item, 1);
            connectInformer(informer, apply);
        }
    }
    m_touchedAccounts.clear();
    m_touchedSecrets.clear();
    Q_EMIT reset();
}

void ServiceAccountUsage::connectInformer(Informer *informer,
                                          const std::function<void(const QJsonObject &, int)> &apply)
{
    m_connections.append(connect(informer, &Informer::added, this, [this, apply](const QJsonObject &item) {
        apply(item, 1);
        notify();
    }));
    m_connections.append(connect(informer, &Informer::modified, this,
                                 [this, apply](const QJsonObject &item, const QJsonObject &previous) {
                                     apply(previous, -1);
                                     apply(item, 1);
                                     notify();
                                 }));
    m_connections.append(connect(informer, &Informer::deleted, this, [this, apply](const QJsonObject &item) {
        apply(item, -1);
        notify();
    }));
}

void ServiceAccountUsage::notify()
{
    if (m_touchedAccounts.isEmpty() && m_touchedSecrets.isEmpty())
        return;
    // Lists, not sets: an event touches one or two keys, and a set's table costs more than the event.
    m_touchedAccounts.removeDuplicates();
    m_touchedSecrets.removeDuplicates();
    Q_EMIT changed(std::exchange(m_touchedAccounts, {}), std::exchange(m_touchedSecrets, {}));
}

QStringList ServiceAccountUsage::accountsOf(Kind kind, const QJsonObject &item)
{
    const auto single = [](const auto &object) -> QStringList {
        if (!object || object->serviceAccountName.isEmpty())
            return {};
        return {keyOf(object->meta.ns, object->serviceAccountName)};
    };
    switch (kind) {
    case Pods:
        return single(Pod::fromJson(item));
    case Deployments:
        return single(Deployment::fromJson(item));
    case StatefulSets:
        return single(StatefulSet::fromJson(item));
    case DaemonSets:
        return single(DaemonSet::fromJson(item));
    case TokenSecrets: {
        // Only token secrets name an account: the other secrets are not parsed.
        if (item.value("Type"_L1).toString() != kTokenType)
            return {};
        const auto secret = SecretMeta::fromTableItem(item);
        if (!secret || secret->serviceAccountName().isEmpty())
            return {};
        return {keyOf(secret->meta.ns, secret->serviceAccountName())};
    }
    case Bindings: {
        const auto binding = RoleBinding::fromJson(item);
        if (!binding)
            return {};
        QStringList keys;
        for (const Subject &subject : binding->subjects) {
            const QString &ns = subject.ns.isEmpty() ? binding->meta.ns : subject.ns;
            if (binding->bindsServiceAccount(ns, subject.name) && !keys.contains(keyOf(ns, subject.name)))
                keys.append(keyOf(ns, subject.name));
        }
        return keys;
    }
    case KindCount:
        break;
    }
    return {};
}

void ServiceAccountUsage::applyOwned(Kind kind, const QJsonObject &item, int sign)
{
    const QString uid = Informer::uidOf(item);
    for (const QString &account : accountsOf(kind, item)) {
        if (sign > 0)
            m_byAccount[kind][account].insert(uid, item);
        else
            removeFrom(m_byAccount[kind], account, uid);
        m_touchedAccounts.append(account);
        if (kind == TokenSecrets)
            m_touchedSecrets.append(keyOfItem(item));
    }
    if (kind != Pods)
        return;
    const QJsonObject meta = Informer::metadataOf(item);
    const QString ns = meta.value("namespace"_L1).toString();
    for (const QString &secret : SecretUse::secretsOf(item.value("spec"_L1).toObject())) {
        const QString key = keyOf(ns, secret);
        if (sign > 0)
            m_podsBySecret[key].insert(uid, item);
        else
            removeFrom(m_podsBySecret, key, uid);
        m_touchedSecrets.append(key);
    }
}

void ServiceAccountUsage::applyAccount(const QJsonObject &item, int sign)
{
    const QJsonObject meta = Informer::metadataOf(item);
    const QString ns = meta.value("namespace"_L1).toString();
    const QString name = meta.value("name"_L1).toString();
    const QString uid = meta.value("uid"_L1).toString();
    const QString key = keyOf(ns, name);
    putByName(m_accounts, ns, name, item, sign);
    m_touchedAccounts.append(key);
    // The secrets it lists now say (or no longer say) that it references them.
    for (const auto field : {"imagePullSecrets"_L1, "secrets"_L1}) {
        for (const QJsonValue &reference : item.value(field).toArray()) {
            const QString secretKey = keyOf(ns, reference.toObject().value("name"_L1).toString());
            if (sign > 0)
                m_referencedBy[secretKey].insert(uid, name);
            else
                removeFrom(m_referencedBy, secretKey, uid);
            m_touchedSecrets.append(secretKey);
        }
    }
    // Its token secrets name it: whether it exists shows in their details.
    for (const QJsonObject &secret : m_byAccount[TokenSecrets].value(key))
        m_touchedSecrets.append(keyOfItem(secret));
}

void ServiceAccountUsage::applySecret(const QJsonObject &item, int sign)
{
    const QJsonObject meta = Informer::metadataOf(item);
    const QString ns = meta.value("namespace"_L1).toString();
    const QString key = keyOf(ns, meta.value("name"_L1).toString());
    putByName(m_secrets, ns, meta.value("name"_L1).toString(), item, sign);
    m_touchedSecrets.append(key);
    applyOwned(TokenSecrets, item, sign);
    // The accounts that list it: whether it exists shows in theirs.
    for (const QString &account : m_referencedBy.value(key))
        m_touchedAccounts.append(keyOf(ns, account));
}

template<typename T>
QList<T> ServiceAccountUsage::owned(Kind kind, const QString &ns, const QString &name,
                                    std::optional<T> (*parse)(const QJsonObject &)) const
{
    QList<T> objects;
    for (const QJsonObject &item : m_byAccount[kind].value(keyOf(ns, name))) {
        if (auto object = parse(item))
            objects.append(*object);
    }
    std::ranges::sort(objects, {}, [](const T &object) { return object.meta.name; });
    return objects;
}

std::optional<ServiceAccount> ServiceAccountUsage::account(const QString &ns, const QString &name) const
{
    const QJsonObject *item = findByName(m_accounts, ns, name);
    return item ? ServiceAccount::fromJson(*item) : std::nullopt;
}

std::optional<SecretMeta> ServiceAccountUsage::secret(const QString &ns, const QString &name) const
{
    const QJsonObject *item = findByName(m_secrets, ns, name);
    return item ? SecretMeta::fromTableItem(*item) : std::nullopt;
}

bool ServiceAccountUsage::secretExists(const QString &ns, const QString &name) const
{
    return findByName(m_secrets, ns, name) != nullptr;
}

QStringList ServiceAccountUsage::accountNamesIn(const QString &ns) const
{
    QStringList names = m_accounts.value(ns).keys();
    names.sort();
    return names;
}

QList<Pod> ServiceAccountUsage::podsOf(const QString &ns, const QString &name) const
{
    return owned<Pod>(Pods, ns, name);
}

QList<Deployment> ServiceAccountUsage::deploymentsOf(const QString &ns, const QString &name) const
{
    return owned<Deployment>(Deployments, ns, name);
}

QList<StatefulSet> ServiceAccountUsage::statefulSetsOf(const QString &ns, const QString &name) const
{
    return owned<StatefulSet>(StatefulSets, ns, name);
}

QList<DaemonSet> ServiceAccountUsage::daemonSetsOf(const QString &ns, const QString &name) const
{
    return owned<DaemonSet>(DaemonSets, ns, name);
}

QList<SecretMeta> ServiceAccountUsage::tokenSecretsOf(const QString &ns, const QString &name) const
{
    return owned<SecretMeta>(TokenSecrets, ns, name, &SecretMeta::fromTableItem);
}

QList<RoleBinding> ServiceAccountUsage::bindingsOf(const QString &ns, const QString &name) const
{
    return owned<RoleBinding>(Bindings, ns, name);
}

QList<Workload> ServiceAccountUsage::workloadsOf(const QString &ns, const QString &name) const
{
    QList<Workload> workloads;
    const auto add = [&workloads](const auto &objects) {
        for (const auto &object : objects)
            workloads.append(Workload::from(object));
    };
    add(deploymentsOf(ns, name));
    add(statefulSetsOf(ns, name));
    add(daemonSetsOf(ns, name));
    add(podsOf(ns, name));
    return workloads;
}

QList<Workload> ServiceAccountUsage::workloadsIn(const QString &ns) const
{
    // Indexed by account, and an account a workload names need not exist: the accounts of the namespace are found
    // among the keys. Asked when a dialog opens, not on a selection change.
    const QString prefix = ns + u'/';
    const auto objectsIn = [&](Kind kind, auto parse) {
        QList<std::remove_reference_t<decltype(*parse(QJsonObject()))>> objects;
        for (auto it = m_byAccount[kind].cbegin(); it != m_byAccount[kind].cend(); ++it) {
            if (!it.key().startsWith(prefix))
                continue;
            for (const QJsonObject &item : it.value()) {
                if (auto object = parse(item))
                    objects.append(*object);
            }
        }
        return objects;
    };
    return Workload::of(ns, objectsIn(Deployments, &Deployment::fromJson), objectsIn(Pods, &Pod::fromJson),
                        objectsIn(StatefulSets, &StatefulSet::fromJson), objectsIn(DaemonSets, &DaemonSet::fromJson));
}

bool ServiceAccountUsage::accountExists(const QString &ns, const QString &name) const
{
    return findByName(m_accounts, ns, name) != nullptr;
}

bool ServiceAccountUsage::accountListsSecret(const QString &ns, const QString &account, const QString &secret) const
{
    const QJsonObject *item = findByName(m_accounts, ns, account);
    if (!item)
        return false;
    const QJsonArray references = item->value("secrets"_L1).toArray();
    return std::any_of(references.begin(), references.end(), [&secret](const QJsonValue &reference) {
        return reference.toObject().value("name"_L1).toString() == secret;
    });
}

QStringList ServiceAccountUsage::podsUsing(const QString &ns, const QString &secret) const
{
    QStringList names;
    for (const QJsonObject &pod : m_podsBySecret.value(keyOf(ns, secret)))
        names.append(Informer::metadataOf(pod).value("name"_L1).toString());
    names.sort();
    return names;
}

QList<QJsonObject> ServiceAccountUsage::podObjectsUsing(const QString &ns, const QString &secret) const
{
    return m_podsBySecret.value(keyOf(ns, secret)).values();
}

QStringList ServiceAccountUsage::workloadsUsing(const QString &ns, const QString &secret) const
{
    const QString prefix = ns + u'/';
    QStringList labels;
    for (const auto &[kind, prefixLabel] :
         {std::pair {Deployments, "deployment/"_L1}, std::pair {StatefulSets, "statefulset/"_L1},
          std::pair {DaemonSets, "daemonset/"_L1}}) {
        for (auto it = m_byAccount[kind].cbegin(); it != m_byAccount[kind].cend(); ++it) {
            if (!it.key().startsWith(prefix))
                continue;
            for (const QJsonObject &item : it.value()) {
                const QJsonObject podSpec = item["spec"_L1]["template"_L1]["spec"_L1].toObject();
                if (SecretUse::secretsOf(podSpec).contains(secret))
                    labels.append(prefixLabel + Informer::metadataOf(item).value("name"_L1).toString());
            }
        }
    }
    labels.sort();
    return labels;
}

QStringList ServiceAccountUsage::secretNamesIn(const QString &ns, const QStringList &types) const
{
    const ByName secrets = m_secrets.value(ns);
    QStringList names;
    for (auto it = secrets.cbegin(); it != secrets.cend(); ++it) {
        if (types.isEmpty() || types.contains(it.value().value("Type"_L1).toString()))
            names.append(it.key());
    }
    names.sort();
    return names;
}

QList<ServiceAccountUsage::Reference> ServiceAccountUsage::referencesTo(const SecretMeta &secret) const
{
    const QString &ns = secret.meta.ns;
    QStringList names = m_referencedBy.value(keyOf(ns, secret.meta.name)).values();
    if (const QString owner = secret.serviceAccountName(); !owner.isEmpty())
        names.append(owner);
    names.sort();
    names.removeDuplicates();
    QList<Reference> references;
    for (const QString &name : std::as_const(names)) {
        const auto account = this->account(ns, name);
        if (!account)
            continue;
        if (account->imagePullSecrets.contains(secret.meta.name))
            references.append({name, true});
        else if (account->secrets.contains(secret.meta.name) || secret.serviceAccountName() == name)
            references.append({name, false});
    }
    return references;
}

} // namespace sa
