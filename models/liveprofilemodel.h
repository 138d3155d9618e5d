#pragma once

#include "core/burst/scheduleprofile.h"
#include "core/kube/informer.h"
#include "models/livetablemodel.h"

#include <QDateTime>
#include <QJsonObject>

namespace models {

class ClusterSession;

struct LiveProfileRow
{
    QString uid;
    core::burst::ScheduleProfile profile;
    QJsonObject status;   // as the cluster writes it (used, restrict, phase)
    QStringList captures; // "Kind name" of the workloads associated with it
};

// The ScheduleProfiles of a connection, live, with what each captures: the top-level workloads
// (not a Deployment's ReplicaSets, not a CronJob's Jobs) of its namespace whose pod labels
// associate with it (core::burst::associateProfile: the most related profile wins). A batch
// recomputes the namespaces it touches.
class LiveProfileModel : public LiveTableModel<LiveProfileRow>
{
    Q_OBJECT

public:
    enum Column {
        Namespace,
        Name,
        Selector,
        Strategy,
        LocalMax,
        CciMax,
        ScaleDown,
        Used,
        Restrict,
        Captured,
        ColumnCount
    };

    explicit LiveProfileModel(QObject *parent = nullptr);

    // Registers "scheduleprofiles" and the workload resources (optional) with `session`.
    void watch(ClusterSession *session);
    void applyProfiles(const core::kube::ChangeSet &changes);
    void applyWorkloads(const core::kube::ChangeSet &changes);

protected:
    QString key(const LiveProfileRow &row) const override { return row.uid; }
    ObjectRef ref(const LiveProfileRow &row) const override
    {
        return {QStringLiteral("scheduleprofiles"), row.profile.nameSpace, row.profile.name,
                row.uid};
    }
    QVariant cell(const LiveProfileRow &row, int column, int role) const override;

private:
    struct Captor
    {
        QString nameSpace;
        QString label; // "Deployment nginx"
        core::kube::Labels podLabels;
    };

    QVariant display(const LiveProfileRow &row, int column) const;
    void recompute(const QSet<QString> &namespaces);

    QHash<QString, LiveProfileRow> m_profiles; // by uid, captures not yet computed
    QHash<QString, Captor> m_workloads;        // top-level workloads by uid
};

} // namespace models
