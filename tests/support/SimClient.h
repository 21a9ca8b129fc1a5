#pragma once

#include "api/KubeClient.h"
#include "config/Kubeconfig.h"

#include <memory>

// A KubeClient for a kubeconfig (kube-sim's, typically), made as the application makes one: loaded, the current
// context resolved, the client created; nullptr with *error on the first step that fails. Header-only, because
// sa_testsupport does not link the client core; the tests that include it do.
[[nodiscard]] inline std::unique_ptr<sa::KubeClient> clientForKubeconfig(const QString &kubeconfig, QString *error)
{
    const sa::KubeconfigLoadResult loaded = sa::KubeconfigLoader::load(kubeconfig);
    if (!loaded.ok()) {
        *error = loaded.error;
        return nullptr;
    }
    const std::optional<sa::ResolvedContext> context = sa::resolveContext(*loaded.config, {}, {}, error);
    return context ? sa::KubeClient::create(*context, error) : nullptr;
}
