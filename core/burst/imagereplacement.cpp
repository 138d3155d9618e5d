#include "core/burst/imagereplacement.h"
