#pragma once

#include "core/burst/bursttimeline.h"
#include "core/burst/cciusage.h"
#include "models/stringpool.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <functional>

namespace core::kube {
class ObjectCache;
struct ChangeSet;
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

    void applyPods(const core::kube::ChangeSet &changes);
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

private:
    void load();
    void notify();
    core::burst::PlacementTimeline &workloadTimeline(const QString &key);
    void setPod(const QJsonObject &pod, bool gone, qint64 now);
    void recordSpan(const QJsonObject &pod, bool gone, const QDateTime &now);
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
};

} // namespace models
