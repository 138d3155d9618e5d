#include "core/burst/resourcenormalizer.h"
