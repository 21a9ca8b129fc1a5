#include "Registry.h"

#include "JsonText.h"
#include "Patch.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace kubesim {

namespace {

void setMetadata(QJsonObject &object, const QJsonObject &metadata)
{
    object.insert("metadata"_L1, metadata);
}

// Fields the server owns: a client's values are dropped on create and kept from storage on update.
void resetServerFields(QJsonObject &metadata)
{
    for (const auto key : {"uid"_L1, "creationTimestamp"_L1, "deletionTimestamp"_L1, "deletionGracePeriodSeconds"_L1,
                           "generation"_L1, "selfLink"_L1, "managedFields"_L1})
        metadata.remove(key);
}

std::optional<ApiFailure> checkTypeMeta(const ResourceType &type, QJsonObject &object)
{
    const QString apiVersion = text(object, "apiVersion"_L1);
    const QString kind = text(object, "kind"_L1);
    if (!apiVersion.isEmpty() && apiVersion != type.apiVersion()) {
        return status::badRequest(u"the API version in the data ("_s + apiVersion
                                  + u") does not match the expected API version ("_s + type.apiVersion() + u')');
    }
    if (!kind.isEmpty() && kind != type.kind) {
        return status::badRequest(u"the kind in the data ("_s + kind + u") does not match the expected kind ("_s
                                  + type.kind + u')');
    }
    object.insert("apiVersion"_L1, type.apiVersion());
    object.insert("kind"_L1, type.kind);
    return std::nullopt;
}

bool sameContent(QJsonObject a, QJsonObject b)
{
    QJsonObject ma = metadataOf(a), mb = metadataOf(b);
    ma.remove("resourceVersion"_L1);
    mb.remove("resourceVersion"_L1);
    a.insert("metadata"_L1, ma);
    b.insert("metadata"_L1, mb);
    return a == b;
}

} // namespace

QString nowTimestamp()
{
    return QDateTime::currentDateTimeUtc().toString(u"yyyy-MM-ddTHH:mm:ssZ"_s);
}

QString randomSuffix(int length)
{
    // The alphabet of k8s.io/apimachinery/pkg/util/rand: no vowels, no confusable characters.
    static constexpr char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
    QString suffix;
    for (int i = 0; i < length; ++i)
        suffix += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(int(sizeof alphabet - 1))]);
    return suffix;
}

QJsonObject metadataOf(const QJsonObject &object)
{
    return object.value("metadata"_L1).toObject();
}

