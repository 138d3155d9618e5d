#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace core::burst {

// Where a pod is for the burst timeline (issue #11): not bound yet, on a local (IDC/CCE) node,
// or on a virtual node (burst to CCI).
enum class PodPlace : quint8 { Pending, Local, Cci };

// A pod's place now; nullopt for a pod that no longer counts (Succeeded, Failed, or being
// deleted: its deletionTimestamp is set).
std::optional<PodPlace> podPlace(const QJsonObject &pod, const QStringList &virtualNodes);

// A pod's past as its own fields tell it, for the time before the console watched it: pending
// from metadata.creationTimestamp; placed when its PodScheduled condition turned True (its
// lastTransitionTime, else status.startTime, else the creation time); ended at its last
// container's finishedAt when it is Succeeded or Failed. Invalid times when unknown.
struct PodPast
{
    QDateTime created;
    QDateTime placed;
    std::optional<PodPlace> place; // where it was placed (nullopt: still pending)
    QDateTime ended;
};
PodPast podPast(const QJsonObject &pod, const QStringList &virtualNodes);

// Something worth a mark on the timeline, read from a Kubernetes Event.
struct TimelineMarker
{
    enum class Kind : quint8 { Scale, Refusal, Lock, Unlock };
    qint64 msecs = 0;  // when (the event's last occurrence)
    Kind kind = Kind::Scale;
    QString object;    // "Kind/namespace/name" of the involved object
    QString reason;    // the event's reason
    QString message;   // the event's message
    bool operator==(const TimelineMarker &) const = default;
};
// Scale: ScalingReplicaSet, SuccessfulRescale; Refusal: FailedCreate, ProviderCreateFailed,
// FailedScheduling; Lock/Unlock: VirtualKubeletLocked/-Unlocked (the sandbox's names for the
// add-on's 30-minute lock). nullopt for other events or an event with no time.
std::optional<TimelineMarker> markerFromEvent(const QJsonObject &event);
QString markerKindName(TimelineMarker::Kind kind); // "scale", "refusal", "lock", "unlock"

// Counts of pods by place over time for one scope (a workload, or a whole cluster), built from
// changes (never polled): setPod() as the informer reports pods, addPast() for pods that existed
// before observation. Times fall into buckets of `resolutionMs`; a series is a step function.
class PlacementTimeline
{
public:
    struct Counts
    {
        int pending = 0;
        int local = 0;
        int cci = 0;
        bool operator==(const Counts &) const = default;
    };
    struct Sample
    {
        qint64 msecs = 0; // the bucket's start
        Counts counts;     // from this time on, until the next sample
        bool operator==(const Sample &) const = default;
    };

    explicit PlacementTimeline(qint64 resolutionMs = 1000);

    // The pod `uid` is at `place` from `msecs` on (nullopt: it stopped counting). Unchanged
    // places are ignored, so an informer may report every modification.
    void setPod(const QString &uid, std::optional<PodPlace> place, qint64 msecs);
    // A pod that existed before observation, from its past. Times before floorMsecs() are moved
    // to it (what came before a restart is already in the saved series). The pod's place at the
    // end of its past becomes its current place, so a later setPod() with the same place is a
    // no-op. Ignored for a uid already known.
    void addPast(const QString &uid, const PodPast &past);
    // When observation (live changes) began; history before it is reconstructed.
    void setObservedSince(qint64 msecs) { m_observedSince = msecs; }
    qint64 observedSince() const { return m_observedSince; }
    void addMarker(const TimelineMarker &marker);

    Counts countsNow() const;
    QList<Sample> samples() const; // one per bucket where a count changed, oldest first
    const QList<TimelineMarker> &markers() const { return m_markers; }
    int podCount() const { return int(m_current.size()); }
    qint64 resolutionMs() const { return m_resolution; }
    qint64 floorMsecs() const { return m_floor; }

    // Drops samples and markers older than `msecs`, keeping the counts at that time.
    void trimBefore(qint64 msecs);
    // Ends every pod at `msecs` and forgets them: the series a saved file keeps. A loaded series
    // continues at floorMsecs() = msecs.
    void closeAt(qint64 msecs);

    // {"resolutionMs", "observedSince", "floor", "samples": [[ms, pending, local, cci]...],
    //  "markers": [...]}: the samples of a closed series (call closeAt first to keep counts
    // consistent); fromJson restores one and refuses malformed input.
    QJsonObject toJson() const;
    static std::optional<PlacementTimeline> fromJson(const QJsonObject &json);
    // time (UTC, RFC 3339),pending,local,cci per sample, then the markers as
    // time,marker,kind,object,reason,message.
    QByteArray toCsv() const;

private:
    static quint64 podKey(const QString &uid);
    qint64 bucket(qint64 msecs) const;
    void shift(qint64 msecs, std::optional<PodPlace> place, int delta);

    qint64 m_resolution;
    qint64 m_observedSince = 0;
    qint64 m_floor = std::numeric_limits<qint64>::min();
    Counts m_base;                       // counts before the first delta
    QMap<qint64, Counts> m_deltas;       // bucket -> change of counts in it
    // Pods counted now, by a 64-bit hash of their uid (uids are random UUIDs; the hash halves
    // the memory of keeping the strings, at 100k pods per scope).
    QHash<quint64, PodPlace> m_current;
    QList<TimelineMarker> m_markers;     // in the order added
};

// What a chart of one timeline draws between `start` and `end` (ms since the epoch): a step
// series per place and a point on the time axis per marker. Computed off the GUI thread at scale
// (models::TimelineRefresh), drawn by ui::TimelinePane.
struct TimelineChart
{
    qint64 start = 0;
    qint64 end = 0;
    std::array<QList<QPointF>, 3> points; // pending, local, CCI: the old count up to a change,
                                          // then the new one
    QList<QPointF> markers;               // (time, 0) per marker inside [start, end]
    int top = 1;                          // the highest count drawn, at least 1
    bool operator==(const TimelineChart &) const = default;
};
// The chart of `timeline` (nullptr: no points) up to `end` over the last `rangeMs`; rangeMs 0 is
// from a little before the first change (at most three days back, at least 5 minutes).
TimelineChart timelineChart(const PlacementTimeline *timeline, qint64 end, qint64 rangeMs);

} // namespace core::burst
