#pragma once

#include "HttpServer.h"
#include "Rbac.h"
#include "Status.h"

#include <optional>

namespace kubesim {

// Applies the Impersonate-User, -Group, -Uid and -Extra-* headers as the apiserver's impersonation filter
// does: each impersonated attribute needs the impersonate verb on it. On success `user` becomes the
// impersonated user (unchanged without the headers); otherwise the failure to answer with.
[[nodiscard]] std::optional<ApiFailure> impersonate(const HttpRequest &request, const Authorizer &authorizer,
                                                    UserInfo &user);

} // namespace kubesim
