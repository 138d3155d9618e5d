#pragma once

#include "core/burst/placementsimulator.h"
#include "core/burst/preview.h"
#include "core/kube/workload.h"

namespace core::burst {

// The workload-dependent part of a what-if run: the effective strategy, the location limits of the
// associated ScheduleProfile, what one pod reserves on a local node, and whether CCI admits the pod
// at all (a pod CCI rejects stays Pending instead of bursting). Nodes and replica steps are left
// to the caller. `defaultPeak` is the workload's replicas, at least 1.
struct WhatIfScenario
{
    SimulationInput input;
    int defaultPeak = 1;
};

WhatIfScenario whatIfScenario(const kube::Workload &workload, const PreviewResult &preview);

} // namespace core::burst
