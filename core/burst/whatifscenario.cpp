#include "core/burst/whatifscenario.h"

#include <QtGlobal>

namespace core::burst {

WhatIfScenario whatIfScenario(const kube::Workload &workload, const PreviewResult &preview)
{
    WhatIfScenario s;
    s.input.strategy = preview.strategy.value;
    if (preview.profile) {
        s.input.local = preview.profile->local;
        s.input.cci = preview.profile->cci;
    }
    s.input.podRequest = localRequests(workload.podSpec());
    s.input.cciAvailable = preview.admissible;
    s.defaultPeak = qMax(workload.replicas(), 1);
    return s;
}

} // namespace core::burst
