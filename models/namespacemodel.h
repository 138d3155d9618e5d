#pragma once

#include "core/kube/informer.h"
#include "models/livepods.h"
#include "models/livetablemodel.h"

#include <QDateTime>
#include <QSet>

namespace models {

class ClusterSession;

struct NamespaceRow
{
    QString name;
    QString phase; // status.phase: Active, Terminating
    PodPlacement pods;
    QDateTime created;
    QString flavor; // namespace.kubernetes.io/flavor as the namespace carries it ("" when unset)
};

// The namespaces of a connection, live, with how many pods each holds and how many of those run
// on CCI (counted from the session's pods informer cache by namespace). A pod batch recounts only
// the namespaces it touches. The CCI flavour column shows each namespace's flavour annotation,
// which the live previews apply to its GPU pods (NamespaceFlavors).
class NamespaceModel : public LiveTableModel<NamespaceRow>
{
    Q_OBJECT

public:
    enum Column { Name, Status, Pods, PodsCci, Age, Flavor, ColumnCount };

    explicit NamespaceModel(QObject *parent = nullptr);

    // Registers "namespaces" (optional) and the pods and nodes with `session`, and the session's
    // NamespaceFlavors.
    void watch(ClusterSession *session);
    // Where the pod counts come from (the session's PodAggregates; none: no pods).
    void setPods(const PodAggregates *pods) { m_pods = pods; }
    void applyNamespaces(const core::kube::ChangeSet &changes);
    void applyPods(const core::kube::ChangeSet &changes);
    void setVirtualNodes(const QSet<QString> &nodes);

    void refreshAges();
    void setNow(const QDateTime &now) { m_now = now; }

protected:
    QString key(const NamespaceRow &row) const override { return row.name; }
    ObjectRef ref(const NamespaceRow &row) const override
    {
        return {QStringLiteral("namespaces"), QString(), row.name, QString()};
    }
    QVariant cell(const NamespaceRow &row, int column, int role) const override;

private:
    QVariant display(const NamespaceRow &row, int column) const;
    void recompute(const QSet<QString> &names);

    QHash<QString, NamespaceRow> m_namespaces; // by name, pods not yet counted
    QSet<QString> m_virtualNodes;
    const PodAggregates *m_pods = nullptr;
    QDateTime m_now;
};

} // namespace models
