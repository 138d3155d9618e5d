#pragma once

#include "core/sandbox/store/apistatus.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace core::sandbox {

class ObjectStore;
struct ApiRequestInfo;

// metrics.k8s.io/v1beta1 as metrics-server serves it, computed rather than scraped: a running
// container uses a deterministic wobble around a share of its requests (by time and a hash of
// pod uid and container), a node the sum of its running pods plus system overhead. Pure
// functions of (objects, now), so tests can pin the numbers.
class PodMetrics
{
public:
    struct Usage
    {
        qint64 cpuNanoCores = 0;
        qint64 memoryBytes = 0;
    };

    // A container's usage, or nothing (zero) for a container that is not running.
    static Usage containerUsage(const QJsonObject &pod, const QJsonObject &container,
                                const QDateTime &now);
    static Usage nodeOverhead(const QString &nodeName);
    static bool isRunning(const QJsonObject &pod);

    static QJsonObject podMetrics(const QJsonObject &pod, const QDateTime &now);
    static QJsonObject nodeMetrics(const QJsonObject &node, const QList<QJsonObject> &pods,
                                   const QDateTime &now);

    // GET on /apis/metrics.k8s.io/v1beta1/{pods,nodes}[/NAME], namespaced pods or all; only
    // running pods have metrics (404 for others, as metrics-server answers).
    static ServerResult<QJsonObject> handle(const ObjectStore &store, const ApiRequestInfo &info,
                                            const QString &labelSelector, const QDateTime &now);
};

} // namespace core::sandbox
