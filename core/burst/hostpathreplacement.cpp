#include "core/burst/hostpathreplacement.h"
