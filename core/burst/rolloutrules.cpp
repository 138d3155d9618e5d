#include "core/burst/rolloutrules.h"

#include "core/burst/shapechecks.h"
#include "core/common/tr.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

namespace core::burst {

namespace {

constexpr int kDefaultGracePeriod = 30; // Kubernetes' terminationGracePeriodSeconds default

bool rolls(const kube::Workload &w)
{
    return w.kind == u"Deployment" || w.kind == u"StatefulSet";
}

QJsonObject preStopOf(const QJsonObject &container)
{
    return container.value(u"lifecycle").toObject().value(u"preStop").toObject();
}

int intField(const QJsonObject &o, QStringView key, int fallback)
{
    const QJsonValue v = o.value(key);
    return v.isDouble() ? v.toInt() : fallback;
}

// The shortest known preStop sleep of the app containers.
std::optional<int> shortestSleep(const QJsonArray &containers)
{
    std::optional<int> shortest;
    for (const QJsonValue &c : containers) {
        if (const auto s = preStopSleepSeconds(c.toObject()))
            shortest = shortest ? std::min(*shortest, *s) : *s;
    }
    return shortest;
}

QString hintReadiness()
{
    return Tr::tr("Add a readiness probe: ELB forwards traffic only to ready pods, so a new pod "
                  "gets no requests before it can serve them (guide 3.1).");
}

QString hintPreStop()
{
    return Tr::tr("Add a preStop hook that sleeps (for example sleep 20): the old pod keeps "
                  "serving while ELB takes it out of its members (guide 3.1).");
}

QString hintMinReady()
{
    return Tr::tr("Set spec.minReadySeconds to the container's start time plus the time ELB "
                  "needs to bring a new member into service, and below the preStop sleep, so "
                  "the new pod is ready before the old one exits (guide 3.1).");
}

} // namespace

QString rolloutLoadBalancer(const kube::Workload &w, const QList<QJsonObject> &services)
{
    if (!rolls(w))
        return {};
    for (const QJsonObject &service : services) {
        if (service.value(u"kind").toString() == u"Service" &&
            service.value(u"spec").toObject().value(u"type").toString() == u"LoadBalancer" &&
            serviceSelectsPod(service, w))
            return service.value(u"metadata").toObject().value(u"name").toString();
    }
    return {};
}

std::optional<int> preStopSleepSeconds(const QJsonObject &container)
{
    const QJsonObject preStop = preStopOf(container);
    const QJsonValue sleep = preStop.value(u"sleep").toObject().value(u"seconds");
    if (sleep.isDouble())
        return sleep.toInt();
    static const QRegularExpression re(QStringLiteral("(?:^|[\\s;&|/])sleep\\s+(\\d+)s?\\b"));
    QStringList words;
    for (const QJsonValue &w : preStop.value(u"exec").toObject().value(u"command").toArray())
        words.append(w.toString());
    const QRegularExpressionMatch m = re.match(words.join(u' '));
    if (!m.hasMatch())
        return std::nullopt;
    bool ok = false;
    const int n = m.captured(1).toInt(&ok);
    return ok ? std::optional<int>(n) : std::nullopt;
}

Diagnostics checkGracefulRollout(const kube::Workload &w, const QList<QJsonObject> &services)
{
    Diagnostics out;
    const QString lb = rolloutLoadBalancer(w, services);
    if (lb.isEmpty())
        return out;
    const QJsonObject spec = w.podSpec();
    const QJsonArray containers = spec.value(u"containers").toArray();
    for (int i = 0; i < containers.size(); ++i) {
        const QJsonObject c = containers.at(i).toObject();
        const QString path = w.podPath(QStringLiteral("spec.containers[%1]").arg(i));
        const QString name = c.value(u"name").toString();
        if (!c.contains(u"readinessProbe"))
            out.append(makeWarning(
                QStringLiteral("rollout.noReadinessProbe"), path,
                Tr::tr("container \"%1\" behind LoadBalancer \"%2\" has no readiness probe: a new "
                       "pod may get requests before it serves them during a rolling update")
                    .arg(name, lb),
                hintReadiness()));
        if (preStopOf(c).isEmpty())
            out.append(makeWarning(
                QStringLiteral("rollout.noPreStop"), path,
                Tr::tr("container \"%1\" behind LoadBalancer \"%2\" has no preStop hook: an old "
                       "pod stops while ELB still sends it requests")
                    .arg(name, lb),
                hintPreStop()));
    }
    const QJsonObject workloadSpec = w.object.value(u"spec").toObject();
    const int minReady = intField(workloadSpec, u"minReadySeconds", 0);
    const std::optional<int> sleep = shortestSleep(containers);
    if (minReady <= 0)
        out.append(makeWarning(QStringLiteral("rollout.noMinReadySeconds"),
                               QStringLiteral("spec.minReadySeconds"),
                               Tr::tr("minReadySeconds is not set: a new pod counts as available "
                                      "as soon as it is ready, before ELB sends it traffic"),
                               hintMinReady()));
    else if (sleep && minReady >= *sleep)
        out.append(makeWarning(QStringLiteral("rollout.minReadyNotBelowSleep"),
                               QStringLiteral("spec.minReadySeconds"),
                               Tr::tr("minReadySeconds (%1 s) is not below the preStop sleep "
                                      "(%2 s): old pods can exit before new ones serve")
                                   .arg(minReady)
                                   .arg(*sleep),
                               hintMinReady()));
    const int grace = intField(spec, u"terminationGracePeriodSeconds", kDefaultGracePeriod);
    if (sleep && *sleep >= grace)
        out.append(makeWarning(
            QStringLiteral("rollout.gracePeriod"),
            w.podPath(QStringLiteral("spec.terminationGracePeriodSeconds")),
            Tr::tr("the preStop sleep (%1 s) is not below terminationGracePeriodSeconds (%2 s): "
                   "the container is killed before it can shut down")
                .arg(*sleep)
                .arg(grace),
            Tr::tr("Raise terminationGracePeriodSeconds above the preStop sleep plus the time "
                   "the application needs to stop.")));
    return out;
}

ObjectEdits gracefulRolloutEdits(const kube::Workload &w, const QList<QJsonObject> &services,
                                 const RolloutOptions &options, QStringList *notes)
{
    ObjectEdits edits;
    const QStringList specPath = splitObjectPath(w.podPath(QStringLiteral("spec")));
    const QJsonObject spec = w.podSpec();
    const QJsonArray containers = spec.value(u"containers").toArray();
    // The selecting Service's port, for containers that declare none.
    QJsonValue servicePort;
    for (const QJsonObject &service : services) {
        if (service.value(u"kind").toString() != u"Service" || !serviceSelectsPod(service, w))
            continue;
        const QJsonObject port =
            service.value(u"spec").toObject().value(u"ports").toArray().at(0).toObject();
        servicePort = port.value(u"targetPort").isDouble() ? port.value(u"targetPort")
                                                           : port.value(u"port");
        if (servicePort.isDouble())
            break;
    }
    std::optional<int> sleep = shortestSleep(containers);
    for (int i = 0; i < containers.size(); ++i) {
        const QJsonObject c = containers.at(i).toObject();
        const QStringList base =
            specPath + QStringList{QStringLiteral("containers"), QStringLiteral("[%1]").arg(i)};
        if (!c.contains(u"readinessProbe")) {
            QJsonValue port = c.value(u"ports").toArray().at(0).toObject().value(
                u"containerPort");
            if (!port.isDouble())
                port = servicePort;
            if (port.isDouble())
                edits.append({base + QStringList{QStringLiteral("readinessProbe")},
                              QJsonObject{{QStringLiteral("tcpSocket"),
                                           QJsonObject{{QStringLiteral("port"), port}}},
                                          {QStringLiteral("periodSeconds"), 5}}});
            else if (notes)
                notes->append(Tr::tr("%1/%2: container \"%3\" declares no port; add its "
                                     "readiness probe by hand")
                                  .arg(w.kind, w.name, c.value(u"name").toString()));
        }
        if (preStopOf(c).isEmpty()) {
            edits.append(
                {base + QStringList{QStringLiteral("lifecycle"), QStringLiteral("preStop")},
                 QJsonObject{{QStringLiteral("exec"),
                              QJsonObject{{QStringLiteral("command"),
                                           QJsonArray{QStringLiteral("/bin/sh"),
                                                      QStringLiteral("-c"),
                                                      QStringLiteral("sleep %1").arg(
                                                          options.sleepSeconds)}}}}}});
            sleep = sleep ? std::min(*sleep, options.sleepSeconds) : options.sleepSeconds;
        }
    }
    if (rolls(w)) {
        const int minReady = intField(w.object.value(u"spec").toObject(), u"minReadySeconds", 0);
        if (minReady <= 0 || (sleep && minReady >= *sleep)) {
            const int target = !sleep || options.minReadySeconds < *sleep
                                   ? options.minReadySeconds
                                   : *sleep / 2;
            edits.append({{QStringLiteral("spec"), QStringLiteral("minReadySeconds")}, target});
        }
    }
    const int grace = intField(spec, u"terminationGracePeriodSeconds", kDefaultGracePeriod);
    if (sleep && *sleep >= grace)
        edits.append({specPath + QStringList{QStringLiteral("terminationGracePeriodSeconds")},
                      *sleep + kDefaultGracePeriod});
    return edits;
}

} // namespace core::burst
