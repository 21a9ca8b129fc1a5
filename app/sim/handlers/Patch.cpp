// PATCH on an object or its status: JSON, merge, strategic merge and apply patches, by Content-Type.

#include "Handlers.h"

namespace kubesim {

void patchResource(const RequestScope &scope)
{
    ApiFailure failure;
    const auto patch = decodePatchBody(scope.request(), &failure);
    if (!patch) {
        scope.fail(failure);
        return;
    }
    const WriteResult result = scope.registry.patch(scope.type, scope.ns, scope.name, patch->type, patch->body,
                                                    scope.subresource, scope.dryRun(), &scope.user);
    // An apply patch of a missing object creates it.
    scope.respond(result, result.created ? 201 : 200);
}

} // namespace kubesim
