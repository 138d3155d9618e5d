#pragma once

#include "core/burst/preview.h"
#include "core/burst/workspace.h"
#include "core/kube/workload.h"
#include "models/fieldedit.h"
#include "models/objectdetails.h"
#include "models/objectref.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace models {

class ClusterSession;

// Burst policy on live objects: the workbench forms' edits (FieldEdit lists, the same requests
// they make of a manifest file) applied to an object as the cluster stores it, the patch that
// sends exactly those changes, and the CCI pod preview of the result. Pure functions first; the
// LiveWriter below sends what they build.

// The FieldEdit of StrategyForm's request: the burst label on the workload (podTemplate false) or
// on its pod template; "" removes it.
FieldEdit burstLabelEdit(const core::kube::Workload &workload, bool podTemplate,
                         const QString &value);
// The FieldEdit of ImageRulesForm's / HostPathForm's request: an annotation of the pod template;
// "" removes it.
FieldEdit podAnnotationEdit(const core::kube::Workload &workload, const QString &key,
                            const QString &value);
// `edits` replace the edit of the same path in `staged` (later edits win), or join it.
QList<FieldEdit> stageEdits(QList<FieldEdit> staged, const QList<FieldEdit> &edits);

// `object` with `edits` applied in order: a value is set (creating maps on the way), nullopt
// removes the field (and maps left empty by it). Path items "[i]" index lists; an index past
// the end or through a non-list is skipped.
QJsonObject applyFieldEdits(QJsonObject object, const QList<FieldEdit> &edits);

// The JSON merge patch between two objects is models::mergePatch (models/objectdetails.h), which
// the details pane's edits use too.

// What Apply sends for a live object and its edits.
struct PolicyPatch
{
    QJsonObject patched; // the live object with the edits
    // A JSON merge patch of the changed fields with metadata.resourceVersion as precondition (the
    // server refuses it with 409 Conflict once the object moved on); {} when nothing changes.
    QJsonObject patch;
    bool changed() const { return !patch.isEmpty(); }
};
PolicyPatch policyPatch(const QJsonObject &live, const QList<FieldEdit> &edits);

// The live Namespaces' CCI flavours by name (models::NamespaceFlavors keeps a session's).
using NamespaceFlavorMap = QHash<QString, core::burst::NamespaceFlavor>;

// The CCI pod preview of a live (or patched) pod-bearing object with the ScheduleProfile objects
// in scope (their namespace decides, as burst::preview does) and the cluster's namespace flavours
// (a GPU pod in a general-computing namespace is refused); nullopt when `object` bears no pod.
std::optional<core::burst::PreviewResult> livePreview(const QJsonObject &object,
                                                      const QList<QJsonObject> &profiles,
                                                      const NamespaceFlavorMap &flavors = {});

// The workloads (with their previews) and the ScheduleProfiles of `nameSpace` as a ProfileForm
// shows them for a live profile. `profileObjects` as the cluster stores them; the profile named
// `edited` (if any) is replaced by it. The previews see the cluster's namespace flavours.
struct LiveProfileScope
{
    QList<core::burst::WorkloadEntry> workloads;
    QList<core::burst::ProfileEntry> profiles;
};
LiveProfileScope liveProfileScope(const QList<QJsonObject> &workloadObjects,
                                  const QList<QJsonObject> &profileObjects,
                                  const NamespaceFlavorMap &flavors = {});

// Whether the kind has a replica count to scale (Deployment, StatefulSet, ReplicaSet).
bool isScalable(const ObjectRef &object);
// The merge patch of a scale through the /scale subresource.
QJsonObject scalePatch(int replicas);

// One write to one live object.
struct LiveWrite
{
    enum class Verb { Patch, Delete };
    Verb verb = Verb::Patch;
    ObjectRef object;
    QString subresource; // "scale"
    QJsonObject patch;   // Patch: a JSON merge patch
    // Delete: preconditions (uid; resourceVersion when set), propagation Background.
    QString uid;
    QString resourceVersion;

    // What is sent, for the operator to read: "PATCH deployments.apps default/web" and the body.
    QString describe() const;
};
LiveWrite patchWrite(const ObjectRef &object, const QJsonObject &patch,
                     const QString &subresource = {});
// The uid precondition (of `live`, the object as last seen, else of `object`) keeps a delete from
// hitting a newer object of the same name. No resourceVersion precondition: a status update
// (pods' kubelet, a Deployment's controller) must not make a delete fail, as kubectl delete.
LiveWrite deleteWrite(const ObjectRef &object, const QJsonObject &live);

// What the server answered to one write.
struct LiveWriteResult
{
    LiveWrite write;
    bool ok = false;
    QJsonObject answer; // ok: what the server stores (or would store, for a dry run)
    QString error;      // !ok: the API's message
    QStringList fields; // !ok: the field paths the server named (Status details.causes)
    int httpStatus = 0;
};

// The object `object` names in the session's informer cache ({} when not there): by uid, else by
// namespace and name.
QJsonObject cachedObject(const ClusterSession *session, const ObjectRef &object);
// Every cached object of the watched `resource` in `nameSpace`.
QList<QJsonObject> cachedObjects(const ClusterSession *session, const QString &resource,
                                 const QString &nameSpace);

// Sends writes to one session's cluster, one at a time, and reports them together: first as a
// dry run (?dryRun=All: every check of the write, nothing stored), then for real. It never asks
// anyone: the caller confirms in between (ui::confirmWrite).
class LiveWriter : public QObject
{
    Q_OBJECT
public:
    explicit LiveWriter(ClusterSession *session, QObject *parent = nullptr);

    ClusterSession *session() const { return m_session; }
    bool busy() const { return m_busy; }
    // Starts the writes; false (nothing started) while busy or with nothing to write.
    bool run(const QList<LiveWrite> &writes, bool dryRun);
    // GETs the object as the server holds it now.
    void fetch(const ObjectRef &object, std::function<void(const LiveWriteResult &)> done);

signals:
    void finished(bool dryRun, const QList<models::LiveWriteResult> &results);

private:
    void next();

    ClusterSession *m_session;
    QList<LiveWrite> m_queue;
    QList<LiveWriteResult> m_results;
    bool m_dryRun = false;
    bool m_busy = false;
};

} // namespace models
