#include "core/sandbox/cluster/garbagecollector.h"

#include "core/sandbox/cluster/objectindex.h"
#include "core/sandbox/cluster/podfacts.h"
#include "core/sandbox/store/objectstore.h"

namespace core::sandbox {

GarbageCollector::GarbageCollector(ObjectStore &store, QList<const ObjectIndex *> dependents)
    : m_store(store), m_dependents(std::move(dependents))
{
}

int GarbageCollector::ownerDeleted(const QJsonObject &owner)
{
    int deleted = 0;
    for (const ObjectIndex *index : std::as_const(m_dependents)) {
        for (const QJsonObject &dependent : index->byOwner(uidOf(owner))) {
            // The uid precondition keeps a same-named successor the user just created.
            if (m_store.remove(index->type(), namespaceOf(dependent), nameOf(dependent),
                               {uidOf(dependent), {}}))
                ++deleted;
        }
    }
    return deleted;
}

} // namespace core::sandbox