Registry::Registry(Store &store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{ }

std::optional<ApiFailure> Registry::checkNamespace(const ResourceType &type, const QString &ns,
                                                   const QString &name) const
{
    if (!type.namespaced)
        return std::nullopt;
    static const ResourceType *namespaces = findResource(QString(), u"v1"_s, u"namespaces"_s);
    const auto existing = m_store.get(*namespaces, QString(), ns);
    if (!existing)
        return status::notFound(QString(), u"namespaces"_s, ns);
    if (text(existing->value("status"_L1).toObject(), "phase"_L1) == "Terminating"_L1) {
        return status::forbidden(type.group, type.plural, name,
                                 u"unable to create new content in namespace "_s + ns
                                     + u" because it is being terminated"_s);
    }
    return std::nullopt;
}

WriteResult Registry::create(const ResourceType &type, const QString &ns, QJsonObject object, bool dryRun,
                             const UserInfo *requester)
{
    if (auto failure = checkTypeMeta(type, object))
        return {{}, failure};
    QJsonObject metadata = metadataOf(object);
    const QString bodyNamespace = text(metadata, "namespace"_L1);
    if (type.namespaced) {
        if (!bodyNamespace.isEmpty() && bodyNamespace != ns) {
            return {{},
                    status::badRequest(u"the namespace of the provided object does not match the namespace sent "
                                       "on the request"_s)};
        }
        metadata.insert("namespace"_L1, ns);
    } else {
        metadata.remove("namespace"_L1);
    }
    if (!text(metadata, "resourceVersion"_L1).isEmpty())
        return {{}, status::badRequest(u"resourceVersion should not be set on objects to be created"_s)};
    // Admission runs before the name is generated, so its refusals name the object by its generateName: the
    // same text on every retry, which lets a controller that reports it see that nothing changed.
    const QString requestedName = text(metadata, "name"_L1);
    const QString admissionName = requestedName.isEmpty() ? text(metadata, "generateName"_L1) : requestedName;
    if (text(metadata, "name"_L1).isEmpty() && !text(metadata, "generateName"_L1).isEmpty())
        metadata.insert("name"_L1, QString(text(metadata, "generateName"_L1) + randomSuffix(5)));
    resetServerFields(metadata);
    setMetadata(object, metadata);
    const QString name = text(metadata, "name"_L1);

    const Strategy &strategy = *type.strategy;
    strategy.applyDefaults(object);
    strategy.prepareForCreate(object);
    if (auto failure = checkNamespace(type, ns, admissionName))
        return {{}, failure};
    // The kind's storage checks the requester after admission's namespace check and before it validates.
    if (requester) {
        const WriteRequest request {*requester, type, ns, {}, requestedName};
        if (auto failure = strategy.authorizeWrite(request, object, nullptr, m_store))
            return {{}, failure};
    }
    if (auto failure = strategy.admit(object, admissionName, m_store))
        return {{}, failure};
    if (const QList<FieldError> errors = strategy.validate(object, nullptr); !errors.isEmpty())
        return {{}, status::invalid(type.group, type.kind, name, errors)};
    if (m_store.get(type, ns, name))
        return {{}, status::alreadyExists(type.group, type.plural, name)};

    metadata = metadataOf(object);
    metadata.insert("uid"_L1, QUuid::createUuid().toString(QUuid::WithoutBraces));
    metadata.insert("creationTimestamp"_L1, nowTimestamp());
    if (type.hasGeneration)
        metadata.insert("generation"_L1, 1);
    setMetadata(object, metadata);
    if (dryRun)
        return {object, std::nullopt, true};
    return {m_store.add(type, object), std::nullopt, true};
}

WriteResult Registry::update(const ResourceType &type, const QString &ns, const QString &name, QJsonObject object,
                             const QString &subresource, bool dryRun, const UserInfo *requester)
{
    const auto existing = m_store.get(type, ns, name);
    if (!existing)
        return {{}, status::notFound(type.group, type.plural, name)};
    if (auto failure = checkTypeMeta(type, object))
        return {{}, failure};
    QJsonObject metadata = metadataOf(object);
    const QJsonObject oldMetadata = metadataOf(*existing);
    if (text(metadata, "name"_L1) != name) {
        return {{},
                status::badRequest(u"the name of the object ("_s + text(metadata, "name"_L1)
                                   + u") does not match the name on the URL ("_s + name + u')')};
    }
    if (type.namespaced) {
        const QString bodyNamespace = text(metadata, "namespace"_L1);
        if (!bodyNamespace.isEmpty() && bodyNamespace != ns) {
            return {{},
                    status::badRequest(u"the namespace of the provided object does not match the namespace sent "
                                       "on the request"_s)};
        }
        metadata.insert("namespace"_L1, ns);
    }
    // The kind's storage checks the requester on the (defaulted) object as sent or patched: the apiserver
    // runs that check while it computes the updated object, before the resourceVersion precondition.
    if (requester) {
        QJsonObject candidate = object;
        setMetadata(candidate, metadata);
        type.strategy->applyDefaults(candidate);
        const WriteRequest request {*requester, type, ns, name, name};
        if (auto failure = type.strategy->authorizeWrite(request, candidate, &*existing, m_store))
            return {{}, failure};
    }
    const QString rv = text(metadata, "resourceVersion"_L1);
    if (!rv.isEmpty() && rv != text(oldMetadata, "resourceVersion"_L1))
        return {{}, status::staleConflict(type.group, type.plural, name)};

    const QString sentUid = text(metadata, "uid"_L1);
    resetServerFields(metadata);
    // rest.BeforeUpdate keeps a uid the update names (validation then refuses a different one: the uid is immutable,
    // which is what makes a patch naming the uid apply to that object only) and fills in an omitted one.
    if (!sentUid.isEmpty())
        metadata.insert("uid"_L1, sentUid);
    else if (oldMetadata.contains("uid"_L1))
        metadata.insert("uid"_L1, oldMetadata.value("uid"_L1));
    for (const auto key : {"creationTimestamp"_L1, "deletionTimestamp"_L1, "generation"_L1}) {
        if (oldMetadata.contains(key))
            metadata.insert(key, oldMetadata.value(key));
    }
    metadata.insert("resourceVersion"_L1, oldMetadata.value("resourceVersion"_L1));
    setMetadata(object, metadata);

    // The main resource cannot change status, and the status subresource can change nothing else.
    if (subresource == "status"_L1) {
        QJsonObject merged = *existing;
        merged.insert("status"_L1, object.value("status"_L1));
        object = merged;
    } else if (type.subresources.contains("status"_L1)) {
        if (existing->contains("status"_L1))
            object.insert("status"_L1, existing->value("status"_L1));
        else
            object.remove("status"_L1);
    }
    type.strategy->applyDefaults(object);
    type.strategy->prepareForUpdate(object, *existing);
    if (const QList<FieldError> errors = type.strategy->validate(object, &*existing); !errors.isEmpty())
        return {{}, status::invalid(type.group, type.kind, name, errors)};
    if (sameContent(object, *existing))
        return {*existing, std::nullopt};
    if (type.hasGeneration && object.value("spec"_L1) != existing->value("spec"_L1)) {
        metadata = metadataOf(object);
        metadata.insert("generation"_L1, oldMetadata.value("generation"_L1).toInteger(1) + 1);
        setMetadata(object, metadata);
    }
    if (dryRun)
        return {object, std::nullopt};
    return {m_store.update(type, object), std::nullopt};
}

WriteResult Registry::patch(const ResourceType &type, const QString &ns, const QString &name, PatchType patchType,
                            const QByteArray &body, const QString &subresource, bool dryRun, const UserInfo *requester)
{
    const auto existing = m_store.get(type, ns, name);
    if (!existing) {
        if (patchType != PatchType::Apply)
            return {{}, status::notFound(type.group, type.plural, name)};
        // Server-side apply of a missing object creates it.
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
        if (!doc.isObject())
            return {{}, status::badRequest(u"error decoding YAML: "_s + error.errorString())};
        return create(type, ns, doc.object(), dryRun, requester);
    }
    PatchResult patched;
    switch (patchType) {
    case PatchType::Json:
        patched = applyJsonPatch(*existing, body);
        break;
    case PatchType::Merge:
    case PatchType::Apply: // approximated: the applied configuration is merged over the live object
        patched = applyMergePatchBody(*existing, body);
        break;
    case PatchType::Strategic:
        patched = applyStrategicMergePatch(*existing, body, type.kind);
        break;
    }
    if (!patched.ok()) {
        const QString reason = patched.errorCode == 400 ? u"BadRequest"_s
            : patched.errorCode == 409                  ? u"Conflict"_s
            : patched.errorCode == 413                  ? u"RequestEntityTooLarge"_s
                                                        : u"Invalid"_s;
        return {{}, status::make(patched.errorCode, reason, patched.errorMessage)};
    }
    // A patch may carry a resourceVersion precondition; a patch that does not keeps the live one.
    QJsonObject metadata = metadataOf(patched.object);
    if (!metadata.contains("resourceVersion"_L1))
        metadata.insert("resourceVersion"_L1, metadataOf(*existing).value("resourceVersion"_L1));
    patched.object.insert("metadata"_L1, metadata);
    return update(type, ns, name, patched.object, subresource, dryRun, requester);
}

WriteResult Registry::remove(const ResourceType &type, const QString &ns, const QString &name,
                             const QJsonObject &options, bool dryRun)
{
    const auto existing = m_store.get(type, ns, name);
    if (!existing)
        return {{}, status::notFound(type.group, type.plural, name)};
    const QJsonObject metadata = metadataOf(*existing);
    const QJsonObject preconditions = options.value("preconditions"_L1).toObject();
    const auto precondition = [&](const QString &field, QLatin1StringView key,
                                  const QString &consequence) -> std::optional<ApiFailure> {
        const QString want = text(preconditions, key);
        const QString have = text(metadata, key);
        if (want.isEmpty() || want == have)
            return std::nullopt;
        return type.strategy->preconditionFailed(type, name, field, want, have, consequence);
    };
    if (auto failure = precondition(u"UID"_s, "uid"_L1, u"The object might have been deleted and then recreated"_s))
        return {{}, failure};
    if (auto failure =
            precondition(u"ResourceVersion"_s, "resourceVersion"_L1, u"The object might have been modified"_s))
        return {{}, failure};
    if (dryRun)
        return {*existing, std::nullopt};

    if (const auto deleting = type.strategy->beginDeletion(*existing)) {
        if (*deleting == *existing)
            return {*existing, std::nullopt};
        return {m_store.update(type, *deleting), std::nullopt};
    }
    const QJsonObject last = m_store.remove(type, ns, name);
    cascadeDelete(last, text(options, "propagationPolicy"_L1));
    return {last, std::nullopt};
}

void Registry::cascadeDelete(const QJsonObject &owner, const QString &propagation)
{
    // The garbage collector: dependents go with their owner unless the client asked to orphan them.
    const QString uid = text(metadataOf(owner), "uid"_L1);
    const QString ns = text(metadataOf(owner), "namespace"_L1);
    for (const ResourceType &type : resourceTypes()) {
        if (!type.namespaced || ns.isEmpty())
            continue;
        const Store::Objects objects = m_store.objects(type);
        for (auto it = objects.lowerBound(ns + u'/'); it != objects.end() && it.key().startsWith(ns + u'/'); ++it) {
            QJsonObject metadata = metadataOf(*it);
            QJsonArray owners = metadata.value("ownerReferences"_L1).toArray();
            const auto owned = std::find_if(owners.begin(), owners.end(), [&uid](const QJsonValue &ref) {
                return ref.toObject().value("uid"_L1).toString() == uid;
            });
            if (owned == owners.end())
                continue;
            if (propagation == "Orphan"_L1) {
                owners.erase(owned);
                metadata.insert("ownerReferences"_L1, owners);
                QJsonObject orphan = *it;
                orphan.insert("metadata"_L1, metadata);
                m_store.update(type, orphan);
            } else {
                remove(type, ns, text(metadata, "name"_L1), {});
            }
        }
    }
}

WriteResult Registry::apply(QJsonObject object)
{
    const ResourceType *type = findResourceByKind(text(object, "apiVersion"_L1), text(object, "kind"_L1));
    if (!type) {
        return {{},
                status::badRequest(u"no matches for kind \""_s + text(object, "kind"_L1) + u"\" in version \""_s
                                   + text(object, "apiVersion"_L1) + u'"')};
    }
    const QJsonObject metadata = metadataOf(object);
    const QString ns = type->namespaced
        ? (text(metadata, "namespace"_L1).isEmpty() ? u"default"_s : text(metadata, "namespace"_L1))
        : QString();
    const auto existing = m_store.get(*type, ns, text(metadata, "name"_L1));
    if (!existing)
        return create(*type, ns, object);
    QJsonObject newMetadata = metadata;
    newMetadata.remove("resourceVersion"_L1);
    object.insert("metadata"_L1, newMetadata);
    return update(*type, ns, text(metadata, "name"_L1), object);
}

} // namespace kubesim
