#pragma once

#include "core/sandbox/cluster/workloadcontroller.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace core::sandbox {

// The ReplicaSet controller: keeps spec.replicas active pods owned by each ReplicaSet and
// reports status (replicas, fullyLabeledReplicas, readyReplicas, availableReplicas,
// observedGeneration). minReadySeconds is not modelled: a ready pod is available.
class ReplicaSetController : public WorkloadController
{
public:
    // `owned` indexes the pods it owns.
    using WorkloadController::WorkloadController;

    // False when a write lost a race with another writer; sync again on the next tick.
    bool sync(const QJsonObject &replicaSet);

    // Pods in the order the controller deletes them (first = first to go): unscheduled, then
    // Pending before Running, not ready before ready, lower controller.kubernetes.io/
    // pod-deletion-cost, higher scheduling.cci.io/scale-down-priority, CCI (virtual-kubelet)
    // before local on a tie (SPEC.md 2), more restarts, newest. A CCI pod is one bound to a node
    // of `virtualNodes` (burst::virtualNodeNames(): any virtual node, global or AZ-level).
    static QList<QJsonObject> deletionOrder(QList<QJsonObject> pods,
                                            const QStringList &virtualNodes);
};

} // namespace core::sandbox
