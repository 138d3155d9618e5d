#pragma once

#include "core/burst/podhelpers.h"
#include "core/common/diagnostic.h"
#include "core/kube/workload.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Guide 3.1: a graceful rolling update behind a load balancer (ELB passes traffic straight to the
// pods). A new pod gets traffic only once its readiness probe passes; an old pod keeps serving
// during a preStop sleep while ELB removes it; minReadySeconds (the container's start time plus
// the time ELB needs to bring a new member into service) must stay below that sleep, so the new
// pod is ready before the old one exits.
namespace core::burst {

// The name of the first LoadBalancer Service among `services` that selects the workload's pods
// (same namespace, selector matching the pod labels); "" when none. Only Deployments and
// StatefulSets roll (decided: the kinds with rolling updates that can burst).
QString rolloutLoadBalancer(const kube::Workload &workload, const QList<QJsonObject> &services);

// The seconds a container's preStop hook sleeps: lifecycle.preStop.sleep.seconds, or the
// `sleep N` of an exec command (any word of it, "sleep 30", "sleep 30s", "/bin/sleep 30");
// nullopt when it has no preStop or its hook sleeps in no way this reads.
std::optional<int> preStopSleepSeconds(const QJsonObject &container);

// The rule, for workloads behind a LoadBalancer Service. Paths relative to the object. Codes:
//   rollout.noReadinessProbe (warning)  an app container without a readiness probe;
//   rollout.noPreStop (warning)         an app container without a preStop hook;
//   rollout.noMinReadySeconds (warning) spec.minReadySeconds unset or 0;
//   rollout.minReadyNotBelowSleep (warning) minReadySeconds >= the shortest preStop sleep;
//   rollout.gracePeriod (warning)       the preStop sleep is not below
//                                       terminationGracePeriodSeconds (default 30), so the
//                                       container is killed during it (decided: the guide is
//                                       silent).
Diagnostics checkGracefulRollout(const kube::Workload &workload,
                                 const QList<QJsonObject> &services);

struct RolloutOptions
{
    int sleepSeconds = 20;    // the preStop sleep inserted (decided)
    int minReadySeconds = 10; // inserted when unset, kept below the sleep (decided)
};

// The edits that settle checkGracefulRollout's findings: a tcpSocket readiness probe on the
// container's first containerPort (else the Service's numeric targetPort, else its port), an exec
// preStop `sleep`, minReadySeconds below the shortest sleep, and terminationGracePeriodSeconds
// above it when needed. What it cannot decide (no port known) is said in `notes`. Edits only
// what is missing; works whether or not a LoadBalancer selects the workload.
ObjectEdits gracefulRolloutEdits(const kube::Workload &workload,
                                 const QList<QJsonObject> &services,
                                 const RolloutOptions &options = {}, QStringList *notes = nullptr);

} // namespace core::burst
