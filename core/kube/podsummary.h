#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace core::kube {

// What a pod list shows of a pod, computed as kubectl's printer computes its READY, STATUS and
// RESTARTS columns (kubectl get pods), so the console and kubectl agree on every pod.
struct PodSummary
{
    int readyContainers = 0; // ready and running app containers
    int containers = 0;      // spec.containers
    qint64 restarts = 0;     // app containers, plus restartable (sidecar) init containers
    // Pending, Running, Succeeded, Failed, Unknown; or a reason: Completed, CrashLoopBackOff,
    // ImagePullBackOff, ContainerCreating, Init:1/3, Init:Error, Signal:9, ExitCode:1,
    // Terminating, NotReady, SchedulingGated, Evicted...
    QString status;
    QDateTime lastRestart; // the newest lastState.terminated.finishedAt, invalid when none
};

PodSummary summarizePod(const QJsonObject &pod);

// The part of a pod that lists need, for an informer to cache instead of the whole pod (client-go's
// SetTransform): metadata name, namespace, uid, resourceVersion, generateName, creation and
// deletion timestamps, labels, the controller ownerReference, and of the annotations only
// `keptAnnotations`; spec nodeName, schedulingGates, and per (init) container its name,
// restartPolicy and resource requests/limits; status phase, reason, podIP, hostIP, qosClass,
// startTime, the conditions' type/status/reason, and per container status its name, ready,
// started, restartCount, state and lastState.terminated.finishedAt. summarizePod() gives the same
// answer on the trimmed pod; a details view fetches the whole pod when it needs more.
QJsonObject trimPodForLists(const QJsonObject &pod, const QStringList &keptAnnotations);

// kubectl's HumanDuration, as its AGE columns show it: 45s, 5m10s, 3h20m, 12d, 2y40d;
// "<invalid>" more than a second in the future.
QString humanAge(qint64 seconds);
// The age of an RFC 3339 timestamp at `now`; "<unknown>" when it is missing or malformed.
QString timestampAge(const QString &timestamp, const QDateTime &now);

} // namespace core::kube
