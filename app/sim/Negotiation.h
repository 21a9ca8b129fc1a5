#pragma once

#include "HttpServer.h"
#include "Registry.h"
#include "ResourceTypes.h"
#include "Status.h"
#include "Tables.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace kubesim {

// What the client asked the response to be, from its Accept header.
enum class Shape { Object, Table, PartialMetadata, PartialMetadataList };
struct Negotiation
{
    Shape shape = Shape::Object;
    QString tableApiVersion = QStringLiteral("meta.k8s.io/v1");
};

// Picks the first media range of the Accept header that the simulator can produce for this request, or
// sets a 406 failure.
[[nodiscard]] std::optional<Negotiation> negotiate(const QByteArray &accept, bool isList, bool isWatch,
                                                   const ResourceType *type, ApiFailure *failure);
[[nodiscard]] QByteArray contentTypeFor(const Negotiation &negotiation);
// The includeObject query parameter of a Table request.
[[nodiscard]] std::optional<IncludeObject> includeObjectParam(const QString &value, ApiFailure *failure);

// Decodes a create or update body in any of the media types the apiserver accepts (JSON, YAML, protobuf).
[[nodiscard]] std::optional<QJsonObject> decodeRequestBody(const HttpRequest &request, const ResourceType &type,
                                                           ApiFailure *failure);

// A PATCH body by its Content-Type; an apply patch's YAML is converted to JSON.
struct PatchBody
{
    PatchType type = PatchType::Merge;
    QByteArray body;
};
[[nodiscard]] std::optional<PatchBody> decodePatchBody(const HttpRequest &request, ApiFailure *failure);

[[nodiscard]] QByteArray compactJson(const QJsonObject &object);
// Sends a JSON body, or a Status for a failure.
void sendJson(HttpExchange *exchange, int code, const QJsonObject &body, const QByteArray &contentType = {});
void sendFailure(HttpExchange *exchange, const ApiFailure &failure);

} // namespace kubesim
