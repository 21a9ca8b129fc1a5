#include "Patch.h"
