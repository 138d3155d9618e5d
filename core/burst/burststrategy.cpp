#include "core/burst/burststrategy.h"
