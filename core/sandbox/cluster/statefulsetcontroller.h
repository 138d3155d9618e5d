#pragma once

#include "core/sandbox/cluster/workloadcontroller.h"

#include <QJsonObject>

namespace core::sandbox {

// The StatefulSet controller: pods <name>-0 .. <name>-(N-1) with the controller-revision-hash,
// statefulset.kubernetes.io/pod-name and apps.kubernetes.io/pod-index labels. OrderedReady (the
// default) creates ordinal i only when every lower one is Running and Ready and removes one pod
// at a time from the highest ordinal; Parallel does both at once. RollingUpdate replaces
// outdated pods from the highest ordinal down (honouring partition); OnDelete waits for the user.
class StatefulSetController : public WorkloadController
{
public:
    // `owned` indexes the pods it owns.
    using WorkloadController::WorkloadController;

    // False when a write lost a race; sync again on the next tick.
    bool sync(const QJsonObject &statefulSet);

    static QString updateRevision(const QJsonObject &statefulSet); // "<name>-<hash>"

private:
    bool createPod(const QJsonObject &statefulSet, int ordinal);
    bool deletePod(const QJsonObject &statefulSet, const QJsonObject &pod);
};

} // namespace core::sandbox
