#pragma once

#include <QString>

namespace sa {

// The OpenSSL the process runs with, as it names itself (OpenSSL_version(OPENSSL_VERSION): "OpenSSL 3.0.x …").
[[nodiscard]] QString openSslVersion();

} // namespace sa
