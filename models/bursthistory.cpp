#include "models/bursthistory.h"

#include "core/burst/cciconventions.h"
#include "core/common/savefile.h"
#include "core/kube/informer.h"
#include "core/kube/objectcache.h"
#include "core/kube/objectmeta.h"
#include "models/clustersession.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QtConcurrent>

#include <algorithm>

namespace models {

using core::burst::PlacementTimeline;

namespace {

QString workloadKey(const QJsonObject &pod)
{
    return core::kube::namespaceOf(pod) + u'/' + core::burst::podWorkload(pod);
}

// Context names are free text (they may hold "/" or ":"): the file name escapes them.
QString safeFileName(const QString &context)
{
    QString name;
    for (const QChar c : context)
        name += c.isLetterOrNumber() || c == u'-' || c == u'_' || c == u'.'
                    ? QString(c)
                    : QStringLiteral("%%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
    return name.isEmpty() ? QStringLiteral("_") : name;
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

BurstHistory *BurstHistory::of(ClusterSession *session)
{
    if (auto *existing =
            session->findChild<BurstHistory *>(QString(), Qt::FindDirectChildrenOnly))
        return existing;
    auto *history = new BurstHistory(fileFor(session->contextName()), session);
    QPointer<BurstHistory> self(history);
    session->watch(QStringLiteral("pods"),
                   [self](const core::kube::ChangeSet &changes, const core::kube::ObjectCache &) {
                       if (self)
                           self->applyPods(changes);
                   });
    session->watch(QStringLiteral("nodes"),
                   [self, session](const core::kube::ChangeSet &,
                                   const core::kube::ObjectCache &cache) {
                       if (!self)
                           return;
                       const bool first = !self->m_nodesKnown;
                       self->setVirtualNodes(core::burst::virtualNodeNames(cache.objects()));
                       // Pods listed before the nodes were known were skipped: take them now.
                       if (core::kube::Informer *pods = session->informer(QStringLiteral("pods"));
                           first && pods) {
                           core::kube::ChangeSet all;
                           all.added = pods->cache().objects();
                           self->applyPods(all);
                       }
                   });
    session->watch(QStringLiteral("events"),
                   [self](const core::kube::ChangeSet &changes, const core::kube::ObjectCache &) {
                       if (self)
                           self->applyEvents(changes);
                   });
    return history;
}

BurstHistory::BurstHistory(const QString &file, QObject *parent) : QObject(parent), m_file(file)
{
    connect(&m_listReader, &QFutureWatcher<ListResult>::finished, this,
            [this] { applyList(m_listReader.result()); });
    load();
    if (m_cluster.observedSince() == 0)
        m_cluster.setObservedSince(now().toMSecsSinceEpoch());
    m_saveTimer.setInterval(60'000);
    connect(&m_saveTimer, &QTimer::timeout, this, [this] { save(); });
    if (!m_file.isEmpty())
        m_saveTimer.start();
}

BurstHistory::~BurstHistory()
{
    m_listReader.waitForFinished(); // it reads only its own copies; nothing to apply now
    save();
}

QString BurstHistory::fileFor(const QString &context)
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/timelines/") + safeFileName(context) + QStringLiteral(".json");
}

const PlacementTimeline *BurstHistory::workload(const QString &key) const
{
    const auto it = m_workloads.constFind(key);
    return it == m_workloads.constEnd() ? nullptr : &*it;
}

QStringList BurstHistory::workloadKeys() const
{
    QStringList keys = m_workloads.keys();
    keys.sort();
    return keys;
}

QDateTime BurstHistory::observedSince() const
{
    return QDateTime::fromMSecsSinceEpoch(m_cluster.observedSince()).toUTC();
}

PlacementTimeline &BurstHistory::workloadTimeline(const QString &key)
{
    auto it = m_workloads.find(key);
    if (it == m_workloads.end()) {
        PlacementTimeline timeline(kResolutionMs);
        timeline.setObservedSince(m_cluster.observedSince());
        it = m_workloads.insert(key, timeline);
    }
    return *it;
}

void BurstHistory::setVirtualNodes(const QStringList &nodes)
{
    m_virtualNodes = nodes;
    m_nodesKnown = true;
}

BurstHistory::PodFacts BurstHistory::podFacts(const QJsonObject &pod, bool gone,
                                              const QStringList &virtualNodes, qint64 startedAt,
                                              const QSet<QString> &pastEnded)
{
    PodFacts facts;
    facts.uid = core::kube::uidOf(pod);
    if (facts.uid.isEmpty())
        return facts;
    facts.workload = workloadKey(pod);
    facts.place = gone ? std::nullopt : core::burst::podPlace(pod, virtualNodes);
    // A pod created before this process began watching has a past to rebuild (once: addPast
    // ignores a pod it counts; one whose past already ended is remembered in pastEnded).
    const QDateTime created = QDateTime::fromString(
        core::kube::metadataString(pod, u"creationTimestamp"), Qt::ISODateWithMs);
    if (!gone && created.isValid() && created.toMSecsSinceEpoch() < startedAt &&
        !pastEnded.contains(facts.uid))
        facts.past = core::burst::podPast(pod, virtualNodes);
    return facts;
}

void BurstHistory::setPod(const PodFacts &facts, bool gone, qint64 at)
{
    if (facts.uid.isEmpty())
        return;
    PlacementTimeline &workload = workloadTimeline(facts.workload);
    if (facts.past && !m_pastEnded.contains(facts.uid)) {
        m_cluster.addPast(facts.uid, *facts.past);
        workload.addPast(facts.uid, *facts.past);
        if (facts.past->ended.isValid())
            m_pastEnded.insert(facts.uid);
    }
    m_cluster.setPod(facts.uid, facts.place, at);
    workload.setPod(facts.uid, facts.place, at);
    if (gone)
        m_pastEnded.remove(facts.uid);
}

void BurstHistory::recordSpan(const QJsonObject &pod, bool gone, const QDateTime &at)
{
    recordSpan(core::burst::billedSpan(pod, m_virtualNodes, gone ? at : QDateTime()),
               core::kube::uidOf(pod), gone);
}

void BurstHistory::recordSpan(std::optional<core::burst::BilledSpan> span, const QString &uid,
                              bool gone)
{
    if (!span) {
        if (gone)
            m_running.remove(uid);
        return;
    }
    span->nameSpace = m_names.intern(span->nameSpace);
    span->workload = m_names.intern(span->workload);
    if (span->end.isValid()) {
        m_running.remove(uid);
        m_ended.append(*span);
        if (m_ended.size() > kMaxEndedSpans)
            m_ended.remove(0, m_ended.size() - kMaxEndedSpans);
    } else {
        m_running.insert(uid, *span);
    }
}

void BurstHistory::applyList(const ListResult &list)
{
    m_readingList = false;
    for (const PodFacts &facts : list.pods)
        setPod(facts, false, list.at);
    m_running.reserve(m_running.size() + list.pods.size()); // one allocation, no rehashes
    for (const PodFacts &facts : list.pods)
        recordSpan(facts.span, facts.uid, false);
    notify();
    // What came meanwhile, in order (a second large list goes to the worker again).
    const QList<core::kube::ChangeSet> queued = std::exchange(m_queued, {});
    for (qsizetype i = 0; i < queued.size(); ++i) {
        applyPods(queued.at(i));
        if (m_readingList) {
            m_queued.append(queued.mid(i + 1));
            break;
        }
    }
    emit listApplied();
}

void BurstHistory::applyPods(const core::kube::ChangeSet &changes)
{
    if (!m_nodesKnown)
        return; // the nodes sink replays the pods once it knows which nodes are virtual
    if (m_readingList) {
        m_queued.append(changes);
        return;
    }
    const QDateTime at = now();
    const qint64 ms = at.toMSecsSinceEpoch();
    if (changes.added.size() >= kBackgroundList) {
        // The list's JSON is read on a worker, from copies (implicitly shared); the timelines
        // and spans change here, in one step, when it is done.
        m_readingList = true;
        m_listReader.setFuture(QtConcurrent::run(
            [pods = changes.added, nodes = m_virtualNodes, startedAt = m_startedAt,
             pastEnded = m_pastEnded, ms] {
                ListResult list;
                list.at = ms;
                list.pods.reserve(pods.size());
                for (const QJsonObject &pod : pods) {
                    list.pods.append(podFacts(pod, false, nodes, startedAt, pastEnded));
                    list.pods.last().span = core::burst::billedSpan(pod, nodes);
                }
                return list;
            }));
        if (!changes.modified.isEmpty() || !changes.deleted.isEmpty()) {
            core::kube::ChangeSet rest = changes;
            rest.added.clear();
            m_queued.append(rest);
        }
        return;
    }
    const auto facts = [&](const QJsonObject &pod, bool gone) {
        return podFacts(pod, gone, m_virtualNodes, m_startedAt, m_pastEnded);
    };
    for (const QJsonObject &pod : changes.added)
        setPod(facts(pod, false), false, ms);
    for (const QJsonObject &pod : changes.modified)
        setPod(facts(pod, false), false, ms);
    for (const QJsonObject &pod : changes.deleted)
        setPod(facts(pod, true), true, ms);
    // Spans: a running pod's span changes only when it stops (or goes), so a status change of
    // a pod already billed costs one lookup; a pod not yet billed is checked until it runs.
    for (const QJsonObject &pod : changes.added)
        recordSpan(pod, false, at);
    for (const QJsonObject &pod : changes.modified) {
        if (m_running.contains(core::kube::uidOf(pod))) {
            if (stopped(pod))
                recordSpan(pod, false, at);
        } else if (core::burst::isBurstPod(pod, m_virtualNodes)) {
            recordSpan(pod, false, at);
        }
    }
    for (const QJsonObject &pod : changes.deleted)
        if (m_running.contains(core::kube::uidOf(pod)))
            recordSpan(pod, true, at);
    notify();
}

void BurstHistory::applyEvents(const core::kube::ChangeSet &changes)
{
    bool any = false;
    for (const QList<QJsonObject> *list : {&changes.added, &changes.modified}) {
        for (const QJsonObject &event : *list) {
            const auto marker = core::burst::markerFromEvent(event);
            if (!marker)
                continue;
            m_cluster.addMarker(*marker);
            // "Deployment/shop/web" -> the workload "shop/Deployment/web".
            const QStringList parts = marker->object.split(u'/');
            if (parts.size() == 3) {
                const QString key = parts.at(1) + u'/' + parts.at(0) + u'/' + parts.at(2);
                if (m_workloads.contains(key))
                    m_workloads[key].addMarker(*marker);
            }
            any = true;
        }
    }
    if (any)
        notify();
}

core::burst::UsageReport BurstHistory::usage(const QDateTime &from, const QDateTime &to,
                                             const core::burst::UsagePrice &price) const
{
    QList<core::burst::BilledSpan> spans = m_ended;
    spans.reserve(m_ended.size() + m_running.size());
    for (const core::burst::BilledSpan &span : m_running)
        spans.append(span);
    return core::burst::cciUsage(spans, from, to, now(), price);
}

void BurstHistory::notify()
{
    if (m_notifyQueued)
        return;
    m_notifyQueued = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_notifyQueued = false;
            emit changed();
        },
        Qt::QueuedConnection);
}

bool BurstHistory::save() const
{
    if (m_file.isEmpty())
        return true;
    const qint64 at = now().toMSecsSinceEpoch();
    const auto closed = [at](PlacementTimeline timeline) {
        timeline.trimBefore(at - kRetentionMs);
        timeline.closeAt(at);
        return timeline.toJson();
    };
    QJsonObject workloads;
    for (auto it = m_workloads.constBegin(); it != m_workloads.constEnd(); ++it)
        if (!it->samples().isEmpty() || !it->markers().isEmpty())
            workloads.insert(it.key(), closed(*it));
    const QJsonObject root{{QStringLiteral("version"), 1},
                           {QStringLiteral("cluster"), closed(m_cluster)},
                           {QStringLiteral("workloads"), workloads}};
    QDir().mkpath(QFileInfo(m_file).absolutePath());
    return core::saveFile(m_file, QJsonDocument(root).toJson(QJsonDocument::Compact)).ok();
}

void BurstHistory::load()
{
    m_startedAt = now().toMSecsSinceEpoch();
    if (m_file.isEmpty())
        return;
    QFile file(m_file);
    if (!file.open(QIODevice::ReadOnly))
        return;
    // A damaged or foreign file is ignored (and replaced at the next save), never trusted.
    const QJsonObject root = QJsonDocument::fromJson(file.read(64 << 20)).object();
    if (root.value(QStringLiteral("version")).toInt() != 1)
        return;
    const auto cluster =
        PlacementTimeline::fromJson(root.value(QStringLiteral("cluster")).toObject());
    if (!cluster || cluster->resolutionMs() != kResolutionMs)
        return;
    m_cluster = *cluster;
    const QJsonObject workloads = root.value(QStringLiteral("workloads")).toObject();
    for (auto it = workloads.constBegin(); it != workloads.constEnd(); ++it)
        if (const auto timeline = PlacementTimeline::fromJson(it.value().toObject());
            timeline && timeline->resolutionMs() == kResolutionMs)
            m_workloads.insert(it.key(), *timeline);
}

} // namespace models
