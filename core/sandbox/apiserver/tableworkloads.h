#pragma once

#include "core/sandbox/apiserver/tablecells.h"

namespace core::sandbox {

// Table layouts of the apps/v1 and batch/v1 workloads, as pkg/printers/internalversion/printers.go
// prints them (Kubernetes 1.30): columns, order, wide columns and cell formats.

// Name, Ready "2/3", Up-to-date, Available, Age | wide: Containers, Images, Selector
TableLayout deploymentTable();
// Name, Desired, Current, Ready, Age | wide: Containers, Images, Selector
TableLayout replicaSetTable();
// Name, Ready "1/2", Age | wide: Containers, Images
TableLayout statefulSetTable();
// Name, Status, Completions "1/1", Duration, Age | wide: Containers, Images, Selector
TableLayout jobTable();

} // namespace core::sandbox
