#include "core/sandbox/objectstore.h"
