// DELETE of one object, and of every object of a collection that the selectors match: one by one, up to the
// first that cannot go.

#include "Handlers.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace kubesim {

void deleteResource(const RequestScope &scope)
{
    const HttpRequest &request = scope.request();
    QJsonObject options = QJsonDocument::fromJson(request.body).object();
    if (request.hasQuery(u"propagationPolicy"))
        options.insert("propagationPolicy"_L1, request.queryValue(u"propagationPolicy"));
    const WriteResult result = scope.registry.remove(scope.type, scope.ns, scope.name, options, scope.dryRun());
    if (!result.ok() || scope.type.strategy->returnsDeletedObject()) {
        scope.respond(result, 200);
        return;
    }
    // Otherwise a Success Status names what went, so that a client can tell it from an object still finalizing.
    QJsonObject details {{"name"_L1, scope.name},
                         {"kind"_L1, scope.type.plural},
                         {"uid"_L1, metadataOf(result.object).value("uid"_L1).toString()}};
    if (!scope.type.group.isEmpty())
        details.insert("group"_L1, scope.type.group);
    sendJson(scope.exchange, 200, status::success(details));
}

void deleteCollection(const RequestScope &scope)
{
    ApiFailure failure;
    const auto filter = parseFilter(scope, &failure);
    if (!filter) {
        scope.fail(failure);
        return;
    }
    Registry &registry = scope.registry;
    const QJsonObject options = QJsonDocument::fromJson(scope.request().body).object();
    QJsonArray deleted;
    const Store::Objects objects = registry.store().objects(scope.type);
    for (const QJsonObject &object : objects) {
        if (!filter->matches(object))
            continue;
        const QJsonObject metadata = metadataOf(object);
        const WriteResult result = registry.remove(scope.type, metadata.value("namespace"_L1).toString(),
                                                   metadata.value("name"_L1).toString(), options, scope.dryRun());
        if (result.ok()) {
            deleted.append(result.object);
        } else if (result.failure->code != 404) {
            // As the generic store's DeleteCollection: the first failure ends the request (what went before
            // it stays deleted); an object already gone, as one a cascade took, is no failure.
            scope.fail(*result.failure);
            return;
        }
    }
    const QJsonObject listMetadata {{"resourceVersion"_L1, QString::number(registry.store().resourceVersion())}};
    sendJson(scope.exchange, 200, listEnvelope(scope.type, deleted, listMetadata));
}

} // namespace kubesim
