#pragma once

// Fixture of tst_sandboxlayers_fixture: a part may not include a part above it.
#include "core/sandbox/cluster/podfacts.h"
#include "core/sandbox/store/objectstore.h"
