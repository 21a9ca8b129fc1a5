// GET of one object and of a collection (a list; a watch is handlers/Watch.cpp), in the shape the Accept
// header asks for.

#include "Handlers.h"
#include "Pagination.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace kubesim {

void getResource(const RequestScope &scope)
{
    const ResourceType &type = scope.type;
    ApiFailure failure;
    const auto negotiation = negotiate(scope.request().header("accept"), false, false, &type, &failure);
    if (!negotiation) {
        scope.fail(failure);
        return;
    }
    const auto object = scope.registry.store().get(type, scope.ns, scope.name);
    if (!object) {
        scope.fail(status::notFound(type.group, type.plural, scope.name));
        return;
    }
    switch (negotiation->shape) {
    case Shape::Table: {
        const auto include = includeObjectParam(scope.request().queryValue(u"includeObject"), &failure);
        if (!include) {
            scope.fail(failure);
            return;
        }
        const QJsonObject listMetadata {
            {"resourceVersion"_L1, metadataOf(*object).value("resourceVersion"_L1).toString()}};
        sendJson(scope.exchange, 200,
                 makeTable(type, {*object}, *include, listMetadata, negotiation->tableApiVersion, true),
                 contentTypeFor(*negotiation));
        return;
    }
    case Shape::PartialMetadata:
        sendJson(scope.exchange, 200, partialObjectMetadata(*object), contentTypeFor(*negotiation));
        return;
    default:
        sendJson(scope.exchange, 200, *object);
        return;
    }
}

void listResources(const RequestScope &scope)
{
    const ResourceType &type = scope.type;
    const HttpRequest &request = scope.request();
    ApiFailure failure;
    const auto collection = parseCollectionRequest(scope, false, &failure);
    if (!collection) {
        scope.fail(failure);
        return;
    }
    const auto &[negotiation, filter, include] = *collection;
    bool limitOk = true;
    const qint64 limit = request.hasQuery(u"limit") ? request.queryValue(u"limit").toLongLong(&limitOk) : 0;
    if (!limitOk) {
        scope.fail(status::badRequest(u"limit: Invalid value: \""_s + request.queryValue(u"limit")
                                      + u"\": must be a non-negative integer"_s));
        return;
    }

    // A continued list reads the same snapshot as its first page.
    Pagination::Resume from {{}, scope.registry.store().resourceVersion(), {}};
    if (const QString token = request.queryValue(u"continue"); !token.isEmpty()) {
        const auto resumed = scope.pagination.resume(type, token, &failure);
        if (!resumed) {
            scope.fail(failure);
            return;
        }
        from = *resumed;
    } else {
        from.objects = scope.registry.store().objects(type);
    }
    const Store::Objects &objects = from.objects;

    const QString prefix = scope.ns.isEmpty() ? QString() : scope.ns + u'/';
    const auto inScope = [&](Store::Objects::const_iterator it) {
        return it != objects.cend() && (prefix.isEmpty() || it.key().startsWith(prefix));
    };
    auto it = from.startKey.isEmpty() ? (prefix.isEmpty() ? objects.cbegin() : objects.lowerBound(prefix))
                                      : objects.upperBound(from.startKey);
    QList<QJsonObject> page;
    QString lastKey;
    for (; inScope(it); ++it) {
        if (limit > 0 && page.size() >= limit)
            break;
        if (filter.matches(*it))
            page.append(*it);
        lastKey = it.key();
    }
    QJsonObject listMetadata {{"resourceVersion"_L1, QString::number(from.resourceVersion)}};
    if (inScope(it)) {
        listMetadata.insert("continue"_L1, scope.pagination.keep(type, from.resourceVersion, objects, lastKey));
        if (filter.labels.isEmpty() && filter.fields.isEmpty()) {
            qint64 remaining = 0;
            for (; inScope(it); ++it)
                ++remaining;
            listMetadata.insert("remainingItemCount"_L1, remaining);
        }
    }

    QJsonArray items;
    switch (negotiation.shape) {
    case Shape::Table:
        sendJson(scope.exchange, 200, makeTable(type, page, include, listMetadata, negotiation.tableApiVersion, true),
                 contentTypeFor(negotiation));
        return;
    case Shape::PartialMetadataList:
        for (const QJsonObject &object : std::as_const(page))
            items.append(partialObjectMetadata(object));
        sendJson(scope.exchange, 200,
                 {{"kind"_L1, "PartialObjectMetadataList"_L1},
                  {"apiVersion"_L1, "meta.k8s.io/v1"_L1},
                  {"metadata"_L1, listMetadata},
                  {"items"_L1, items}},
                 contentTypeFor(negotiation));
        return;
    default:
        for (const QJsonObject &object : std::as_const(page))
            items.append(object);
        sendJson(scope.exchange, 200, listEnvelope(type, items, listMetadata));
        return;
    }
}

} // namespace kubesim
