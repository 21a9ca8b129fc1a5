#include "Negotiation.h"

#include "Manifests.h"
#include "Protobuf.h"

#include <QHash>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace kubesim {

namespace {

QByteArray mediaType(const HttpRequest &request)
{
    return request.header("content-type").split(';').value(0).trimmed().toLower();
}

} // namespace

std::optional<Negotiation> negotiate(const QByteArray &accept, bool isList, bool isWatch, const ResourceType *type,
                                     ApiFailure *failure)
{
    if (accept.trimmed().isEmpty())
        return Negotiation {};
    QString refusal;
    for (const QByteArray &range : accept.split(',')) {
        const QList<QByteArray> parts = range.split(';');
        const QByteArray mediaType = parts.value(0).trimmed().toLower();
        QHash<QByteArray, QByteArray> params;
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QList<QByteArray> kv = parts[i].trimmed().split('=');
            params.insert(kv.value(0).trimmed(), kv.value(1).trimmed());
        }
        if (mediaType != "application/json" && mediaType != "*/*" && mediaType != "application/*")
            continue;
        const QByteArray as = params.value("as");
        if (as.isEmpty())
            return Negotiation {};
        const QByteArray version = params.value("v");
        if (params.value("g") != "meta.k8s.io" || (version != "v1" && version != "v1beta1"))
            continue;
        if (as == "Table") {
            if (!type)
                continue;
            return Negotiation {Shape::Table, u"meta.k8s.io/"_s + QString::fromLatin1(version)};
        }
        if (as == "PartialObjectMetadataList") {
            if (isList && !isWatch)
                return Negotiation {Shape::PartialMetadataList};
            refusal = u"you requested PartialObjectMetadataList, but the requested object is not a list"_s;
            continue;
        }
        if (as == "PartialObjectMetadata") {
            if (!isList || isWatch)
                return Negotiation {Shape::PartialMetadata};
            refusal = u"you requested PartialObjectMetadata, but the requested object is a list"_s;
            continue;
        }
    }
    *failure = status::notAcceptable(refusal.isEmpty() ? u"only the following media types are accepted: "
                                                         "application/json, application/yaml"_s
                                                       : refusal);
    return std::nullopt;
}

QByteArray contentTypeFor(const Negotiation &negotiation)
{
    switch (negotiation.shape) {
    case Shape::Table:
        return negotiation.tableApiVersion.endsWith("v1beta1"_L1)
            ? "application/json;as=Table;v=v1beta1;g=meta.k8s.io"_ba
            : "application/json;as=Table;v=v1;g=meta.k8s.io"_ba;
    case Shape::PartialMetadata:
        return "application/json;as=PartialObjectMetadata;v=v1;g=meta.k8s.io"_ba;
    case Shape::PartialMetadataList:
        return "application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io"_ba;
    case Shape::Object:
        break;
    }
    return "application/json"_ba;
}

std::optional<IncludeObject> includeObjectParam(const QString &value, ApiFailure *failure)
{
    if (value.isEmpty() || value == "Metadata"_L1)
        return IncludeObject::Metadata;
    if (value == "None"_L1)
        return IncludeObject::None;
    if (value == "Object"_L1)
        return IncludeObject::Object;
    *failure = status::badRequest(u"unrecognized includeObject value: \""_s + value + u'"');
    return std::nullopt;
}

std::optional<QJsonObject> decodeRequestBody(const HttpRequest &request, const ResourceType &type, ApiFailure *failure)
{
    const QByteArray contentType = mediaType(request);
    const QString unrecognized = u"the object provided is unrecognized (must be of type "_s + type.kind + u"): "_s;
    if (contentType.isEmpty() || contentType == "application/json") {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) {
            *failure = status::badRequest(unrecognized + u"couldn't get version/kind; json parse error: "_s
                                          + (doc.isObject() || error.error != QJsonParseError::NoError
                                                 ? error.errorString()
                                                 : u"the body is not a JSON object"_s));
            return std::nullopt;
        }
        return doc.object();
    }
    if (contentType == "application/yaml") {
        const ManifestResult manifest = parseManifests(request.body);
        if (!manifest.ok() || manifest.objects.size() != 1) {
            *failure = status::badRequest(unrecognized + u"error converting YAML to JSON: "_s
                                          + (manifest.ok() ? u"expected one document"_s : manifest.error));
            return std::nullopt;
        }
        return manifest.objects.first();
    }
    if (contentType == "application/vnd.kubernetes.protobuf") {
        const ProtobufDecodeResult decoded = decodeKubernetesProtobuf(request.body);
        if (!decoded.ok()) {
            *failure = status::badRequest(unrecognized + decoded.error);
            return std::nullopt;
        }
        return decoded.object;
    }
    *failure = status::unsupportedMediaType(
        u"the body of the request was in an unknown format - accepted media types include: application/json, "
        "application/yaml, application/vnd.kubernetes.protobuf"_s);
    return std::nullopt;
}

std::optional<PatchBody> decodePatchBody(const HttpRequest &request, ApiFailure *failure)
{
    static const QHash<QByteArray, PatchType> patchTypes {
        {"application/json-patch+json"_ba, PatchType::Json},
        {"application/merge-patch+json"_ba, PatchType::Merge},
        {"application/strategic-merge-patch+json"_ba, PatchType::Strategic},
        {"application/apply-patch+yaml"_ba, PatchType::Apply},
    };
    const auto found = patchTypes.constFind(mediaType(request));
    if (found == patchTypes.cend()) {
        *failure =
            status::unsupportedMediaType(u"the body of the request was in an unknown format - accepted media types "
                                         "include: application/json-patch+json, application/merge-patch+json, "
                                         "application/apply-patch+yaml, application/strategic-merge-patch+json"_s);
        return std::nullopt;
    }
    if (*found != PatchType::Apply)
        return PatchBody {*found, request.body};
    if (request.queryValue(u"fieldManager").isEmpty()) {
        *failure = status::invalid(
            u"meta.k8s.io"_s, u"PatchOptions"_s, QString(),
            {{u"FieldValueRequired"_s, u"fieldManager"_s, u"Required value: is required for apply patch"_s}});
        return std::nullopt;
    }
    const ManifestResult manifest = parseManifests(request.body);
    if (!manifest.ok() || manifest.objects.size() != 1) {
        *failure = status::badRequest(u"error decoding YAML: "_s
                                      + (manifest.ok() ? u"expected one document"_s : manifest.error));
        return std::nullopt;
    }
    return PatchBody {PatchType::Apply, compactJson(manifest.objects.first())};
}

QByteArray compactJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

void sendJson(HttpExchange *exchange, int code, const QJsonObject &body, const QByteArray &contentType)
{
    exchange->respond(code, contentType.isEmpty() ? "application/json"_ba : contentType, compactJson(body));
}

void sendFailure(HttpExchange *exchange, const ApiFailure &failure)
{
    sendJson(exchange, failure.code, failure.status);
}

} // namespace kubesim
