#include "core/sandbox/cluster/kubeletsimulator.h"

#include "core/common/tr.h"
#include "core/sandbox/apiserver/sandboxclock.h"
#include "core/sandbox/cluster/eventrecorder.h"
#include "core/sandbox/cluster/podfacts.h"
#include "core/sandbox/cluster/podstatus.h"
#include "core/sandbox/store/objectstore.h"

#include <QCryptographicHash>
#include <QStringList>

namespace core::sandbox {

namespace {

// Kubernetes' default node status heartbeat is 10 s with leases; 40 s keeps the node watch quiet.
constexpr qint64 kHeartbeatMs = 40000;

const QString kRunSeconds = QStringLiteral("sandbox.burst.io/run-seconds");
const QString kExitCode = QStringLiteral("sandbox.burst.io/exit-code");
const QString kCrashEvery = QStringLiteral("sandbox.burst.io/crash-every-seconds");

bool isJobPod(const QJsonObject &pod)
{
    return controllerRef(pod).value(u"kind").toString() == u"Job";
}

} // namespace

KubeletSimulator::KubeletSimulator(ObjectStore &store, const SandboxClock &clock)
    : m_store(store), m_clock(clock)
{
}

KubeletSimulator::~KubeletSimulator() = default;

KubeletSimulator::Step KubeletSimulator::nextStep(const QJsonObject &pod) const
{
    if (nodeNameOf(pod).isEmpty() || isPodTerminal(pod))
        return Step::None;
    if (podPhase(pod) == u"Pending")
        return isContainerCreating(pod) ? Step::Start : Step::Create;
    if (!unstartedEphemeralContainers(pod).isEmpty())
        return Step::StartEphemeral;
    return runningStep(pod);
}

KubeletSimulator::Step KubeletSimulator::runningStep(const QJsonObject &pod)
{
    if (isJobPod(pod))
        return Step::Finish;
    if (!annotationOf(pod, kCrashEvery).isEmpty())
        return Step::Crash;
    return Step::None;
}

qint64 KubeletSimulator::delayFor(const QJsonObject &pod, Step step) const
{
    // A fixed spread per pod, so pods of one ReplicaSet do not all turn Running in one tick.
    const qint64 spread = qint64(qHash(uidOf(pod)) % 1000);
    switch (step) {
    case Step::Create:
        return 200 + spread / 2;
    case Step::Start:
        return 800 + spread;
    case Step::Finish: {
        const QString seconds = annotationOf(pod, kRunSeconds);
        return qint64((seconds.isEmpty() ? 5.0 : seconds.toDouble()) * 1000);
    }
    case Step::Crash:
        return qint64(annotationOf(pod, kCrashEvery).toDouble() * 1000);
    case Step::StartEphemeral:
        return 300 + spread / 4;
    case Step::None:
        break;
    }
    return 0;
}

void KubeletSimulator::podChanged(const ObjectIndex::Change &change)
{
    const QString key = ObjectIndex::keyOf(change.object);
    const Step step =
        change.type == StoreEvent::Type::Deleted ? Step::None : nextStep(change.object);
    if (step == Step::None)
        m_due.remove(key);
    else if (!m_due.contains(key))
        m_due.insert(key, m_clock.elapsedMs() + delayFor(change.object, step));
}

void KubeletSimulator::tick(const ObjectIndex &pods, const ObjectIndex &nodes)
{
    const qint64 now = m_clock.elapsedMs();
    QStringList due;
    for (auto it = m_due.cbegin(); it != m_due.cend(); ++it) {
        if (it.value() <= now)
            due << it.key();
    }
    for (const QString &key : std::as_const(due)) {
        const QJsonObject pod = pods.get(key);
        const Step step = pod.isEmpty() ? Step::None : nextStep(pod);
        if (step == Step::None) {
            m_due.remove(key);
            continue;
        }
        if (!apply(pod, step, nodes))
            continue; // lost a race with another writer: retry on the next tick
        const bool restarted =
            step == Step::Finish &&
            pod.value(u"spec").toObject().value(u"restartPolicy").toString() == u"OnFailure" &&
            annotationOf(pod, kExitCode).toInt() != 0;
        const Step following = step == Step::Create                 ? Step::Start
                               : step == Step::Finish && !restarted ? Step::None
                                                                    : runningStep(pod);
        if (following == Step::None)
            m_due.remove(key);
        else
            m_due.insert(key, now + delayFor(pod, following));
    }
    if (m_lastHeartbeatMs < 0 || now - m_lastHeartbeatMs >= kHeartbeatMs) {
        m_lastHeartbeatMs = now;
        heartbeat(nodes);
    }
}

EventRecorder &KubeletSimulator::recorderFor(const QString &node)
{
    auto &recorder = m_recorders[node];
    if (!recorder)
        recorder = std::make_unique<EventRecorder>(m_store, QStringLiteral("kubelet"), node);
    return *recorder;
}

bool KubeletSimulator::apply(const QJsonObject &pod, Step step, const ObjectIndex &nodes)
{
    const QDateTime now = m_clock.now();
    EventRecorder &events = recorderFor(nodeNameOf(pod));
    const QJsonArray containers = pod.value(u"spec").toObject().value(u"containers").toArray();
    switch (step) {
    case Step::Create: {
        if (!writeStatus(m_store, podsType(), pod, creatingStatus(pod, nodes)))
            return false;
        for (const QJsonValue &container : containers)
            events.record(
                pod, QStringLiteral("Normal"), QStringLiteral("Pulling"),
                Tr::tr("Pulling image \"%1\"").arg(container.toObject().value(u"image").toString()),
                now);
        return true;
    }
    case Step::Start: {
        if (!writeStatus(m_store, podsType(), pod, runningPodStatus(pod, 0, m_clock.now())))
            return false;
        const double pullSeconds = double(delayFor(pod, Step::Start)) / 1000.0;
        for (const QJsonValue &value : containers) {
            const QJsonObject container = value.toObject();
            const QString name = container.value(u"name").toString();
            const QString image = container.value(u"image").toString();
            events.record(pod, QStringLiteral("Normal"), QStringLiteral("Pulled"),
                          Tr::tr("Successfully pulled image \"%1\" in %2s (%2s including "
                                 "waiting). Image size: %3 bytes.")
                              .arg(image)
                              .arg(pullSeconds, 0, 'f', 3)
                              .arg(qHash(image) % 90000000 + 10000000),
                          now);
            events.record(pod, QStringLiteral("Normal"), QStringLiteral("Created"),
                          Tr::tr("Created container %1").arg(name), now);
            events.record(pod, QStringLiteral("Normal"), QStringLiteral("Started"),
                          Tr::tr("Started container %1").arg(name), now);
        }
        return true;
    }
    case Step::Finish: {
        const int exitCode = annotationOf(pod, kExitCode).toInt();
        if (exitCode != 0 &&
            pod.value(u"spec").toObject().value(u"restartPolicy").toString() == u"OnFailure")
            return apply(pod, Step::Crash, nodes);
        return writeStatus(m_store, podsType(), pod,
                           terminatedPodStatus(pod, exitCode, m_clock.now()));
    }
    case Step::Crash: {
        if (!writeStatus(m_store, podsType(), pod, runningPodStatus(pod, 1, m_clock.now())))
            return false;
        for (const QString &name : containerNames(pod))
            events.record(pod, QStringLiteral("Warning"), QStringLiteral("BackOff"),
                          Tr::tr("Back-off restarting failed container %1 in pod %2_%3(%4)")
                              .arg(name, nameOf(pod), namespaceOf(pod), uidOf(pod)),
                          now);
        return true;
    }
    case Step::StartEphemeral: {
        const QStringList names = unstartedEphemeralContainers(pod);
        if (!writeStatus(m_store, podsType(), pod, ephemeralStartedStatus(pod, now)))
            return false;
        for (const QString &name : names) {
            events.record(pod, QStringLiteral("Normal"), QStringLiteral("Created"),
                          Tr::tr("Created container %1").arg(name), now);
            events.record(pod, QStringLiteral("Normal"), QStringLiteral("Started"),
                          Tr::tr("Started container %1").arg(name), now);
        }
        return true;
    }
    case Step::None:
        break;
    }
    return true;
}

QJsonObject KubeletSimulator::creatingStatus(const QJsonObject &pod, const ObjectIndex &nodes)
{
    const QDateTime now = m_clock.now();
    const QString node = nodeNameOf(pod);
    QStringList names = nodes.objects().keys();
    names.sort();
    const int ordinal = int(names.indexOf(QString(u'/' + node)));
    QString hostIp;
    const QJsonArray addresses =
        nodes.get(QString(u'/' + node)).value(u"status").toObject().value(u"addresses").toArray();
    for (const QJsonValue &address : addresses) {
        if (address.toObject().value(u"type").toString() == u"InternalIP")
            hostIp = address.toObject().value(u"address").toString();
    }
    if (hostIp.isEmpty())
        hostIp = QStringLiteral("192.168.0.%1").arg(10 + std::max(ordinal, 0));
    const int n = m_nextAddress[node]++;
    const QString podIp = QStringLiteral("10.%1.%2.%3")
                              .arg(100 + std::max(ordinal, 0))
                              .arg(n / 250 % 256)
                              .arg(n % 250 + 2);

    return creatingPodStatus(pod, hostIp, podIp, now);
}

void KubeletSimulator::heartbeat(const ObjectIndex &nodes)
{
    const QString now = timestamp(m_clock.now());
    for (const QJsonObject &node : nodes.objects()) {
        auto current = m_store.get(nodesType(), QString(), nameOf(node));
        if (!current)
            continue;
        QJsonObject updated = *current;
        QJsonObject status = updated.value(u"status").toObject();
        QJsonArray conditions = status.value(u"conditions").toArray();
        for (qsizetype i = 0; i < conditions.size(); ++i) {
            QJsonObject condition = conditions.at(i).toObject();
            if (condition.value(u"type").toString() != u"Ready")
                continue;
            if (!condition.contains(u"lastTransitionTime"))
                condition.insert(QStringLiteral("lastTransitionTime"), now);
            condition.insert(QStringLiteral("lastHeartbeatTime"), now);
            condition.insert(QStringLiteral("message"), Tr::tr("kubelet is posting ready status"));
            conditions.replace(i, condition);
        }
        status.insert(QStringLiteral("conditions"), conditions);
        updated.insert(QStringLiteral("status"), status);
        (void)m_store.update(nodesType(), QString(), nameOf(node), updated);
    }
}

} // namespace core::sandbox
