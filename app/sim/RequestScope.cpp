#include "RequestScope.h"

using namespace Qt::StringLiterals;

namespace kubesim {

bool RequestScope::dryRun() const
{
    return request().queryValue(u"dryRun") == "All"_L1;
}

void RequestScope::failMethodNotAllowed(const QString &kind) const
{
    fail(status::methodNotAllowed(QString::fromLatin1(request().method), kind));
}

void RequestScope::respond(const WriteResult &result, int code) const
{
    if (!result.ok()) {
        fail(*result.failure);
        return;
    }
    // The apiserver answers a write in the shape the Accept header asks for, as it answers a GET: a client that
    // asks for metadata only (e.g. to label a Secret without receiving its values) gets a PartialObjectMetadata.
    // Other shapes are not offered for writes here, and an Accept the simulator cannot meet still gets JSON, as
    // before, rather than the 406 a real server would send.
    ApiFailure ignored;
    const auto negotiation = negotiate(request().header("accept"), false, false, nullptr, &ignored);
    if (negotiation && negotiation->shape == Shape::PartialMetadata
        && result.object.value("kind"_L1).toString() != "Status"_L1)
        sendJson(exchange, code, partialObjectMetadata(result.object), contentTypeFor(*negotiation));
    else
        sendJson(exchange, code, result.object);
}

bool Filter::matches(const QJsonObject &object) const
{
    const QJsonObject metadata = object.value("metadata"_L1).toObject();
    if (!ns.isEmpty() && metadata.value("namespace"_L1).toString() != ns)
        return false;
    if (!labels.isEmpty() && !labels.matches(metadata.value("labels"_L1).toObject()))
        return false;
    return fields.isEmpty() || fields.matches([&](const QString &field) {
        return type->selectableField(object, field).value_or(QString());
    });
}

std::optional<Filter> parseFilter(const RequestScope &scope, ApiFailure *failure)
{
    Filter filter;
    filter.type = &scope.type;
    filter.ns = scope.ns;
    QString error;
    const auto labels = LabelSelector::parse(scope.request().queryValue(u"labelSelector"), &error);
    if (!labels) {
        *failure = status::badRequest(error);
        return std::nullopt;
    }
    filter.labels = *labels;
    const auto fields = FieldSelector::parse(scope.request().queryValue(u"fieldSelector"), &error);
    if (!fields) {
        *failure = status::badRequest(error);
        return std::nullopt;
    }
    for (const QString &field : fields->fields()) {
        if (!scope.type.selectableField(QJsonObject(), field)) {
            *failure = status::badRequest(scope.type.unsupportedFieldMessage(field));
            return std::nullopt;
        }
    }
    filter.fields = *fields;
    return filter;
}

std::optional<CollectionRequest> parseCollectionRequest(const RequestScope &scope, bool watch, ApiFailure *failure)
{
    const auto negotiation = negotiate(scope.request().header("accept"), true, watch, &scope.type, failure);
    const auto filter = negotiation ? parseFilter(scope, failure) : std::nullopt;
    const auto include =
        filter ? includeObjectParam(scope.request().queryValue(u"includeObject"), failure) : std::nullopt;
    if (!include)
        return std::nullopt;
    return CollectionRequest {*negotiation, *filter, *include};
}

QJsonObject listEnvelope(const ResourceType &type, const QJsonArray &items, const QJsonObject &listMetadata)
{
    return {{"kind"_L1, type.listKind()},
            {"apiVersion"_L1, type.apiVersion()},
            {"metadata"_L1, listMetadata},
            {"items"_L1, items}};
}

} // namespace kubesim
