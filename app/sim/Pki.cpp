#include "Pki.h"
