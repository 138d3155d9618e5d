#pragma once

#include "core/burst/placementsimulator.h"
#include "core/burst/podresources.h"
#include "core/kube/workload.h"
#include "core/sandbox/store/objectwatch.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <map>

namespace core::sandbox {

class NodeCapacity;
class ProfileIndex;

// What the scheduler remembers of one CCE pod.
struct PodEntry
{
    QString nameSpace;
    QString name;
    QString uid;
    qint64 revision = 0;
    qint64 generation = 0;
    QString node;               // spec.nodeName
    bool onVirtualNode = false; // bound to a virtual-kubelet node (NodeCapacity::isVirtual())
    burst::PodTotals request;   // what it reserves on a node (requests, else limits)
    bool active = true;         // not Succeeded / Failed
    bool pending = false;       // unbound, phase Pending, not being deleted
    QString profile;            // associated ScheduleProfile key, "" for none
    kube::Labels labels;
    quint64 sequence = 0; // arrival order, the scheduling queue's order
};

// The CCE pods as the scheduler needs them, fed from a watch: each pod's requests on its node
// (into NodeCapacity), its profile's per-location counts (into ProfileIndex) and the queue of
// unbound pods. Work per event is O(1), so a store of 100,000 running pods costs nothing per
// reconcile once it has been read.
class PodIndex
{
public:
    PodIndex(NodeCapacity &nodes, ProfileIndex &profiles);

    struct Change
    {
        bool freed = false;    // a node or profile location lost a pod: pending pods may fit now
        bool schedule = false; // the pod is unbound and new, or changed in a way that matters
        bool onVirtualNode = false;
    };
    Change apply(StoreEvent::Type type, const QJsonObject &pod);
    // Forgets every pod (before a resync from a new watch).
    void clear();
    // Re-runs profile association for the pods of `nameSpace` (a profile changed).
    void reassociate(const QString &nameSpace);

    const PodEntry *find(const QString &key) const;
    QStringList pendingKeys() const; // arrival order
    // Orders `keys` by arrival, dropping the ones no longer pending.
    QStringList pendingInOrder(const QSet<QString> &keys) const;

    static QString key(const QString &nameSpace, const QString &name); // "ns/name"
    burst::Location location(const PodEntry &entry) const;

private:
    PodEntry entryFrom(const QJsonObject &pod);
    // Namespaces, node names, profiles and label sets repeat across pods: entries share one copy
    // of each, so 100,000 pods of a few workloads cost a few strings, not 100,000 label maps.
    QString shared(const QString &text);
    kube::Labels shared(const kube::Labels &labels);
    void account(const PodEntry &entry, int sign);
    void insert(const QString &key, PodEntry entry);
    void erase(const QString &key);

    NodeCapacity &m_nodes;
    ProfileIndex &m_profiles;
    QHash<QString, PodEntry> m_entries;
    QHash<QString, QSet<QString>> m_byNamespace;
    std::map<quint64, QString> m_pending;
    QSet<QString> m_strings;
    QMultiHash<size_t, kube::Labels> m_labelSets; // by labelsHash()
    quint64 m_nextSequence = 1;
};

} // namespace core::sandbox
