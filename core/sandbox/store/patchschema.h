#pragma once

#include <QHash>
#include <QList>
#include <QString>

namespace core::sandbox {

// What a strategic merge patch needs to know about one field, as Kubernetes reads it from the Go
// struct tags `patchStrategy:"merge" patchMergeKey:"name"` of k8s.io/api.
struct PatchField
{
    enum class Strategy {
        Default, // maps merge, lists are replaced
        Merge,   // lists merge: by mergeKey for lists of objects, as a set for lists of scalars
        Replace, // maps are replaced whole
    };
    QString name;
    Strategy strategy = Strategy::Default;
    QString mergeKey;
    QString type; // schema type of the value, or of each element of a list ("" = unknown)
};

// A table of types -> fields with their patch metadata, looked up the way reflection is in
// k8s.io/apimachinery/pkg/util/strategicpatch. Types can refer to themselves.
class PatchSchema
{
public:
    void addType(const QString &type, const QList<PatchField> &fields);
    bool hasType(const QString &type) const { return m_types.contains(type); }
    // The field's metadata; Strategy::Default and no type when the type or field is unknown.
    PatchField field(const QString &type, const QString &name) const;

    // The kinds the sandbox serves, keyed by kind: Pod, Deployment, ReplicaSet, StatefulSet, Job,
    // CronJob, Service, ConfigMap, Secret, Namespace, Node, Event. Lists not named here (for
    // example tolerations, taints, containerStatuses, volumeClaimTemplates) are replaced, as in
    // Kubernetes.
    static const PatchSchema &kubernetes();

private:
    QHash<QString, QHash<QString, PatchField>> m_types;
};

} // namespace core::sandbox
