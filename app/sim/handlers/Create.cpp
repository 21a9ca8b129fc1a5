// POST on a collection: a new object from a JSON, YAML or protobuf body.

#include "Handlers.h"

namespace kubesim {

void createResource(const RequestScope &scope)
{
    // A namespaced object is created in a namespace, a cluster-scoped one outside any.
    if (scope.ns.isEmpty() == scope.type.namespaced) {
        scope.failMethodNotAllowed(scope.type.kind);
        return;
    }
    ApiFailure failure;
    const auto body = decodeRequestBody(scope.request(), scope.type, &failure);
    if (!body) {
        scope.fail(failure);
        return;
    }
    scope.respond(scope.registry.create(scope.type, scope.ns, *body, scope.dryRun(), &scope.user), 201);
}

} // namespace kubesim
