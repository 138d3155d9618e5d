#include "core/burst/scheduleprofile.h"
