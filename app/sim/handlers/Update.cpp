// PUT on an object or its status: the whole new object, checked against the stored one.

#include "Handlers.h"

namespace kubesim {

void updateResource(const RequestScope &scope)
{
    ApiFailure failure;
    const auto body = decodeRequestBody(scope.request(), scope.type, &failure);
    if (!body) {
        scope.fail(failure);
        return;
    }
    scope.respond(
        scope.registry.update(scope.type, scope.ns, scope.name, *body, scope.subresource, scope.dryRun(), &scope.user),
        200);
}

} // namespace kubesim
