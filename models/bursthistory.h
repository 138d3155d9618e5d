#pragma once

#include "core/burst/bursttimeline.h"
#include "core/burst/cciusage.h"
#include "core/kube/informer.h"
#include "models/stringpool.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QSet>
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
    static constexpr qint64 kResolutionMs = 5000;
    static constexpr qint64 kRetentionMs = qint64(3) * 24 * 3600 * 1000; // three days
    static constexpr int kMaxEndedSpans = 200000; // the oldest ended spans go first

    // The one history of `session` (made and attached on first use).
    static BurstHistory *of(ClusterSession *session);
    // For tests: a history fed by hand (apply*), saved to `file` ("" = not saved).
    explicit BurstHistory(const QString &file, QObject *parent = nullptr);
    ~BurstHistory() override;

    // The whole cluster's timeline, and one workload's ("namespace/Kind/name"; Deployment for a
    // ReplicaSet with a pod-template-hash, as core::burst::podWorkload names it).
    const core::burst::PlacementTimeline &cluster() const { return m_cluster; }
    const core::burst::PlacementTimeline *workload(const QString &key) const;
    QStringList workloadKeys() const; // sorted
    QDateTime observedSince() const;

    core::burst::UsageReport usage(const QDateTime &from, const QDateTime &to,
                                   const core::burst::UsagePrice &price = {}) const;

    // A list of at least kBackgroundList added pods (the first list, the replay once the nodes
    // are known) is read on a worker (podPlace, podPast, billedSpan: the JSON and time parsing)
    // and applied in one step when it is done; changes arriving meanwhile wait and follow it in
    // order. Smaller change sets apply at once.
    static constexpr int kBackgroundList = 2000;
    void applyPods(const core::kube::ChangeSet &changes);
    // Whether a list is being read on the worker (tests, benches).
    bool isReadingList() const { return m_readingList; }
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
    void listApplied(); // a list read on the worker has been applied (tests, benches)

private:
    // What a pod's JSON says, read once (on the worker for a list).
    struct PodFacts
    {
        QString uid;
        QString workload;
        std::optional<core::burst::PodPlace> place;
        std::optional<core::burst::PodPast> past; // when created before this process watched
        std::optional<core::burst::BilledSpan> span;
    };
    struct ListResult
    {
        QList<PodFacts> pods;
        qint64 at = 0;
    };
    static PodFacts podFacts(const QJsonObject &pod, bool gone, const QStringList &virtualNodes,
                             qint64 startedAt, const QSet<QString> &pastEnded);
    void load();
    void notify();
    core::burst::PlacementTimeline &workloadTimeline(const QString &key);
    void setPod(const PodFacts &facts, bool gone, qint64 now);
    void recordSpan(std::optional<core::burst::BilledSpan> span, const QString &uid, bool gone);
    void recordSpan(const QJsonObject &pod, bool gone, const QDateTime &now);
    void applyList(const ListResult &list);
    QDateTime now() const { return m_clock ? m_clock() : QDateTime::currentDateTimeUtc(); }

    QString m_file;
    std::function<QDateTime()> m_clock;
    QStringList m_virtualNodes;
    bool m_nodesKnown = false;
    QList<QJsonObject> m_waiting; // pods seen before the virtual nodes were known
    core::burst::PlacementTimeline m_cluster{kResolutionMs};
    QHash<QString, core::burst::PlacementTimeline> m_workloads;
    QHash<QString, core::burst::BilledSpan> m_running; // burst pods still running, by uid
    QList<core::burst::BilledSpan> m_ended;
    StringPool m_names; // namespaces and workload names of the spans
    QSet<QString> m_pastEnded; // pods whose rebuilt past ended before this process watched
    qint64 m_startedAt = 0; // when this process began watching (ms since the epoch)
    QTimer m_saveTimer;
    bool m_notifyQueued = false;
    QFutureWatcher<ListResult> m_listReader;
    bool m_readingList = false; // from the start of the worker's read until its result is applied
    QList<core::kube::ChangeSet> m_queued; // changes that came while a list was being read
};

} // namespace models
