// An exec plugin's stdout (an ExecCredential) as the credential provider reads it, for both API versions.
#include "FuzzSupport.h"

#include "auth/Credentials.h"

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray output = fuzz::bytes(data, size);
    for (const QString &version : {u"client.authentication.k8s.io/v1"_s, u"client.authentication.k8s.io/v1beta1"_s}) {
        QString error;
        const auto credential = sa::CredentialProvider::parseExecOutput(output, version, &error);
        if (credential.has_value() == !error.isEmpty())
            fuzz::fail("a credential xor an error", error.toUtf8());
    }
    return 0;
}
