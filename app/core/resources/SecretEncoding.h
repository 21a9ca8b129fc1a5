#pragma once

#include "resources/SecretBytes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

// Encodings of secret values that leave no copy behind: every buffer a secret passes through is either wiped or
// sized up front so that no reallocation strands a copy.
namespace sa {

// Overwrites a buffer in place, through every implicitly shared copy (a request body the finished job still
// holds, a reply the job received), rather than detaching a fresh copy to wipe. Only for buffers whose readers
// are all done.
void wipe(const QByteArray &bytes);
void wipe(QString &text);

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
