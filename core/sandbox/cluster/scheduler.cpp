#include "core/sandbox/cluster/scheduler.h"

#include "core/burst/cciconventions.h"
#include "core/common/tr.h"
#include "core/kube/objectmeta.h"
#include "core/kube/quantity.h"
#include "core/sandbox/apiserver/sandboxclock.h"
#include "core/sandbox/cluster/placementplanner.h"
#include "core/sandbox/cluster/podworkload.h"
#include "core/sandbox/store/objectstore.h"

#include <QJsonArray>

#include <functional>

namespace core::sandbox {

namespace {

// Lists `type` and watches from the list's resourceVersion, as an informer does, so the initial
// objects do not count against the store's watch queue limit. The list is read in pages handed to
// `drain` as ADDED events, so 100,000 pods are never all parsed at once; the watch from the first
// page's resourceVersion brings what changed while later pages were read. False when a continue
// token expired on the way (the caller starts over).
bool listAndWatch(ObjectStore &store, const ResourceType &type, std::shared_ptr<Watch> &watch,
                  const std::function<void(const QList<StoreEvent> &)> &drain)
{
    if (watch)
        watch->stop(); // else the store keeps queueing for it
    watch.reset();
    ListOptions options;
    options.limit = 500;
    for (;;) {
        const auto page = store.list(type, options);
        if (!page)
            return options.continueToken.isEmpty();
        if (!watch) {
            WatchOptions watchOptions;
            watchOptions.resourceVersion = page->resourceVersion;
            if (auto opened = store.watch(type, watchOptions))
                watch = *opened;
        }
        QList<StoreEvent> events;
        events.reserve(page->items.size());
        for (const QJsonObject &item : page->items)
            events.append(StoreEvent{StoreEvent::Type::Added, item});
        drain(events);
        if (page->continueToken.isEmpty())
            return true;
        options.continueToken = page->continueToken;
    }
}

QList<StoreEvent> takeEvents(const std::shared_ptr<Watch> &watch)
{
    return watch ? watch->takeEvents() : QList<StoreEvent>{};
}

bool isChange(const StoreEvent &event)
{
    return event.type == StoreEvent::Type::Added || event.type == StoreEvent::Type::Modified ||
           event.type == StoreEvent::Type::Deleted;
}

// Replaces the PodScheduled condition; false when `condition` is already there as given.
bool setScheduledCondition(QJsonObject &pod, QJsonObject condition, const QDateTime &now)
{
    QJsonObject status = pod.value(u"status").toObject();
    QJsonArray conditions;
    for (const QJsonValue &c : status.value(u"conditions").toArray()) {
        const QJsonObject existing = c.toObject();
        if (existing.value(u"type").toString() != u"PodScheduled") {
            conditions.append(existing);
            continue;
        }
        if (existing.value(u"status") == condition.value(u"status") &&
            existing.value(u"reason") == condition.value(u"reason") &&
            existing.value(u"message") == condition.value(u"message"))
            return false;
    }
    condition.insert(QStringLiteral("type"), QStringLiteral("PodScheduled"));
    condition.insert(QStringLiteral("lastProbeTime"), QJsonValue::Null);
    condition.insert(QStringLiteral("lastTransitionTime"), now.toString(Qt::ISODate));
    conditions.append(condition);
    status.insert(QStringLiteral("conditions"), conditions);
    if (!status.contains(u"phase"))
        status.insert(QStringLiteral("phase"), QStringLiteral("Pending"));
    pod.insert(QStringLiteral("status"), status);
    return true;
}

} // namespace

Scheduler::Scheduler(ObjectStore &cce, ObjectStore &cci, SandboxClock &clock, QString clusterId,
                     SchedulerOptions options)
    : m_cce(cce), m_clock(clock), m_options(options),
      m_schedulerEvents(cce, QStringLiteral("default-scheduler")), m_pods(m_nodes, m_profiles),
      m_admission(cce, cci, clusterId, options.cci)
{
}

Scheduler::VirtualNode::VirtualNode(ObjectStore &store, const QString &name)
    : events(store, QStringLiteral("virtual-kubelet"), name), lock(store, events, name)
{
}

Scheduler::VirtualNode &Scheduler::virtualNode(const QString &name)
{
    auto &slot = m_virtualNodes[name];
    if (!slot)
        slot = std::make_unique<VirtualNode>(m_cce, name);
    return *slot;
}

// The first reconcile lists the stores. Later, a watch the store stopped
// (StoreOptions::watchQueueLimit) has lost events: start over from a fresh list, as an informer
// relists.
void Scheduler::watchStores()
{
    for (const auto &watch : {m_nodeWatch, m_profileWatch, m_podWatch}) {
        if (watch)
            watch->stop();
    }
    bool complete = false;
    while (!complete) {
        m_nodes = NodeCapacity();
        m_virtualNodes.clear(); // their state is on the Nodes, read again below
        m_profiles = ProfileIndex();
        m_pods.clear();
        const auto nodes = [this](const QList<StoreEvent> &events) { drainNodes(events); };
        const auto profiles = [this](const QList<StoreEvent> &events) { drainProfiles(events); };
        const auto pods = [this](const QList<StoreEvent> &events) { drainPods(events); };
        complete = listAndWatch(m_cce, nodesType(), m_nodeWatch, nodes) &&
                   listAndWatch(m_cce, scheduleProfilesType(), m_profileWatch, profiles) &&
                   listAndWatch(m_cce, podsType(), m_podWatch, pods);
    }
    m_retryAll = true;
}

Scheduler::~Scheduler()
{
    for (const auto &watch : {m_nodeWatch, m_profileWatch, m_podWatch}) {
        if (watch)
            watch->stop();
    }
}

QString Scheduler::scaleDownPriorityAnnotation()
{
    return burst::kScaleDownPriorityAnnotation; // a sandbox invention: see cciconventions.h
}

QList<QJsonObject> Scheduler::virtualNodeObjects() const
{
    QList<QJsonObject> out;
    const auto nodes = m_cce.list(nodesType(), {});
    for (const QJsonObject &node : nodes ? nodes->items : QList<QJsonObject>{}) {
        if (burst::isVirtualNode(node))
            out.append(node);
    }
    return out;
}

QDateTime Scheduler::lockedUntil() const
{
    QDateTime latest;
    for (const QJsonObject &node : virtualNodeObjects()) {
        const QDateTime until = burst::lockedUntil(node);
        if (until.isValid() && (!latest.isValid() || until > latest))
            latest = until;
    }
    return latest;
}

bool Scheduler::isLocked() const
{
    const QDateTime until = lockedUntil();
    return until.isValid() && m_clock.now() < until;
}

bool Scheduler::unlock()
{
    bool all = true;
    for (const QJsonObject &node : virtualNodeObjects())
        all = VkNodeLock::unlock(m_cce, kube::nameOf(node)) && all;
    return all;
}

void Scheduler::reconcile()
{
    if (!m_nodeWatch || !m_profileWatch || !m_podWatch || m_nodeWatch->isStopped() ||
        m_profileWatch->isStopped() || m_podWatch->isStopped())
        watchStores();
    drainNodes(takeEvents(m_nodeWatch));
    drainProfiles(takeEvents(m_profileWatch));
    drainPods(takeEvents(m_podWatch));
    for (const auto &[name, node] : m_virtualNodes) {
        const QJsonObject unlocked = node->lock.expire(m_clock.now());
        if (!unlocked.isEmpty()) {
            m_nodes.upsertNode(unlocked);
            m_retryAll = true;
        }
    }
    for (const QString &key : m_backoff.due(m_clock.now()))
        m_toTry.insert(key);
    if (m_retryAll) {
        const QStringList pending = m_pods.pendingKeys();
        m_toTry.unite(QSet<QString>(pending.cbegin(), pending.cend()));
        m_retryAll = false;
    }
    if (!m_toTry.isEmpty()) {
        const QStringList keys = m_pods.pendingInOrder(std::exchange(m_toTry, {}));
        for (const QString &key : keys)
            schedule(key);
    }
    m_profiles.writeStatus(m_cce);
}

void Scheduler::drainNodes(const QList<StoreEvent> &events)
{
    for (const StoreEvent &event : events) {
        if (!isChange(event))
            continue;
        const QString name = kube::nameOf(event.object);
        if (event.type == StoreEvent::Type::Deleted) {
            m_nodes.removeNode(name);
            m_virtualNodes.erase(name);
            m_retryAll = true;
            continue;
        }
        if (m_nodes.upsertNode(event.object))
            m_retryAll = true;
        if (burst::isVirtualNode(event.object))
            virtualNode(name).lock.observe(event.object);
        else
            m_virtualNodes.erase(name);
    }
}

void Scheduler::drainProfiles(const QList<StoreEvent> &events)
{
    for (const StoreEvent &event : events) {
        if (!isChange(event))
            continue;
        bool changed = true;
        if (event.type == StoreEvent::Type::Deleted)
            m_profiles.remove(event.object);
        else
            changed = m_profiles.upsert(event.object);
        if (!changed)
            continue;
        m_pods.reassociate(kube::namespaceOf(event.object));
        m_retryAll = true;
    }
}

void Scheduler::drainPods(const QList<StoreEvent> &events)
{
    for (const StoreEvent &event : events) {
        if (!isChange(event))
            continue;
        const PodIndex::Change change = m_pods.apply(event.type, event.object);
        if (change.freed)
            m_retryAll = true;
        if (change.schedule)
            m_toTry.insert(
                PodIndex::key(kube::namespaceOf(event.object), kube::nameOf(event.object)));
        if (event.type == StoreEvent::Type::Deleted) {
            m_admission.removeFor(event.object, m_clock.now());
            m_backoff.forget(
                PodIndex::key(kube::namespaceOf(event.object), kube::nameOf(event.object)));
        } else if (change.onVirtualNode) {
            m_admission.mirrorStatus(event.object, m_clock.now());
        }
    }
}

PlacementRequest Scheduler::requestFor(const PodEntry &entry, const QJsonObject &pod,
                                       const kube::Workload &workload) const
{
    const burst::ScheduleProfile *profile = m_profiles.profile(entry.profile);
    const burst::StrategyResolution strategy = burst::resolveStrategy(
        workload, profile ? profile->strategy : std::nullopt, profile ? profile->name : QString());
    const QJsonObject spec = pod.value(u"spec").toObject();
    PlacementRequest request;
    request.strategy = strategy.value;
    request.demand.request = entry.request;
    request.demand.tolerations = spec.value(u"tolerations").toArray();
    const QJsonObject selector = spec.value(u"nodeSelector").toObject();
    for (auto it = selector.begin(); it != selector.end(); ++it)
        request.demand.nodeSelector.insert(it.key(), it.value().toString());
    if (burst::canBurst(strategy.value))
        request.demand.implicitTolerations.append(burst::kProviderTaintKey);
    for (const auto &[name, node] : m_virtualNodes) {
        if (node->lock.isLocked(m_clock.now()))
            request.lockedNodes.insert(name);
    }
    request.cciBackoff =
        m_backoff.backingOff(PodIndex::key(entry.nameSpace, entry.name), m_clock.now());
    if (profile) {
        request.profile = profile->name;
        const int local = m_profiles.used(entry.profile, burst::Location::Local);
        const int cci = m_profiles.used(entry.profile, burst::Location::Cci);
        if (profile->local.maxNum && local >= *profile->local.maxNum)
            request.localLimit = *profile->local.maxNum;
        if (profile->cci.maxNum && cci >= *profile->cci.maxNum)
            request.cciLimit = *profile->cci.maxNum;
    }
    return request;
}

void Scheduler::schedule(const QString &key)
{
    const PodEntry *entry = m_pods.find(key);
    if (!entry || !entry->pending)
        return;
    const auto current = m_cce.get(podsType(), entry->nameSpace, entry->name);
    if (!current || !current->value(u"spec").toObject().value(u"nodeName").toString().isEmpty())
        return;
    const QJsonObject pod = *current;
    const QString profileKey = entry->profile;
    const kube::Workload workload = workloadForPod(m_cce, pod);
    PlacementRequest request = requestFor(*entry, pod, workload);
    PlacementDecision decision = planPlacement(m_nodes, request);
    if (decision.location == burst::Location::Cci &&
        !admitToCci(pod, workload, profileKey, decision.node)) {
        request = requestFor(*entry, pod, workload); // now locked or backing off
        decision = planPlacement(m_nodes, request);
    }
    if (decision.location == burst::Location::Local)
        bind(pod, decision.node, profileKey);
    else if (decision.location == burst::Location::Pending)
        markUnschedulable(pod, decision.message);
}

bool Scheduler::admitToCci(const QJsonObject &pod, const kube::Workload &workload,
                           const QString &profileKey, const QString &node)
{
    const burst::PreviewResult preview =
        m_admission.review(workload, m_profiles.profiles(workload.nameSpace));
    if (preview.admissible) {
        // vendor docs: the add-on writes the burst pod's normalized size on the CCE pod.
        const QJsonObject size{
            {burst::kBurstPodCpuAnnotation, kube::formatCpuMilli(preview.podAfter.cpuMilli)},
            {burst::kBurstPodMemoryAnnotation,
             kube::formatMemoryBytes(preview.podAfter.memoryBytes)}};
        if (bind(pod, node, profileKey, size)) {
            const auto bound = m_cce.get(podsType(), workload.nameSpace, workload.name);
            // An AZ-level virtual node (CCI 2.0) runs its pods in its zone.
            const auto nodeObject = m_cce.get(nodesType(), QString(), node);
            m_admission.createCciPod(bound ? *bound : pod, preview, m_clock.now(),
                                     nodeObject ? burst::virtualNodeZone(*nodeObject) : QString());
        }
        return true;
    }
    QString cause;
    for (const Diagnostic &d : preview.diagnostics) {
        if (d.severity == Severity::Error) {
            cause = QString(d.code + QStringLiteral(": ") + d.message);
            break;
        }
    }
    refused(pod, node, cause);
    return false;
}

// The pod waits out its back-off (CciBackoff); only its first refusal locks the virtual node that
// asked CCI.
void Scheduler::refused(const QJsonObject &pod, const QString &nodeName, const QString &cause)
{
    VirtualNode &vk = virtualNode(nodeName);
    const QDateTime now = m_clock.now();
    const CciBackoff::Refusal refusal = m_backoff.refuse(
        PodIndex::key(kube::namespaceOf(pod), kube::nameOf(pod)), kube::uidOf(pod), now);
    vk.events.record(pod, QStringLiteral("Warning"), QStringLiteral("ProviderCreateFailed"),
                     Tr::tr("CCI refused the pod: %1").arg(cause), now);
    vk.events.record(pod, QStringLiteral("Warning"), QStringLiteral("ProviderCreateBackOff"),
                     Tr::tr("Back-off %1s before retrying CCI admission; next retry at %2")
                         .arg(refusal.delay.count())
                         .arg(refusal.nextRetry.toUTC().toString(Qt::ISODate)),
                     now);
    if (!refusal.first)
        return;
    const QJsonObject node = vk.lock.lock(now, m_options.lockDuration, cause);
    if (!node.isEmpty())
        m_nodes.upsertNode(node);
}

bool Scheduler::bind(const QJsonObject &pod, const QString &node, const QString &profileKey,
                     const QJsonObject &annotations)
{
    const QDateTime now = m_clock.now();
    QJsonObject bound = pod;
    QJsonObject spec = bound.value(u"spec").toObject();
    spec.insert(QStringLiteral("nodeName"), node);
    bound.insert(QStringLiteral("spec"), spec);
    setScheduledCondition(bound, QJsonObject{{QStringLiteral("status"), QStringLiteral("True")}},
                          now);
    QJsonObject added = annotations;
    if (const burst::ScheduleProfile *profile = m_profiles.profile(profileKey)) {
        const burst::LocationLimits &limits =
            m_nodes.isVirtual(node) ? profile->cci : profile->local;
        added.insert(scaleDownPriorityAnnotation(),
                     QString::number(limits.scaleDownPriority.value_or(0)));
    }
    if (!added.isEmpty()) {
        QJsonObject meta = bound.value(u"metadata").toObject();
        QJsonObject all = meta.value(u"annotations").toObject();
        for (auto it = added.begin(); it != added.end(); ++it)
            all.insert(it.key(), it.value());
        meta.insert(QStringLiteral("annotations"), all);
        bound.insert(QStringLiteral("metadata"), meta);
    }
    const QString ns = kube::namespaceOf(pod);
    const QString name = kube::nameOf(pod);
    const auto written = m_cce.update(podsType(), ns, name, bound);
    if (!written)
        return false; // changed meanwhile: its watch event queues it again
    m_pods.apply(StoreEvent::Type::Modified, *written);
    m_backoff.forget(PodIndex::key(ns, name));
    m_schedulerEvents.record(*written, QStringLiteral("Normal"), QStringLiteral("Scheduled"),
                             Tr::tr("Successfully assigned %1/%2 to %3").arg(ns, name, node), now);
    return true;
}

void Scheduler::markUnschedulable(const QJsonObject &pod, const QString &message)
{
    const QDateTime now = m_clock.now();
    QJsonObject updated = pod;
    const QJsonObject condition{{QStringLiteral("status"), QStringLiteral("False")},
                                {QStringLiteral("reason"), QStringLiteral("Unschedulable")},
                                {QStringLiteral("message"), message}};
    if (setScheduledCondition(updated, condition, now)) {
        const auto written =
            m_cce.update(podsType(), kube::namespaceOf(pod), kube::nameOf(pod), updated);
        if (written)
            m_pods.apply(StoreEvent::Type::Modified, *written);
    }
    m_schedulerEvents.record(pod, QStringLiteral("Warning"), QStringLiteral("FailedScheduling"),
                             message, now);
}

} // namespace core::sandbox
