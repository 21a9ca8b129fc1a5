#pragma once

#include "Strategy.h"

namespace kubesim {

// The strategy of each stored kind, one file a kind (or a few kinds that share their rules). A new kind is
// a file here that defines its strategy, and a line in ResourceTypes.cpp that serves it.
[[nodiscard]] const Strategy &configMapStrategy(); // ConfigMap.cpp
[[nodiscard]] const Strategy &namespaceStrategy(); // Namespace.cpp
[[nodiscard]] const Strategy &nodeStrategy(); // Node.cpp
[[nodiscard]] const Strategy &podStrategy(); // Pod.cpp
[[nodiscard]] const Strategy &secretStrategy(); // Secret.cpp
[[nodiscard]] const Strategy &serviceAccountStrategy(); // ServiceAccount.cpp
[[nodiscard]] const Strategy &daemonSetStrategy(); // DaemonSet.cpp
[[nodiscard]] const Strategy &deploymentStrategy(); // Deployment.cpp
[[nodiscard]] const Strategy &replicaSetStrategy(); // Deployment.cpp
[[nodiscard]] const Strategy &statefulSetStrategy(); // StatefulSet.cpp
[[nodiscard]] const Strategy &roleStrategy(); // Roles.cpp
[[nodiscard]] const Strategy &clusterRoleStrategy(); // Roles.cpp
[[nodiscard]] const Strategy &roleBindingStrategy(); // Roles.cpp
[[nodiscard]] const Strategy &clusterRoleBindingStrategy(); // Roles.cpp

} // namespace kubesim
