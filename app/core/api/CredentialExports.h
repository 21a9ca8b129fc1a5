#pragma once

#include "config/Kubeconfig.h"
#include "resources/SecretBytes.h"

#include <QString>

// What lets someone else use a service account's token: a kubeconfig, a curl command. Both are secrets.
namespace sa {

// A kubeconfig that lets a service account use the cluster with this token: the context's server, CA and
// tls-server-name, a user named after the account, and the account's namespace.
[[nodiscard]] SecretBytes serviceAccountKubeconfig(const ResolvedContext &context, const QString &ns,
                                                   const QString &serviceAccount, const SecretBytes &token);

// A shell command that calls the cluster's /api with this token, verified as the context verifies the server:
// `curl --cacert CA 'https://SERVER/api' --header 'Authorization: Bearer TOKEN'`. An inline CA becomes a process
// substitution (bash, zsh), tls-server-name a --connect-to, proxy-url a --proxy.
[[nodiscard]] SecretBytes curlCommand(const ResolvedContext &context, const SecretBytes &token);

} // namespace sa
