#pragma once

#include "core/sandbox/cluster/workloadcontroller.h"

#include <QJsonObject>
#include <QList>

namespace core::sandbox {

// The Deployment controller: one ReplicaSet per pod template (named <deployment>-<pod-template-
// hash>), RollingUpdate (maxSurge / maxUnavailable, ints or percentages, 25% / 25% by default)
// or Recreate, the deployment.kubernetes.io/revision annotations kubectl rollout history/undo
// read, revisionHistoryLimit, and the status and conditions kubectl rollout status reads.
class DeploymentController : public WorkloadController
{
public:
    // `owned` indexes the ReplicaSets it owns.
    using WorkloadController::WorkloadController;

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
};

} // namespace core::sandbox
