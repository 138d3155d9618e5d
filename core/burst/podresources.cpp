#include "core/burst/podresources.h"
