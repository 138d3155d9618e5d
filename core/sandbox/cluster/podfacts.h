#pragma once

#include "core/kube/objectmeta.h"
#include "core/sandbox/store/resourcetype.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace core::sandbox {

class ObjectStore;

// Facts about pods and their owners that the controllers and the kubelet share, as free
// functions over the stored JSON (the rules of k8s.io/kubernetes/pkg/controller and podutil).

// The metadata reads (and the summed container restarts) are core/kube/objectmeta.h's.
using kube::annotationOf;
using kube::containerRestarts;
using kube::controllerRef;
using kube::nameOf;
using kube::namespaceOf;
using kube::nodeNameOf;
using kube::uidOf;

// The entry a controller puts on what it creates (controller and blockOwnerDeletion true).
QJsonObject ownerReferenceTo(const QJsonObject &owner);

QString podPhase(const QJsonObject &pod);   // "Pending" when unset
bool isPodTerminal(const QJsonObject &pod); // Succeeded or Failed
bool isPodReady(const QJsonObject &pod);    // condition Ready is True
bool isPodRunningAndReady(const QJsonObject &pod);

// spec.replicas with the API server's default of 1.
int specReplicas(const QJsonObject &object);
// An int or "N%" of `total`, as intstr.GetScaledValueFromIntOrPercent; `fallback` when unset.
int scaledIntOrPercent(const QJsonValue &value, int total, bool roundUp, const QString &fallback);

// The template without what decoding into Go structs would not tell apart: nulls, empty objects
// and empty arrays (kubectl rollout undo sends `creationTimestamp: null`, `resources: {}`).
QJsonObject normalizedTemplate(const QJsonObject &podTemplate);

// The pod-template-hash / controller-revision-hash format: FNV-32a of the template, its decimal
// digits mapped to the alphabet of rand.SafeEncodeString. Hashes the normalized template.
QString templateHash(const QJsonObject &podTemplate);

// A pod from a workload's template: labels and annotations of the template, the owner reference,
// and either `name` or generateName "<generateBase>-".
QJsonObject podFromTemplate(const QJsonObject &podTemplate, const QJsonObject &owner,
                            const QString &name, const QString &generateBase);

QString timestamp(const QDateTime &time);

// Sets condition `type` in `conditions`, keeping lastTransitionTime when the status stays and
// touching nothing when status, reason and message stay (so a resync writes nothing).
QJsonArray withCondition(QJsonArray conditions, const QString &type, const QString &status,
                         const QString &reason, const QString &message, const QDateTime &now,
                         bool hasUpdateTime = false);
QJsonObject conditionOf(const QJsonObject &object, const QString &type);

// Replaces .status of the stored object (re-read, so concurrent spec edits are kept). False when
// the object is gone or another writer won; the caller retries on the next tick.
bool writeStatus(ObjectStore &store, const ResourceType &type, const QJsonObject &object,
                 const QJsonObject &status);
// Sets spec.replicas (ReplicaSet scaling by the deployment controller), plus annotations.
bool writeReplicas(ObjectStore &store, const ResourceType &type, const QJsonObject &object,
                   int replicas, const QJsonObject &annotations = {});

} // namespace core::sandbox
