#pragma once

#include <QDateTime>
#include <QJsonObject>

#include <functional>

namespace core::sandbox {

class EventRecorder;
class ObjectIndex;
class ObjectStore;
class SandboxClock;

// What the workload controllers share, as kube-controller-manager's do: the store they write,
// the index of what they own (pods, or ReplicaSets for the Deployment controller), the clock, the
// event recorder, and creating an owned pod with the events that report it.
// kube-controller-manager's slowStartBatch (pkg/controller/replicaset): calls `create` up to
// `count` times in batches of `initialBatchSize`, then twice as many each time (1, 2, 4, 8, ...).
// A batch with a failure is finished, but no later batch starts, so a create that keeps failing
// (a quota, an admission webhook) costs one call, not `count`. Returns the successes.
int slowStartBatch(int count, int initialBatchSize, const std::function<bool()> &create);

class WorkloadController
{
public:
    WorkloadController(ObjectStore &store, const ObjectIndex &owned, const SandboxClock &clock,
                       EventRecorder &events);

protected:
    // Creates `pod` in the owner's namespace and records SuccessfulCreate ("Created pod: NAME")
    // on the owner, or FailedCreate ("Error creating: ...") and false when the store refuses.
    bool createOwnedPod(const QJsonObject &owner, const QJsonObject &pod, const QDateTime &now);

    ObjectStore &m_store;
    const ObjectIndex &m_owned;
    const SandboxClock &m_clock;
    EventRecorder &m_events;
};

} // namespace core::sandbox
