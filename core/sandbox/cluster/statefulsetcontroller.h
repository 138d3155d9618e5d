#pragma once

#include <QJsonObject>

namespace core::sandbox {

class EventRecorder;
class ObjectIndex;
class ObjectStore;
class SandboxClock;

// The StatefulSet controller: pods <name>-0 .. <name>-(N-1) with the controller-revision-hash,
// statefulset.kubernetes.io/pod-name and apps.kubernetes.io/pod-index labels. OrderedReady (the
// default) creates ordinal i only when every lower one is Running and Ready and removes one pod
// at a time from the highest ordinal; Parallel does both at once. RollingUpdate replaces
// outdated pods from the highest ordinal down (honouring partition); OnDelete waits for the user.
class StatefulSetController
{
public:
    StatefulSetController(ObjectStore &store, const ObjectIndex &pods, const SandboxClock &clock,
                          EventRecorder &events);

    // False when a write lost a race; sync again on the next tick.
    bool sync(const QJsonObject &statefulSet);

    static QString updateRevision(const QJsonObject &statefulSet); // "<name>-<hash>"

private:
    bool createPod(const QJsonObject &statefulSet, int ordinal);
    bool deletePod(const QJsonObject &statefulSet, const QJsonObject &pod);

    ObjectStore &m_store;
    const ObjectIndex &m_pods;
    const SandboxClock &m_clock;
    EventRecorder &m_events;
};

} // namespace core::sandbox
