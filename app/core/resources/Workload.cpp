#include "resources/Workload.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sa {

namespace {

QString accountOrDefault(const QString &account)
{
    return account.isEmpty() ? u"default"_s : account;
}

} // namespace

Workload Workload::from(const Deployment &deployment)
{
    return {Kind::Deployment, deployment.meta.name, accountOrDefault(deployment.serviceAccountName),
            deployment.replicas};
}

Workload Workload::from(const StatefulSet &set)
{
    return {Kind::StatefulSet, set.meta.name, accountOrDefault(set.serviceAccountName), set.replicas};
}

Workload Workload::from(const DaemonSet &set)
{
    return {Kind::DaemonSet, set.meta.name, accountOrDefault(set.serviceAccountName), set.desiredNumberScheduled};
}

Workload Workload::from(const Pod &pod)
{
    return {Kind::Pod, pod.meta.name, accountOrDefault(pod.serviceAccountName), 1};
}

QString Workload::kindName() const
{
    switch (kind) {
    case Kind::Deployment:
        return u"Deployment"_s;
    case Kind::StatefulSet:
        return u"StatefulSet"_s;
    case Kind::DaemonSet:
        return u"DaemonSet"_s;
    case Kind::Pod:
        break;
    }
    return u"Pod"_s;
}

QString Workload::label() const
{
    return kindName().toLower() + u'/' + name;
}

void Workload::sort(QList<Workload> &workloads)
{
    std::ranges::stable_sort(workloads, [](const Workload &a, const Workload &b) {
        return a.kind != b.kind ? a.kind < b.kind : a.name < b.name;
    });
}

QList<Workload> Workload::of(const QString &ns, const QList<Deployment> &deployments, const QList<Pod> &pods,
                             const QList<StatefulSet> &statefulSets, const QList<DaemonSet> &daemonSets)
{
    QList<Workload> result;
    const auto add = [&](const auto &objects) {
        for (const auto &object : objects) {
            if (object.meta.ns == ns)
                result.append(from(object));
        }
    };
    add(deployments);
    add(statefulSets);
    add(daemonSets);
    for (const Pod &pod : pods) {
        if (pod.meta.ns == ns && !pod.meta.hasControllerOwner() && !pod.meta.deletionTimestamp.isValid())
            result.append(from(pod));
    }
    sort(result);
    return result;
}

} // namespace sa
