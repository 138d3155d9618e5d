#pragma once

#include "core/sandbox/store/objectwatch.h"
#include "core/sandbox/store/resourcetype.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <utility>
#include <vector>

namespace core::sandbox {

class ObjectIndex;
class ObjectStore;

// kube-controller-manager's garbage collector for the objects the sandbox's controllers own
// (pods of a ReplicaSet, StatefulSet or Job; ReplicaSets of a Deployment), found through their
// controlling ownerReference, as the three propagation policies of a delete ask:
//
// - Background: when an owner is gone, every dependent that still names it is deleted, and
//   theirs in turn when their own deletion is observed.
// - Orphan: an owner being deleted with the `orphan` finalizer has its ownerReference taken off
//   every dependent, which stays; then the finalizer, and the store deletes the owner.
// - Foreground: an owner being deleted with the `foregroundDeletion` finalizer has its dependents
//   deleted (in the foreground too when they have dependents of their own); once none that blocks
//   its deletion (blockOwnerDeletion) is left, it loses the finalizer and the store deletes it.
//
// Owners of the indexed kinds reach it through ownerChanged() and ownerDeleted(); every other
// kind it is given it watches itself, and finalizes their `orphan` and `foregroundDeletion`
// (nothing there has dependents the sandbox tracks), so no delete waits for ever. Runs on the
// simulation thread.
class GarbageCollector
{
public:
    // `dependents`: the indexes of the objects that have owners. `otherOwners`: the kinds no
    // index follows whose deletions it still has to finalize.
    GarbageCollector(ObjectStore &store, QList<const ObjectIndex *> dependents,
                     const QList<ResourceType> &otherOwners = {});

    // Background cascade; returns how many dependents were deleted.
    int ownerDeleted(const QJsonObject &owner);
    // Notes an owner of `type` that is being deleted with a garbage collector finalizer.
    void ownerChanged(const ResourceType &type, const QJsonObject &owner);
    // One round over the owners being deleted; returns how many lost their last garbage
    // collector finalizer. Those still waiting for dependents stay for the next round.
    int process();
    qsizetype pendingOwners() const { return m_pending.size(); }

private:
    struct Owner
    {
        ResourceType type;
        QString namespaceName;
        QString name;
        QString uid;
    };

    bool orphanDependents(const QJsonObject &owner);
    bool deleteDependents(const QJsonObject &owner);
    bool hasDependents(const QString &uid) const;
    // Each dependent the indexes know of `ownerUid`, with its type.
    void forEachDependent(
        const QString &ownerUid,
        const std::function<void(const ResourceType &, const QJsonObject &)> &visit) const;
    bool removeFinalizer(const Owner &owner, const QString &finalizer);

    ObjectStore &m_store;
    QList<const ObjectIndex *> m_dependents;
    std::vector<std::pair<ResourceType, std::shared_ptr<Watch>>> m_otherOwners;
    QHash<QString, Owner> m_pending; // by uid
};

} // namespace core::sandbox
