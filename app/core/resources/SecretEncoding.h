#pragma once

#include "resources/SecretBytes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <functional>

// Encodings of secret values that leave no copy behind: every buffer a secret passes through is either wiped or
// sized up front so that no reallocation strands a copy.
namespace sa {

// Overwrites a buffer in place, through every implicitly shared copy (a request body the finished job still
// holds, a reply the job received), rather than detaching a fresh copy to wipe. Only for buffers whose readers
// are all done.
void wipe(const QByteArray &bytes);
void wipe(QString &text);

// Which string values of a JSON text are secret: each string member of an object held by a member named in
// `objectMembers` (a Secret's data and stringData), and the string held by a member named in `stringMembers` (an
// annotation that carries values, a TokenRequest's token). Names are compared as they stand in the text.
struct JsonSecrets
{
    QList<QByteArrayView> objectMembers;
    QList<QByteArrayView> stringMembers;
};

// What a Secret carries values in: data, stringData, and the annotations that copy them
// (kubectl.kubernetes.io/last-applied-configuration, OpenShift's openshift.io/token-secret.value).
[[nodiscard]] const JsonSecrets &secretValueMembers();
// The annotations of a Secret that carry values (see secretValueMembers()).
[[nodiscard]] QList<QLatin1StringView> valueBearingAnnotations();

// Overwrites in place, with '*', the inside of each secret string of the JSON text `json` (which stays valid JSON
// of the same length), so that parsing it never copies a value; before that, hands the string as it stands in the
// text (escapes and all) to `take`, with its member's name. Like wipe(), through every implicitly shared copy: only
// for buffers whose other readers are done. Text that is not JSON is scanned all the same, harmlessly. `object` is
// the name of the member whose object holds the string ("data"), empty for a string member of `stringMembers`.
void redactJsonSecrets(
    const QByteArray &json, const JsonSecrets &secrets,
    const std::function<void(QByteArrayView object, QByteArrayView member, QByteArrayView raw)> &take = {});
// A JSON string's inside as redactJsonSecrets() hands it over, unescaped, straight into SecretBytes (*ok false when
// an escape is not JSON); base64JsonSecret() also decodes the base64 of a Secret's data.
[[nodiscard]] SecretBytes jsonStringSecret(QByteArrayView raw, bool *ok);
[[nodiscard]] SecretBytes base64JsonSecret(QByteArrayView raw, bool *ok);

// A secret value that JSON parsing handed over as a QString: moved into SecretBytes, the string wiped.
[[nodiscard]] SecretBytes takeSecret(QString text);

// Appends a string as Go's encoding/json writes it (HTML-safe escapes included), so that a .dockerconfigjson is
// byte for byte what kubectl stores. `out` must have room reserved: a reallocation would leave a copy behind.
void appendGoJsonString(QByteArray &out, const QByteArray &utf8);

// The one YAML double-quoted scalar writer (toYaml()'s too), escaping much as go-yaml does for kubectl: quotes,
// backslashes, C0 and C1 controls and DEL (named escapes where YAML has one, else \xHH; NEL too, as yaml-cpp
// misreads \N), LS and PS (\L, \P: line breaks to YAML 1.1 readers), the byte order mark and U+FFFE/U+FFFF
// (\uXXXX); everything else as is, so that YAML 1.1 and 1.2 readers alike read the text back. At most 4 bytes out per
// byte in. appendYamlEscaped() writes the inside, appendYamlQuoted() the quotes around it. `out` must have room
// reserved (see above).
void appendYamlEscaped(QByteArray &out, QByteArrayView utf8);
void appendYamlQuoted(QByteArray &out, const QByteArray &utf8);
// `text` as a YAML double-quoted scalar (appendYamlQuoted()).
[[nodiscard]] QByteArray yamlQuoted(const QString &text);

} // namespace sa
