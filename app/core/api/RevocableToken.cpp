#include "api/Operations.h"

#include "api/OperationSupport.h"
#include "resources/SecretEncoding.h"

#include <QCoreApplication>
#include <QScopeGuard>

using namespace Qt::StringLiterals;

namespace sa {

namespace {

using namespace detail;

// An empty Opaque Secret made for one token, the token issued bound to it: deleting the Secret revokes the token
// (the API server checks the bound object on every use). A token request that fails takes the Secret with it.
class RevocableTokenRequest final : public Operation
{
public:
    RevocableTokenRequest(KubeClient *client, const QString &ns, const QString &serviceAccount,
                          const TokenRequestOptions &options)
        : Operation(client)
        , m_ns(ns)
        , m_serviceAccount(serviceAccount)
        , m_options(options)
    {
        const QString description = u"Deleting this Secret revokes the token of service account "_s + serviceAccount
            + u" that was issued bound to it."_s;
        const QJsonObject annotations {{"kubernetes.io/description"_L1, description}};
        const QJsonObject metadata {{"generateName"_L1, QString(serviceAccount + u"-token-revoke-"_s)},
                                    {"namespace"_L1, ns},
                                    {"annotations"_L1, annotations}};
        const QJsonObject secret {
            {"apiVersion"_L1, "v1"_L1}, {"kind"_L1, "Secret"_L1}, {"metadata"_L1, metadata}, {"type"_L1, "Opaque"_L1}};
        // Not cancelable: a cancel while the Secret is being created could leave it behind (the server may have
        // made it), and only this operation can account for it. Two short requests; Cancel waits for them.
        setCancelable(false);
        call(jsonRequest("POST", corePath(ns, "secrets"_L1), secret), [this](const ApiResult &answer) {
            if (!answer.ok()) {
                fail(*answer.error);
                return;
            }
            const QJsonObject created = answer.json();
            m_secret = created[u"metadata"][u"name"].toString();
            m_options.boundKind = u"Secret"_s;
            m_options.boundName = m_secret;
            m_options.boundUid = uidOf(created);
            issue();
        });
    }

private:
    void issue()
    {
        call(tokenRequest(m_ns, m_serviceAccount, m_options), [this](const ApiResult &answer) {
            const auto cleanup = qScopeGuard([&] { wipe(answer.body); });
            if (!answer.ok()) {
                removeSecret(*answer.error);
                return;
            }
            OperationResult result;
            result.warnings = answer.warnings;
            if (const std::optional<ApiError> error = readIssuedToken(answer, result)) {
                removeSecret(*error);
                return;
            }
            IssuedToken issued = *result.get<IssuedToken>();
            issued.revocationSecret = m_secret;
            issued.revocationSecretUid = m_options.boundUid;
            result.value = std::move(issued);
            succeed(std::move(result));
        });
    }

    // No token came: the Secret made for it goes too, so that nothing half-made is left.
    void removeSecret(const ApiError &cause)
    {
        const QJsonObject options {{"preconditions"_L1, QJsonObject {{"uid"_L1, m_options.boundUid}}}};
        call(jsonRequest("DELETE", corePath(m_ns, "secrets"_L1, m_secret), options),
             [this, cause](const ApiResult &answer) {
                 if (answer.ok() || answer.error->isNotFound())
                     fail(cause);
                 else
                     fail(combinedError(cause,
                                        QCoreApplication::translate("sa::RevocableToken",
                                                                    "%1 Secret %2/%3, made for the token, "
                                                                    "could not be deleted: %4")
                                            .arg(cause.userMessage(), m_ns, m_secret, answer.error->userMessage())));
             });
    }

    QString m_ns;
    QString m_serviceAccount;
    TokenRequestOptions m_options;
    QString m_secret;
};

} // namespace

namespace ops {

Operation *requestRevocableToken(KubeClient *client, const QString &ns, const QString &serviceAccount,
                                 const TokenRequestOptions &options)
{
    return new RevocableTokenRequest(client, ns, serviceAccount, options);
}

} // namespace ops

} // namespace sa
