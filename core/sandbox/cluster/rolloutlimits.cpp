#include "core/sandbox/cluster/rolloutlimits.h"

#include "core/sandbox/cluster/podfacts.h"

#include <algorithm>

namespace core::sandbox {

RolloutLimits rolloutLimits(const QJsonObject &deployment)
{
    const int replicas = specReplicas(deployment);
    const QJsonObject strategy = deployment.value(u"spec").toObject().value(u"strategy").toObject();
    const QJsonObject rolling = strategy.value(u"rollingUpdate").toObject();
    RolloutLimits limits;
    if (strategy.value(u"type").toString() == u"Recreate")
        return limits;
    limits.maxSurge =
        scaledIntOrPercent(rolling.value(u"maxSurge"), replicas, true, QStringLiteral("25%"));
    limits.maxUnavailable = scaledIntOrPercent(rolling.value(u"maxUnavailable"), replicas, false,
                                               QStringLiteral("25%"));
    if (limits.maxSurge == 0 && limits.maxUnavailable == 0)
        limits.maxUnavailable = 1;
    return limits;
}

int newReplicaSetSize(int replicas, int maxSurge, int allSpecReplicas, int newSpec)
{
    const int maxTotal = replicas + maxSurge;
    if (allSpecReplicas >= maxTotal)
        return newSpec;
    return newSpec + std::min(maxTotal - allSpecReplicas, replicas - newSpec);
}

int maxScaleDown(int replicas, int maxUnavailable, int allSpecReplicas, int newSpecReplicas,
                 int newAvailable)
{
    const int minAvailable = replicas - maxUnavailable;
    return allSpecReplicas - minAvailable - (newSpecReplicas - newAvailable);
}

} // namespace core::sandbox
