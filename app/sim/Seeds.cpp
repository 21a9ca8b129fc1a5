#include "Seeds.h"
