#pragma once

#include "core/burst/ccinamespace.h"
#include "core/burst/podresources.h"
#include "core/common/diagnostic.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace core::burst {

// The GPUs a pod asks for: nvidia.com/gpu (guide chapter 4) or nvidia.com/gpu-<model> (vendor
// docs), counted like cpu (limit, else request; app containers summed, the largest init container
// if larger).
struct GpuRequest
{
    int count = 0;
    QString resource; // the first GPU resource name found ("nvidia.com/gpu")
    QString path;     // pod-spec-relative path of that value
    bool invalid = false; // a GPU count is not a whole non-negative number
};
GpuRequest readGpuRequest(const QJsonObject &podSpec);

// The GPU specifications (decided from the vendor docs' example, 1 GPU with 4 cores and 32Gi, and
// the console's x1/x2/x4/x8 choices): n GPUs in {1, 2, 4, 8} come with 4n cores and 32n Gi.
bool isGpuCountOffered(int count);
PodTotals gpuSpecFor(int count);

// The GPU rules for a pod asking for GPUs (count > 0), paths relative to the pod spec except
// "@metadata..." ones (object-relative). Codes: gpu.namespaceFlavor (error: the namespace is
// known to be general-computing), gpu.count (error: not 1, 2, 4 or 8), gpu.driver (warning when
// cri.cci.io/gpu-driver is missing, error when not gpu-418.126 / gpu-460.106), gpu.invalid.
Diagnostics checkGpuPod(const GpuRequest &gpu, const QJsonObject &podAnnotations,
                        NamespaceFlavor flavor, const QString &annotationsPath);

// The driver version a pod's cri.cci.io/gpu-driver annotation selects ("418.126" when unset).
QString gpuDriverVersion(const QJsonObject &podAnnotations);

} // namespace core::burst
