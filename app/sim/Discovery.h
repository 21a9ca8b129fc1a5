#pragma once

#include "HttpServer.h"

#include <QJsonObject>
#include <QStringList>

namespace kubesim {

// What the server says about itself, from ResourceTypes: /version, the legacy discovery documents and a
// minimal OpenAPI v3. `segments` is the request path split at '/'.
[[nodiscard]] QJsonObject versionInfo();
// /api, /api/v1, /apis, /apis/GROUP and /apis/GROUP/VERSION.
void serveDiscovery(HttpExchange *exchange, const QStringList &segments);
// /openapi/v3 and the document of each group/version under it.
void serveOpenApi(HttpExchange *exchange, const QStringList &segments);

} // namespace kubesim
