#pragma once

#include <QJsonObject>

namespace core::sandbox {

// The numbers of one rolling-update step, as k8s.io/kubernetes/pkg/controller/deployment
// (rolling.go, util/deployment_util.go) computes them.
struct RolloutLimits
{
    int maxSurge = 0;       // rounded up from a percentage
    int maxUnavailable = 0; // rounded down; 1 when both would be 0 (ResolveFenceposts)
};

// spec.strategy.rollingUpdate of a Deployment (25% / 25% by default); 0 / 0 for Recreate.
RolloutLimits rolloutLimits(const QJsonObject &deployment);
// NewRSNewReplicas: the new ReplicaSet's size after one scale-up step.
int newReplicaSetSize(int replicas, int maxSurge, int allSpecReplicas, int newSpec);
// How many old-ReplicaSet pods one scale-down step may remove (reconcileOldReplicaSets).
int maxScaleDown(int replicas, int maxUnavailable, int allSpecReplicas, int newSpecReplicas,
                 int newAvailable);

} // namespace core::sandbox
