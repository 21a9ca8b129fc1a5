#pragma once

#include "Registry.h"

#include <QString>

namespace kubesim {

// The namespaces every cluster starts with: default, kube-system, kube-public, kube-node-lease.
void seedBootstrap(Registry &registry);

// Fills the store from a seed: "empty" (bootstrap only), "demo" (a small, realistic cluster), or
// "large:NAMESPACES:SERVICEACCOUNTS:SECRETS[:PODS]" for benchmarks. False with *error for an unknown seed.
bool applySeed(Registry &registry, const QString &seed, QString *error);

// Applies every object of a manifest file, stopping at the first failure with *error, which
// names the file, the object and the server's message.
bool loadManifestFile(Registry &registry, const QString &path, QString *error);

} // namespace kubesim
