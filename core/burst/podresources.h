#pragma once

#include "core/common/diagnostic.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace core::burst {

// One container's CCI-relevant resources: for cpu and memory, its limit if set, else its request
// (SPEC 3.1). CPU in millicores (rounded up), memory in bytes (rounded up).
struct ContainerResources
{
    QString name;
    bool init = false;
    int index = 0; // position within containers / initContainers
    bool hasCpu = false;
    bool hasMemory = false;
    qint64 cpuMilli = 0;
    qint64 memoryBytes = 0;
    bool invalid = false; // a cpu or memory value could not be read (reported); counted as absent

    bool bestEffort() const { return !hasCpu && !hasMemory; }
    QString path() const; // "containers[0]" / "initContainers[1]" relative to the pod spec
    bool operator==(const ContainerResources &) const = default;
};

struct PodTotals
{
    qint64 cpuMilli = 0;
    qint64 memoryBytes = 0;
    bool operator==(const PodTotals &) const = default;
};

// Reads containers and initContainers of a pod spec. Bad quantities and wrong types become errors
// with paths relative to the pod spec ("containers[0].resources.limits.cpu").
QList<ContainerResources> readContainerResources(const QJsonObject &podSpec,
                                                 Diagnostics *diagnostics);

// SPEC 3.2: per resource, max(sum over app containers, max over init containers).
PodTotals podTotals(const QList<ContainerResources> &containers);

// What the local (IDC/CCE) scheduler reserves: requests, or limits where no request is given,
// combined as in SPEC 3.2.
PodTotals localRequests(const QJsonObject &podSpec);

// Non-negative addition that sticks at the int64 maximum instead of overflowing.
qint64 saturatingAdd(qint64 a, qint64 b);

inline constexpr qint64 kGi = qint64(1) << 30;

} // namespace core::burst
