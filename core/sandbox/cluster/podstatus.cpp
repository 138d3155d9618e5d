#include "core/sandbox/cluster/podstatus.h"

#include "core/common/tr.h"
#include "core/sandbox/cluster/podfacts.h"

#include <QCryptographicHash>

namespace core::sandbox {

namespace {

const QString kExitCode = QStringLiteral("sandbox.burst.io/exit-code");

QString sha256(const QString &text)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QJsonArray containersOf(const QJsonObject &pod)
{
    return pod.value(u"spec").toObject().value(u"containers").toArray();
}

QJsonObject previousStatus(const QJsonObject &pod, const QString &container)
{
    const QJsonArray statuses =
        pod.value(u"status").toObject().value(u"containerStatuses").toArray();
    for (const QJsonValue &status : statuses) {
        if (status.toObject().value(u"name").toString() == container)
            return status.toObject();
    }
    return {};
}

QJsonArray podConditions(const QJsonObject &pod, bool ready, const QString &notReadyReason,
                         const QDateTime &now)
{
    QJsonArray conditions = pod.value(u"status").toObject().value(u"conditions").toArray();
    const QString unready =
        notReadyReason == u"PodCompleted"
            ? QString()
            : Tr::tr("containers with unready status: [%1]").arg(containerNames(pod).join(u' '));
    const QString status = ready ? QStringLiteral("True") : QStringLiteral("False");
    const QString reason = ready ? QString() : notReadyReason;
    const QString message = ready ? QString() : unready;
    conditions = withCondition(conditions, QStringLiteral("PodReadyToStartContainers"),
                               QStringLiteral("True"), {}, {}, now);
    conditions =
        withCondition(conditions, QStringLiteral("Initialized"), QStringLiteral("True"),
                      notReadyReason == u"PodCompleted" ? notReadyReason : QString(), {}, now);
    conditions = withCondition(conditions, QStringLiteral("Ready"), status, reason, message, now);
    conditions =
        withCondition(conditions, QStringLiteral("ContainersReady"), status, reason, message, now);
    return withCondition(conditions, QStringLiteral("PodScheduled"), QStringLiteral("True"), {}, {},
                         now);
}

// Guaranteed: every container limits cpu and memory and requests (if set) equal them;
// BestEffort: no container requests or limits anything; Burstable otherwise.
QString qosClassOf(const QJsonObject &pod)
{
    bool any = false, guaranteed = true;
    for (const QJsonValue &container : containersOf(pod)) {
        const QJsonObject resources = container.toObject().value(u"resources").toObject();
        const QJsonObject limits = resources.value(u"limits").toObject();
        const QJsonObject requests = resources.value(u"requests").toObject();
        any = any || !limits.isEmpty() || !requests.isEmpty();
        for (const QString &name : {QStringLiteral("cpu"), QStringLiteral("memory")}) {
            if (!limits.contains(name) ||
                (requests.contains(name) && requests.value(name) != limits.value(name)))
                guaranteed = false;
        }
    }
    if (!any)
        return QStringLiteral("BestEffort");
    return guaranteed ? QStringLiteral("Guaranteed") : QStringLiteral("Burstable");
}

} // namespace

QString imageIdOf(const QString &image)
{
    QString repository = image.section(u'@', 0, 0);
    const qsizetype colon = repository.lastIndexOf(u':');
    if (colon > repository.lastIndexOf(u'/'))
        repository.truncate(colon);
    const QString first = repository.section(u'/', 0, 0);
    if (!repository.contains(u'/'))
        repository = QStringLiteral("docker.io/library/") + repository;
    else if (!first.contains(u'.') && !first.contains(u':') && first != u"localhost")
        repository = QStringLiteral("docker.io/") + repository;
    return QString(repository + QStringLiteral("@sha256:") + sha256(image));
}

bool isContainerCreating(const QJsonObject &pod)
{
    const QJsonArray statuses =
        pod.value(u"status").toObject().value(u"containerStatuses").toArray();
    return !statuses.isEmpty() && statuses.first()
                                          .toObject()
                                          .value(u"state")
                                          .toObject()
                                          .value(u"waiting")
                                          .toObject()
                                          .value(u"reason")
                                          .toString() == u"ContainerCreating";
}

QStringList containerNames(const QJsonObject &pod)
{
    QStringList names;
    for (const QJsonValue &container : containersOf(pod))
        names << container.toObject().value(u"name").toString();
    return names;
}

QJsonObject creatingPodStatus(const QJsonObject &pod, const QString &hostIp, const QString &podIp,
                              const QDateTime &now)
{
    QJsonArray statuses;
    for (const QJsonValue &value : containersOf(pod)) {
        const QJsonObject container = value.toObject();
        statuses << QJsonObject{
            {QStringLiteral("name"), container.value(u"name")},
            {QStringLiteral("image"), container.value(u"image")},
            {QStringLiteral("imageID"), QString()},
            {QStringLiteral("ready"), false},
            {QStringLiteral("started"), false},
            {QStringLiteral("restartCount"), 0},
            {QStringLiteral("state"),
             QJsonObject{
                 {QStringLiteral("waiting"),
                  QJsonObject{{QStringLiteral("reason"), QStringLiteral("ContainerCreating")}}}}}};
    }
    QJsonObject status = pod.value(u"status").toObject();
    status.insert(QStringLiteral("phase"), QStringLiteral("Pending"));
    status.insert(QStringLiteral("hostIP"), hostIp);
    status.insert(QStringLiteral("hostIPs"),
                  QJsonArray{QJsonObject{{QStringLiteral("ip"), hostIp}}});
    status.insert(QStringLiteral("podIP"), podIp);
    status.insert(QStringLiteral("podIPs"), QJsonArray{QJsonObject{{QStringLiteral("ip"), podIp}}});
    status.insert(QStringLiteral("startTime"), timestamp(now));
    status.insert(QStringLiteral("qosClass"), qosClassOf(pod));
    status.insert(QStringLiteral("containerStatuses"), statuses);
    QJsonObject withStatuses = pod;
    withStatuses.insert(QStringLiteral("status"), status);
    status.insert(QStringLiteral("conditions"),
                  podConditions(withStatuses, false, QStringLiteral("ContainersNotReady"), now));
    return status;
}

// Running, after a start (restartDelta 0) or a crash (1: the old run becomes lastState).
QJsonObject runningPodStatus(const QJsonObject &pod, int restartDelta, const QDateTime &now)
{
    QJsonArray statuses;
    for (const QJsonValue &value : containersOf(pod)) {
        const QJsonObject container = value.toObject();
        const QString name = container.value(u"name").toString();
        const QString image = container.value(u"image").toString();
        const QJsonObject previous = previousStatus(pod, name);
        const int restarts = previous.value(u"restartCount").toInt() + restartDelta;
        QJsonObject status{
            {QStringLiteral("name"), name},
            {QStringLiteral("image"), image},
            {QStringLiteral("imageID"), imageIdOf(image)},
            {QStringLiteral("containerID"),
             QString(QStringLiteral("containerd://") +
                     sha256(QStringLiteral("%1/%2/%3").arg(uidOf(pod), name).arg(restarts)))},
            {QStringLiteral("ready"), true},
            {QStringLiteral("started"), true},
            {QStringLiteral("restartCount"), restarts},
            {QStringLiteral("state"),
             QJsonObject{{QStringLiteral("running"),
                          QJsonObject{{QStringLiteral("startedAt"), timestamp(now)}}}}}};
        if (restartDelta > 0) {
            const int exitCode =
                annotationOf(pod, kExitCode).isEmpty() ? 1 : annotationOf(pod, kExitCode).toInt();
            status.insert(
                QStringLiteral("lastState"),
                QJsonObject{{QStringLiteral("terminated"),
                             QJsonObject{{QStringLiteral("exitCode"), exitCode},
                                         {QStringLiteral("reason"), QStringLiteral("Error")},
                                         {QStringLiteral("startedAt"), previous.value(u"state")
                                                                           .toObject()
                                                                           .value(u"running")
                                                                           .toObject()
                                                                           .value(u"startedAt")},
                                         {QStringLiteral("finishedAt"), timestamp(now)},
                                         {QStringLiteral("containerID"),
                                          previous.value(u"containerID")}}}});
        }
        statuses << status;
    }
    QJsonObject status = pod.value(u"status").toObject();
    status.insert(QStringLiteral("phase"), QStringLiteral("Running"));
    status.insert(QStringLiteral("containerStatuses"), statuses);
    status.insert(QStringLiteral("conditions"), podConditions(pod, true, {}, now));
    return status;
}

QJsonObject terminatedPodStatus(const QJsonObject &pod, int exitCode, const QDateTime &now)
{
    QJsonArray statuses;
    for (const QJsonValue &value :
         pod.value(u"status").toObject().value(u"containerStatuses").toArray()) {
        QJsonObject status = value.toObject();
        const QJsonObject running = status.value(u"state").toObject().value(u"running").toObject();
        status.insert(QStringLiteral("ready"), false);
        status.insert(QStringLiteral("started"), false);
        status.insert(
            QStringLiteral("state"),
            QJsonObject{
                {QStringLiteral("terminated"),
                 QJsonObject{{QStringLiteral("exitCode"), exitCode},
                             {QStringLiteral("reason"), exitCode == 0 ? QStringLiteral("Completed")
                                                                      : QStringLiteral("Error")},
                             {QStringLiteral("startedAt"), running.value(u"startedAt")},
                             {QStringLiteral("finishedAt"), timestamp(now)},
                             {QStringLiteral("containerID"), status.value(u"containerID")}}}});
        statuses << status;
    }
    QJsonObject status = pod.value(u"status").toObject();
    status.insert(QStringLiteral("phase"),
                  exitCode == 0 ? QStringLiteral("Succeeded") : QStringLiteral("Failed"));
    status.insert(QStringLiteral("containerStatuses"), statuses);
    status.insert(QStringLiteral("conditions"),
                  podConditions(pod, false, QStringLiteral("PodCompleted"), now));
    return status;
}

QStringList unstartedEphemeralContainers(const QJsonObject &pod)
{
    QStringList started;
    for (const QJsonValue &v :
         pod.value(u"status").toObject().value(u"ephemeralContainerStatuses").toArray())
        started.append(v.toObject().value(u"name").toString());
    QStringList unstarted;
    for (const QJsonValue &v :
         pod.value(u"spec").toObject().value(u"ephemeralContainers").toArray()) {
        const QString name = v.toObject().value(u"name").toString();
        if (!started.contains(name))
            unstarted.append(name);
    }
    return unstarted;
}

QJsonObject ephemeralStartedStatus(const QJsonObject &pod, const QDateTime &now)
{
    QJsonObject status = pod.value(u"status").toObject();
    QJsonArray statuses = status.value(u"ephemeralContainerStatuses").toArray();
    const QStringList unstarted = unstartedEphemeralContainers(pod);
    for (const QJsonValue &v :
         pod.value(u"spec").toObject().value(u"ephemeralContainers").toArray()) {
        const QJsonObject container = v.toObject();
        const QString name = container.value(u"name").toString();
        if (!unstarted.contains(name))
            continue;
        const QString image = container.value(u"image").toString();
        statuses.append(QJsonObject{
            {QStringLiteral("name"), name},
            {QStringLiteral("image"), image},
            {QStringLiteral("imageID"), imageIdOf(image)},
            {QStringLiteral("containerID"),
             QString(QStringLiteral("containerd://") +
                     sha256(QStringLiteral("%1/%2/ephemeral").arg(uidOf(pod), name)))},
            {QStringLiteral("ready"), false}, // ephemeral containers are never ready
            {QStringLiteral("restartCount"), 0},
            {QStringLiteral("state"),
             QJsonObject{{QStringLiteral("running"),
                          QJsonObject{{QStringLiteral("startedAt"), timestamp(now)}}}}}});
    }
    status.insert(QStringLiteral("ephemeralContainerStatuses"), statuses);
    return status;
}

} // namespace core::sandbox
