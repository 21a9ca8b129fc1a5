#include "api/Operations.h"

#include "api/ApiPath.h"
#include "api/OperationSupport.h"

using namespace Qt::StringLiterals;

namespace sa {

namespace {

using namespace detail;

// Legacy discovery as kubectl's ServerGroupsAndResources does it: /api and /apis side by side, then the resource list
// of each group's preferred version side by side. A group version that fails is noted and the others are kept.
class ApiDiscovery final : public Operation
{
public:
    explicit ApiDiscovery(KubeClient *client)
        : Operation(client)
    {
        call(request("GET", u"/api"_s), [this](const ApiResult &answer) {
            // The core group's versions are plain "v1" (its lists live under /api/VERSION); the first is preferred.
            onGroups(answer, [](const QJsonObject &json) { return legacyVersions(json).mid(0, 1); });
        });
        call(request("GET", u"/apis"_s),
             [this](const ApiResult &answer) { onGroups(answer, &preferredGroupVersions); });
    }

private:
    void onGroups(const ApiResult &answer, QStringList (*groupVersionsOf)(const QJsonObject &))
    {
        // As client-go: a server without the legacy or the grouped API (403, 404) has none of it; anything else stops
        // discovery, since the groups it would have named are unknown.
        if (!answer.ok() && !answer.error->is(403) && !answer.error->isNotFound()) {
            fail(*answer.error);
            return;
        }
        if (answer.ok())
            m_groupVersions += groupVersionsOf(answer.json());
        if (++m_groupDocuments < 2)
            return;
        if (m_groupVersions.isEmpty()) {
            fail(operationError(Operation::tr("The server lists no API groups.")));
            return;
        }
        for (const QString &groupVersion : std::as_const(m_groupVersions)) {
            const QString path = groupVersionPath(groupVersion);
            if (path.isEmpty()) {
                // A name that is not a group version ("a/b/c", ".."): noted as failed, never requested.
                noteFailure(groupVersion,
                            ApiError::decode(Operation::tr("\"%1\" is not a group version").arg(groupVersion)));
                continue;
            }
            ++m_pending;
            call(request("GET", path), [this, groupVersion](const ApiResult &list) { onList(groupVersion, list); });
        }
        if (m_pending == 0)
            finish();
    }

    void noteFailure(const QString &groupVersion, const ApiError &error)
    {
        m_result.failedGroupVersions.insert(groupVersion, error.userMessage());
        if (!m_firstError)
            m_firstError = error;
    }

    void onList(const QString &groupVersion, const ApiResult &answer)
    {
        if (!answer.ok()) {
            noteFailure(groupVersion, *answer.error);
        } else if (const auto resources = parseApiResourceList(answer.json())) {
            m_result.resources += *resources;
        } else {
            const QString notAList = Operation::tr("the answer is not an APIResourceList");
            m_result.failedGroupVersions.insert(groupVersion, notAList);
            if (!m_firstError)
                m_firstError = ApiError::decode(groupVersion + u": "_s + notAList);
        }
        if (--m_pending == 0)
            finish();
    }

    void finish()
    {
        if (m_result.resources.isEmpty() && m_firstError) {
            fail(*m_firstError);
            return;
        }
        OperationResult result;
        result.value = std::move(m_result);
        succeed(std::move(result));
    }

    QStringList m_groupVersions;
    int m_groupDocuments = 0;
    qsizetype m_pending = 0;
    ApiResources m_result;
    std::optional<ApiError> m_firstError;
};

} // namespace

namespace ops {

Operation *discoverApiResources(KubeClient *client)
{
    return new ApiDiscovery(client);
}

} // namespace ops

} // namespace sa
