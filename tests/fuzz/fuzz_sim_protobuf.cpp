// kube-sim's decoder of application/vnd.kubernetes.protobuf request bodies.
#include "FuzzSupport.h"

#include "Protobuf.h"

#include <QJsonDocument>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const kubesim::ProtobufDecodeResult result = kubesim::decodeKubernetesProtobuf(fuzz::bytes(data, size));
    if (result.ok())
        (void)QJsonDocument(result.object).toJson(QJsonDocument::Compact);
    return 0;
}
