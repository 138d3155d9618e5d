#pragma once

#include "core/sandbox/cluster/workloadcontroller.h"

#include <QJsonObject>

namespace core::sandbox {

// The Job controller: runs up to spec.parallelism pods (default 1) until spec.completions
// (default 1) succeeded, or fails the Job when more than spec.backoffLimit (default 6) pods
// failed (container restarts of restartPolicy OnFailure pods count too). Status: active,
// ready, succeeded, failed, startTime, completionTime and the Complete / Failed conditions that
// `kubectl wait --for=condition=complete` reads.
class JobController : public WorkloadController
{
public:
    // `owned` indexes the pods it owns.
    using WorkloadController::WorkloadController;

    // False when a write lost a race; sync again on the next tick.
    bool sync(const QJsonObject &job);

private:
    bool createPods(const QJsonObject &job, int count);
};

} // namespace core::sandbox
