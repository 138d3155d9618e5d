#pragma once

// Fixture of tst_sandboxlayers_fixture: the transport may not know Kubernetes.
#include "core/kube/quantity.h"
#include "core/sandbox/transport/httpwire.h"
