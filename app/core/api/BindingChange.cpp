#include "api/Operations.h"

#include "api/ApiPath.h"
#include "api/OperationSupport.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace sa {

namespace {

using namespace detail;

QString bindingPath(const BindingRef &binding)
{
    const QString group = u"/apis/rbac.authorization.k8s.io/v1/"_s;
    if (binding.ns.isEmpty())
        return group + u"clusterrolebindings/"_s + pathSegment(binding.name);
    return group + u"namespaces/"_s + pathSegment(binding.ns) + u"/rolebindings/"_s + pathSegment(binding.name);
}

QJsonObject subjectJson(const Subject &subject)
{
    QJsonObject object {{"kind"_L1, subject.kind}, {"name"_L1, subject.name}};
    if (subject.kind == "ServiceAccount"_L1)
        object.insert("namespace"_L1, subject.ns);
    else
        object.insert("apiGroup"_L1, "rbac.authorization.k8s.io"_L1);
    return object;
}

// Adds a subject to a binding or removes it: GET, then a JSON Patch that first tests the resourceVersion read, so
// that a concurrent writer makes the write fail instead of being overwritten (no other subject is ever lost); then
// read again and retry. Adding to a binding that does not exist creates it; removing the last subject deletes the
// binding, with the resourceVersion read as a precondition.
class BindingChange final : public Operation
{
public:
    enum class Change { Add, Remove };

    BindingChange(KubeClient *client, const BindingRef &binding, const RoleRef &role, const Subject &subject,
                  Change change)
        : Operation(client)
        , m_binding(binding)
        , m_role(role)
        , m_subject(subject)
        , m_change(change)
    {
        read();
    }

private:
    void read()
    {
        call(request("GET", bindingPath(m_binding)), [this](const ApiResult &answer) {
            if (answer.ok())
                change(answer.json());
            else if (answer.error->is(404) && m_change == Change::Add)
                create();
            else if (answer.error->is(404))
                done(QJsonObject()); // nothing left to remove it from
            else
                fail(*answer.error);
        });
    }

    void create()
    {
        const bool cluster = m_binding.ns.isEmpty();
        QJsonObject metadata {{"name"_L1, m_binding.name}};
        if (!cluster)
            metadata.insert("namespace"_L1, m_binding.ns);
        const QJsonObject binding {{"apiVersion"_L1, "rbac.authorization.k8s.io/v1"_L1},
                                   {"kind"_L1, cluster ? "ClusterRoleBinding"_L1 : "RoleBinding"_L1},
                                   {"metadata"_L1, metadata},
                                   {"roleRef"_L1,
                                    QJsonObject {{"apiGroup"_L1, "rbac.authorization.k8s.io"_L1},
                                                 {"kind"_L1, m_role.kind},
                                                 {"name"_L1, m_role.name}}},
                                   {"subjects"_L1, QJsonArray {subjectJson(m_subject)}}};
        QString collection = bindingPath(m_binding);
        collection.truncate(collection.lastIndexOf(u'/'));
        call(jsonRequest("POST", collection, binding), [this](const ApiResult &answer) {
            if (answer.ok())
                done(answer.json(), answer.warnings);
            else if (answer.error->is(409))
                retry(*answer.error); // made meanwhile by someone else: add to theirs
            else
                fail(*answer.error);
        });
    }

