#include "ResourceTypes.h"
