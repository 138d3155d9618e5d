#pragma once

#include <QJsonObject>
#include <QList>

namespace core::sandbox {

class EventRecorder;
class ObjectIndex;
class ObjectStore;
class SandboxClock;

// The Deployment controller: one ReplicaSet per pod template (named <deployment>-<pod-template-
// hash>), RollingUpdate (maxSurge / maxUnavailable, ints or percentages, 25% / 25% by default)
// or Recreate, the deployment.kubernetes.io/revision annotations kubectl rollout history/undo
// read, revisionHistoryLimit, and the status and conditions kubectl rollout status reads.
class DeploymentController
{
public:
    DeploymentController(ObjectStore &store, const ObjectIndex &replicaSets,
                         const SandboxClock &clock, EventRecorder &events);

    // False when a write lost a race; sync again on the next tick.
    bool sync(const QJsonObject &deployment);

private:
    struct Sets;
    Sets replicaSetsOf(const QJsonObject &deployment) const;
    QJsonObject createNewReplicaSet(const QJsonObject &deployment, int revision);
    bool scale(const QJsonObject &deployment, const QJsonObject &replicaSet, int replicas);
    bool rollingUpdate(const QJsonObject &deployment, Sets &sets);
    bool recreate(const QJsonObject &deployment, Sets &sets);
    bool syncRevision(const QJsonObject &deployment, QJsonObject &newSet, int maxOldRevision);
    void cleanup(const QJsonObject &deployment, const Sets &sets);
    bool writeDeploymentStatus(const QJsonObject &deployment, const Sets &sets, bool created);

    ObjectStore &m_store;
    const ObjectIndex &m_replicaSets;
    const SandboxClock &m_clock;
    EventRecorder &m_events;
};

} // namespace core::sandbox
