#pragma once

#include "core/common/diagnostic.h"
#include "core/kube/objectmeta.h"

#include <QJsonObject>
#include <QMap>
#include <QString>

#include <optional>

namespace core::kube {

// A pod-bearing object (Pod, Deployment, StatefulSet, ReplicaSet, ReplicationController, Job,
// CronJob, DaemonSet, PodTemplate) with its pod template located.
struct Workload
{
    QString kind;
    QString apiVersion;
    QString nameSpace; // "default" when unset
    QString name;
    QJsonObject object;
    QString
        templatePath; // "" for Pod, "spec.template", "spec.jobTemplate.spec.template", "template"
    Labels workloadLabels; // metadata.labels (for a Pod: its own labels)
    Labels podLabels;      // the pod template's labels (for a Pod: its own labels)

    bool isPod() const { return templatePath.isEmpty(); }
    QJsonObject podMetadata() const;
    QJsonObject podSpec() const;
    QString podPath(const QString &sub) const; // path of `sub` inside the pod: "spec.template.spec"
    int replicas() const; // spec.replicas (default 1), 1 for a Pod / Job / CronJob
};

bool isPodBearingKind(const QString &kind);

// Extracts the pod template. Returns nullopt when the object is not pod-bearing; wrong types
// (a template that is not an object, labels that are not strings) become diagnostics.
std::optional<Workload> workloadFromObject(const QJsonObject &object, Diagnostics *diagnostics);

// Reads a label map. A non-string value (kubectl reads an unquoted `off` or `yes` as a boolean,
// and then refuses the object) is an error with a "quote it" hint.
Labels labelsFromJson(const QJsonValue &value, const QString &path, Diagnostics *diagnostics);

// Reads a value at a dotted path ("spec.template.spec"), [] indices not supported.
QJsonValue valueAt(const QJsonObject &object, const QString &dottedPath);
// Writes a value at a dotted path, creating objects on the way.
void setValueAt(QJsonObject &object, const QString &dottedPath, const QJsonValue &value);

} // namespace core::kube
