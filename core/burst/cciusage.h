#pragma once

#include "core/burst/podresources.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace core::burst {

// The size CCI bills a burst pod for (issue #11's usage meter).
struct BilledSize
{
    qint64 cpuMilli = 0;
    qint64 memoryBytes = 0;
    // True when the add-on's burst-pod-cpu/-memory annotations said it (vendor docs); false when
    // computed here with normalizeForCci() from the pod's containers.
    bool fromAnnotations = false;
    bool operator==(const BilledSize &) const = default;
};

// The annotations when both are present and valid quantities, else the normalized pod totals;
// nullopt when the pod cannot be sized (an invalid quantity, or a pod CCI would refuse).
std::optional<BilledSize> billedSize(const QJsonObject &pod);

// One burst pod's billed lifetime: from the moment its first container ran to the moment it
// stopped running (its last container finished, or it went away). Decided: CCI bills a pod while
// it runs; the pending time before (image pull, scheduling) is not counted.
struct BilledSpan
{
    QString nameSpace;
    QString workload; // "Kind/name" of the top controller the pod names, else "Pod/<name>"
    BilledSize size;
    QDateTime start;
    QDateTime end; // invalid while it still runs
};

// The top-level workload a pod belongs to, from its controller reference: a ReplicaSet named
// <deployment>-<pod-template-hash> counts as Deployment/<deployment> (the hash is the pod's
// pod-template-hash label); "Pod/<name>" when the pod has no controller.
QString podWorkload(const QJsonObject &pod);

// The span of a burst pod (bound to one of `virtualNodes`); nullopt for a pod that is not a burst
// pod, never ran, or cannot be sized. `goneAt` ends a pod that was deleted while running (the
// informer's DELETED time); a terminated pod ends at its last container's finishedAt.
std::optional<BilledSpan> billedSpan(const QJsonObject &pod, const QStringList &virtualNodes,
                                     const QDateTime &goneAt = {});

// An optional price per vCPU-hour and per GiB-hour, as the user entered them (none by default).
struct UsagePrice
{
    std::optional<double> perVcpuHour;
    std::optional<double> perGibHour;
    bool operator==(const UsagePrice &) const = default;
};

struct UsageRow
{
    QString key; // workload ("Kind/name"), namespace, or "" for the total
    QString nameSpace;
    int pods = 0;           // pods that ran inside the window
    double vcpuHours = 0;   // billed cores x hours inside the window
    double gibHours = 0;    // billed GiB x hours inside the window
    std::optional<double> cost; // set when at least one price is given
    bool operator==(const UsageRow &) const = default;
};

struct UsageReport
{
    QList<UsageRow> byWorkload;  // sorted by namespace, then workload
    QList<UsageRow> byNamespace; // sorted by namespace
    UsageRow total;
};

// vCPU-hours and GiB-hours of `spans` clipped to [from, to); a span still running counts up to
// `now` (or `to` when earlier). An empty window, or from after to, gives zeros.
UsageReport cciUsage(const QList<BilledSpan> &spans, const QDateTime &from, const QDateTime &to,
                     const QDateTime &now, const UsagePrice &price = {});

// The report as CSV (RFC 4180): scope,namespace,workload,pods,vcpu_hours,gib_hours,cost.
QByteArray usageCsv(const UsageReport &report);

} // namespace core::burst
