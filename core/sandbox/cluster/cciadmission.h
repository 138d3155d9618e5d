#pragma once

#include "core/burst/preview.h"
#include "core/kube/workload.h"
#include "core/sandbox/cluster/eventrecorder.h"

#include <QDateTime>

#include <QHash>
#include <QJsonObject>
#include <QString>

namespace core::sandbox {

class ObjectStore;

struct CciAdmissionOptions
{
    bool networkInterconnect = true; // virtual-kubelet's network interconnection option
    // Where CCI runs the pods: the topology.kubernetes.io/region and /zone annotations of every
    // CCI pod (guide 3.2). A pod bound to an AZ-level virtual node (CCI 2.0, --cci-zones) gets that
    // node's zone; any other the default zone, REGION + "a" unless set (decided: which zone CCI
    // picks for the global node is not documented).
    QString region = QStringLiteral("cn-north-4");
    QString zone;
    // The flavour the CCI namespace cce-burst-<id> is created with when it does not exist yet
    // (decided: general-computing, the type the guide's burst pods need; gpu-accelerated lets GPU
    // pods burst). The namespace's annotation, as stored, is what admission reads.
    QString namespaceFlavor = QStringLiteral("general-computing");

    QString defaultZone() const { return zone.isEmpty() ? region + u'a' : zone; }
};

// What virtual-kubelet does with a pod bound to its node: asks the burst preview (the engine the
// console shows) whether CCI admits it, creates the pod CCI runs in namespace
// cce-burst-<clusterId>, keeps its status in step with the CCE pod and deletes it with the CCE pod.
// CCI's own Events about its pods go to the CCI store (Scheduled when created, Started / Failed /
// Completed when the phase changes, Killing when deleted; assumed: which events CCI writes for a
// burst pod is not documented, these are the kubelet's reasons), so a console connected to the
// CCI endpoint sees the CCI side of a burst.
class CciAdmission
{
public:
    CciAdmission(ObjectStore &cce, ObjectStore &cci, QString clusterId,
                 CciAdmissionOptions options = {});

    static QString sidecarName();
    // The CCI namespace `name` as the sandbox creates it: managed-by label, `flavor` ("" for
    // none) in namespace.kubernetes.io/flavor.
    static QJsonObject namespaceObject(const QString &name, const QString &flavor);
    static QString sourceNamespaceAnnotation(); // back-references on the CCI pod
    static QString sourceNameAnnotation();
    static QString sourceUidAnnotation();

    void setNetworkInterconnect(bool on) { m_options.networkInterconnect = on; }
    const CciAdmissionOptions &options() const { return m_options; }
    QString cciNamespace() const { return m_namespace; }

    // The preview with the namespace's profiles and Services in scope, and the flavour of the CCI
    // namespace (its namespace.kubernetes.io/flavor as stored) as the pod's namespace flavour: a
    // GPU pod is refused (gpu.namespaceFlavor) when that namespace is general-computing.
    burst::PreviewResult review(const kube::Workload &workload,
                                const QList<burst::ScheduleProfile> &profiles) const;
    // Creates (or replaces a stale copy of) the CCI pod for a CCE pod bound to virtual-kubelet,
    // in `zone` ("" for the default zone).
    bool createCciPod(const QJsonObject &ccePod, const burst::PreviewResult &preview,
                      const QDateTime &now = QDateTime::currentDateTimeUtc(),
                      const QString &zone = {});
    // Copies phase, conditions and container statuses (plus the sidecar's) to the CCI pod.
    void mirrorStatus(const QJsonObject &ccePod,
                      const QDateTime &now = QDateTime::currentDateTimeUtc());
    void removeFor(const QJsonObject &ccePod,
                   const QDateTime &now = QDateTime::currentDateTimeUtc());
    QString cciPodName(const QString &cceUid) const { return m_names.value(cceUid); }

    // A CCE pod as its containers see it (the Downward API): its burst pod runs in a CCI pod, so
    // the region and zone annotations CCI writes on that pod (found in `cci`'s `cciNamespace` by
    // its back-reference) join the CCE pod's. Any other pod comes back as it is. Thread-safe (the
    // store is): the CCE endpoint's exec calls it.
    static QJsonObject podAsSeenInside(const ObjectStore &cci, const QString &cciNamespace,
                                       const QJsonObject &ccePod);

private:
    void ensureNamespace();
    // The event of a phase change of a CCI pod (`before`: its phase before).
    void recordPhase(const QJsonObject &cciPod, const QString &before, const QDateTime &now);
    void adoptExisting();
    QString chooseName(const QJsonObject &ccePod);
    QJsonObject buildPod(const QJsonObject &ccePod, const burst::PreviewResult &preview,
                         const QString &name, const QString &zone) const;

    ObjectStore &m_cce;
    ObjectStore &m_cci;
    QString m_namespace;
    CciAdmissionOptions m_options;
    QHash<QString, QString> m_names; // CCE pod uid -> CCI pod name
    EventRecorder m_events;          // on the CCI store
};

} // namespace core::sandbox
