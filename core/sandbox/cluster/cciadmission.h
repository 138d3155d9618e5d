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
    QString region = QStringLiteral("cn-north-4");
    QString zone = QStringLiteral("cn-north-4a");
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
    static QString sourceNamespaceAnnotation(); // back-references on the CCI pod
    static QString sourceNameAnnotation();
    static QString sourceUidAnnotation();

    void setNetworkInterconnect(bool on) { m_options.networkInterconnect = on; }
    const CciAdmissionOptions &options() const { return m_options; }
    QString cciNamespace() const { return m_namespace; }

    // The preview with the namespace's profiles and Services in scope.
    burst::PreviewResult review(const kube::Workload &workload,
                                const QList<burst::ScheduleProfile> &profiles) const;
    // Creates (or replaces a stale copy of) the CCI pod for a CCE pod bound to virtual-kubelet.
    bool createCciPod(const QJsonObject &ccePod, const burst::PreviewResult &preview,
                      const QDateTime &now = QDateTime::currentDateTimeUtc());
    // Copies phase, conditions and container statuses (plus the sidecar's) to the CCI pod.
    void mirrorStatus(const QJsonObject &ccePod,
                      const QDateTime &now = QDateTime::currentDateTimeUtc());
    void removeFor(const QJsonObject &ccePod,
                   const QDateTime &now = QDateTime::currentDateTimeUtc());
    QString cciPodName(const QString &cceUid) const { return m_names.value(cceUid); }

private:
    void ensureNamespace();
    // The event of a phase change of a CCI pod (`before`: its phase before).
    void recordPhase(const QJsonObject &cciPod, const QString &before, const QDateTime &now);
    void adoptExisting();
    QString chooseName(const QJsonObject &ccePod);
    QJsonObject buildPod(const QJsonObject &ccePod, const burst::PreviewResult &preview,
                         const QString &name) const;

    ObjectStore &m_cce;
    ObjectStore &m_cci;
    QString m_namespace;
    CciAdmissionOptions m_options;
    QHash<QString, QString> m_names; // CCE pod uid -> CCI pod name
    EventRecorder m_events;          // on the CCI store
};

} // namespace core::sandbox
