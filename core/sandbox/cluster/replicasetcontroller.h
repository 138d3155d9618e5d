#pragma once

#include <QJsonObject>
#include <QList>

namespace core::sandbox {

class EventRecorder;
class ObjectIndex;
class ObjectStore;
class SandboxClock;

// The ReplicaSet controller: keeps spec.replicas active pods owned by each ReplicaSet and
// reports status (replicas, fullyLabeledReplicas, readyReplicas, availableReplicas,
// observedGeneration). minReadySeconds is not modelled: a ready pod is available.
class ReplicaSetController
{
public:
    ReplicaSetController(ObjectStore &store, const ObjectIndex &pods, const SandboxClock &clock,
                         EventRecorder &events);

    // False when a write lost a race with another writer; sync again on the next tick.
    bool sync(const QJsonObject &replicaSet);

    // Pods in the order the controller deletes them (first = first to go): unscheduled, then
    // Pending before Running, not ready before ready, lower controller.kubernetes.io/
    // pod-deletion-cost, higher scheduling.cci.io/scale-down-priority, CCI (virtual-kubelet)
    // before local on a tie (SPEC.md 2), more restarts, newest.
    static QList<QJsonObject> deletionOrder(QList<QJsonObject> pods);

private:
    ObjectStore &m_store;
    const ObjectIndex &m_pods;
    const SandboxClock &m_clock;
    EventRecorder &m_events;
};

} // namespace core::sandbox
