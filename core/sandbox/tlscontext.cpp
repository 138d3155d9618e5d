#include "core/sandbox/tlscontext.h"
