#include "core/sandbox/cluster/clustersimulator.h"

#include "core/sandbox/apiserver/apiresources.h"
#include "core/sandbox/cluster/deploymentcontroller.h"
#include "core/sandbox/cluster/eventrecorder.h"
#include "core/sandbox/cluster/fallbackbinder.h"
#include "core/sandbox/cluster/garbagecollector.h"
#include "core/sandbox/cluster/jobcontroller.h"
#include "core/sandbox/cluster/kubeletsimulator.h"
#include "core/sandbox/cluster/objectindex.h"
#include "core/sandbox/cluster/podfacts.h"
#include "core/sandbox/cluster/replicasetcontroller.h"
#include "core/sandbox/cluster/statefulsetcontroller.h"

namespace core::sandbox {

namespace {

// The stored kinds no index of the simulation follows: the garbage collector watches them for
// the deletions it has to finalize.
QList<ResourceType> unindexedTypes()
{
    const QList<ResourceType> indexed = {podsType(),        nodesType(), replicaSetsType(),
                                         deploymentsType(), statefulSetsType(), jobsType()};
    QList<ResourceType> others;
    for (const ApiResource &resource : servedResources()) {
        if (resource.type.group != metricsGroup() && !indexed.contains(resource.type))
            others.append(resource.type);
    }
    return others;
}

} // namespace

struct ClusterSimulator::State
{
    State(ObjectStore &store, SandboxClock &clock)
        : pods(store, podsType()), nodes(store, nodesType()), replicaSets(store, replicaSetsType()),
          deployments(store, deploymentsType()), statefulSets(store, statefulSetsType()),
          jobs(store, jobsType()), deploymentEvents(store, QStringLiteral("deployment-controller")),
          replicaSetEvents(store, QStringLiteral("replicaset-controller")),
          statefulSetEvents(store, QStringLiteral("statefulset-controller")),
          jobEvents(store, QStringLiteral("job-controller")),
          deploymentController(store, replicaSets, clock, deploymentEvents),
          replicaSetController(store, pods, clock, replicaSetEvents),
          statefulSetController(store, pods, clock, statefulSetEvents),
          jobController(store, pods, clock, jobEvents),
          garbageCollector(store, {&pods, &replicaSets}, unindexedTypes()), kubelet(store, clock),
          binder(store, clock)
    {
    }

