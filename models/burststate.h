#pragma once

#include "core/burst/bursttimeline.h"
#include "core/burst/cciusage.h"
#include "core/kube/informer.h"
#include "models/stringpool.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QStringList>

namespace models {

// What BurstHistory keeps (issue #11): the cluster's and each workload's timeline and the billed
// spans of burst pods, with the pod and event changes that build them. Plain values, no QObject
// and no clock: a worker applies a large change set to a copy (the containers are implicitly
// shared, so the copy costs nothing until the worker writes) while the GUI thread keeps reading
// the original, and the GUI thread then swaps the copy in. The same code runs for small change
// sets on the GUI thread, so both paths give the same timelines.
class BurstState
{
public:
    static constexpr qint64 kResolutionMs = 5000;
    static constexpr int kMaxEndedSpans = 200000; // the oldest ended spans go first

    // What a change needs besides the state: which nodes are virtual, and when this process
    // began watching (pods created before have a past to rebuild).
    struct Context
    {
        QStringList virtualNodes;
        qint64 startedAt = 0;
    };

    // Pods added, modified and deleted at `at`.
    void applyPods(const core::kube::ChangeSet &changes, const QDateTime &at,
                   const Context &context);
    // Scale / refusal / lock markers; whether any was added.
    bool applyEvents(const core::kube::ChangeSet &changes);

    // What the state tells (pure reads: a worker may call them on its own copy).
    QStringList workloadKeys() const; // sorted
    // The usage of the spans in [from, to); running spans count up to `now`.
    core::burst::UsageReport usage(const QDateTime &from, const QDateTime &to,
                                   const QDateTime &now,
                                   const core::burst::UsagePrice &price = {}) const;

    core::burst::PlacementTimeline cluster{kResolutionMs};
    QHash<QString, core::burst::PlacementTimeline> workloads;
    QHash<QString, core::burst::BilledSpan> running; // burst pods still running, by uid
    QList<core::burst::BilledSpan> ended;
    StringPool names; // namespaces and workload names of the spans
    QSet<QString> pastEnded; // pods whose rebuilt past ended before this process watched

private:
    // What a pod's JSON says, read once.
    struct PodFacts
    {
        QString uid;
        QString workload;
        std::optional<core::burst::PodPlace> place;
        std::optional<core::burst::PodPast> past; // when created before this process watched
    };
    PodFacts podFacts(const QJsonObject &pod, bool gone, const Context &context) const;
    core::burst::PlacementTimeline &workloadTimeline(const QString &key);
    void setPod(const PodFacts &facts, bool gone, qint64 at);
    void recordSpan(const QJsonObject &pod, bool gone, const QDateTime &at,
                    const Context &context);
};

} // namespace models
