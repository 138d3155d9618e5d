#include "core/burst/placementsimulator.h"
