#pragma once

#include "models/stringpool.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QString>

namespace core::kube {
struct ChangeSet;
class ObjectCache;
} // namespace core::kube

namespace models {

class ClusterSession;

// What the non-terminated pods bound to one node request, summed as the scheduler sums them
// (per pod: requests, or limits where no request is given; max(sum of app containers, largest
// init container)).
struct NodeUsage
{
    qint64 cpuMilli = 0;
    qint64 memoryBytes = 0;
    int pods = 0;
    bool operator==(const NodeUsage &) const = default;
};

// Where pods run: on a virtual-kubelet node (CCI), on another node (local), or not yet bound.
struct PodPlacement
{
    int total = 0;
    int local = 0;
    int cci = 0;

    void add(const QJsonObject &pod, const QSet<QString> &virtualNodes);
    bool operator==(const PodPlacement &) const = default;
};

// The pod counts and sums the live panes show, kept as pods come and go: per node what its pods
// request (Nodes), per namespace and per controller owner how many pods run where (Namespaces,
// Workloads). One per session, fed by the pods informer's batches before any model's sink, so a
// model that hears of a batch reads totals that include it. Each pod is remembered by a few
// facts (node, namespace, owner, requests), so a change or a deletion takes its old share out
// again: a batch costs what it holds, never a recount from the pod cache (which, compact, would
// decode every pod it reads).
class PodAggregates : public QObject
{
    Q_OBJECT
public:
    explicit PodAggregates(QObject *parent = nullptr);

    // The session's aggregates, created and fed on first use: call it before registering a sink
    // of pods with the session, so the aggregates hear each batch first.
    static PodAggregates *of(ClusterSession *session);

    // With the informer's cache, pods are keyed by its copy of their uid.
    void apply(const core::kube::ChangeSet &changes, const core::kube::ObjectCache *cache = nullptr);

    NodeUsage nodeUsage(const QString &node) const;
    PodPlacement inNamespace(const QString &nameSpace, const QSet<QString> &virtualNodes) const;
    // The pods whose controller owner has `uid`.
    PodPlacement ownedBy(const QString &uid, const QSet<QString> &virtualNodes) const;
    qsizetype podCount() const { return m_pods.size(); }

private:
    struct Facts
    {
        QString node;
        QString nameSpace;
        QString owner;
        qint64 cpuMilli = 0;
        qint64 memoryBytes = 0;
        bool terminated = false;
    };
    struct Sums
    {
        __int128 cpuMilli = 0;
        __int128 memoryBytes = 0;
        int pods = 0;
    };
    using NodeCounts = QHash<QString, int>; // pods per node name ("" = not bound)

    Facts factsOf(const QJsonObject &pod);
    void add(const Facts &facts, int sign);
    static PodPlacement placement(const NodeCounts &counts, const QSet<QString> &virtualNodes);

    QHash<QString, Facts> m_pods; // by uid
    QHash<QString, Sums> m_nodes;
    QHash<QString, NodeCounts> m_namespaces;
    QHash<QString, NodeCounts> m_owners;
    StringPool m_texts;
};

} // namespace models
