#pragma once

#include "Registry.h"

#include <QDate>
#include <QString>

namespace kubesim {

// The namespaces every cluster starts with: default, kube-system, kube-public, kube-node-lease.
void seedBootstrap(Registry &registry);

// Fills the store from a seed: "empty" (bootstrap only), "demo" (a small, realistic cluster), or
// "large:NAMESPACES:SERVICEACCOUNTS:SECRETS[:PODS]" for benchmarks. False with *error for an unknown seed.
bool applySeed(Registry &registry, const QString &seed, QString *error);
// What happened in the seed's cluster after its controllers had run once (the token controller filled its token
// Secrets): the demo's account payments/payments-batch is deleted, leaving its token Secret behind.
void applySeedHistory(Registry &registry, const QString &seed);
// The date legacy token tracking began in the demo cluster (kube-system/kube-apiserver-legacy-service-account-token-
// tracking), when --legacy-token-tracking-since does not say: 800 days ago.
[[nodiscard]] QDate demoLegacyTokenTrackingSince();

// Applies every object of a manifest file, stopping at the first failure with *error, which
// names the file, the object and the server's message.
bool loadManifestFile(Registry &registry, const QString &path, QString *error);

} // namespace kubesim
