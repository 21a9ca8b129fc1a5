#include "Status.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace kubesim::status {

namespace {

QString quoted(const QString &s)
{
    QString out = u"\""_s;
    for (const QChar c : s) {
        if (c == u'"' || c == u'\\')
            out += u'\\';
        out += c;
    }
    return out + u'"';
}

QJsonObject nameDetails(const QString &group, const QString &kind, const QString &name)
{
    QJsonObject details;
    if (!name.isEmpty())
        details.insert("name"_L1, name);
    if (!group.isEmpty())
        details.insert("group"_L1, group);
    details.insert("kind"_L1, kind);
    return details;
}

} // namespace

QString groupResource(const QString &group, const QString &resource)
{
    return group.isEmpty() ? resource : resource + u'.' + group;
}

QJsonObject success(const QJsonObject &details)
{
    QJsonObject body {{"kind"_L1, "Status"_L1},
                      {"apiVersion"_L1, "v1"_L1},
                      {"metadata"_L1, QJsonObject()},
                      {"status"_L1, "Success"_L1}};
    if (!details.isEmpty())
        body.insert("details"_L1, details);
    return body;
}

ApiFailure make(int code, const QString &reason, const QString &message, const QJsonObject &details)
{
    QJsonObject body {{"kind"_L1, "Status"_L1},    {"apiVersion"_L1, "v1"_L1}, {"metadata"_L1, QJsonObject()},
                      {"status"_L1, "Failure"_L1}, {"message"_L1, message},    {"reason"_L1, reason}};
    if (!details.isEmpty())
        body.insert("details"_L1, details);
    body.insert("code"_L1, code);
    return {code, body};
}

ApiFailure notFound(const QString &group, const QString &resource, const QString &name)
{
    return make(404, u"NotFound"_s, groupResource(group, resource) + u' ' + quoted(name) + u" not found"_s,
                nameDetails(group, resource, name));
}

ApiFailure alreadyExists(const QString &group, const QString &resource, const QString &name)
{
    return make(409, u"AlreadyExists"_s, groupResource(group, resource) + u' ' + quoted(name) + u" already exists"_s,
                nameDetails(group, resource, name));
}

ApiFailure conflict(const QString &group, const QString &resource, const QString &name, const QString &why)
{
    return make(409, u"Conflict"_s,
                u"Operation cannot be fulfilled on "_s + groupResource(group, resource) + u' ' + quoted(name) + u": "_s
                    + why,
                nameDetails(group, resource, name));
}

ApiFailure staleConflict(const QString &group, const QString &resource, const QString &name)
{
    return conflict(group, resource, name,
                    u"the object has been modified; please apply your changes to the latest version and try again"_s);
}

ApiFailure invalid(const QString &group, const QString &kind, const QString &name, const QList<FieldError> &errors)
{
    QJsonArray causes;
    for (const FieldError &e : errors)
        causes.append(QJsonObject {{"reason"_L1, e.reason}, {"message"_L1, e.message}, {"field"_L1, e.field}});
    QJsonObject details = nameDetails(group, kind, name);
    details.insert("causes"_L1, causes);
    const QString groupKind = group.isEmpty() ? kind : kind + u'.' + group;
    return make(422, u"Invalid"_s, groupKind + u' ' + quoted(name) + u" is invalid: "_s + aggregateFieldErrors(errors),
                details);
}

ApiFailure forbidden(const QString &group, const QString &resource, const QString &name, const QString &why)
{
    // NewForbidden: "forbidden: ..." for a path, "<resource> is forbidden" or "<resource> \"<name>\" is forbidden".
    if (resource.isEmpty())
        return make(403, u"Forbidden"_s, u"forbidden: "_s + why);
    const QString subject =
        name.isEmpty() ? groupResource(group, resource) : groupResource(group, resource) + u' ' + quoted(name);
    return make(403, u"Forbidden"_s, subject + u" is forbidden: "_s + why, nameDetails(group, resource, name));
}

ApiFailure badRequest(const QString &message)
{
    return make(400, u"BadRequest"_s, message);
}

ApiFailure unauthorized()
{
    return make(401, u"Unauthorized"_s, u"Unauthorized"_s);
}

ApiFailure methodNotAllowed(const QString &verb, const QString &kind)
{
    return make(405, u"MethodNotAllowed"_s, verb + u" is not supported on resources of kind "_s + quoted(kind));
}

ApiFailure unsupportedMediaType(const QString &message)
{
    return make(415, u"UnsupportedMediaType"_s, message);
}

ApiFailure notAcceptable(const QString &message)
{
    return make(406, u"NotAcceptable"_s, message);
}

ApiFailure expired(const QString &message)
{
    return make(410, u"Expired"_s, message);
}

ApiFailure tooLarge(const QString &message)
{
    return make(413, u"RequestEntityTooLarge"_s, message);
}

ApiFailure internalError(const QString &message)
{
    return make(500, u"InternalError"_s, u"Internal error occurred: "_s + message,
                QJsonObject {{"causes"_L1, QJsonArray {QJsonObject {{"message"_L1, message}}}}});
}

ApiFailure pathNotFound()
{
    return make(404, u"NotFound"_s, u"the server could not find the requested resource"_s);
}

} // namespace kubesim::status
