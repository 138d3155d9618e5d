#include "models/burststate.h"

#include "core/burst/cciconventions.h"
#include "core/kube/objectmeta.h"

namespace models {

using core::burst::PlacementTimeline;

namespace {

QString workloadKey(const QJsonObject &pod)
{
    return core::kube::namespaceOf(pod) + u'/' + core::burst::podWorkload(pod);
}

// Whether a pod has stopped running for good (its billed span ends).
bool stopped(const QJsonObject &pod)
{
    const QString phase =
        pod.value(u"status").toObject().value(u"phase").toString();
    return phase == u"Succeeded" || phase == u"Failed" ||
           core::kube::metadataOf(pod).contains(u"deletionTimestamp");
}

} // namespace

PlacementTimeline &BurstState::workloadTimeline(const QString &key)
{
    auto it = workloads.find(key);
    if (it == workloads.end()) {
        PlacementTimeline timeline(kResolutionMs);
        timeline.setObservedSince(cluster.observedSince());
        it = workloads.insert(key, timeline);
    }
    return *it;
}

BurstState::PodFacts BurstState::podFacts(const QJsonObject &pod, bool gone,
                                          const Context &context) const
{
    PodFacts facts;
    facts.uid = core::kube::uidOf(pod);
    if (facts.uid.isEmpty())
        return facts;
    facts.workload = workloadKey(pod);
    facts.place = gone ? std::nullopt : core::burst::podPlace(pod, context.virtualNodes);
    // A pod created before this process began watching has a past to rebuild (once: addPast
    // ignores a pod it counts; one whose past already ended is remembered in pastEnded).
    const QDateTime created = QDateTime::fromString(
        core::kube::metadataString(pod, u"creationTimestamp"), Qt::ISODateWithMs);
    if (!gone && created.isValid() && created.toMSecsSinceEpoch() < context.startedAt &&
        !pastEnded.contains(facts.uid))
        facts.past = core::burst::podPast(pod, context.virtualNodes);
    return facts;
}

void BurstState::setPod(const PodFacts &facts, bool gone, qint64 at)
{
    if (facts.uid.isEmpty())
        return;
    PlacementTimeline &workload = workloadTimeline(facts.workload);
    if (facts.past && !pastEnded.contains(facts.uid)) {
        cluster.addPast(facts.uid, *facts.past);
        workload.addPast(facts.uid, *facts.past);
        if (facts.past->ended.isValid())
            pastEnded.insert(facts.uid);
    }
    cluster.setPod(facts.uid, facts.place, at);
    workload.setPod(facts.uid, facts.place, at);
    if (gone)
        pastEnded.remove(facts.uid);
}

void BurstState::recordSpan(const QJsonObject &pod, bool gone, const QDateTime &at,
                            const Context &context)
{
    const QString uid = core::kube::uidOf(pod);
    std::optional<core::burst::BilledSpan> span =
        core::burst::billedSpan(pod, context.virtualNodes, gone ? at : QDateTime());
    if (!span) {
        if (gone)
            running.remove(uid);
        return;
    }
    span->nameSpace = names.intern(span->nameSpace);
    span->workload = names.intern(span->workload);
    if (span->end.isValid()) {
        running.remove(uid);
        ended.append(*span);
        if (ended.size() > kMaxEndedSpans)
            ended.remove(0, ended.size() - kMaxEndedSpans);
    } else {
        running.insert(uid, *span);
    }
}

void BurstState::applyPods(const core::kube::ChangeSet &changes, const QDateTime &at,
                           const Context &context)
{
    const qint64 ms = at.toMSecsSinceEpoch();
    for (const QJsonObject &pod : changes.added)
        setPod(podFacts(pod, false, context), false, ms);
    for (const QJsonObject &pod : changes.modified)
        setPod(podFacts(pod, false, context), false, ms);
    for (const QJsonObject &pod : changes.deleted)
        setPod(podFacts(pod, true, context), true, ms);
    // Spans: a running pod's span changes only when it stops (or goes), so a status change of
    // a pod already billed costs one lookup; a pod not yet billed is checked until it runs.
    if (changes.added.size() > 1000)
        running.reserve(running.size() + changes.added.size()); // a list: no rehashes
    for (const QJsonObject &pod : changes.added)
        recordSpan(pod, false, at, context);
    for (const QJsonObject &pod : changes.modified) {
        if (running.contains(core::kube::uidOf(pod))) {
            if (stopped(pod))
                recordSpan(pod, false, at, context);
        } else if (core::burst::isBurstPod(pod, context.virtualNodes)) {
            recordSpan(pod, false, at, context);
        }
    }
    for (const QJsonObject &pod : changes.deleted)
        if (running.contains(core::kube::uidOf(pod)))
            recordSpan(pod, true, at, context);
}

bool BurstState::applyEvents(const core::kube::ChangeSet &changes)
{
    bool any = false;
    for (const QList<QJsonObject> *list : {&changes.added, &changes.modified}) {
        for (const QJsonObject &event : *list) {
            const auto marker = core::burst::markerFromEvent(event);
            if (!marker)
                continue;
            cluster.addMarker(*marker);
            // "Deployment/shop/web" -> the workload "shop/Deployment/web".
            const QStringList parts = marker->object.split(u'/');
            if (parts.size() == 3) {
                const QString key = parts.at(1) + u'/' + parts.at(0) + u'/' + parts.at(2);
                if (const auto it = workloads.find(key); it != workloads.end())
                    it->addMarker(*marker);
            }
            any = true;
        }
    }
    return any;
}

QStringList BurstState::workloadKeys() const
{
    QStringList keys = workloads.keys();
    keys.sort();
    return keys;
}

core::burst::UsageReport BurstState::usage(const QDateTime &from, const QDateTime &to,
                                           const QDateTime &now,
                                           const core::burst::UsagePrice &price) const
{
    QList<core::burst::BilledSpan> spans = ended;
    spans.reserve(ended.size() + running.size());
    for (const core::burst::BilledSpan &span : running)
        spans.append(span);
    return core::burst::cciUsage(spans, from, to, now, price);
}

} // namespace models
