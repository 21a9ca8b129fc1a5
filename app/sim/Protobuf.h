#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace kubesim {

struct ProtobufDecodeResult
{
    QJsonObject object; // the object as the apiserver's JSON form, with apiVersion and kind set
    QString error; // empty on success; otherwise a message for a 400 BadRequest
    [[nodiscard]] bool ok() const { return error.isEmpty(); }
};

// Decodes a body of Content-Type application/vnd.kubernetes.protobuf: the "k8s\0" magic, a
// runtime.Unknown envelope and the object's message, into the JSON that the same object has on the
// wire (bytes as base64, Time as RFC 3339, int64 as numbers). Unknown fields are skipped.
[[nodiscard]] ProtobufDecodeResult decodeKubernetesProtobuf(const QByteArray &body);

} // namespace kubesim
