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
// `printf '%s\n' 'Authorization: Bearer TOKEN' | curl --cacert CA 'https://SERVER/api' --header @-`. The header goes
// through a pipe from the shell's printf builtin, so the token is in no process's arguments (which any user of the
// machine can read in /proc). An inline CA becomes a process substitution (bash, zsh), tls-server-name a
// --connect-to, proxy-url a --proxy.
[[nodiscard]] SecretBytes curlCommand(const ResolvedContext &context, const SecretBytes &token);

// Both exports use the context's proxy without its user name and password (the admin's, not for whoever gets the
// token), and keep insecure-skip-tls-verify and an http:// server as the context has them. What of that the user
// should know before handing them on, one sentence each; empty when nothing.
[[nodiscard]] QStringList exportCaveats(const ResolvedContext &context);

} // namespace sa
