#pragma once

#include <QJsonObject>
#include <QList>

namespace core::sandbox {

class ObjectIndex;
class ObjectStore;

// Background cascading deletion: when an owner goes, every object whose controlling
// ownerReference names its uid is deleted (pods of a ReplicaSet, StatefulSet or Job,
// ReplicaSets of a Deployment), and theirs in turn when their own deletion is observed.
class GarbageCollector
{
public:
    GarbageCollector(ObjectStore &store, QList<const ObjectIndex *> dependents);

    // Returns how many dependents were deleted.
    int ownerDeleted(const QJsonObject &owner);

private:
    ObjectStore &m_store;
    QList<const ObjectIndex *> m_dependents;
};

} // namespace core::sandbox
