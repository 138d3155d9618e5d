#pragma once

#include <QJsonObject>
#include <QString>

namespace core::sandbox {

// What `nvidia-smi` shows in a sandbox GPU pod (guide chapter 4: CCI's GPU pods carry the tool):
// one row per GPU the pod asks for (nvidia.com/gpu or nvidia.com/gpu-<model> limits, else
// requests, summed over the app containers), the model its resource name gives (vendor docs:
// nvidia.com/gpu-tesla-v100-32GB / -16GB; plain nvidia.com/gpu shows the guide's chapter 4 card,
// Tesla P100-PCIE-16GB, assumed) and the driver of its cri.cci.io/gpu-driver annotation (418.126,
// the guide's, when unset). The conventions themselves live in core/burst/cciconventions.h,
// which this layer does not see. Empty for a pod without GPUs: nvidia-smi is then "not found".
QString nvidiaSmiFor(const QJsonObject &pod);

// The table for `count` GPUs named `model` with `memoryMiB` each and driver `driver`.
QString nvidiaSmiTable(int count, const QString &model, int memoryMiB, const QString &driver);

} // namespace core::sandbox
