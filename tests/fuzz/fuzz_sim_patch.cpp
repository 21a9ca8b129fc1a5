// kube-sim's three patch formats on the fixtures' objects. The first byte picks the format (JSON patch, merge patch,
// strategic merge patch) and the object; the rest is the patch body. A merge patch that applies must also be
// idempotent (RFC 7386: applying it again changes nothing).
#include "FuzzSupport.h"

#include "Patch.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {

struct Target
{
    QString kind;
    QJsonObject object;
};

const QList<Target> &targets()
{
    static const QList<Target> loaded = [] {
        QList<Target> result;
        for (const auto &[kind, file] :
             {std::pair {u"ServiceAccount"_s, u"core.v1.ServiceAccount.json"_s},
              std::pair {u"Pod"_s, u"core.v1.Pod.json"_s}, std::pair {u"Deployment"_s, u"apps.v1.Deployment.json"_s},
              std::pair {u"Secret"_s, u"core.v1.Secret.json"_s},
              std::pair {u"ClusterRole"_s, u"rbac.authorization.k8s.io.v1.ClusterRole.json"_s}}) {
            QFile input(QStringLiteral(SA_FIXTURES_DIR "/kubernetes/api-testdata/") + file);
            if (!input.open(QIODevice::ReadOnly))
                fuzz::fail("the fixture is readable", input.fileName().toUtf8());
            result.append({kind, QJsonDocument::fromJson(input.readAll()).object()});
        }
        return result;
    }();
    return loaded;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray body = fuzz::bytes(data + 1, size - 1);
    const Target &target = targets().at((data[0] / 3) % targets().size());
    switch (data[0] % 3) {
    case 0:
        (void)kubesim::applyJsonPatch(target.object, body);
        break;
    case 1: {
        const kubesim::PatchResult once = kubesim::applyMergePatchBody(target.object, body);
        if (once.ok()) {
            const kubesim::PatchResult twice = kubesim::applyMergePatchBody(once.object, body);
            if (!twice.ok() || twice.object != once.object)
                fuzz::fail("a merge patch is idempotent", body);
        }
        break;
    }
    default:
        (void)kubesim::applyStrategicMergePatch(target.object, body, target.kind);
        break;
    }
    return 0;
}
