#include "core/burst/previewjson.h"
