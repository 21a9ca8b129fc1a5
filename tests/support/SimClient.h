#pragma once

#include "api/KubeClient.h"
#include "api/Operation.h"
#include "config/Kubeconfig.h"

#include <QSignalSpy>

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

// Waits for `operation` to finish; a timeout is a failure ("the operation did not finish in time"), never a default
// result that would read as success.
[[nodiscard]] inline sa::OperationResult finishOperation(sa::Operation *operation, int timeoutMs = 30000)
{
    QSignalSpy spy(operation, &sa::Operation::finished);
    if (!spy.wait(timeoutMs)) {
        sa::OperationResult timedOut;
        timedOut.error = sa::ApiError::decode(QStringLiteral("the operation did not finish in time"));
        return timedOut;
    }
    return spy.first().first().value<sa::OperationResult>();
}
