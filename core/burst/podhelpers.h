#pragma once

#include "core/common/diagnostic.h"
#include "core/common/result.h"
#include "core/kube/workload.h"

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

// Helpers that write into a workload rather than check it: each returns the edits to make, as
// object-relative paths, which burstctl applies with kube::yamledit (byte-exact: only the edited
// nodes change) and the workbench as one undoable edit (models::FieldEdit takes the same paths).
namespace core::burst {

// Sets `value` at `path` (map keys, "[i]" list items; "[n]" with n the list's size appends).
struct ObjectEdit
{
    QStringList path;
    QJsonValue value;
    bool operator==(const ObjectEdit &) const = default;
};
using ObjectEdits = QList<ObjectEdit>;

// Applies `edits` in order to the object in document `document` of `source` (`itemPath` as
// ManifestObject::itemPath: "items[3]" inside a `kind: List`, else ""). Fails with yamledit's
// error on the first edit it refuses.
Result<QString> applyObjectEdits(const QString &source, int document, const QString &itemPath,
                                 const ObjectEdits &edits);

// --- Guide 3.2: pod facts from the Downward API ---------------------------------------------

// One environment variable the guide's example sets from a fieldRef.
struct DownwardFact
{
    QString env;       // "MY_POD_NAMESPACE"
    QString fieldPath; // "metadata.namespace"
};
// The guide's six: namespace, name, uid, pod IP, and the region and zone CCI writes as the
// topology.kubernetes.io/region|zone annotations when it places the pod.
QList<DownwardFact> downwardApiFacts();

// Edits that give every app container the facts it lacks (a container that already has the
// variable's name, or a fieldRef to the same field, keeps its own). Empty when nothing is missing.
ObjectEdits downwardApiEdits(const kube::Workload &workload);

// A fieldRef environment variable as the preview shows it.
struct DownwardEnv
{
    QString container;
    QString name;
    QString fieldPath;
    QString value; // the value when the manifest decides it, else ""
    bool known = false;
};
// Every fieldRef env of the app and init containers, resolved where the manifest decides the
// value: metadata.namespace, a Pod's metadata.name, metadata.labels['k'], metadata.annotations['k']
// (but not CCI's topology annotations, which CCI writes when it places the pod),
// spec.serviceAccountName. The rest (uid, generated names, IPs, node, zone) is known only when
// the pod runs.
QList<DownwardEnv> resolveDownwardEnv(const kube::Workload &workload);

// The preview's findings about them, paths relative to the object:
//   downward.env (info)            per container: each variable with its value or its field;
//   downward.cciAnnotation (info)  a variable reads CCI's region/zone annotation but the pod can
//                                  also run on a CCE node (strategy not enforce), where the
//                                  annotation is absent and the variable empty.
Diagnostics downwardEnvDiagnostics(const kube::Workload &workload,
                                   const QList<DownwardEnv> &env, bool alwaysOnCci);

// "a.b.c" -> {"a","b","c"}
QStringList splitObjectPath(const QString &dotted);

} // namespace core::burst
