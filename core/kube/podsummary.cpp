#include "core/kube/podsummary.h"

#include <QJsonArray>

namespace core::kube {

namespace {

bool hasCondition(const QJsonObject &status, QStringView type, QStringView value,
                  QStringView reason = {})
{
    for (const QJsonValue &c : status.value(u"conditions").toArray()) {
        const QJsonObject condition = c.toObject();
        if (condition.value(u"type").toString() == type &&
            (value.isEmpty() || condition.value(u"status").toString() == value) &&
            (reason.isEmpty() || condition.value(u"reason").toString() == reason))
            return true;
    }
    return false;
}

// "Reason", else "Signal:9" / "ExitCode:1", prefixed (kubectl's wording for a terminated state).
QString terminatedReason(const QJsonObject &terminated, const QString &prefix)
{
    const QString reason = terminated.value(u"reason").toString();
    if (!reason.isEmpty())
        return prefix + reason;
    const int signal = terminated.value(u"signal").toInt();
    if (signal != 0)
        return prefix + QStringLiteral("Signal:%1").arg(signal);
    return prefix + QStringLiteral("ExitCode:%1").arg(terminated.value(u"exitCode").toInt());
}

bool restartableInit(const QJsonObject &spec, const QString &name)
{
    for (const QJsonValue &c : spec.value(u"initContainers").toArray()) {
        if (c.toObject().value(u"name").toString() == name)
            return c.toObject().value(u"restartPolicy").toString() == u"Always";
    }
    return false;
}

void noteLastRestart(const QJsonObject &containerStatus, PodSummary &summary)
{
    const QString finished = containerStatus.value(u"lastState")
                                 .toObject()
                                 .value(u"terminated")
                                 .toObject()
                                 .value(u"finishedAt")
                                 .toString();
    const QDateTime at = QDateTime::fromString(finished, Qt::ISODate);
    if (at.isValid() && (!summary.lastRestart.isValid() || at > summary.lastRestart))
        summary.lastRestart = at;
}

} // namespace

// kubectl's printPod (pkg/printers/internalversion/printers.go), step by step.
PodSummary summarizePod(const QJsonObject &pod)
{
    PodSummary summary;
    const QJsonObject spec = pod.value(u"spec").toObject();
    const QJsonObject status = pod.value(u"status").toObject();
    const QJsonObject metadata = pod.value(u"metadata").toObject();
    summary.containers = int(spec.value(u"containers").toArray().size());
    QString reason = status.value(u"phase").toString();
    if (!status.value(u"reason").toString().isEmpty())
        reason = status.value(u"reason").toString();
    if (hasCondition(status, u"PodScheduled", {}, u"SchedulingGated"))
        reason = QStringLiteral("SchedulingGated");

    const QJsonArray initStatuses = status.value(u"initContainerStatuses").toArray();
    const qsizetype initCount = spec.value(u"initContainers").toArray().size();
    qint64 sidecarRestarts = 0;
    bool initializing = false;
    for (qsizetype i = 0; i < initStatuses.size(); ++i) {
        const QJsonObject container = initStatuses.at(i).toObject();
        const QJsonObject state = container.value(u"state").toObject();
        const QJsonObject terminated = state.value(u"terminated").toObject();
        const QString waiting = state.value(u"waiting").toObject().value(u"reason").toString();
        summary.restarts += container.value(u"restartCount").toInteger();
        noteLastRestart(container, summary);
        const bool sidecar = restartableInit(spec, container.value(u"name").toString());
        if (sidecar)
            sidecarRestarts += container.value(u"restartCount").toInteger();
        if (state.contains(u"terminated") && terminated.value(u"exitCode").toInt() == 0)
            continue;
        if (sidecar && container.value(u"started").toBool())
            continue;
        if (state.contains(u"terminated"))
            reason = terminatedReason(terminated, QStringLiteral("Init:"));
        else if (!waiting.isEmpty() && waiting != u"PodInitializing")
            reason = QStringLiteral("Init:") + waiting;
        else
            reason = QStringLiteral("Init:%1/%2").arg(i).arg(initCount);
        initializing = true;
        break;
    }

    if (!initializing || hasCondition(status, u"Initialized", u"True")) {
        summary.restarts = sidecarRestarts;
        bool hasRunning = false;
        const QJsonArray statuses = status.value(u"containerStatuses").toArray();
        for (qsizetype i = statuses.size() - 1; i >= 0; --i) {
            const QJsonObject container = statuses.at(i).toObject();
            const QJsonObject state = container.value(u"state").toObject();
            summary.restarts += container.value(u"restartCount").toInteger();
            noteLastRestart(container, summary);
            const QString waiting =
                state.value(u"waiting").toObject().value(u"reason").toString();
            if (!waiting.isEmpty())
                reason = waiting;
            else if (state.contains(u"terminated"))
                reason = terminatedReason(state.value(u"terminated").toObject(), {});
            else if (container.value(u"ready").toBool() && state.contains(u"running")) {
                hasRunning = true;
                ++summary.readyContainers;
            }
        }
        if (reason == u"Completed" && hasRunning)
            reason = hasCondition(status, u"Ready", u"True") ? QStringLiteral("Running")
                                                             : QStringLiteral("NotReady");
    }

    const QString phase = status.value(u"phase").toString();
    if (metadata.contains(u"deletionTimestamp")) {
        if (status.value(u"reason").toString() == u"NodeLost")
            reason = QStringLiteral("Unknown");
        else if (phase != u"Succeeded" && phase != u"Failed")
            reason = QStringLiteral("Terminating");
    }
    summary.status = reason.isEmpty() ? QStringLiteral("Pending") : reason;
    return summary;
}

namespace {

QJsonObject pick(const QJsonObject &from, std::initializer_list<QStringView> keys)
{
    QJsonObject to;
    for (const QStringView key : keys) {
        const auto it = from.constFind(key);
        if (it != from.constEnd())
            to.insert(key.toString(), it.value());
    }
    return to;
}

QJsonArray pickEach(const QJsonValue &array, std::initializer_list<QStringView> keys)
{
    QJsonArray to;
    for (const QJsonValue &item : array.toArray())
        to.append(pick(item.toObject(), keys));
    return to;
}

void insertIfAny(QJsonObject &to, const QString &key, const QJsonObject &value)
{
    if (!value.isEmpty())
        to.insert(key, value);
}

void insertIfAny(QJsonObject &to, const QString &key, const QJsonArray &value)
{
    if (!value.isEmpty())
        to.insert(key, value);
}

QJsonArray trimContainerStatuses(const QJsonValue &statuses)
{
    QJsonArray to;
    for (const QJsonValue &item : statuses.toArray()) {
        const QJsonObject status = item.toObject();
        QJsonObject kept = pick(status, {u"name", u"ready", u"started", u"restartCount", u"state"});
        const QJsonValue finished = status.value(u"lastState")
                                        .toObject()
                                        .value(u"terminated")
                                        .toObject()
                                        .value(u"finishedAt");
        if (!finished.isUndefined())
            kept.insert(QStringLiteral("lastState"),
                        QJsonObject{{QStringLiteral("terminated"),
                                     QJsonObject{{QStringLiteral("finishedAt"), finished}}}});
        to.append(kept);
    }
    return to;
}

} // namespace

QJsonObject trimPodForLists(const QJsonObject &pod, const QStringList &keptAnnotations)
{
    const QJsonObject metadata = pod.value(u"metadata").toObject();
    QJsonObject meta = pick(metadata, {u"name", u"namespace", u"uid", u"resourceVersion",
                                       u"generateName", u"creationTimestamp",
                                       u"deletionTimestamp", u"labels"});
    QJsonArray owners;
    for (const QJsonValue &owner : metadata.value(u"ownerReferences").toArray()) {
        if (owner.toObject().value(u"controller").toBool())
            owners.append(pick(owner.toObject(), {u"apiVersion", u"kind", u"name", u"uid",
                                                  u"controller"}));
    }
    insertIfAny(meta, QStringLiteral("ownerReferences"), owners);
    const QJsonObject annotations = metadata.value(u"annotations").toObject();
    QJsonObject keptValues;
    for (const QString &key : keptAnnotations) {
        const auto it = annotations.constFind(key);
        if (it != annotations.constEnd())
            keptValues.insert(key, it.value());
    }
    insertIfAny(meta, QStringLiteral("annotations"), keptValues);

    const QJsonObject spec = pod.value(u"spec").toObject();
    QJsonObject keptSpec = pick(spec, {u"nodeName", u"schedulingGates"});
    static constexpr std::initializer_list<QStringView> containerKeys = {
        u"name", u"restartPolicy", u"resources"};
    insertIfAny(keptSpec, QStringLiteral("containers"),
                pickEach(spec.value(u"containers"), containerKeys));
    insertIfAny(keptSpec, QStringLiteral("initContainers"),
                pickEach(spec.value(u"initContainers"), containerKeys));

    const QJsonObject status = pod.value(u"status").toObject();
    QJsonObject keptStatus =
        pick(status, {u"phase", u"reason", u"podIP", u"hostIP", u"qosClass", u"startTime"});
    insertIfAny(keptStatus, QStringLiteral("conditions"),
                pickEach(status.value(u"conditions"), {u"type", u"status", u"reason"}));
    insertIfAny(keptStatus, QStringLiteral("containerStatuses"),
                trimContainerStatuses(status.value(u"containerStatuses")));
    insertIfAny(keptStatus, QStringLiteral("initContainerStatuses"),
                trimContainerStatuses(status.value(u"initContainerStatuses")));

    QJsonObject trimmed = pick(pod, {u"apiVersion", u"kind"});
    trimmed.insert(QStringLiteral("metadata"), meta);
    insertIfAny(trimmed, QStringLiteral("spec"), keptSpec);
    insertIfAny(trimmed, QStringLiteral("status"), keptStatus);
    return trimmed;
}

QString humanAge(qint64 seconds)
{
    // Up to a second in the future is clock skew between machines, as in HumanDuration.
    if (seconds < -1)
        return QStringLiteral("<invalid>");
    if (seconds < 0)
        return QStringLiteral("0s");
    if (seconds < 120)
        return QStringLiteral("%1s").arg(seconds);
    const qint64 minutes = seconds / 60;
    if (minutes < 10)
        return seconds % 60 == 0 ? QStringLiteral("%1m").arg(minutes)
                                 : QStringLiteral("%1m%2s").arg(minutes).arg(seconds % 60);
    if (minutes < 180)
        return QStringLiteral("%1m").arg(minutes);
    const qint64 hours = minutes / 60;
    if (hours < 8)
        return minutes % 60 == 0 ? QStringLiteral("%1h").arg(hours)
                                 : QStringLiteral("%1h%2m").arg(hours).arg(minutes % 60);
    if (hours < 48)
        return QStringLiteral("%1h").arg(hours);
    const qint64 days = hours / 24;
    if (hours < 24 * 8)
        return hours % 24 == 0 ? QStringLiteral("%1d").arg(days)
                               : QStringLiteral("%1d%2h").arg(days).arg(hours % 24);
    if (hours < 24 * 365 * 2)
        return QStringLiteral("%1d").arg(days);
    if (hours < 24 * 365 * 8)
        return days % 365 == 0 ? QStringLiteral("%1y").arg(days / 365)
                               : QStringLiteral("%1y%2d").arg(days / 365).arg(days % 365);
    return QStringLiteral("%1y").arg(days / 365);
}

QString timestampAge(const QString &timestamp, const QDateTime &now)
{
    const QDateTime at = QDateTime::fromString(timestamp, Qt::ISODate);
    if (timestamp.isEmpty() || !at.isValid())
        return QStringLiteral("<unknown>");
    return humanAge(at.secsTo(now));
}

} // namespace core::kube
