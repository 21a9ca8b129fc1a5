// Node: only its Table is its own (printNode).

#include "Kinds.h"
#include "Tables.h"

using namespace Qt::StringLiterals;

namespace kubesim {

namespace {

class NodeStrategy final : public Strategy
{
public:
    QJsonArray tableColumns() const override
    {
        return {column(u"Status"_s, u"string"_s, u"The status of the node"_s),
                column(u"Roles"_s, u"string"_s, u"The roles of the node"_s),
                ageColumn(),
                column(u"Version"_s, u"string"_s, u"Kubelet Version reported by the node."_s),
                column(u"Internal-IP"_s, u"string"_s, u"List of internal IPs for the node."_s, 1),
                column(u"External-IP"_s, u"string"_s, u"List of external IPs for the node."_s, 1),
                column(u"OS-Image"_s, u"string"_s, u"OS Image reported by the node from /etc/os-release."_s, 1),
                column(u"Kernel-Version"_s, u"string"_s, u"Kernel Version reported by the node."_s, 1),
                column(u"Container-Runtime"_s, u"string"_s, u"Container Runtime Version reported by the node."_s, 1)};
    }

    QJsonArray tableCells(const QJsonObject &node, const QString &age) const override
    {
        const QJsonObject status = node.value("status"_L1).toObject();
        QString ready = u"Unknown"_s;
        for (const QJsonValue &condition : status.value("conditions"_L1).toArray()) {
            if (condition.toObject().value("type"_L1).toString() == "Ready"_L1)
                ready = condition.toObject().value("status"_L1).toString() == "True"_L1 ? u"Ready"_s : u"NotReady"_s;
        }
        QStringList roles;
        const QJsonObject labels = node.value("metadata"_L1).toObject().value("labels"_L1).toObject();
        for (auto it = labels.begin(); it != labels.end(); ++it) {
            if (it.key().startsWith("node-role.kubernetes.io/"_L1))
                roles.append(it.key().mid(24));
        }
        QString internalIp = u"<none>"_s;
        for (const QJsonValue &address : status.value("addresses"_L1).toArray()) {
            if (address.toObject().value("type"_L1).toString() == "InternalIP"_L1)
                internalIp = address.toObject().value("address"_L1).toString();
        }
        const QJsonObject info = status.value("nodeInfo"_L1).toObject();
        return {ready,
                roles.isEmpty() ? u"<none>"_s : roles.join(u','),
                age,
                info.value("kubeletVersion"_L1),
                internalIp,
                u"<none>"_s,
                info.value("osImage"_L1),
                info.value("kernelVersion"_L1),
                info.value("containerRuntimeVersion"_L1)};
    }
};

} // namespace

const Strategy &nodeStrategy()
{
    static const NodeStrategy strategy;
    return strategy;
}

} // namespace kubesim
