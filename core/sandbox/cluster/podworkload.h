#pragma once

#include "core/kube/workload.h"

#include <QJsonObject>

namespace core::sandbox {

class ObjectStore;

// The pod as the burst preview reads it. The burst label may sit on the owning workload
// (examples 01 and 08 label the Deployment), which a pod created from the template does not carry;
// virtual-kubelet reads it from the workload, so the nearest owner's label (ReplicaSet ->
// Deployment, Job, StatefulSet, DaemonSet) is copied onto the pod's labels when the pod has none.
kube::Workload workloadForPod(const ObjectStore &store, const QJsonObject &pod);

} // namespace core::sandbox
