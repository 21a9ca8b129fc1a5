#include "util/Versions.h"

#include <openssl/crypto.h>

namespace sa {

QString openSslVersion()
{
    return QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION));
}

} // namespace sa
