#include "api/Operations.h"

#include "api/OperationSupport.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace sa {

namespace {

using namespace detail;

// Adds or removes one imagePullSecrets entry: GET, then a JSON Patch that first tests the resourceVersion read,
// so that a concurrent writer makes the patch fail instead of being overwritten; then read again and retry.
class PullSecretChange final : public Operation
{
public:
    enum class Change { Attach, Detach };

    PullSecretChange(KubeClient *client, const QString &ns, const QString &serviceAccount, const QString &secret,
                     Change change)
        : Operation(client)
        , m_path(corePath(ns, "serviceaccounts"_L1, serviceAccount))
        , m_secret(secret)
        , m_change(change)
    {
        read();
    }

private:
    void read()
    {
        call(request("GET", m_path), [this](const ApiResult &answer) {
            if (!answer.ok())
                fail(*answer.error);
            else
                patch(answer.json());
        });
    }

    void patch(const QJsonObject &account)
    {
        const QString resourceVersion = account[u"metadata"][u"resourceVersion"].toString();
        const QJsonArray current = account.value("imagePullSecrets"_L1).toArray();
        QJsonArray remaining;
        for (const QJsonValue &entry : current) {
            if (entry[u"name"].toString() != m_secret)
                remaining.append(entry);
        }
        const bool present = remaining.size() != current.size();
        if (present == (m_change == Change::Attach)) {
            OperationResult result;
            result.object = account;
            succeed(std::move(result));
            return;
        }
        QJsonObject edit;
        if (m_change == Change::Attach) {
            const QJsonObject entry {{"name"_L1, m_secret}};
            // "add" on an existing member replaces it, so an empty list present is no different from none.
            edit = current.isEmpty()
                ? QJsonObject {{"op"_L1, "add"_L1},
                               {"path"_L1, "/imagePullSecrets"_L1},
                               {"value"_L1, QJsonArray {entry}}}
                : QJsonObject {{"op"_L1, "add"_L1}, {"path"_L1, "/imagePullSecrets/-"_L1}, {"value"_L1, entry}};
        } else {
            edit = remaining.isEmpty()
                ? QJsonObject {{"op"_L1, "remove"_L1}, {"path"_L1, "/imagePullSecrets"_L1}}
                : QJsonObject {{"op"_L1, "replace"_L1}, {"path"_L1, "/imagePullSecrets"_L1}, {"value"_L1, remaining}};
        }
        const QJsonArray operations {QJsonObject {{"op"_L1, "test"_L1},
                                                  {"path"_L1, "/metadata/resourceVersion"_L1},
                                                  {"value"_L1, resourceVersion}},
                                     edit};
        call(request("PATCH", m_path, compact(operations), "application/json-patch+json"),
             [this](const ApiResult &answer) {
                 if (answer.ok()) {
                     OperationResult result;
                     result.object = answer.json();
                     result.warnings = answer.warnings;
                     succeed(std::move(result));
                     return;
                 }
                 // A failed "test" comes back as 422 (the apiserver cannot tell it from other JSON Patch errors);
                 // the patch is built from the object just read, so a changed resourceVersion is the cause.
                 const ApiError &error = *answer.error;
                 if (!error.isConflict() && !error.is(422)) {
                     fail(error);
                     return;
                 }
                 if (++m_attempt >= kMaxConflictAttempts) {
                     fail(combinedError(error,
                                        Operation::tr("Gave up after %n attempts: the service account kept "
                                                      "changing meanwhile. Try again.",
                                                      nullptr, m_attempt)));
                     return;
                 }
                 after(int(conflictBackoff(m_attempt).count()), [this] { read(); });
             });
    }

    QString m_path;
    QString m_secret;
    Change m_change;
    int m_attempt = 0;
};

} // namespace

namespace ops {

Operation *attachPullSecret(KubeClient *client, const QString &ns, const QString &serviceAccount,
                            const QString &secretName)
{
    return new PullSecretChange(client, ns, serviceAccount, secretName, PullSecretChange::Change::Attach);
}

Operation *detachPullSecret(KubeClient *client, const QString &ns, const QString &serviceAccount,
                            const QString &secretName)
{
    return new PullSecretChange(client, ns, serviceAccount, secretName, PullSecretChange::Change::Detach);
}

} // namespace ops

} // namespace sa
