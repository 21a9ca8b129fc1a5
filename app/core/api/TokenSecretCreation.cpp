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

// Creates a service-account-token Secret and waits for the token controller to fill it. Rotation makes the new one
// for the account of an existing token Secret, named as the controller of old named them, and returns it without
// its values.
class TokenSecretCreation final : public TokenSecretOperation
{
public:
    TokenSecretCreation(KubeClient *client, const QString &ns, const QString &serviceAccount, const QString &name,
                        int waitMs)
        : TokenSecretOperation(client)
        , m_ns(ns)
        , m_serviceAccount(serviceAccount)
        , m_name(name)
        , m_waitMs(waitMs)
    {
        checkAccount();
    }

    struct Replacing
    {
        QString secret;
    };
    TokenSecretCreation(KubeClient *client, const QString &ns, const Replacing &old, int waitMs)
        : TokenSecretOperation(client)
        , m_ns(ns)
        , m_replaces(old.secret)
        , m_waitMs(waitMs)
    {
        lookUpTokenSecret(ns, old.secret, [this](const QJsonObject &metadata) {
            m_serviceAccount = metadata.value("annotations"_L1)[kServiceAccountNameAnnotation].toString();
            if (m_serviceAccount.isEmpty()) {
                fail(operationError(Operation::tr("Secret %1/%2 names no service account (%3).")
                                        .arg(m_ns, m_replaces, kServiceAccountNameAnnotation)));
                return;
            }
            checkAccount();
        });
    }

private:
    void checkAccount()
    {
        // The controller deletes a token secret whose account does not exist: asking first gives the server's
        // own "not found" instead of a secret that appears and vanishes.
        call(request("GET", corePath(m_ns, "serviceaccounts"_L1, m_serviceAccount)), [this](const ApiResult &answer) {
            if (!answer.ok())
                fail(*answer.error);
            else
                create();
        });
    }

    void create()
    {
        QJsonObject annotations {{kServiceAccountNameAnnotation, m_serviceAccount}};
        if (!m_replaces.isEmpty())
            annotations.insert("kubernetes.io/description"_L1,
                               QString(u"Replaces token Secret "_s + m_replaces + u'.'));
        QJsonObject metadata {{"namespace"_L1, m_ns}, {"annotations"_L1, annotations}};
        // A rotated token is named as the token controller named them before 1.24: ACCOUNT-token-XXXXX.
        if (m_name.isEmpty())
            metadata.insert("generateName"_L1, QString(m_serviceAccount + u"-token-"_s));
        else
            metadata.insert("name"_L1, m_name);
        const QJsonObject secret {{"apiVersion"_L1, "v1"_L1},
                                  {"kind"_L1, "Secret"_L1},
                                  {"metadata"_L1, metadata},
                                  {"type"_L1, kTokenSecretType}};
        call(jsonRequest("POST", corePath(m_ns, "secrets"_L1), secret), [this](const ApiResult &answer) {
            if (answer.ok()) {
                created(answer.json());
                return;
            }
            if (m_name.isEmpty()) {
                fail(*answer.error); // named by the server: nothing to look for
                return;
            }
            // An answer that leaves open whether the secret was stored (a 5xx) is followed by a look at it.
            checkWriteOutcome(
                [this](ApiRequest get, std::function<void(const ApiResult &)> next) {
                    call(std::move(get), std::move(next));
                },
                *answer.error, WriteCheck {WriteCheck::Kind::Create, corePath(m_ns, "secrets"_L1, m_name), {}, true},
                [this](const QJsonObject &found) { created(found); }, [this](const ApiError &error) { fail(error); });
        });
    }

    // A failure after the secret was stored, which stays: the dialog must not say that nothing was created.
    static ApiError leftBehind(ApiError error)
    {
        error.concluded = ApiError::WriteOutcome::Applied;
        return error;
    }

    void created(const QJsonObject &secret)
    {
        m_uid = uidOf(secret);
        m_name = secret.value("metadata"_L1)[u"name"].toString();
        m_path = corePath(m_ns, "secrets"_L1, m_name);
        m_deadline.setRemainingTime(m_waitMs);
        poll();
    }

    void poll()
    {
        call(request("GET", m_path), [this](const ApiResult &answer) {
            const auto cleanup = qScopeGuard([&] { wipe(answer.body); });
            const QJsonObject object = answer.ok() ? answer.json() : QJsonObject();
            if ((answer.error && answer.error->isNotFound()) || (answer.ok() && uidOf(object) != m_uid)) {
                fail(operationError(Operation::tr("The token controller deleted secret %1/%2: service account %1/%3 "
                                                  "no longer exists.")
                                        .arg(m_ns, m_name, m_serviceAccount)));
                return;
            }
            if (!answer.ok()) {
                fail(leftBehind(combinedError(*answer.error,
                                              Operation::tr("Secret %1/%2 was created, but reading "
                                                            "its token failed: %3")
                                                  .arg(m_ns, m_name, answer.error->userMessage()))));
                return;
            }
            std::optional<Secret> secret = Secret::fromJson(object);
            if (!secret) {
                fail(ApiError::decode(Operation::tr("secret %1 could not be read").arg(m_name)));
                return;
            }
            if (!secret->data.value(u"token"_s).isEmpty()) {
                OperationResult result;
                result.object = withoutData(object);
                // A rotation hands back the name only: the new token is read when someone asks to see it.
                if (m_replaces.isEmpty())
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
        const QString secret = m_ns + u'/' + m_name;
        const QString within = seconds(m_waitMs);
        const QJsonObject options {{"preconditions"_L1, QJsonObject {{"uid"_L1, m_uid}}},
                                   {"propagationPolicy"_L1, "Background"_L1}};
        call(jsonRequest("DELETE", m_path, options), [this, secret, within](const ApiResult &answer) {
            if (answer.ok() || answer.error->isNotFound())
                fail(operationError(Operation::tr("The token controller did not fill secret %1 within %2 s; the empty "
                                                  "secret was deleted again. Is the token controller "
                                                  "(kube-controller-manager) running?")
                                        .arg(secret, within)));
            else
                fail(leftBehind(combinedError(*answer.error,
                                              Operation::tr("The token controller did not fill secret %1 within %2 s, "
                                                            "and deleting the empty secret failed: %3")
                                                  .arg(secret, within, answer.error->userMessage()))));
        });
    }

    QString m_ns;
    QString m_serviceAccount;
    QString m_replaces; // rotation: the Secret the new one replaces
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

Operation *rotateTokenSecret(KubeClient *client, const QString &ns, const QString &oldSecretName, int waitMs)
{
    return new TokenSecretCreation(client, ns, TokenSecretCreation::Replacing {oldSecretName}, waitMs);
}

} // namespace ops

} // namespace sa
