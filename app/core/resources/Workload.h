#pragma once

#include "resources/Resources.h"

#include <QList>
#include <QString>

namespace sa {

// What runs pods as a service account: a Deployment, StatefulSet or DaemonSet (through its pod template), or a pod.
// A bare pod (one no controller owns) is the only pod that can be told to run as another account: nothing
// recreates it from a template.
struct Workload
{
    enum class Kind { Deployment, StatefulSet, DaemonSet, Pod }; // in the order they are listed
    Kind kind = Kind::Deployment;
    QString name;
    QString serviceAccount; // what it runs as now; an unset one is "default", as the API server makes it
    qint64 pods = 0; // the pods a rolling update replaces: replicas, or a DaemonSet's scheduled pods; 1 for a pod

    [[nodiscard]] static Workload from(const Deployment &deployment);
    [[nodiscard]] static Workload from(const StatefulSet &set);
    [[nodiscard]] static Workload from(const DaemonSet &set);
    [[nodiscard]] static Workload from(const Pod &pod);

    // The API's kind: "Deployment", "StatefulSet", "DaemonSet" or "Pod".
    [[nodiscard]] QString kindName() const;
    // kubectl's name of it: "deployment/NAME", "statefulset/NAME", "daemonset/NAME" or "pod/NAME".
    [[nodiscard]] QString label() const;

    // Workloads in the order they are listed: by kind, then by name.
    static void sort(QList<Workload> &workloads);
    // The workloads of namespace `ns` among these whose account can be changed: its Deployments, StatefulSets,
    // DaemonSets and its bare pods that are not being deleted, sorted.
    [[nodiscard]] static QList<Workload> of(const QString &ns, const QList<Deployment> &deployments,
                                            const QList<Pod> &pods, const QList<StatefulSet> &statefulSets = {},
                                            const QList<DaemonSet> &daemonSets = {});
};

} // namespace sa
