#include "models/bursthistory.h"

#include "core/burst/cciconventions.h"
#include "core/common/savefile.h"
#include "core/kube/informer.h"
#include "core/kube/objectcache.h"
#include "core/kube/objectmeta.h"
#include "models/clustersession.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QThreadPool>
#include <QtConcurrent>

#include <algorithm>

namespace models {

using core::burst::PlacementTimeline;

namespace {

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
    connect(&m_worker, &QFutureWatcher<BurstState>::finished, this,
            &BurstHistory::adoptWorkerResult);
    load();
    if (m_state.cluster.observedSince() == 0)
        m_state.cluster.setObservedSince(now().toMSecsSinceEpoch());
    m_saveTimer.setInterval(60'000);
    connect(&m_saveTimer, &QTimer::timeout, this, [this] { save(); });
    if (!m_file.isEmpty())
        m_saveTimer.start();
}

BurstHistory::~BurstHistory()
{
    if (m_working) // the worker has its own copy: keep what it made
        m_state = m_worker.future().takeResult(); // waits for it
    save();
}

QString BurstHistory::fileFor(const QString &context)
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/timelines/") + safeFileName(context) + QStringLiteral(".json");
}

const PlacementTimeline *BurstHistory::workload(const QString &key) const
{
    const auto it = m_state.workloads.constFind(key);
    return it == m_state.workloads.constEnd() ? nullptr : &*it;
}

QStringList BurstHistory::workloadKeys() const
{
    return m_state.workloadKeys();
}

QDateTime BurstHistory::observedSince() const
{
    return QDateTime::fromMSecsSinceEpoch(m_state.cluster.observedSince()).toUTC();
}

void BurstHistory::setVirtualNodes(const QStringList &nodes)
{
    m_virtualNodes = nodes;
    m_nodesKnown = true;
}

void BurstHistory::applyPods(const core::kube::ChangeSet &changes)
{
    if (!m_nodesKnown)
        return; // the nodes sink replays the pods once it knows which nodes are virtual
    enqueue({changes, now(), false});
}

void BurstHistory::applyEvents(const core::kube::ChangeSet &changes)
{
    enqueue({changes, now(), true});
}

qsizetype BurstHistory::podsIn(const Pending &pending)
{
    return pending.events ? 0
                          : pending.changes.added.size() + pending.changes.modified.size() +
                                pending.changes.deleted.size();
}

bool BurstHistory::apply(BurstState &state, const Pending &pending,
                         const BurstState::Context &context)
{
    if (pending.events)
        return state.applyEvents(pending.changes);
    state.applyPods(pending.changes, pending.at, context);
    return true;
}

void BurstHistory::enqueue(Pending pending)
{
    if (pending.events && pending.changes.added.isEmpty() && pending.changes.modified.isEmpty())
        return;
    m_queuedPods += podsIn(pending);
    m_queue.append(std::move(pending));
    if (!isReadingList())
        drain(); // nothing waits: a small change set applies at once
}

// Applies what waits, in order: on the worker when it holds kBackgroundList pods or more, else
// here until m_sliceMs are spent (at least one change set), the rest at the next turn.
void BurstHistory::drain()
{
    m_drainQueued = false;
    QElapsedTimer spent;
    spent.start();
    bool appliedAny = false;
    while (!m_queue.isEmpty()) {
        if (m_queuedPods >= kBackgroundList) {
            startWorker();
            return;
        }
        if (appliedAny && spent.elapsed() >= m_sliceMs) {
            m_drainQueued = true;
            QMetaObject::invokeMethod(this, &BurstHistory::drain, Qt::QueuedConnection);
            return;
        }
        const Pending pending = m_queue.takeFirst();
        m_queuedPods -= podsIn(pending);
        if (apply(m_state, pending, {m_virtualNodes, m_startedAt}))
            notify();
        appliedAny = true;
    }
    if (std::exchange(m_workerApplied, false))
        emit listApplied();
}

void BurstHistory::startWorker()
{
    // The state is copied (implicitly shared: nothing is copied until the worker writes), and
    // the queue goes with it; the GUI thread reads its own copy meanwhile and changes nothing
    // (what arrives waits in m_queue).
    m_working = true;
    m_queuedPods = 0;
    m_worker.setFuture(QtConcurrent::run(
        [state = m_state, work = std::exchange(m_queue, {}),
         context = BurstState::Context{m_virtualNodes, m_startedAt}]() mutable {
            for (const Pending &pending : std::as_const(work))
                apply(state, pending, context);
            return std::move(state);
        }));
}

void BurstHistory::adoptWorkerResult()
{
    m_working = false;
    m_workerApplied = true;
    // A swap: what the GUI thread held until now is freed on a worker (after a round over a
    // large state it holds a hash entry per pod); parts both still share are reference-counted,
    // so neither side sees the other's writes. (takeResult() leaves the watcher's future
    // invalid and never finished: not to be waited on.)
    QThreadPool::globalInstance()->start(
        [old = std::exchange(m_state, m_worker.future().takeResult())]() mutable {
            const BurstState gone = std::move(old);
        });
    notify();
    drain(); // what came meanwhile: to the worker again, or in slices here
}

core::burst::UsageReport BurstHistory::usage(const QDateTime &from, const QDateTime &to,
                                             const core::burst::UsagePrice &price) const
{
    return m_state.usage(from, to, now(), price);
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
    for (auto it = m_state.workloads.constBegin(); it != m_state.workloads.constEnd(); ++it)
        if (!it->samples().isEmpty() || !it->markers().isEmpty())
            workloads.insert(it.key(), closed(*it));
    const QJsonObject root{{QStringLiteral("version"), 1},
                           {QStringLiteral("cluster"), closed(m_state.cluster)},
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
    m_state.cluster = *cluster;
    const QJsonObject workloads = root.value(QStringLiteral("workloads")).toObject();
    for (auto it = workloads.constBegin(); it != workloads.constEnd(); ++it)
        if (const auto timeline = PlacementTimeline::fromJson(it.value().toObject());
            timeline && timeline->resolutionMs() == kResolutionMs)
            m_state.workloads.insert(it.key(), *timeline);
}

} // namespace models
