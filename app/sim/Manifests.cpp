#include "Manifests.h"
