#pragma once

#include "core/sandbox/apiserver/tablecells.h"

namespace core::sandbox {

// Table layouts of core/v1 pods, nodes, namespaces and events, as
// pkg/printers/internalversion/printers.go prints them (Kubernetes 1.30).

// Name, Ready, Status, Restarts, Age | wide: IP, Node, Nominated Node, Readiness Gates
TableLayout podTable();
// Name, Status, Roles, Age, Version
// | wide: Internal-IP, External-IP, OS-Image, Kernel-Version, Container-Runtime
TableLayout nodeTable();
// Name, Status, Age
TableLayout namespaceTable();
// Last Seen, Type, Reason, Object "pod/x", Message
// | wide: Subobject, Source, First Seen, Count, Name
TableLayout eventTable();

} // namespace core::sandbox
