#include "core/sandbox/httpserver.h"
