#pragma once

#include "core/burst/podresources.h"
#include "core/common/diagnostic.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace core::burst {

// SPEC 3.3: the rules a CCI pod's totals must satisfy. One error per broken rule; paths are empty
// (the pod as a whole). Codes: resources.cpu.zero, resources.cpu.range, resources.cpu.step
// (decided: cpu in steps of 250m), resources.memory.range, resources.memory.wholeGi,
// resources.ratio.
Diagnostics checkCciPodTotals(const PodTotals &totals);

// Why a container value changed during auto-normalization (SPEC 3.4).
enum class NormalizationReason {
    CpuRoundedTo250m,     // step 1
    MemoryRaisedToMin,    // step 1: at least 0.2Gi
    PodMemoryRoundedToGi, // step 3, carried by the first app container (step 5)
    MemoryRaisedForRatio, // step 4, memory/cpu < 2
    CpuRaisedForRatio,    // step 4, memory/cpu > 8
    RaisedToGpuSpec,      // a GPU pod: cpu and memory raised to its GPU count's specification
};
QString reasonCode(NormalizationReason reason); // "step1.cpuRounded", ...
QString reasonText(NormalizationReason reason); // translated explanation

struct ResourceChange
{
    qsizetype container = 0; // index into the container list given to normalizeForCci
    QString resource;        // "cpu" | "memory"
    qint64 before = 0;       // millicores or bytes
    qint64 after = 0;
    QList<NormalizationReason> reasons;
};

struct NormalizationResult
{
    QList<ContainerResources> before; // SPEC 3.1 values (limit, else request)
    QList<ContainerResources> after;  // what CCI sets as both request and limit
    PodTotals podBefore;
    PodTotals podAfter;
    bool validAsIs = false;  // valid without normalization
    bool attempted = false;  // auto-normalization ran
    bool admissible = false; // valid after normalization
    bool invalidInput = false; // a container has an invalid quantity: nothing checked or changed
    QList<ResourceChange> changes;
    Diagnostics diagnostics; // errors name the failing rule; paths relative to the pod spec

    bool normalized() const { return !changes.isEmpty(); }
};

// SPEC 3: step 1 values, validity, and auto-normalization when the pod is invalid and no larger
// than 32 cores / 256Gi. A container with an invalid quantity (already reported by
// readContainerResources) stops it all: the pod cannot be sized, so no rule is checked, nothing is
// changed and the pod is not admissible. Step 5 (decided): the first non-BestEffort app container is raised just
// enough that the pod value reaches the target, also when an init container dominates.
NormalizationResult normalizeForCci(const QList<ContainerResources> &containers);
// The same for a pod asking for `gpus` GPUs (chapter 4; see ccigpu.h): when the count is one CCI
// offers, the pod's cpu and memory must be its GPU specification (4 cores and 32Gi per GPU).
// Smaller pods are raised to it on the first app container (decided: as steps 3-5 raise one
// container; reason RaisedToGpuSpec); larger ones are an error, gpu.shape. Other counts (already
// a gpu.count error) and gpus <= 0 use the general rules.
NormalizationResult normalizeForCci(const QList<ContainerResources> &containers, int gpus);

inline constexpr qint64 kMinMemoryBytes = 214748365; // 0.2Gi = 214748364.8 bytes, rounded up

} // namespace core::burst
