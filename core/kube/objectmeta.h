#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringView>

#include <optional>

namespace core::kube {

// Labels as selectors match them: key -> value.
using Labels = QMap<QString, QString>;

// Reads of an object's metadata (and of the few pod facts that are plain status reads), as free
// functions over its JSON. The one place the client, the burst rules and the sandbox read
// `metadata.*`; a missing field reads as "" / {} / 0.

QJsonObject metadataOf(const QJsonObject &object);
QString metadataString(const QJsonObject &object, QStringView key); // metadata.<key> as text
QString nameOf(const QJsonObject &object);
QString namespaceOf(const QJsonObject &object);
QString uidOf(const QJsonObject &object);
QString resourceVersionOf(const QJsonObject &object);

QJsonObject labelsJsonOf(const QJsonObject &object); // metadata.labels as JSON
Labels labelsOf(const QJsonObject &object);          // the same as a map, values as text
QString labelOf(const QJsonObject &object, const QString &key);
QJsonObject annotationsOf(const QJsonObject &object);
QString annotationOf(const QJsonObject &object, const QString &key);
// A metav1.Time or MicroTime value (RFC 3339, with or without fractional seconds); invalid
// when absent or malformed.
QDateTime timestampOf(const QJsonValue &value);

QJsonArray ownerReferencesOf(const QJsonObject &object);
// The ownerReferences entry with controller: true, or {}.
QJsonObject controllerRef(const QJsonObject &object);

// spec.nodeName of a pod ("" while unbound).
QString nodeNameOf(const QJsonObject &pod);
// The Downward API's value of `fieldPath` (an env var's valueFrom.fieldRef.fieldPath) for `pod`,
// as the kubelet resolves it: metadata.name, .namespace, .uid, metadata.labels['KEY'],
// metadata.annotations['KEY'] (an absent key reads as ""), spec.nodeName,
// spec.serviceAccountName, status.hostIP, status.hostIPs, status.podIP, status.podIPs (lists joined
// with ","). nullopt for any other path (the API server refuses those).
std::optional<QString> podFieldValue(const QJsonObject &pod, const QString &fieldPath);
// status.containerStatuses[*].restartCount, summed (the RESTARTS column of kubectl get pods).
int containerRestarts(const QJsonObject &pod);

} // namespace core::kube
