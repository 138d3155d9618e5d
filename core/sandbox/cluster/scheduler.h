#pragma once

#include "core/sandbox/cluster/cciadmission.h"
#include "core/sandbox/cluster/ccibackoff.h"
#include "core/sandbox/cluster/eventrecorder.h"
#include "core/sandbox/cluster/nodecapacity.h"
#include "core/sandbox/cluster/podindex.h"
#include "core/sandbox/cluster/profileindex.h"
#include "core/sandbox/cluster/vknodelock.h"
#include "core/sandbox/store/objectwatch.h"

#include <QDateTime>
#include <QSet>
#include <QString>

#include <chrono>
#include <map>
#include <memory>

namespace core::sandbox {

class ObjectStore;
class SandboxClock;
struct PlacementRequest;

struct SchedulerOptions
{
    CciAdmissionOptions cci;
    // How long a failed CCI admission keeps pods off virtual-kubelet (SPEC 7).
    std::chrono::milliseconds lockDuration = std::chrono::minutes(30);
};

// The sandbox's kube-scheduler plus virtual-kubelet: binds unbound CCE pods by SPEC 2 (burst
// strategy, ScheduleProfile limits, local capacity and taints), admits the ones bound to a
// virtual-kubelet node (any node burst::isVirtualNode() accepts, whatever its name) through the
// burst preview into the CCI store, locks that node after a pod's first refusal and backs the
// refused pod off (CciBackoff), and keeps ScheduleProfile status and the scale-down hint current.
//
// Everything it knows comes from watches on the stores, so a reconcile with nothing new costs a
// few empty takeEvents(); pending pods are retried only when something that could let them fit
// changed (a pod left a node, a node or profile changed, the lock or a pod's back-off ended). Not
// thread-safe: one thread calls reconcile(); lockedUntil() and unlock() only touch the
// (thread-safe) store.
class Scheduler
{
public:
    Scheduler(ObjectStore &cce, ObjectStore &cci, SandboxClock &clock, QString clusterId,
              SchedulerOptions options = {});
    ~Scheduler();
    Scheduler(const Scheduler &) = delete;
    Scheduler &operator=(const Scheduler &) = delete;

    void reconcile();

    // Network interconnection adds the CCI sidecar to pods admitted from now on.
    void setNetworkInterconnect(bool on) { m_admission.setNetworkInterconnect(on); }
    // The latest end of a virtual node's lock as the Nodes say; invalid when none is locked.
    QDateTime lockedUntil() const;
    bool isLocked() const;
    // The console's unlock action on every virtual node (same as removing the annotation with
    // kubectl).
    bool unlock();
    QString cciPodName(const QString &cceUid) const { return m_admission.cciPodName(cceUid); }

    static QString scaleDownPriorityAnnotation(); // scheduling.cci.io/scale-down-priority

private:
    void watchStores();
    void drainNodes(const QList<StoreEvent> &events);
    void drainProfiles(const QList<StoreEvent> &events);
    void drainPods(const QList<StoreEvent> &events);
    void schedule(const QString &key);
    PlacementRequest requestFor(const PodEntry &entry, const QJsonObject &pod,
                                const kube::Workload &workload) const;
    bool admitToCci(const QJsonObject &pod, const kube::Workload &workload,
                    const QString &profileKey, const QString &node);
    // `annotations` are added to the pod's (the add-on's burst-pod-cpu/memory for CCI).
    bool bind(const QJsonObject &pod, const QString &node, const QString &profileKey,
              const QJsonObject &annotations = {});
    void markUnschedulable(const QJsonObject &pod, const QString &message);
    void refused(const QJsonObject &pod, const QString &node, const QString &cause);

    // One virtual-kubelet node (burst::isVirtualNode(), any name): its lock and the events its
    // kubelet writes.
    struct VirtualNode
    {
        VirtualNode(ObjectStore &store, const QString &name);
        EventRecorder events;
        VkNodeLock lock;
    };
    VirtualNode &virtualNode(const QString &name);
    QList<QJsonObject> virtualNodeObjects() const; // from the store: any thread

    ObjectStore &m_cce;
    SandboxClock &m_clock;
    SchedulerOptions m_options;
    EventRecorder m_schedulerEvents;
    NodeCapacity m_nodes;
    ProfileIndex m_profiles;
    PodIndex m_pods;
    std::map<QString, std::unique_ptr<VirtualNode>> m_virtualNodes;
    CciAdmission m_admission;
    CciBackoff m_backoff;
    std::shared_ptr<Watch> m_nodeWatch;
    std::shared_ptr<Watch> m_profileWatch;
    std::shared_ptr<Watch> m_podWatch;
    QSet<QString> m_toTry;
    bool m_retryAll = false;
};

} // namespace core::sandbox
