#include "core/sandbox/cluster/placementplanner.h"

#include "core/sandbox/cluster/fitdiagnosis.h"

namespace core::sandbox {

namespace {

// Reasons of the sandbox's burst filter, in kube-scheduler's "node(s) ..." style.
NodeRejection burstRejection(const QString &reason)
{
    return NodeRejection{{reason}, false};
}

NodeRejection checkVirtualNode(const NodeCapacity &nodes, const QString &node,
                               const PlacementRequest &r)
{
    if (!burst::canBurst(r.strategy)) {
        NodeRejection plain = nodes.check(node, r.demand);
        if (!plain.reasons.isEmpty())
            return plain;
        return burstRejection(
            QStringLiteral("node(s) are virtual-kubelet nodes and the burst strategy is %1")
                .arg(burst::strategyName(r.strategy)));
    }
    NodeRejection rejection = nodes.check(node, r.demand);
    if (rejection.reasons.isEmpty() && r.lockedNodes.contains(node))
        return burstRejection(QStringLiteral("node(s) were locked after a failed CCI admission"));
    if (rejection.reasons.isEmpty() && r.cciBackoff)
        return burstRejection(
            QStringLiteral("node(s) are backing off the pod after CCI refused it"));
    if (rejection.reasons.isEmpty() && r.cciLimit >= 0)
        return burstRejection(QStringLiteral("node(s) reached ScheduleProfile %1 cci.maxNum %2")
                                  .arg(r.profile)
                                  .arg(r.cciLimit));
    return rejection;
}

NodeRejection checkLocalNode(const NodeCapacity &nodes, const QString &node,
                             const PlacementRequest &r)
{
    if (r.strategy == burst::Strategy::Enforce)
        return burstRejection(
            QStringLiteral("node(s) are local and the burst strategy is enforce"));
    NodeRejection rejection = nodes.check(node, r.demand);
    if (rejection.reasons.isEmpty() && r.localLimit >= 0)
        return burstRejection(QStringLiteral("node(s) reached ScheduleProfile %1 local.maxNum %2")
                                  .arg(r.profile)
                                  .arg(r.localLimit));
    return rejection;
}

} // namespace

PlacementDecision planPlacement(const NodeCapacity &nodes, const PlacementRequest &request)
{
    FitDiagnosis diagnosis;
    QString bestLocal;
    qint64 bestScore = 0;
    QString virtualNode; // the first virtual node that fits
    const QStringList names = nodes.nodeNames();
    for (const QString &name : names) {
        if (nodes.isVirtual(name)) {
            const NodeRejection r = checkVirtualNode(nodes, name, request);
            if (!r.reasons.isEmpty())
                diagnosis.add(r);
            else if (virtualNode.isEmpty())
                virtualNode = name;
            continue;
        }
        const NodeRejection r = checkLocalNode(nodes, name, request);
        if (!r.reasons.isEmpty()) {
            diagnosis.add(r);
            continue;
        }
        const qint64 score = nodes.score(name, request.demand.request);
        const bool firstFit = request.strategy == burst::Strategy::LocalPrefer;
        if (bestLocal.isEmpty() || (!firstFit && score > bestScore)) {
            bestLocal = name;
            bestScore = score;
        }
    }
    if (!bestLocal.isEmpty())
        return PlacementDecision{burst::Location::Local, bestLocal, {}};
    if (!virtualNode.isEmpty())
        return PlacementDecision{burst::Location::Cci, virtualNode, {}};
    return PlacementDecision{burst::Location::Pending, {}, diagnosis.message(int(names.size()))};
}

} // namespace core::sandbox
