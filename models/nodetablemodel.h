#pragma once

#include "core/kube/informer.h"
#include "models/livetablemodel.h"
#include "models/podaggregates.h"

#include <QDateTime>
#include <QHash>

#include <functional>

namespace models {

class ClusterSession;

// The fields the Nodes pane shows, read from a Node once when it arrives.
struct NodeRow
{
    QString uid;
    QString name;
    bool virtualNode = false;
    QString zone;  // an AZ-level virtual node's zone (CCI 2.0), "" for the global one
    QString fault; // why CCI made the virtual node unschedulable (burst::virtualNodeFault())
    QString ready;        // Ready, NotReady or Unknown (the Ready condition), kubectl's words
    bool unschedulable = false;
    qint64 cpuCapacityMilli = -1; // -1 when the node does not say
    qint64 cpuAllocatableMilli = -1;
    qint64 memoryCapacityBytes = -1;
    qint64 memoryAllocatableBytes = -1;
    QStringList taints; // key=value:Effect
    QDateTime lockedUntil; // the lock annotation, invalid when none
    bool lockTaint = false;
    QDateTime created;
    NodeUsage usage;
};

NodeRow nodeRowFrom(const QJsonObject &node);

// Every node of a connection, live (LiveTableModel, keyed by node name), with the requests of the
// pods bound to it. Fed by two informers: nodes (applyNodes) and pods (applyPods, which
// refreshes only the nodes the batch's pods are bound to, from the session's PodAggregates).
// Qt::UserRole gives sort keys (numbers for quantities, counts and ages).
class NodeTableModel : public LiveTableModel<NodeRow>
{
    Q_OBJECT

public:
    enum Column {
        Name,
        Kind,
        Ready,
        Lock, // before the quantities, so it is in sight
        CpuCapacity,
        CpuAllocatable,
        CpuRequested,
        MemoryCapacity,
        MemoryAllocatable,
        MemoryRequested,
        Pods,
        Taints,
        Age,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole;

    explicit NodeTableModel(QObject *parent = nullptr);

    // Registers this model's sinks for "nodes" and "pods" with `session` (before its start()).
    void follow(ClusterSession *session);

    void applyNodes(const core::kube::ChangeSet &changes);
    void applyPods(const core::kube::ChangeSet &changes);
    // Where the pods' requests come from (the session's PodAggregates; none: no usage).
    void setPods(const PodAggregates *pods) { m_pods = pods; }

    // Locked at now(): a virtual node whose lock end is later than now.
    bool isLocked(const NodeRow &row) const;
    // What Unlock can lift: a lock, or a lock taint left behind.
    bool canUnlock(const NodeRow &row) const { return isLocked(row) || row.lockTaint; }

    // Lock and Age move with the clock: the view calls this now and then.
    void refreshClock();
    // Fixes "now" (tests); invalid = the current time at each read.
    void setNow(const QDateTime &now) { m_now = now; }
    QDateTime now() const;

protected:
    QString key(const NodeRow &row) const override { return row.name; }
    ObjectRef ref(const NodeRow &row) const override
    {
        return {QStringLiteral("nodes"), QString(), row.name, row.uid};
    }
    QVariant cell(const NodeRow &row, int column, int role) const override;

private:
    QVariant display(const NodeRow &row, int column) const;
    QString lockText(const NodeRow &row) const;

    const PodAggregates *m_pods = nullptr;
    QDateTime m_now;
};

// A JSON merge patch that lifts the lock of `node`: removes the lock annotation and the lock
// taint (keeping every other taint), with the node's resourceVersion so a node changed meanwhile
// is refused (409) instead of losing a taint added since.
QByteArray unlockPatch(const QJsonObject &node);

// Lifts the lock of the node `nodeName` of `session`: sends unlockPatch() of the node as the
// session's cache holds it. `done` gets "" on success, else the error to show.
void unlockVirtualNode(ClusterSession *session, const QString &nodeName, QObject *context,
                       std::function<void(const QString &error)> done);

} // namespace models
