#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace kubesim {

// Outcome of applying a patch: the patched object, or an HTTP status code and the message the
// apiserver gives for that failure (400 for a patch that does not decode, 422 for one that does not
// apply, a failed JSON-patch "test" included, 413 for more than 10000 JSON-patch operations, 500 for
// the strategic-merge-patch errors the apiserver passes through unclassified).
struct PatchResult
{
    QJsonObject object;
    int errorCode = 0;
    QString errorMessage;
    [[nodiscard]] bool ok() const { return errorCode == 0; }
};

// What Go's encoding/json calls a JSON value in "cannot unmarshal X into Go value": object, array, string, bool,
// number.
[[nodiscard]] QString goValueKind(const QJsonValue &value);

// RFC 7386 JSON merge patch.
[[nodiscard]] QJsonValue applyMergePatch(const QJsonValue &target, const QJsonValue &patch);

// Kubernetes strategic merge patch for the built-in kind `kind` ("ServiceAccount", "Pod", "Deployment", ...):
// lists with patchStrategy merge are merged by their key and honour $patch directives; other lists are replaced.
[[nodiscard]] PatchResult applyStrategicMergePatch(const QJsonObject &target, const QByteArray &patchBody,
                                                   const QString &kind);

// RFC 6902 JSON patch (add, remove, replace, move, copy, test).
[[nodiscard]] PatchResult applyJsonPatch(const QJsonObject &target, const QByteArray &patchBody);

// Merge patch from a request body; 400 when the body is not a JSON object.
[[nodiscard]] PatchResult applyMergePatchBody(const QJsonObject &target, const QByteArray &patchBody);

} // namespace kubesim
