#include "ApiServer.h"
