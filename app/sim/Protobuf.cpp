#include "Protobuf.h"
