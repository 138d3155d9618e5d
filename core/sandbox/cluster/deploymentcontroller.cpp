#include "core/sandbox/cluster/deploymentcontroller.h"

#include "core/common/tr.h"
#include "core/kube/objectmeta.h"
#include "core/sandbox/apiserver/sandboxclock.h"
#include "core/sandbox/cluster/eventrecorder.h"
#include "core/sandbox/cluster/objectindex.h"
#include "core/sandbox/cluster/podfacts.h"
#include "core/sandbox/cluster/rolloutlimits.h"
#include "core/sandbox/store/objectmeta.h"
#include "core/sandbox/store/objectstore.h"

#include <algorithm>

namespace core::sandbox {

namespace {

const QString kHashLabel = QStringLiteral("pod-template-hash");
const QString kRevision = QStringLiteral("deployment.kubernetes.io/revision");

QJsonObject templateWithoutHash(QJsonObject podTemplate)
{
    QJsonObject meta = podTemplate.value(u"metadata").toObject();
    QJsonObject labels = meta.value(u"labels").toObject();
    labels.remove(kHashLabel);
    meta.insert(QStringLiteral("labels"), labels);
    podTemplate.insert(QStringLiteral("metadata"), meta);
    return normalizedTemplate(podTemplate);
}

QJsonObject templateOf(const QJsonObject &object)
{
    return object.value(u"spec").toObject().value(u"template").toObject();
}

int revisionOf(const QJsonObject &replicaSet)
{
    return annotationOf(replicaSet, kRevision).toInt();
}

int statusInt(const QJsonObject &object, QStringView field)
{
    return object.value(u"status").toObject().value(field).toInt();
}

bool olderFirst(const QJsonObject &a, const QJsonObject &b)
{
    const QString aCreated = a.value(u"metadata").toObject().value(u"creationTimestamp").toString();
    const QString bCreated = b.value(u"metadata").toObject().value(u"creationTimestamp").toString();
    return aCreated != bCreated ? aCreated < bCreated : nameOf(a) < nameOf(b);
}

bool isRecreate(const QJsonObject &deployment)
{
    return deployment.value(u"spec")
               .toObject()
               .value(u"strategy")
               .toObject()
               .value(u"type")
               .toString() == u"Recreate";
}

// The annotations a new ReplicaSet inherits (deployment_util.go skipCopyAnnotation).
QJsonObject inheritedAnnotations(const QJsonObject &deployment)
{
    QJsonObject annotations = kube::annotationsOf(deployment);
    for (const QString &skip :
         {QStringLiteral("kubectl.kubernetes.io/last-applied-configuration"), kRevision,
          QStringLiteral("deployment.kubernetes.io/revision-history"),
          QStringLiteral("deployment.kubernetes.io/desired-replicas"),
          QStringLiteral("deployment.kubernetes.io/max-replicas")})
        annotations.remove(skip);
    return annotations;
}

} // namespace

struct DeploymentController::Sets
{
    QJsonObject newSet;
    QList<QJsonObject> oldSets; // oldest first
    bool created = false;

