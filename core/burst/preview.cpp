#include "core/burst/preview.h"
