#pragma once

#include "core/burst/podresources.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace core::sandbox {

struct NodeTaint
{
    QString key;
    QString value;
    QString effect;
    bool operator==(const NodeTaint &) const = default;
};

// What one pod asks of a node, as the scheduler's filters read it.
struct PodDemand
{
    burst::PodTotals request;
    QJsonArray tolerations;
    QMap<QString, QString> nodeSelector;
    // Taint keys tolerated implicitly: virtual-kubelet's webhook adds the provider toleration to
    // pods whose burst strategy allows CCI.
    QStringList implicitTolerations;
};

// Why one node cannot take a pod: the scheduler's per-node reasons ("Insufficient cpu"), and
// whether evicting pods could help (resource shortages only).
struct NodeRejection
{
    QStringList reasons;
    bool resourcesOnly = false;
};

// The sandbox scheduler's view of the nodes: allocatable cpu/memory/pods, taints and what the
// bound, non-terminated pods already request. Usage is keyed by node name so pods bound to a node
// that does not exist (yet) are still counted when it appears.
class NodeCapacity
{
public:
    // Takes the node's allocatable, taints, labels and spec.unschedulable; true when one of them
    // changed (a heartbeat or an annotation is not a reason to retry pending pods).
    bool upsertNode(const QJsonObject &node);
    void removeNode(const QString &name);
    // Adds (sign +1) or removes (sign -1) one pod's requests on `node`.
    void addUsage(const QString &node, const burst::PodTotals &request, int sign);

    QStringList nodeNames() const; // sorted
    bool hasNode(const QString &name) const;
    bool hasTaint(const QString &node, const QString &key) const;
    // A virtual-kubelet node by burst::isVirtualNode() (label type=virtual-kubelet and the
    // virtual-kubelet.io/provider taint), whatever its name.
    bool isVirtual(const QString &node) const;
    QList<NodeTaint> taints(const QString &node) const;

    // Filters in the real scheduler's order (unschedulable, node selector, taints, resources);
    // nullopt-like empty reasons mean the node fits.
    NodeRejection check(const QString &node, const PodDemand &demand) const;
    // Least-allocated score after placing `request` (higher is emptier), as the what-if simulator
    // computes it.
    qint64 score(const QString &node, const burst::PodTotals &request) const;

    static bool tolerates(const QJsonArray &tolerations, const NodeTaint &taint);

private:
    struct Node
    {
        qint64 cpuMilli = 0;
        qint64 memoryBytes = 0;
        qint64 pods = 0;
        bool unschedulable = false;
        QList<NodeTaint> taints;
        QMap<QString, QString> labels;
        bool virtualNode = false;
        bool operator==(const Node &) const = default;
    };
    struct Usage
    {
        qint64 cpuMilli = 0;
        qint64 memoryBytes = 0;
        qint64 pods = 0;
    };

    QMap<QString, Node> m_nodes;
    QHash<QString, Usage> m_usage;
};

} // namespace core::sandbox
