#include "Controllers.h"
