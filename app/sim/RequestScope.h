#pragma once

#include "HttpServer.h"
#include "Negotiation.h"
#include "Rbac.h"
#include "Registry.h"
#include "ResourceTypes.h"
#include "Selectors.h"
#include "Status.h"
#include "Tables.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace kubesim {

class FaultInjector;
class Pagination;

// One request on a served resource, as ApiServer resolved it: what every verb's handler takes. It joins
// the apiserver's RequestScope (what serves the resource) and RequestInfo (what the request names).
struct RequestScope
{
    HttpExchange *exchange = nullptr;
    const ResourceType &type;
    QString ns; // empty for cluster-scoped resources and for lists across all namespaces
    QString name; // empty for requests on the collection
    QString subresource; // "status", "token", or empty
    UserInfo user; // after impersonation
    Registry &registry;
    Pagination &pagination;
    FaultInjector *faults = nullptr;
    int bookmarkInterval = 0; // milliseconds between a watch's bookmarks

    [[nodiscard]] const HttpRequest &request() const { return exchange->request(); }
    // dryRun=All: the write is checked and answered but not stored.
    [[nodiscard]] bool dryRun() const;
    void fail(const ApiFailure &failure) const { sendFailure(exchange, failure); }
    // 405 for a method the resource (named by `kind` in the message) does not serve.
    void failMethodNotAllowed(const QString &kind) const;
    // The answer to a write: the object with `code` (its PartialObjectMetadata when Accept asks for that), or the
    // failure.
    void respond(const WriteResult &result, int code) const;
};

// The label and field selectors of a list, watch or collection delete, applied to objects of one resource.
struct Filter
{
    const ResourceType *type = nullptr;
    QString ns; // empty: all namespaces
    LabelSelector labels;
    FieldSelector fields;

    [[nodiscard]] bool matches(const QJsonObject &object) const;
};
[[nodiscard]] std::optional<Filter> parseFilter(const RequestScope &scope, ApiFailure *failure);

// What a list or watch asks for: the response shape, the selectors and what Table rows carry.
struct CollectionRequest
{
    Negotiation negotiation;
    Filter filter;
    IncludeObject include = IncludeObject::Metadata;
};
[[nodiscard]] std::optional<CollectionRequest> parseCollectionRequest(const RequestScope &scope, bool watch,
                                                                      ApiFailure *failure);

// The List object of a resource ("ServiceAccountList") holding `items`.
[[nodiscard]] QJsonObject listEnvelope(const ResourceType &type, const QJsonArray &items,
                                       const QJsonObject &listMetadata);

} // namespace kubesim
