#pragma once

#include "core/common/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace core::kube {

// CPU in millicores and memory in bytes, as metrics.k8s.io reports a usage.
struct ResourceUsage
{
    qint64 cpuMilli = 0;
    qint64 memoryBytes = 0;
    bool operator==(const ResourceUsage &) const = default;
};

// One metrics.k8s.io/v1beta1 PodMetrics or NodeMetrics object, read: when it was measured (the
// end of its window), the total, and for a pod each container's usage.
struct MetricsSample
{
    QDateTime timestamp;
    ResourceUsage total;
    QList<QPair<QString, ResourceUsage>> containers;
    bool operator==(const MetricsSample &) const = default;
};

// Errors name the field ("containers[1].usage.cpu") with code metrics.field; a sample without a
// valid timestamp is refused (metrics.timestamp). Sub-millicore CPU ("150000n") rounds up to
// whole millicores, as kubectl top shows it.
Result<MetricsSample> parsePodMetrics(const QJsonObject &json);
Result<MetricsSample> parseNodeMetrics(const QJsonObject &json);

} // namespace core::kube
