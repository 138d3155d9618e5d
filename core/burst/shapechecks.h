#pragma once

#include "core/burst/burststrategy.h"
#include "core/burst/podresources.h"
#include "core/common/diagnostic.h"
#include "core/kube/workload.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace core::burst {

struct ShapeInput
{
    const kube::Workload *workload = nullptr;
    QJsonObject podSpec; // after hostPath and image replacement
    Strategy strategy = Strategy::None;
    PodTotals podTotals;         // after normalization
    QStringList replacedVolumes; // produced by hostPath replacement (localDir, flexVolume, ...)
    QList<QJsonObject> services; // Services in scope (any namespace; filtered here)
    bool networkInterconnect = true;
    int logPolicies = 0;
};

// SPEC 4: what CCI refuses (errors), what it changes silently (warnings) and what it adds (info).
// Paths are relative to the pod spec, except workload-level ones, which start with "@" and are
// relative to the object ("@metadata.labels", "@kind").
Diagnostics checkPodShape(const ShapeInput &input);

// A Service in the workload's namespace whose non-empty spec.selector matches the pod labels.
bool serviceSelectsPod(const QJsonObject &service, const kube::Workload &workload);

// guide 1.1: the kubernetes.io/elb.health-check-option(s) annotation of a Service that names a
// health-check port (CCE's "monitor_port"), or "" when none does.
QString healthCheckPortAnnotation(const QJsonObject &service);

// guide 1.1: the memory to reserve for log collection in a pod that `policies` log policies
// collect from: 50 MB for the first, 5 MB for each further one (0 for none).
int logCollectionReserveMiB(int policies);

// SPEC 4 sysctl allow-list: kernel.shm*, kernel.msg*, kernel.sem, fs.mqueue.*, net.* except
// net.netfilter.* and net.ipv4.vs.*.
bool isSysctlAllowed(const QString &name);

} // namespace core::burst
