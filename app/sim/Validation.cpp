#include "Validation.h"
