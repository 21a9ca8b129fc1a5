// kube-sim's manifest reader (JSON, or YAML with any number of documents) and its YAML-to-JSON conversion.
#include "FuzzSupport.h"

#include "Manifests.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    const kubesim::ManifestResult result = kubesim::parseManifests(input);
    if (result.ok() == !result.error.isEmpty())
        fuzz::fail("objects xor an error", result.error.toUtf8());
    QString error;
    const QJsonValue value = kubesim::yamlToJson(input, &error);
    if (value.isUndefined() && error.isEmpty())
        fuzz::fail("an undefined value comes with an error", input);
    return 0;
}
