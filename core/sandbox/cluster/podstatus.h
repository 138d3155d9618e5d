#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace core::sandbox {

// The pod status a kubelet (containerd runtime) reports at each step of a pod's life, as free
// functions so the kubelet simulation keeps only the timing.

// Waiting in ContainerCreating: hostIP, podIP, startTime, Ready False (ContainersNotReady).
QJsonObject creatingPodStatus(const QJsonObject &pod, const QString &hostIp, const QString &podIp,
                              const QDateTime &now);
// Running and ready. `restartDelta` 1 is a crash: restartCount grows and the previous run
// becomes lastState.terminated (exit code from sandbox.burst.io/exit-code, else 1).
QJsonObject runningPodStatus(const QJsonObject &pod, int restartDelta, const QDateTime &now);
// Succeeded (exit code 0, reason Completed) or Failed (reason Error), Ready False PodCompleted.
QJsonObject terminatedPodStatus(const QJsonObject &pod, int exitCode, const QDateTime &now);

// The names of the pod's ephemeral containers (kubectl debug) that have no status yet.
QStringList unstartedEphemeralContainers(const QJsonObject &pod);
// The pod's status with every ephemeral container running (those already there unchanged).
QJsonObject ephemeralStartedStatus(const QJsonObject &pod, const QDateTime &now);

bool isContainerCreating(const QJsonObject &pod);
// "nginx:1.25" -> "docker.io/library/nginx@sha256:<digest>", as containerd reports imageID.
QString imageIdOf(const QString &image);
QStringList containerNames(const QJsonObject &pod);

} // namespace core::sandbox