    ObjectIndex pods, nodes, replicaSets, deployments, statefulSets, jobs;
    EventRecorder deploymentEvents, replicaSetEvents, statefulSetEvents, jobEvents;
    DeploymentController deploymentController;
    ReplicaSetController replicaSetController;
    StatefulSetController statefulSetController;
    JobController jobController;
    GarbageCollector garbageCollector;
    KubeletSimulator kubelet;
    FallbackBinder binder;
    // "namespace/name" of objects to sync on this tick.
    QSet<QString> dirtyDeployments, dirtyReplicaSets, dirtyStatefulSets, dirtyJobs;
};

namespace {

QString ownerKey(const QJsonObject &object, const QJsonObject &ref)
{
    return QString(namespaceOf(object) + u'/' + ref.value(u"name").toString());
}

// Syncs the dirty objects of one kind; those whose sync lost a race stay dirty.
template <typename Sync> void syncDirty(QSet<QString> &dirty, const ObjectIndex &index, Sync sync)
{
    const QSet<QString> keys = std::exchange(dirty, {});
    for (const QString &key : keys) {
        const QJsonObject object = index.get(key);
        if (!object.isEmpty() && !sync(object))
            dirty.insert(key);
    }
}

} // namespace

ClusterSimulator::ClusterSimulator(ObjectStore &store, SandboxClock &clock)
    : m_state(std::make_unique<State>(store, clock))
{
}

ClusterSimulator::~ClusterSimulator()
{
    stop();
}

void ClusterSimulator::setScheduleStep(std::function<void()> schedule)
{
    std::lock_guard lock(m_stepMutex);
    m_schedule = std::move(schedule);
}

void ClusterSimulator::start(std::chrono::milliseconds interval)
{
    m_ticks.start(interval, [this] { step(); });
}

void ClusterSimulator::stop()
{
    m_ticks.stop();
}

bool ClusterSimulator::isRunning() const
{
    return m_ticks.isRunning();
}

qsizetype ClusterSimulator::pendingKubeletWork() const
{
    std::lock_guard lock(m_stepMutex);
    return m_state->kubelet.pendingWork();
}

void ClusterSimulator::drain()
{
    State &s = *m_state;
    for (const auto &change : s.nodes.sync()) {
        if (change.type != StoreEvent::Type::Deleted)
            s.garbageCollector.ownerChanged(nodesType(), change.object);
    }
    for (const auto &change : s.deployments.sync()) {
        if (change.type == StoreEvent::Type::Deleted) {
            s.garbageCollector.ownerDeleted(change.object);
        } else {
            s.garbageCollector.ownerChanged(deploymentsType(), change.object);
            s.dirtyDeployments.insert(ObjectIndex::keyOf(change.object));
        }
    }
    for (const auto &change : s.replicaSets.sync()) {
        const QJsonObject ref = controllerRef(change.object);
        if (ref.value(u"kind").toString() == u"Deployment")
            s.dirtyDeployments.insert(ownerKey(change.object, ref));
        if (change.type == StoreEvent::Type::Deleted) {
            s.garbageCollector.ownerDeleted(change.object);
        } else {
            s.garbageCollector.ownerChanged(replicaSetsType(), change.object);
            s.dirtyReplicaSets.insert(ObjectIndex::keyOf(change.object));
        }
    }
    for (const auto &change : s.statefulSets.sync()) {
        if (change.type == StoreEvent::Type::Deleted) {
            s.garbageCollector.ownerDeleted(change.object);
        } else {
            s.garbageCollector.ownerChanged(statefulSetsType(), change.object);
            s.dirtyStatefulSets.insert(ObjectIndex::keyOf(change.object));
        }
    }
    for (const auto &change : s.jobs.sync()) {
        if (change.type == StoreEvent::Type::Deleted) {
            s.garbageCollector.ownerDeleted(change.object);
        } else {
            s.garbageCollector.ownerChanged(jobsType(), change.object);
            s.dirtyJobs.insert(ObjectIndex::keyOf(change.object));
        }
    }
    s.pods.sync([&s](const ObjectIndex::Change &change) {
        s.kubelet.podChanged(change);
        s.binder.podChanged(change);
        if (change.type != StoreEvent::Type::Deleted)
            s.garbageCollector.ownerChanged(podsType(), change.object);
        const QJsonObject ref = controllerRef(change.object);
        const QString kind = ref.value(u"kind").toString();
        if (kind == u"ReplicaSet")
            s.dirtyReplicaSets.insert(ownerKey(change.object, ref));
        else if (kind == u"StatefulSet")
            s.dirtyStatefulSets.insert(ownerKey(change.object, ref));
        else if (kind == u"Job")
            s.dirtyJobs.insert(ownerKey(change.object, ref));
    });
}

void ClusterSimulator::runControllers()
{
    State &s = *m_state;
    // Deployments first, and a drain after, so the ReplicaSets they scaled sync on this tick.
    syncDirty(s.dirtyDeployments, s.deployments,
              [&s](const QJsonObject &object) { return s.deploymentController.sync(object); });
    drain();
    syncDirty(s.dirtyReplicaSets, s.replicaSets,
              [&s](const QJsonObject &object) { return s.replicaSetController.sync(object); });
    syncDirty(s.dirtyStatefulSets, s.statefulSets,
              [&s](const QJsonObject &object) { return s.statefulSetController.sync(object); });
    syncDirty(s.dirtyJobs, s.jobs,
              [&s](const QJsonObject &object) { return s.jobController.sync(object); });
}

void ClusterSimulator::step()
{
    std::lock_guard lock(m_stepMutex);
    State &s = *m_state;
    drain();
    // The garbage collector acts on what the drain showed it; what it deletes or finalizes is
    // seen by the next drains.
    s.garbageCollector.process();
    runControllers();
    drain();
    if (m_schedule)
        m_schedule();
    else
        s.binder.bind(s.nodes);
    drain();
    s.kubelet.tick(s.pods, s.nodes);
}

} // namespace core::sandbox
