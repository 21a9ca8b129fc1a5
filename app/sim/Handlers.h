#pragma once

#include "RequestScope.h"

namespace kubesim {

// One handler per verb on a stored resource, as k8s.io/apiserver's endpoints/handlers has them: each
// answers one request from its scope. ApiServer picks the handler by verb from a table.
using Handler = void (*)(const RequestScope &scope);

void getResource(const RequestScope &scope); // handlers/Get.cpp
void listResources(const RequestScope &scope); // handlers/Get.cpp
void createResource(const RequestScope &scope); // handlers/Create.cpp
void updateResource(const RequestScope &scope); // handlers/Update.cpp
void patchResource(const RequestScope &scope); // handlers/Patch.cpp
void deleteResource(const RequestScope &scope); // handlers/Delete.cpp
void deleteCollection(const RequestScope &scope); // handlers/Delete.cpp
void watchResources(const RequestScope &scope); // handlers/Watch.cpp

} // namespace kubesim
