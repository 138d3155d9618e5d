#include "core/sandbox/jsonpatch.h"
