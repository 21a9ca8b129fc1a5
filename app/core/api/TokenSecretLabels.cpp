#include "api/Operations.h"

#include "api/OperationSupport.h"
#include "resources/SecretEncoding.h"

#include <QDateTime>
#include <QScopeGuard>

using namespace Qt::StringLiterals;

namespace sa {

namespace {

using namespace detail;

// The date format of the legacy-token labels (Go's "2006-01-02", UTC), as the cleaner and the authenticator write it.
QString labelDate(const QDate &date)
{
    return date.toString(u"yyyy-MM-dd"_s);
}

// Marks a legacy token Secret invalid as kube-controller-manager's legacy token cleaner does (a merge patch of the
// invalid-since label that names the Secret's uid), or re-enables it as the documentation says: by removing that
// label. The last-used label stays: it is the authenticator's record, and without it the token would look never
// used, which is the cleaner's reason to invalidate it again.
class TokenSecretInvalidation final : public TokenSecretOperation
{
public:
    TokenSecretInvalidation(KubeClient *client, const QString &ns, const QString &name, bool invalidated)
        : TokenSecretOperation(client)
        , m_ns(ns)
        , m_name(name)
        , m_invalidated(invalidated)
    {
        lookUpTokenSecret(ns, name, [this](const QJsonObject &metadata) { patch(metadata); });
    }

private:
    void patch(const QJsonObject &metadata)
    {
        const QJsonObject labels = metadata.value("labels"_L1).toObject();
        const QString since = labels.value(kLegacyTokenInvalidSinceLabel).toString();
        // Already as asked: no write. An invalidated token keeps the date it was first invalidated (a valid one), so
        // that invalidating it again does not put off its deletion by the cleaner, which counts from that date.
        const bool validDate = QDate::fromString(since, u"yyyy-MM-dd"_s).isValid() && since.size() == 10;
        if ((m_invalidated && validDate) || (!m_invalidated && !labels.contains(kLegacyTokenInvalidSinceLabel))) {
            OperationResult result;
            result.object = {{"apiVersion"_L1, "meta.k8s.io/v1"_L1},
                             {"kind"_L1, "PartialObjectMetadata"_L1},
                             {"metadata"_L1, metadata}};
            succeed(std::move(result));
            return;
        }
        const QJsonValue value = m_invalidated ? QJsonValue(labelDate(QDateTime::currentDateTimeUtc().date()))
                                               : QJsonValue(QJsonValue::Null);
        // The uid makes the patch apply to this Secret only (one deleted and made again meanwhile is refused, its uid
        // being immutable: 422); the type cannot change, so the lookup's answer still holds.
        const QJsonObject patch {{"metadata"_L1,
                                  QJsonObject {{"uid"_L1, metadata.value("uid"_L1)},
                                               {"labels"_L1, QJsonObject {{kLegacyTokenInvalidSinceLabel, value}}}}}};
        ApiRequest request =
            jsonRequest("PATCH", corePath(m_ns, "secrets"_L1, m_name), patch, "application/merge-patch+json");
        // Answered with the metadata alone; should a server answer with the whole Secret anyway, its values are
        // dropped and the buffer wiped.
        request.accept = kAcceptMetadataOnly.toByteArray();
        call(std::move(request), [this](const ApiResult &answer) {
            const auto cleanup = qScopeGuard([&] { wipe(answer.body); });
            if (!answer.ok()) {
                fail(*answer.error);
                return;
            }
            OperationResult result;
            result.warnings = answer.warnings;
            result.object = withoutData(answer.json());
            succeed(std::move(result));
        });
    }

    QString m_ns;
    QString m_name;
    bool m_invalidated;
};

} // namespace

namespace ops {

Operation *setTokenSecretInvalidated(KubeClient *client, const QString &ns, const QString &name, bool invalidated)
{
    return new TokenSecretInvalidation(client, ns, name, invalidated);
}

} // namespace ops

} // namespace sa
