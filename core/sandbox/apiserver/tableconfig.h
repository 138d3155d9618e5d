#pragma once

#include "core/sandbox/apiserver/tablecells.h"

namespace core::sandbox {

// Table layouts of core/v1 services, configmaps and secrets, as
// pkg/printers/internalversion/printers.go prints them (Kubernetes 1.30).

// Name, Type, Cluster-IP, External-IP, Port(s) "80/TCP", Age | wide: Selector
TableLayout serviceTable();
// Name, Data, Age
TableLayout configMapTable();
// Name, Type, Data, Age
TableLayout secretTable();

} // namespace core::sandbox
