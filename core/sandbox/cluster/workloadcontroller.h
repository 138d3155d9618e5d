#pragma once

#include <QDateTime>
#include <QJsonObject>

namespace core::sandbox {

class EventRecorder;
class ObjectIndex;
class ObjectStore;
class SandboxClock;

// What the workload controllers share, as kube-controller-manager's do: the store they write,
// the index of what they own (pods, or ReplicaSets for the Deployment controller), the clock, the
// event recorder, and creating an owned pod with the events that report it.
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
