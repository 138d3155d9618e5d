#pragma once

#include "core/sandbox/cluster/objectindex.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

#include <map>
#include <memory>

namespace core::sandbox {

class EventRecorder;
class ObjectStore;
class SandboxClock;

// The kubelets of every node, the virtual-kubelet's included: a bound pod goes Pending ->
// ContainerCreating -> Running within 1-3 s of sandbox time with podIP (per-node 10.<100+i>/16),
// hostIP, conditions, containerStatuses (containerID, imageID, startedAt, restartCount) and the
// Pulling / Pulled / Created / Started events. Job pods finish after the annotation
// sandbox.burst.io/run-seconds (default 5) with sandbox.burst.io/exit-code (default 0); pods
// with sandbox.burst.io/crash-every-seconds restart. Only pods with pending work are looked at
// on a tick, so thousands of settled pods cost nothing.
class KubeletSimulator
{
public:
    KubeletSimulator(ObjectStore &store, const SandboxClock &clock);
    ~KubeletSimulator();

    // Feed every pod change (ObjectIndex::sync() of pods).
    void podChanged(const ObjectIndex::Change &change);
    // Moves every pod whose next step is due; heartbeats the nodes' Ready condition.
    void tick(const ObjectIndex &pods, const ObjectIndex &nodes);
    qsizetype pendingWork() const { return m_due.size(); }

private:
    enum class Step { None, Create, Start, Finish, Crash, StartEphemeral };
    Step nextStep(const QJsonObject &pod) const;
    static Step runningStep(const QJsonObject &pod);
    qint64 delayFor(const QJsonObject &pod, Step step) const;
    bool apply(const QJsonObject &pod, Step step, const ObjectIndex &nodes);
    QJsonObject creatingStatus(const QJsonObject &pod, const ObjectIndex &nodes);
    void heartbeat(const ObjectIndex &nodes);
    EventRecorder &recorderFor(const QString &node);

    ObjectStore &m_store;
    const SandboxClock &m_clock;
    QHash<QString, qint64> m_due;      // pod key -> sandbox ms of its next step
    QHash<QString, int> m_nextAddress; // node -> pods given an IP so far
    std::map<QString, std::unique_ptr<EventRecorder>> m_recorders;
    qint64 m_lastHeartbeatMs = -1;
};

} // namespace core::sandbox
