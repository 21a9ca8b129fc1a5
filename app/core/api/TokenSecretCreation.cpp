#include "api/Operations.h"

#include "api/OperationSupport.h"
#include "resources/SecretEncoding.h"

#include <QDeadlineTimer>
#include <QScopeGuard>

using namespace Qt::StringLiterals;

namespace sa {

namespace {

using namespace detail;

constexpr int kTokenSecretPollMs = 200;

const auto kTokenSecretType = "kubernetes.io/service-account-token"_L1;
const auto kServiceAccountNameAnnotation = "kubernetes.io/service-account.name"_L1;

// Creates a service-account-token Secret and waits for the token controller to fill it.
class TokenSecretCreation final : public Operation
{
public:
    TokenSecretCreation(KubeClient *client, const QString &ns, const QString &serviceAccount, const QString &name,
                        int waitMs)
        : Operation(client)
        , m_ns(ns)
        , m_serviceAccount(serviceAccount)
        , m_path(corePath(ns, "secrets"_L1, name))
        , m_name(name)
        , m_waitMs(waitMs)
    {
        // The controller deletes a token secret whose account does not exist: asking first gives the server's
        // own "not found" instead of a secret that appears and vanishes.
        call(request("GET", corePath(ns, "serviceaccounts"_L1, serviceAccount)), [this](const ApiResult &answer) {
            if (!answer.ok())
                fail(*answer.error);
            else
                create();
        });
    }

private:
    void create()
    {
        const QJsonObject secret {
            {"apiVersion"_L1, "v1"_L1},
            {"kind"_L1, "Secret"_L1},
            {"metadata"_L1,
             QJsonObject {{"name"_L1, m_name},
                          {"namespace"_L1, m_ns},
                          {"annotations"_L1, QJsonObject {{kServiceAccountNameAnnotation, m_serviceAccount}}}}},
            {"type"_L1, kTokenSecretType}};
        call(jsonRequest("POST", corePath(m_ns, "secrets"_L1), secret), [this](const ApiResult &answer) {
            if (!answer.ok()) {
                fail(*answer.error);
                return;
            }
            m_uid = uidOf(answer.json());
            m_deadline.setRemainingTime(m_waitMs);
            poll();
        });
    }

    void poll()
    {
        call(request("GET", m_path), [this](const ApiResult &answer) {
            const auto cleanup = qScopeGuard([&] { wipe(answer.body); });
            const QJsonObject object = answer.ok() ? answer.json() : QJsonObject();
            if ((answer.error && answer.error->isNotFound()) || (answer.ok() && uidOf(object) != m_uid)) {
                fail(operationError(u"The token controller deleted secret "_s + m_ns + u'/' + m_name
                                    + u": service account "_s + m_ns + u'/' + m_serviceAccount
                                    + u" no longer exists."_s));
                return;
            }
            if (!answer.ok()) {
                fail(*answer.error);
                return;
            }
            std::optional<Secret> secret = Secret::fromJson(object);
            if (!secret) {
                fail(ApiError::decode(u"secret "_s + m_name + u" could not be read"_s));
                return;
            }
            if (!secret->data.value(u"token"_s).isEmpty()) {
                OperationResult result;
                result.object = withoutData(object);
                result.value = std::move(*secret);
                succeed(std::move(result));
                return;
            }
            if (m_deadline.hasExpired())
                removeUnfilled();
            else
                after(kTokenSecretPollMs, [this] { poll(); });
        });
    }

    // An unfilled token secret is of no use and would confuse whoever finds it: it goes, unless it changed hands.
    void removeUnfilled()
    {
        const QString message = u"The token controller did not fill secret "_s + m_ns + u'/' + m_name + u" within "_s
            + seconds(m_waitMs) + u" s"_s;
        const QJsonObject options {{"preconditions"_L1, QJsonObject {{"uid"_L1, m_uid}}},
                                   {"propagationPolicy"_L1, "Background"_L1}};
        call(jsonRequest("DELETE", m_path, options), [this, message](const ApiResult &answer) {
            if (answer.ok() || answer.error->isNotFound())
                fail(operationError(message + u"; the empty secret was deleted again. Is the token controller "_s
                                    + u"(kube-controller-manager) running?"_s));
            else
                fail(combinedError(*answer.error,
                                   message + u", and deleting the empty secret failed: "_s
                                       + answer.error->userMessage()));
        });
    }

    QString m_ns;
    QString m_serviceAccount;
    QString m_path;
    QString m_name;
    QString m_uid;
    int m_waitMs;
    QDeadlineTimer m_deadline;
};

} // namespace

namespace ops {

Operation *createTokenSecret(KubeClient *client, const QString &ns, const QString &serviceAccount,
                             const QString &secretName, int waitMs)
{
    return new TokenSecretCreation(client, ns, serviceAccount, secretName, waitMs);
}

} // namespace ops

} // namespace sa
