#pragma once

#include "models/burststate.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <functional>

namespace core::kube {
class ObjectCache;
} // namespace core::kube

namespace models {

class ClusterSession;

// What bursting did over time on one connection (issue #11): the burst timeline of the whole
// cluster and of each workload (pods pending / local / on CCI, from the pods informer's changes,
// never polled; pods that existed before the console watched are reconstructed from their own
// times, so the series starts "observed since" the first change seen), scale / refusal / lock
// markers from the events informer, and the billed spans of burst pods for the CCI usage meter.
// Timelines are saved (every minute and when the session goes) under
// AppDataLocation/timelines/<context>.json and continued at the next start.
class BurstHistory : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kResolutionMs = BurstState::kResolutionMs;
    static constexpr qint64 kRetentionMs = qint64(3) * 24 * 3600 * 1000; // three days
    static constexpr int kMaxEndedSpans = BurstState::kMaxEndedSpans;

    // The one history of `session` (made and attached on first use).
    static BurstHistory *of(ClusterSession *session);
    // For tests: a history fed by hand (apply*), saved to `file` ("" = not saved).
    explicit BurstHistory(const QString &file, QObject *parent = nullptr);
    ~BurstHistory() override;

    // The whole cluster's timeline, and one workload's ("namespace/Kind/name"; Deployment for a
    // ReplicaSet with a pod-template-hash, as core::burst::podWorkload names it). A pointer is
    // good until the next change is applied (a worker's result replaces the timelines whole).
    const core::burst::PlacementTimeline &cluster() const { return m_state.cluster; }
    const core::burst::PlacementTimeline *workload(const QString &key) const;
    QStringList workloadKeys() const; // sorted
    QDateTime observedSince() const;

    core::burst::UsageReport usage(const QDateTime &from, const QDateTime &to,
                                   const core::burst::UsagePrice &price = {}) const;
    // The timelines and spans as they are now, for a worker to read (TimelineRefresh): a copy
    // that costs a few reference counts; what the GUI thread changes afterwards detaches.
    BurstState snapshot() const { return m_state; }
    // The history's clock (the system's unless a test set one).
    QDateTime currentTime() const { return now(); }

    // Changes are applied in the order they arrive, each stamped with the time it arrived. When
    // at least kBackgroundList pods wait (a first list, the replay once the nodes are known, a
    // burst of changes), a worker applies them to a copy of the timelines and spans (reading
    // the pods' JSON and building the series) and the GUI thread swaps the copy in; changes
    // and events arriving meanwhile wait and follow it in order. Fewer apply on the GUI thread,
    // at once when nothing waits, else in slices of about kSliceMs per event-loop turn.
    static constexpr int kBackgroundList = 2000;
    static constexpr int kSliceMs = 10;
    void applyPods(const core::kube::ChangeSet &changes);
    // For tests: the slice (0 = one change set a turn).
    void setSliceMs(int ms) { m_sliceMs = ms; }
    // Whether changes wait for the worker or for a later turn of the event loop (tests, benches).
    bool isReadingList() const { return m_working || m_drainQueued; }
    void applyEvents(const core::kube::ChangeSet &changes);
    void setVirtualNodes(const QStringList &nodes);
    bool save() const;
    // Where `context`'s timelines are kept.
    static QString fileFor(const QString &context);
    // The clock, for tests.
    void setClock(std::function<QDateTime()> clock)
    {
        m_clock = std::move(clock);
        m_startedAt = now().toMSecsSinceEpoch();
    }

signals:
    void changed(); // timelines or spans changed (at most once per event-loop turn)
    // What the worker applied is in, and so is everything that arrived meanwhile (tests,
    // benches).
    void listApplied();

private:
    // A change set as it arrived.
    struct Pending
    {
        core::kube::ChangeSet changes;
        QDateTime at;
        bool events = false; // events, not pods
    };
    static qsizetype podsIn(const Pending &pending);
    // Whether anything changed (events may hold no marker).
    static bool apply(BurstState &state, const Pending &pending,
                      const BurstState::Context &context);
    void load();
    void notify();
    void enqueue(Pending pending);
    void drain();
    void startWorker();
    void adoptWorkerResult();
    QDateTime now() const { return m_clock ? m_clock() : QDateTime::currentDateTimeUtc(); }

    QString m_file;
    std::function<QDateTime()> m_clock;
    QStringList m_virtualNodes;
    bool m_nodesKnown = false;
    BurstState m_state;
    qint64 m_startedAt = 0; // when this process began watching (ms since the epoch)
    QTimer m_saveTimer;
    bool m_notifyQueued = false;
    QList<Pending> m_queue; // changes not applied yet, in the order they came
    qsizetype m_queuedPods = 0;
    int m_sliceMs = kSliceMs;
    QFutureWatcher<BurstState> m_worker;
    bool m_working = false;      // the worker is applying changes to its copy
    bool m_drainQueued = false;  // the rest of m_queue is applied at the next turn
    bool m_workerApplied = false; // listApplied is due once m_queue is empty
};

} // namespace models
