#include "core/burst/shapechecks.h"
