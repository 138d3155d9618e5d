#pragma once

#include "core/sandbox/cluster/preloadedpods.h"
#include "core/sandbox/cluster/tickthread.h"

#include <QHash>
#include <QRandomGenerator>
#include <QString>

#include <atomic>
#include <chrono>
#include <mutex>

namespace core::sandbox {

class ObjectStore;
class SandboxClock;

struct PodChurnOptions
{
    // Watch events per second (real time) over all pods; 0 writes nothing.
    double eventsPerSecond = 0;
    // How often the thread writes its share: small ticks, so a watcher sees a steady stream.
    std::chrono::milliseconds tick{10};
    // The share of events that replace a pod (one DELETED, then one ADDED of a new pod of the
    // same ReplicaSet, so the count stays). The rest are MODIFIED: a container restart.
    double replaceShare = 0.1;
    // The churn stops writing once it wrote this many events (0: never); a soak then checks a
    // quiet cluster (`burst-sandbox --churn-events N`).
    qint64 maxEvents = 0;
};

// Keeps the pods that preloadPods(store, pods) created changing at a steady watch-event rate, as
// a busy cluster does (`burst-sandbox --pods N --churn RATE`): mostly status updates of random
// pods (restartCount + 1, lastState.terminated, a new containerID and startedAt; they stay Ready),
// some pods deleted and replaced. Writes through the store like every other client, so each write
// is one watch event. Runs on its own thread after start(); tests and benches may call step()
// instead. Thread-safe.
class PodChurn
{
public:
    PodChurn(ObjectStore &store, const SandboxClock &clock, const PreloadOptions &pods,
             PodChurnOptions options);
    ~PodChurn(); // stops the thread
    PodChurn(const PodChurn &) = delete;
    PodChurn &operator=(const PodChurn &) = delete;

    void start();
    void stop();
    bool isRunning() const;
    // The churn wrote its maxEvents and writes no more.
    bool isFinished() const { return m_options.maxEvents > 0 && events() >= m_options.maxEvents; }
    // Writes `events` events now, on the caller's thread; returns how many the store took (a pod
    // deleted by someone else is recreated, which counts as its one event).
    int step(int events);

    // Watch events written so far (what a watcher of all pods receives), and by type.
    qint64 events() const { return m_modified + m_added + m_deleted; }
    qint64 modified() const { return m_modified; }
    qint64 added() const { return m_added; }
    qint64 deleted() const { return m_deleted; }
    const PodChurnOptions &options() const { return m_options; }

private:
    QString nameOf(int slot) const;
    bool modify(int slot);
    bool replace(int slot);
    bool recreate(int slot);

    ObjectStore &m_store;
    const SandboxClock &m_clock;
    const PodChurnOptions m_options;
    std::mutex m_stepMutex; // guards what follows up to m_replaceCredit
    PreloadedPods m_pods;
    QHash<int, QString> m_replaced; // slot -> name of the pod that replaced the preloaded one
    QRandomGenerator m_random{20261206};
    double m_replaceCredit = 0;
    std::atomic<qint64> m_modified{0}, m_added{0}, m_deleted{0};
    TickThread m_ticks; // last: stopped before what it uses goes
};

} // namespace core::sandbox