    int specSum() const
    {
        int sum = newSet.isEmpty() ? 0 : specReplicas(newSet);
        for (const QJsonObject &set : oldSets)
            sum += specReplicas(set);
        return sum;
    }
    int statusSum(QStringView field) const
    {
        int sum = newSet.isEmpty() ? 0 : statusInt(newSet, field);
        for (const QJsonObject &set : oldSets)
            sum += statusInt(set, field);
        return sum;
    }
};

DeploymentController::Sets DeploymentController::replicaSetsOf(const QJsonObject &deployment) const
{
    Sets sets;
    const QJsonObject wanted = normalizedTemplate(templateOf(deployment));
    QList<QJsonObject> owned = m_owned.byOwner(uidOf(deployment));
    std::sort(owned.begin(), owned.end(), olderFirst);
    for (const QJsonObject &set : std::as_const(owned)) {
        if (sets.newSet.isEmpty() && templateWithoutHash(templateOf(set)) == wanted)
            sets.newSet = set;
        else
            sets.oldSets << set;
    }
    return sets;
}

bool DeploymentController::sync(const QJsonObject &deployment)
{
    Sets sets = replicaSetsOf(deployment);
    // A Deployment being deleted only has its status synced (syncStatusOnly): no new
    // ReplicaSet, no scaling, while the garbage collector takes its ReplicaSets away.
    if (isBeingDeleted(deployment))
        return writeDeploymentStatus(deployment, sets, false);
    int maxOldRevision = 0;
    for (const QJsonObject &set : std::as_const(sets.oldSets))
        maxOldRevision = std::max(maxOldRevision, revisionOf(set));
    bool ok = true;
    if (sets.newSet.isEmpty() && !isRecreate(deployment)) {
        sets.newSet = createNewReplicaSet(deployment, maxOldRevision + 1);
        sets.created = !sets.newSet.isEmpty();
        ok = sets.created;
    }
    if (!sets.newSet.isEmpty())
        ok = syncRevision(deployment, sets.newSet, maxOldRevision) && ok;
    if (!deployment.value(u"spec").toObject().value(u"paused").toBool())
        ok = (isRecreate(deployment) ? recreate(deployment, sets)
                                     : rollingUpdate(deployment, sets)) &&
             ok;
    cleanup(deployment, sets);
    return writeDeploymentStatus(deployment, sets, sets.created) && ok;
}

QJsonObject DeploymentController::createNewReplicaSet(const QJsonObject &deployment, int revision)
{
    const QString hash = templateHash(templateOf(deployment));
    QJsonObject podTemplate = templateOf(deployment);
    QJsonObject templateMeta = podTemplate.value(u"metadata").toObject();
    QJsonObject labels = templateMeta.value(u"labels").toObject();
    labels.insert(kHashLabel, hash);
    templateMeta.insert(QStringLiteral("labels"), labels);
    podTemplate.insert(QStringLiteral("metadata"), templateMeta);
    const QJsonObject spec = deployment.value(u"spec").toObject();
    QJsonObject selector = spec.value(u"selector").toObject();
    QJsonObject matchLabels = selector.value(u"matchLabels").toObject();
    matchLabels.insert(kHashLabel, hash);
    selector.insert(QStringLiteral("matchLabels"), matchLabels);
    const int replicas = specReplicas(deployment);
    QJsonObject annotations = inheritedAnnotations(deployment);
    annotations.insert(kRevision, QString::number(revision));
    annotations.insert(QStringLiteral("deployment.kubernetes.io/desired-replicas"),
                       QString::number(replicas));
    annotations.insert(QStringLiteral("deployment.kubernetes.io/max-replicas"),
                       QString::number(replicas + rolloutLimits(deployment).maxSurge));
    const QJsonObject replicaSet{
        {QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
        {QStringLiteral("kind"), QStringLiteral("ReplicaSet")},
        {QStringLiteral("metadata"),
         QJsonObject{
             {QStringLiteral("name"), QString(nameOf(deployment) + u'-' + hash)},
             {QStringLiteral("namespace"), namespaceOf(deployment)},
             {QStringLiteral("labels"), labels},
             {QStringLiteral("annotations"), annotations},
             {QStringLiteral("ownerReferences"), QJsonArray{ownerReferenceTo(deployment)}}}},
        {QStringLiteral("spec"),
         QJsonObject{{QStringLiteral("replicas"), 0},
                     {QStringLiteral("minReadySeconds"), spec.value(u"minReadySeconds").toInt()},
                     {QStringLiteral("selector"), selector},
                     {QStringLiteral("template"), podTemplate}}}};
    const auto created = m_store.create(replicaSetsType(), namespaceOf(deployment), replicaSet);
    return created ? *created : QJsonObject();
}

bool DeploymentController::syncRevision(const QJsonObject &deployment, QJsonObject &newSet,
                                        int maxOldRevision)
{
    if (revisionOf(newSet) <= maxOldRevision) {
        const QJsonObject revision{{kRevision, QString::number(maxOldRevision + 1)}};
        if (!writeReplicas(m_store, replicaSetsType(), newSet, specReplicas(newSet), revision))
            return false;
        QJsonObject meta = newSet.value(u"metadata").toObject();
        QJsonObject annotations = meta.value(u"annotations").toObject();
        annotations.insert(kRevision, QString::number(maxOldRevision + 1));
        meta.insert(QStringLiteral("annotations"), annotations);
        newSet.insert(QStringLiteral("metadata"), meta);
    }
    const QString revision = annotationOf(newSet, kRevision);
    if (annotationOf(deployment, kRevision) == revision)
        return true;
    auto current = m_store.get(deploymentsType(), namespaceOf(deployment), nameOf(deployment));
    if (!current)
        return false;
    QJsonObject updated = *current;
    QJsonObject meta = updated.value(u"metadata").toObject();
    QJsonObject annotations = meta.value(u"annotations").toObject();
    annotations.insert(kRevision, revision);
    meta.insert(QStringLiteral("annotations"), annotations);
    updated.insert(QStringLiteral("metadata"), meta);
    return m_store.update(deploymentsType(), namespaceOf(deployment), nameOf(deployment), updated)
        .ok();
}

bool DeploymentController::scale(const QJsonObject &deployment, const QJsonObject &replicaSet,
                                 int replicas)
{
    const int from = specReplicas(replicaSet);
    if (from == replicas)
        return true;
    const QJsonObject annotations{
        {QStringLiteral("deployment.kubernetes.io/desired-replicas"),
         QString::number(specReplicas(deployment))},
        {QStringLiteral("deployment.kubernetes.io/max-replicas"),
         QString::number(specReplicas(deployment) + rolloutLimits(deployment).maxSurge)}};
    if (!writeReplicas(m_store, replicaSetsType(), replicaSet, replicas, annotations))
        return false;
    const QString message = replicas > from ? Tr::tr("Scaled up replica set %1 to %2 from %3")
                                            : Tr::tr("Scaled down replica set %1 to %2 from %3");
    m_events.record(deployment, QStringLiteral("Normal"), QStringLiteral("ScalingReplicaSet"),
                    message.arg(nameOf(replicaSet)).arg(replicas).arg(from), m_clock.now());
    return true;
}

namespace {

void setSpecReplicas(QJsonObject &replicaSet, int replicas)
{
    QJsonObject spec = replicaSet.value(u"spec").toObject();
    spec.insert(QStringLiteral("replicas"), replicas);
    replicaSet.insert(QStringLiteral("spec"), spec);
}

} // namespace

bool DeploymentController::rollingUpdate(const QJsonObject &deployment, Sets &sets)
{
    const int replicas = specReplicas(deployment);
    const RolloutLimits rollout = rolloutLimits(deployment);
    const int newSpec = specReplicas(sets.newSet);
    const int target = newSpec > replicas
                           ? replicas
                           : newReplicaSetSize(replicas, rollout.maxSurge, sets.specSum(), newSpec);
    if (target != newSpec) {
        if (!scale(deployment, sets.newSet, target))
            return false;
        setSpecReplicas(sets.newSet, target);
        if (target > newSpec)
            return true; // as rolling.go: old sets wait for the next sync after a scale-up
    }
    int budget =
        maxScaleDown(replicas, rollout.maxUnavailable, sets.specSum(), specReplicas(sets.newSet),
                     statusInt(sets.newSet, u"availableReplicas"));
    // First the old pods that are not available anyway (cleanupUnhealthyReplicas).
    for (QJsonObject &set : sets.oldSets) {
        const int spec = specReplicas(set);
        const int unhealthy = spec - std::min(spec, statusInt(set, u"availableReplicas"));
        const int down = std::min(budget, unhealthy);
        if (down <= 0)
            continue;
        if (!scale(deployment, set, spec - down))
            return false;
        setSpecReplicas(set, spec - down);
        budget -= down;
    }
    // Then available ones, as long as minAvailable holds (scaleDownOldReplicaSetsForRollingUpdate).
    const int minAvailable = replicas - rollout.maxUnavailable;
    int excess = sets.statusSum(u"availableReplicas") - minAvailable;
    for (QJsonObject &set : sets.oldSets) {
        const int spec = specReplicas(set);
        const int down = std::min(spec, excess);
        if (down <= 0)
            continue;
        if (!scale(deployment, set, spec - down))
            return false;
        setSpecReplicas(set, spec - down);
        excess -= down;
    }
    return true;
}

bool DeploymentController::recreate(const QJsonObject &deployment, Sets &sets)
{
    bool oldPodsExist = false;
    for (QJsonObject &set : sets.oldSets) {
        if (specReplicas(set) > 0) {
            if (!scale(deployment, set, 0))
                return false;
            setSpecReplicas(set, 0);
        }
        oldPodsExist = oldPodsExist || statusInt(set, u"replicas") > 0;
    }
    if (oldPodsExist)
        return true;
    if (sets.newSet.isEmpty()) {
        int maxOldRevision = 0;
        for (const QJsonObject &set : std::as_const(sets.oldSets))
            maxOldRevision = std::max(maxOldRevision, revisionOf(set));
        sets.newSet = createNewReplicaSet(deployment, maxOldRevision + 1);
        sets.created = !sets.newSet.isEmpty();
        if (!sets.created)
            return false;
        if (!syncRevision(deployment, sets.newSet, maxOldRevision))
            return false;
    }
    const int replicas = specReplicas(deployment);
    if (!scale(deployment, sets.newSet, replicas))
        return false;
    setSpecReplicas(sets.newSet, replicas);
    return true;
}

void DeploymentController::cleanup(const QJsonObject &deployment, const Sets &sets)
{
    const QJsonValue limitValue =
        deployment.value(u"spec").toObject().value(u"revisionHistoryLimit");
    const int limit = limitValue.isDouble() ? limitValue.toInt() : 10;
    QList<QJsonObject> idle;
    for (const QJsonObject &set : sets.oldSets) {
        if (specReplicas(set) == 0 && statusInt(set, u"replicas") == 0)
            idle << set;
    }
    for (qsizetype i = 0; i < idle.size() - limit; ++i)
        (void)m_store.remove(replicaSetsType(), namespaceOf(idle.at(i)), nameOf(idle.at(i)),
                             {uidOf(idle.at(i)), {}});
}

bool DeploymentController::writeDeploymentStatus(const QJsonObject &deployment, const Sets &sets,
                                                 bool created)
{
    const int replicas = specReplicas(deployment);
    const int available = sets.statusSum(u"availableReplicas");
    const int current = sets.statusSum(u"replicas");
    const int updated = sets.newSet.isEmpty() ? 0 : statusInt(sets.newSet, u"replicas");
    QJsonObject status = deployment.value(u"status").toObject();
    status.insert(QStringLiteral("observedGeneration"),
                  deployment.value(u"metadata").toObject().value(u"generation").toInt());
    status.insert(QStringLiteral("replicas"), current);
    status.insert(QStringLiteral("updatedReplicas"), updated);
    status.insert(QStringLiteral("readyReplicas"), sets.statusSum(u"readyReplicas"));
    status.insert(QStringLiteral("availableReplicas"), available);
    status.insert(QStringLiteral("unavailableReplicas"), std::max(0, sets.specSum() - available));

    const QDateTime now = m_clock.now();
    QJsonArray conditions = status.value(u"conditions").toArray();
    if (available >= replicas - rolloutLimits(deployment).maxUnavailable)
        conditions = withCondition(conditions, QStringLiteral("Available"), QStringLiteral("True"),
                                   QStringLiteral("MinimumReplicasAvailable"),
                                   Tr::tr("Deployment has minimum availability."), now, true);
    else
        conditions =
            withCondition(conditions, QStringLiteral("Available"), QStringLiteral("False"),
                          QStringLiteral("MinimumReplicasUnavailable"),
                          Tr::tr("Deployment does not have minimum availability."), now, true);
    if (!sets.newSet.isEmpty()) {
        const QString name = nameOf(sets.newSet);
        QString reason = QStringLiteral("ReplicaSetUpdated");
        QString message = Tr::tr("ReplicaSet \"%1\" is progressing.").arg(name);
        if (created) {
            reason = QStringLiteral("NewReplicaSetCreated");
            message = Tr::tr("Created new replica set \"%1\"").arg(name);
        } else if (updated == replicas && current == replicas && available == replicas) {
            reason = QStringLiteral("NewReplicaSetAvailable");
            message = Tr::tr("ReplicaSet \"%1\" has successfully progressed.").arg(name);
        }
        conditions = withCondition(conditions, QStringLiteral("Progressing"),
                                   QStringLiteral("True"), reason, message, now, true);
    }
    status.insert(QStringLiteral("conditions"), conditions);
    return writeStatus(m_store, deploymentsType(), deployment, status);
}

} // namespace core::sandbox
