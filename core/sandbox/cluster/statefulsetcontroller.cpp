#include "core/sandbox/cluster/statefulsetcontroller.h"

#include "core/common/tr.h"
#include "core/sandbox/apiserver/sandboxclock.h"
#include "core/sandbox/cluster/eventrecorder.h"
#include "core/sandbox/cluster/objectindex.h"
#include "core/sandbox/cluster/podfacts.h"
#include "core/sandbox/store/objectmeta.h"
#include "core/sandbox/store/objectstore.h"

#include <QMap>

namespace core::sandbox {

namespace {

const QString kRevisionLabel = QStringLiteral("controller-revision-hash");

QString revisionOfPod(const QJsonObject &pod)
{
    return pod.value(u"metadata")
        .toObject()
        .value(u"labels")
        .toObject()
        .value(kRevisionLabel)
        .toString();
}

} // namespace

QString StatefulSetController::updateRevision(const QJsonObject &statefulSet)
{
    return QString(
        nameOf(statefulSet) + u'-' +
        templateHash(statefulSet.value(u"spec").toObject().value(u"template").toObject()));
}

bool StatefulSetController::createPod(const QJsonObject &statefulSet, int ordinal)
{
    const QJsonObject spec = statefulSet.value(u"spec").toObject();
    const QString name = QStringLiteral("%1-%2").arg(nameOf(statefulSet)).arg(ordinal);
    QJsonObject pod = podFromTemplate(spec.value(u"template").toObject(), statefulSet, name, {});
    QJsonObject meta = pod.value(u"metadata").toObject();
    QJsonObject labels = meta.value(u"labels").toObject();
    labels.insert(kRevisionLabel, updateRevision(statefulSet));
    labels.insert(QStringLiteral("statefulset.kubernetes.io/pod-name"), name);
    labels.insert(QStringLiteral("apps.kubernetes.io/pod-index"), QString::number(ordinal));
    meta.insert(QStringLiteral("labels"), labels);
    pod.insert(QStringLiteral("metadata"), meta);
    QJsonObject podSpec = pod.value(u"spec").toObject();
    podSpec.insert(QStringLiteral("hostname"), name);
    if (spec.contains(u"serviceName"))
        podSpec.insert(QStringLiteral("subdomain"), spec.value(u"serviceName"));
    pod.insert(QStringLiteral("spec"), podSpec);
    const auto created = m_store.create(podsType(), namespaceOf(statefulSet), pod);
    if (!created) {
        m_events.record(statefulSet, QStringLiteral("Warning"), QStringLiteral("FailedCreate"),
                        Tr::tr("create Pod %1 in StatefulSet %2 failed error: %3")
                            .arg(name, nameOf(statefulSet), created.error().message),
                        m_clock.now());
        return false;
    }
    m_events.record(
        statefulSet, QStringLiteral("Normal"), QStringLiteral("SuccessfulCreate"),
        Tr::tr("create Pod %1 in StatefulSet %2 successful").arg(name, nameOf(statefulSet)),
        m_clock.now());
    return true;
}

bool StatefulSetController::deletePod(const QJsonObject &statefulSet, const QJsonObject &pod)
{
    if (!m_store.remove(podsType(), namespaceOf(pod), nameOf(pod), {uidOf(pod), {}}))
        return false;
    m_events.record(
        statefulSet, QStringLiteral("Normal"), QStringLiteral("SuccessfulDelete"),
        Tr::tr("delete Pod %1 in StatefulSet %2 successful").arg(nameOf(pod), nameOf(statefulSet)),
        m_clock.now());
    return true;
}

bool StatefulSetController::sync(const QJsonObject &statefulSet)
{
    const QJsonObject spec = statefulSet.value(u"spec").toObject();
    const int replicas = specReplicas(statefulSet);
    const bool parallel = spec.value(u"podManagementPolicy").toString() == u"Parallel";
    const QString prefix = QString(nameOf(statefulSet) + u'-');
    QMap<int, QJsonObject> byOrdinal;
    for (const QJsonObject &pod : m_owned.byOwner(uidOf(statefulSet))) {
        bool isNumber = false;
        const int ordinal = nameOf(pod).mid(prefix.size()).toInt(&isNumber);
        if (nameOf(pod).startsWith(prefix) && isNumber)
            byOrdinal.insert(ordinal, pod);
    }
    bool ok = true;
    bool allHealthy = true;
    // A StatefulSet being deleted only has its status synced: no pod is created or deleted.
    const bool manage = !isBeingDeleted(statefulSet);
    for (int i = 0; manage && i < replicas; ++i) {
        const auto it = byOrdinal.constFind(i);
        if (it == byOrdinal.constEnd()) {
            ok = createPod(statefulSet, i) && ok;
            allHealthy = false;
            if (!parallel)
                break;
        } else if (podPhase(*it) == u"Failed") {
            ok = deletePod(statefulSet, *it) && ok; // recreated on a later tick
            allHealthy = false;
            if (!parallel)
                break;
        } else if (!isPodRunningAndReady(*it)) {
            allHealthy = false;
            if (!parallel)
                break;
        }
    }
    // Scale down from the highest ordinal, in OrderedReady only once the rest is healthy.
    for (auto it = byOrdinal.end(); it != byOrdinal.begin();) {
        --it;
        if (!manage || it.key() < replicas || !(parallel || allHealthy))
            break;
        ok = deletePod(statefulSet, *it) && ok;
        if (!parallel)
            break;
    }
    const QString update = updateRevision(statefulSet);
    const QJsonObject strategy = spec.value(u"updateStrategy").toObject();
    const int partition = strategy.value(u"rollingUpdate").toObject().value(u"partition").toInt();
    if (manage && allHealthy && strategy.value(u"type").toString() != u"OnDelete") {
        for (int i = replicas - 1; i >= partition; --i) {
            const QJsonObject pod = byOrdinal.value(i);
            if (!pod.isEmpty() && revisionOfPod(pod) != update) {
                ok = deletePod(statefulSet, pod) && ok;
                break;
            }
        }
    }

    int ready = 0, updated = 0, current = 0;
    QJsonObject status = statefulSet.value(u"status").toObject();
    QString currentRevision = status.value(u"currentRevision").toString();
    for (const QJsonObject &pod : std::as_const(byOrdinal)) {
        ready += isPodRunningAndReady(pod) ? 1 : 0;
        updated += revisionOfPod(pod) == update ? 1 : 0;
    }
    if (currentRevision.isEmpty() || (updated == replicas && byOrdinal.size() == replicas))
        currentRevision = update;
    for (const QJsonObject &pod : std::as_const(byOrdinal))
        current += revisionOfPod(pod) == currentRevision ? 1 : 0;
    status.insert(QStringLiteral("observedGeneration"),
                  statefulSet.value(u"metadata").toObject().value(u"generation").toInt());
    status.insert(QStringLiteral("replicas"), int(byOrdinal.size()));
    status.insert(QStringLiteral("readyReplicas"), ready);
    status.insert(QStringLiteral("availableReplicas"), ready);
    status.insert(QStringLiteral("currentReplicas"), current);
    status.insert(QStringLiteral("updatedReplicas"), updated);
    status.insert(QStringLiteral("currentRevision"), currentRevision);
    status.insert(QStringLiteral("updateRevision"), update);
    status.insert(QStringLiteral("collisionCount"), 0);
    return writeStatus(m_store, statefulSetsType(), statefulSet, status) && ok;
}

} // namespace core::sandbox
