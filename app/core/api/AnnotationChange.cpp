#include "api/Operations.h"

#include "api/OperationSupport.h"

using namespace Qt::StringLiterals;

namespace sa {

namespace ops {

Operation *setAnnotations(KubeClient *client, const QString &ns, const QString &serviceAccount,
                          const QMap<QString, std::optional<QString>> &changes)
{
    auto *operation = new detail::LambdaOperation(client);
    if (changes.isEmpty()) {
        operation->succeed({}); // finished() still comes from the event loop
        return operation;
    }
    // A merge patch (RFC 7386) replaces only the members it names, and null removes one: no read, no
    // resourceVersion, nothing of another writer's to lose.
    QJsonObject annotations;
    for (auto it = changes.begin(); it != changes.end(); ++it)
        annotations.insert(it.key(), it.value() ? QJsonValue(*it.value()) : QJsonValue(QJsonValue::Null));
    const QJsonObject patch {{"metadata"_L1, QJsonObject {{"annotations"_L1, annotations}}}};
    operation->call(detail::jsonRequest("PATCH", detail::corePath(ns, "serviceaccounts"_L1, serviceAccount), patch,
                                        "application/merge-patch+json"),
                    [operation](const ApiResult &answer) {
                        if (!answer.ok()) {
                            operation->fail(*answer.error);
                            return;
                        }
                        OperationResult result;
                        result.object = answer.json();
                        result.warnings = answer.warnings;
                        operation->succeed(std::move(result));
                    });
    return operation;
}

} // namespace ops

} // namespace sa
