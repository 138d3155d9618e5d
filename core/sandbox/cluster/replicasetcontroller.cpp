#include "core/sandbox/cluster/replicasetcontroller.h"

#include "core/burst/cciconventions.h"
#include "core/common/tr.h"
#include "core/sandbox/apiserver/sandboxclock.h"
#include "core/sandbox/cluster/eventrecorder.h"
#include "core/sandbox/cluster/objectindex.h"
#include "core/sandbox/cluster/podfacts.h"
#include "core/sandbox/cluster/scenario.h"
#include "core/sandbox/store/objectmeta.h"
#include "core/sandbox/store/objectstore.h"

#include <algorithm>

namespace core::sandbox {

namespace {

// burstReplicas of kube-controller-manager's ReplicaSet controller: at most this many pods are
// created or deleted by one sync; the rest follow on the next ones (and one tick creating
// thousands of pods would starve the HTTP thread).
constexpr int kBurstReplicas = 500;

int phaseRank(const QJsonObject &pod)
{
    const QString phase = podPhase(pod);
    if (phase == u"Pending")
        return 0;
    if (phase == u"Unknown")
        return 1;
    return 2;
}

// True when `a` is deleted before `b`.
bool deleteBefore(const QJsonObject &a, const QJsonObject &b, const QStringList &virtualNodes)
{
    const bool aBound = !nodeNameOf(a).isEmpty(), bBound = !nodeNameOf(b).isEmpty();
    if (aBound != bBound)
        return !aBound;
    if (phaseRank(a) != phaseRank(b))
        return phaseRank(a) < phaseRank(b);
    if (isPodReady(a) != isPodReady(b))
        return !isPodReady(a);
    const QString costKey = QStringLiteral("controller.kubernetes.io/pod-deletion-cost");
    const int aCost = annotationOf(a, costKey).toInt(), bCost = annotationOf(b, costKey).toInt();
    if (aCost != bCost)
        return aCost < bCost;
    const QString &priorityKey = burst::kScaleDownPriorityAnnotation; // a sandbox invention
    const int aPriority = annotationOf(a, priorityKey).toInt();
    const int bPriority = annotationOf(b, priorityKey).toInt();
    if (aPriority != bPriority)
        return aPriority > bPriority;
    const bool aCci = burst::isBurstPod(a, virtualNodes);
    const bool bCci = burst::isBurstPod(b, virtualNodes);
    if (aCci != bCci)
        return aCci;
    if (containerRestarts(a) != containerRestarts(b))
        return containerRestarts(a) > containerRestarts(b);
    const QString aCreated = a.value(u"metadata").toObject().value(u"creationTimestamp").toString();
    const QString bCreated = b.value(u"metadata").toObject().value(u"creationTimestamp").toString();
    if (aCreated != bCreated)
        return aCreated > bCreated;
    return nameOf(a) > nameOf(b);
}

} // namespace

QList<QJsonObject> ReplicaSetController::deletionOrder(QList<QJsonObject> pods,
                                                       const QStringList &virtualNodes)
{
    std::stable_sort(pods.begin(), pods.end(), [&](const QJsonObject &a, const QJsonObject &b) {
        return deleteBefore(a, b, virtualNodes);
    });
    return pods;
}

bool ReplicaSetController::sync(const QJsonObject &replicaSet)
{
    QList<QJsonObject> active;
    for (const QJsonObject &pod : m_owned.byOwner(uidOf(replicaSet))) {
        if (!isPodTerminal(pod))
            active << pod;
    }
    const int desired = specReplicas(replicaSet);
    const QDateTime now = m_clock.now();
    bool ok = true;
    // manageReplicas only while the ReplicaSet is not being deleted; its status still syncs.
    const bool manage = !isBeingDeleted(replicaSet);
    if (manage && active.size() < desired) {
        const QJsonObject podTemplate =
            replicaSet.value(u"spec").toObject().value(u"template").toObject();
        const int missing = std::min(int(desired - active.size()), kBurstReplicas);
        // As manageReplicas: slow-start batches 1, 2, 4, ..., stopping after a batch that failed.
        const int created = slowStartBatch(missing, 1, [&] {
            return createOwnedPod(
                replicaSet, podFromTemplate(podTemplate, replicaSet, QString(), nameOf(replicaSet)),
                now);
        });
        ok = created == missing;
    } else if (manage && active.size() > desired) {
        const qsizetype excess = std::min<qsizetype>(active.size() - desired, kBurstReplicas);
        const auto nodes = m_store.list(nodesType(), {});
        const QStringList virtualNodes =
            burst::virtualNodeNames(nodes ? nodes->items : QList<QJsonObject>{});
        const QList<QJsonObject> doomed = deletionOrder(active, virtualNodes).mid(0, excess);
        ok = excess == active.size() - desired; // the rest on the next sync
        for (const QJsonObject &pod : doomed) {
            if (m_store.remove(podsType(), namespaceOf(pod), nameOf(pod), {uidOf(pod), {}}))
                m_events.record(replicaSet, QStringLiteral("Normal"),
                                QStringLiteral("SuccessfulDelete"),
                                Tr::tr("Deleted pod: %1").arg(nameOf(pod)), now);
        }
    }

    int ready = 0;
    for (const QJsonObject &pod : std::as_const(active))
        ready += isPodReady(pod) ? 1 : 0;
    QJsonObject status = replicaSet.value(u"status").toObject();
    status.insert(QStringLiteral("replicas"), int(active.size()));
    status.insert(QStringLiteral("fullyLabeledReplicas"), int(active.size()));
    status.insert(QStringLiteral("readyReplicas"), ready);
    status.insert(QStringLiteral("availableReplicas"), ready);
    status.insert(QStringLiteral("observedGeneration"),
                  replicaSet.value(u"metadata").toObject().value(u"generation").toInt());
    return writeStatus(m_store, replicaSetsType(), replicaSet, status) && ok;
}

} // namespace core::sandbox
