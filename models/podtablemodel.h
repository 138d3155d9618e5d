#pragma once

#include "core/kube/informer.h"
#include "core/kube/podsummary.h"
#include "models/livetablemodel.h"
#include "models/stringpool.h"

#include <QDateTime>
#include <QPointer>
#include <QSet>

namespace models {

class CciJoin;
class EventTableModel;

// The few dozen fields the pod panes show, taken from a pod once when it arrives; the pod's JSON
// is not kept by the model.
struct PodRow
{
    QString uid;
    QString nameSpace;
    QString name;
    QString node;
    QString podIp;
    QString ownerKind; // the controller owner: ReplicaSet, StatefulSet, Job...
    QString ownerName;
    // The pod's own burst label value, "" when absent. A Deployment's label is on the Deployment,
    // not its pods: the effective strategy needs the owner chain (a later Workloads pane).
    QString burstLabel;
    QString profile;    // the ScheduleProfile that manages it, "" when none
    QString cciCpu;     // the CCI pod's normalized cpu and memory, "" until set
    QString cciMemory;
    // On a CCI pod: the uid of the CCE pod it was made for (the sandbox's back-reference), "".
    QString cceUid;
    QDateTime created;
    core::kube::PodSummary summary;
};

// A CCE pod's CCI-side pod as a CciJoin finds it: the CCI endpoint's context and its row.
struct CciPodMatch
{
    QString context;
    const PodRow *row = nullptr;
    explicit operator bool() const { return row != nullptr; }
};

// With a pool, the texts many pods share (namespace, node, owner, status, labels) are shared.
PodRow podRowFrom(const QJsonObject &pod, StringPool *pool = nullptr);
// An informer batch as rows: deleted pods by uid, added and modified ones decoded. Pure, so it
// may run on the thread that received the batch.
// With the informer's cache, rows take its copy of each uid.
RowBatch<PodRow> podBatch(const core::kube::ChangeSet &changes, StringPool *pool = nullptr,
                          const core::kube::ObjectCache *cache = nullptr);

// Every pod of a connection, live: one row per pod uid, updated batch by batch (LiveTableModel).
// Where a pod runs (local node or a virtual-kubelet node, i.e. on CCI) follows the set of
// virtual nodes, which the node informer keeps up to date; a user who may not read nodes gets
// the pod's own word instead (the add-on's burst-pod-cpu annotation, or a joined CCI pod).
// With a CciJoin the CCI pod columns show the CCI-side pod of each burst pod (from a connected
// CCI endpoint); with an EventTableModel, Last event shows the newest event about the pod (the
// events model may hold the CCI side's too). Qt::UserRole gives sort keys (numbers for counts
// and ages); Location is "CCI" or "local".
class PodTableModel : public LiveTableModel<PodRow>
{
    Q_OBJECT

public:
    enum Column {
        Namespace,
        Name,
        Ready,
        Status,
        Restarts,
        Age,
        Node,
        Location,
        Strategy,
        Profile,
        CciCpu,
        CciMemory,
        CciPod,
        CciStatus,
        CciReady,
        CciRestarts,
        CciAge,
        LastEvent,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole;

    explicit PodTableModel(QObject *parent = nullptr);

    void applyChanges(const core::kube::ChangeSet &changes,
                      const core::kube::ObjectCache *cache = nullptr)
    {
        apply(podBatch(changes, &m_pool, cache));
    }
    // The names of the nodes that are virtual-kubelet nodes; rows whose node joins or leaves
    // the set change their Location cell.
    void setVirtualNodes(const QSet<QString> &nodes);
    const QSet<QString> &virtualNodes() const { return m_virtualNodes; }
    bool onVirtualNode(const PodRow &row) const;
    // False when the user may not read nodes: then a pod is on CCI by its own annotations.
    void setVirtualNodesKnown(bool known);
    // The connection is a CCI endpoint: every pod it lists runs on CCI (it has no nodes of
    // its own to bind to).
    void setCciEndpoint(bool cci);
    bool isCciEndpoint() const { return m_cciEndpoint; }
    bool virtualNodesKnown() const { return m_nodesKnown; }

    // The CCI side of the burst pods (nullptr: none); the model follows its changes.
    void setCciJoin(const CciJoin *join);
    const CciJoin *cciJoin() const;
    // The pod events for Last event (nullptr: none).
    void setEvents(const EventTableModel *events);

    // Ages grow with the clock, not with events: the view calls this now and then (one
    // dataChanged over the Restarts and Age columns).
    void refreshAges();
    // Fixes "now" for the Age column (tests); invalid = the current time at each read.
    void setNow(const QDateTime &now) { m_now = now; }

protected:
    QString key(const PodRow &row) const override { return row.uid; }
    ObjectRef ref(const PodRow &row) const override
    {
        return {QStringLiteral("pods"), row.nameSpace, row.name, row.uid};
    }
    QVariant cell(const PodRow &row, int column, int role) const override;

private:
    QVariant display(const PodRow &row, int column) const;
    QVariant cciDisplay(const PodRow &row, int column) const;
    QDateTime now() const;
    // dataChanged over `first..last` columns of every row.
    void refreshColumns(int first, int last, const QList<int> &roles = {});
    // The CCI pod of a row on a virtual node, through the join.
    CciPodMatch cciSide(const PodRow &row) const;
    // dataChanged over `first..last` columns for the rows of `uids` and of pods named `names`.
    void refreshRows(const QStringList &uids, const QStringList &names, int first, int last);

    QSet<QString> m_virtualNodes;
    bool m_nodesKnown = true;
    bool m_cciEndpoint = false;
    QPointer<const CciJoin> m_join;
    QPointer<const EventTableModel> m_events;
    QList<QMetaObject::Connection> m_joinConnections;
    QMetaObject::Connection m_eventsConnection;
    QDateTime m_now;
    StringPool m_pool;
};

} // namespace models
