#include "Selectors.h"
