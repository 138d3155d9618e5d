#pragma once

#include "core/burst/burststrategy.h"
#include "core/burst/scheduleprofile.h"
#include "core/kube/informer.h"
#include "core/kube/workload.h"
#include "models/livepods.h"
#include "models/livetablemodel.h"

#include <QDateTime>
#include <QMultiHash>
#include <QSet>

namespace models {

class ClusterSession;

struct WorkloadRow
{
    QString uid;
    QString kind;
    QString nameSpace;
    QString name;
    core::kube::Labels labels; // metadata.labels, for label selectors in the filter
    QString ready;             // "3/5", "1 active"
    int readyCount = 0;
    core::burst::StrategyResolution strategy;
    QString inheritedFrom; // "Deployment nginx" when the row shows its owner's strategy
    PodPlacement pods;     // the pods under this workload (a Deployment: those of its ReplicaSets)
    QDateTime created;
};

// The workloads of a connection, live: Deployments, StatefulSets, ReplicaSets, DaemonSets, Jobs
// and CronJobs, with the burst strategy that applies to their pods (core::burst::resolveStrategy
// over the namespace's ScheduleProfiles, as the workbench decides it for files; a ReplicaSet
// owned by a Deployment and a Job owned by a CronJob show their owner's) and where their pods run
// (pods from the session's pods informer cache by owner uid: Pod -> ReplicaSet -> Deployment,
// Pod -> Job -> CronJob). A batch recomputes only the workloads it touches. Qt::UserRole gives
// sort keys; RowFilterProxy::LabelsRole the workload's labels.
class LiveWorkloadModel : public LiveTableModel<WorkloadRow>
{
    Q_OBJECT

public:
    enum Column {
        Namespace,
        Kind,
        Name,
        Ready,
        Strategy,
        Source,
        Profile,
        PodsLocal,
        PodsCci,
        Age,
        ColumnCount
    };

    explicit LiveWorkloadModel(QObject *parent = nullptr);

    // The resources this model watches, as ClusterSession::watch() takes them.
    static const QStringList &workloadResources();
    // Registers the model's resources with `session` (before start()): the workloads and
    // ScheduleProfiles (optional), and the pods and nodes the session watches anyway.
    void watch(ClusterSession *session);

    // Where the pod counts come from (the session's PodAggregates; none: no pods).
    void setPods(const PodAggregates *pods) { m_pods = pods; }
    void applyWorkloads(const core::kube::ChangeSet &changes);
    void applyProfiles(const core::kube::ChangeSet &changes);
    // Pods changed: the workloads that own them (and their owners) count again.
    void applyPods(const core::kube::ChangeSet &changes);
    void setVirtualNodes(const QSet<QString> &nodes);

    void refreshAges();
    void setNow(const QDateTime &now) { m_now = now; }

protected:
    QString key(const WorkloadRow &row) const override { return row.uid; }
    ObjectRef ref(const WorkloadRow &row) const override
    {
        return {resourceOfKind(row.kind), row.nameSpace, row.name, row.uid};
    }
    QVariant cell(const WorkloadRow &row, int column, int role) const override;

private:
    struct Tracked
    {
        core::kube::Workload workload;
        QString ownerUid; // the controller owner's uid, "" when none
        QDateTime created;
    };

    QVariant display(const WorkloadRow &row, int column) const;
    void recompute(const QSet<QString> &uids);
    WorkloadRow rowFor(const QString &uid, const Tracked &tracked) const;
    core::burst::StrategyResolution resolve(const Tracked &tracked) const;
    PodPlacement podsOwnedBy(const QString &uid) const;
    QSet<QString> related(const QString &uid) const; // itself, its owner, its children
    QDateTime now() const;

    QHash<QString, Tracked> m_workloads;     // by uid
    QMultiHash<QString, QString> m_children; // owner uid -> controlled workload uids
    QHash<QString, core::burst::ScheduleProfile> m_profiles; // by uid
    QSet<QString> m_virtualNodes;
    const PodAggregates *m_pods = nullptr;
    QDateTime m_now;
};

} // namespace models