    void change(const QJsonObject &binding)
    {
        const QJsonObject roleRef = binding.value("roleRef"_L1).toObject();
        if (m_change == Change::Add
            && (roleRef.value("kind"_L1).toString() != m_role.kind
                || roleRef.value("name"_L1).toString() != m_role.name)) {
            fail(operationError(Operation::tr("Binding %1 grants %2 %3, not %4 %5: choose another name.")
                                    .arg(m_binding.name, roleRef.value("kind"_L1).toString(),
                                         roleRef.value("name"_L1).toString(), m_role.kind, m_role.name)));
            return;
        }
        const QString resourceVersion = binding[u"metadata"][u"resourceVersion"].toString();
        const QJsonArray current = binding.value("subjects"_L1).toArray();
        QJsonArray remaining;
        for (const QJsonValue &entry : current) {
            const Subject listed {entry[u"kind"].toString(), entry[u"name"].toString(), entry[u"namespace"].toString()};
            if (!listed.names(m_subject, m_binding.ns))
                remaining.append(entry);
        }
        const bool present = remaining.size() != current.size();
        if (present == (m_change == Change::Add)) {
            done(binding);
            return;
        }
        if (m_change == Change::Remove && remaining.isEmpty()) {
            remove(resourceVersion);
            return;
        }
        const QJsonObject edit = m_change == Change::Add
            ? (current.isEmpty() ? QJsonObject {{"op"_L1, "add"_L1},
                                                {"path"_L1, "/subjects"_L1},
                                                {"value"_L1, QJsonArray {subjectJson(m_subject)}}}
                                 : QJsonObject {{"op"_L1, "add"_L1},
                                                {"path"_L1, "/subjects/-"_L1},
                                                {"value"_L1, subjectJson(m_subject)}})
            : QJsonObject {{"op"_L1, "replace"_L1}, {"path"_L1, "/subjects"_L1}, {"value"_L1, remaining}};
        const QJsonArray operations {QJsonObject {{"op"_L1, "test"_L1},
                                                  {"path"_L1, "/metadata/resourceVersion"_L1},
                                                  {"value"_L1, resourceVersion}},
                                     edit};
        call(request("PATCH", bindingPath(m_binding), compact(operations), "application/json-patch+json"),
             [this](const ApiResult &answer) {
                 if (answer.ok())
                     done(answer.json(), answer.warnings);
                 // A failed "test" is a 422; the patch was built from the object just read, so it means a change.
                 else if (answer.error->isConflict() || answer.error->is(422))
                     retry(*answer.error);
                 else
                     fail(*answer.error);
             });
    }

    void remove(const QString &resourceVersion)
    {
        const QJsonObject options {{"apiVersion"_L1, "v1"_L1},
                                   {"kind"_L1, "DeleteOptions"_L1},
                                   {"preconditions"_L1, QJsonObject {{"resourceVersion"_L1, resourceVersion}}}};
        call(jsonRequest("DELETE", bindingPath(m_binding), options), [this](const ApiResult &answer) {
            if (answer.ok())
                done(answer.json(), answer.warnings);
            else if (answer.error->isConflict())
                retry(*answer.error); // someone added a subject meanwhile: remove ours from theirs
            else if (answer.error->is(404))
                done(QJsonObject());
            else
                fail(*answer.error);
        });
    }

    void retry(const ApiError &error)
    {
        if (++m_attempt >= kMaxConflictAttempts) {
            fail(combinedError(error,
                               Operation::tr("Gave up after %n attempts: the binding kept changing meanwhile. "
                                             "Try again.",
                                             nullptr, m_attempt)));
            return;
        }
        after(int(conflictBackoff(m_attempt).count()), [this] { read(); });
    }

    void done(const QJsonObject &object, const QStringList &warnings = {})
    {
        OperationResult result;
        result.object = object;
        result.warnings = warnings;
        succeed(std::move(result));
    }

    BindingRef m_binding;
    RoleRef m_role;
    Subject m_subject;
    Change m_change;
    int m_attempt = 0;
};

} // namespace

namespace ops {

Operation *addBindingSubject(KubeClient *client, const BindingRef &binding, const RoleRef &role, const Subject &subject)
{
    return new BindingChange(client, binding, role, subject, BindingChange::Change::Add);
}

Operation *removeBindingSubject(KubeClient *client, const BindingRef &binding, const Subject &subject)
{
    return new BindingChange(client, binding, {}, subject, BindingChange::Change::Remove);
}

} // namespace ops

} // namespace sa
