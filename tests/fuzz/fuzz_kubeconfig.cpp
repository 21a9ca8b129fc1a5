// The kubeconfig loader on arbitrary YAML: parse, then resolve every context as the application does on start.
#include "FuzzSupport.h"

#include "auth/Credentials.h"
#include "config/Kubeconfig.h"

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const sa::KubeconfigLoadResult result =
        sa::KubeconfigLoader::parse(fuzz::bytes(data, size), u"/nonexistent/fuzz/.kube/config"_s);
    if (!result.ok())
        return 0;
    const sa::Kubeconfig &config = *result.config;
    QString error;
    (void)sa::resolveContext(config, {}, u"override"_s, &error);
    for (auto it = config.contexts.cbegin(); it != config.contexts.cend(); ++it)
        (void)sa::resolveContext(config, it.key(), {}, &error);
    for (const sa::AuthInfo &user : config.users) {
        if (user.authProvider)
            (void)sa::CredentialProvider::authProviderMessage(*user.authProvider);
    }
    return 0;
}
