#include "core/sandbox/cluster/garbagecollector.h"

#include "core/sandbox/cluster/objectindex.h"
#include "core/sandbox/cluster/podfacts.h"
#include "core/sandbox/store/objectmeta.h"
#include "core/sandbox/store/objectstore.h"
#include "core/sandbox/store/objectwriter.h"

#include <QJsonArray>

#include <functional>

namespace core::sandbox {

namespace {

constexpr int kAttempts = 3;

QJsonObject ownerReferenceNaming(const QJsonObject &dependent, const QString &ownerUid)
{
    const QJsonArray refs =
        dependent.value(u"metadata").toObject().value(u"ownerReferences").toArray();
    for (const QJsonValue &ref : refs) {
        if (ref.toObject().value(u"uid").toString() == ownerUid)
            return ref.toObject();
    }
    return {};
}

// `object` with metadata[key] as `list`, left out when empty (Go's omitempty).
QJsonObject withList(QJsonObject object, const QString &key, const QJsonArray &list)
{
    QJsonObject meta = object.value(u"metadata").toObject();
    if (list.isEmpty())
        meta.remove(key);
    else
        meta.insert(key, list);
    object.insert(QStringLiteral("metadata"), meta);
    return object;
}

// Changes the stored object of `uid` as `edit` says; a successor of the same name is left alone.
bool rewrite(ObjectStore &store, const ResourceType &type, const QString &namespaceName,
             const QString &name, const QString &uid,
             const std::function<QJsonObject(const QJsonObject &)> &edit)
{
    ObjectWriter writer(store, type, namespaceName, name);
    const auto written =
        writer.update({}, [&](const QJsonObject &stored, const QJsonObject &) {
            return ServerResult<QJsonObject>(uidOf(stored) == uid ? edit(stored) : stored);
        });
    return written || written.error().code == 404;
}

} // namespace

GarbageCollector::GarbageCollector(ObjectStore &store, QList<const ObjectIndex *> dependents,
                                   const QList<ResourceType> &otherOwners)
    : m_store(store), m_dependents(std::move(dependents))
{
    WatchOptions options;
    options.resourceVersion = m_store.resourceVersion(); // what happens from now on
    for (const ResourceType &type : otherOwners) {
        const auto watch = m_store.watch(type, options);
        if (!watch)
            continue;
        (*watch)->setQueueLimit(0); // read every tick; never dropped
        m_otherOwners.emplace_back(type, *watch);
    }
}

int GarbageCollector::ownerDeleted(const QJsonObject &owner)
{
    const QString ownerUid = uidOf(owner);
    int deleted = 0;
    forEachDependent(ownerUid, [&](const ResourceType &type, const QJsonObject &dependent) {
        // The index may not have seen the dependent orphaned (or adopted) yet: delete what the
        // store still has naming the owner, and not a same-named successor.
        for (int attempt = 0; attempt < kAttempts; ++attempt) {
            const auto current = m_store.get(type, namespaceOf(dependent), nameOf(dependent));
            if (!current || uidOf(*current) != uidOf(dependent) ||
                controllerRef(*current).value(u"uid").toString() != ownerUid)
                break;
            DeleteOptions options;
            options.preconditions = {uidOf(*current), kube::resourceVersionOf(*current)};
            const auto removed =
                m_store.deleteObject(type, namespaceOf(dependent), nameOf(dependent), options);
            if (removed)
                ++deleted;
            if (removed || removed.error().code != 409)
                break;
        }
    });
    return deleted;
}

void GarbageCollector::ownerChanged(const ResourceType &type, const QJsonObject &owner)
{
    if (!isBeingDeleted(owner))
        return;
    const QStringList finalizers = finalizersOf(owner);
    if (!finalizers.contains(orphanFinalizer()) && !finalizers.contains(foregroundFinalizer()))
        return;
    m_pending.insert(uidOf(owner), {type, namespaceOf(owner), nameOf(owner), uidOf(owner)});
}

int GarbageCollector::process()
{
    for (const auto &[type, watch] : m_otherOwners) {
        for (const StoreEvent &event : watch->takeEvents()) {
            if (event.type == StoreEvent::Type::Added || event.type == StoreEvent::Type::Modified)
                ownerChanged(type, event.object);
        }
    }
    int finalized = 0;
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        const Owner owner = it.value();
        const auto current = m_store.get(owner.type, owner.namespaceName, owner.name);
        if (!current || uidOf(*current) != owner.uid) {
            it = m_pending.erase(it);
            continue;
        }
        const QStringList finalizers = finalizersOf(*current);
        bool done = true;
        if (finalizers.contains(orphanFinalizer()))
            done = orphanDependents(*current) && removeFinalizer(owner, orphanFinalizer());
        if (done && finalizers.contains(foregroundFinalizer()))
            done = deleteDependents(*current) && removeFinalizer(owner, foregroundFinalizer());
        if (!done) {
            ++it;
            continue;
        }
        if (finalizers.contains(orphanFinalizer()) || finalizers.contains(foregroundFinalizer()))
            ++finalized;
        it = m_pending.erase(it);
    }
    return finalized;
}

bool GarbageCollector::orphanDependents(const QJsonObject &owner)
{
    const QString ownerUid = uidOf(owner);
    const auto withoutOwner = [&](const QJsonObject &stored) {
        QJsonArray kept;
        const QJsonArray refs =
            stored.value(u"metadata").toObject().value(u"ownerReferences").toArray();
        for (const QJsonValue &ref : refs) {
            if (ref.toObject().value(u"uid").toString() != ownerUid)
                kept.append(ref);
        }
        return withList(stored, QStringLiteral("ownerReferences"), kept);
    };
    bool done = true;
    forEachDependent(ownerUid, [&](const ResourceType &type, const QJsonObject &dependent) {
        done = rewrite(m_store, type, namespaceOf(dependent), nameOf(dependent), uidOf(dependent),
                       withoutOwner) &&
               done;
    });
    return done;
}

bool GarbageCollector::deleteDependents(const QJsonObject &owner)
{
    const QString ownerUid = uidOf(owner);
    bool blocked = false;
    forEachDependent(ownerUid, [&](const ResourceType &type, const QJsonObject &dependent) {
        if (!isBeingDeleted(dependent)) {
            DeleteOptions options;
            options.preconditions.uid = uidOf(dependent);
            // attemptToDeleteItem: a dependent with dependents of its own goes in the foreground
            // too, any other as its finalizers or its default say.
            if (hasDependents(uidOf(dependent)))
                options.propagation = Propagation::Foreground;
            (void)m_store.deleteObject(type, namespaceOf(dependent), nameOf(dependent), options);
        }
        // Until the index sees it gone, a blocking dependent keeps the owner.
        if (ownerReferenceNaming(dependent, ownerUid).value(u"blockOwnerDeletion").toBool())
            blocked = true;
    });
    return !blocked;
}

bool GarbageCollector::hasDependents(const QString &uid) const
{
    bool any = false;
    forEachDependent(uid, [&](const ResourceType &, const QJsonObject &) { any = true; });
    return any;
}

void GarbageCollector::forEachDependent(
    const QString &ownerUid,
    const std::function<void(const ResourceType &, const QJsonObject &)> &visit) const
{
    for (const ObjectIndex *index : std::as_const(m_dependents)) {
        for (const QJsonObject &dependent : index->byOwner(ownerUid))
            visit(index->type(), dependent);
    }
}

bool GarbageCollector::removeFinalizer(const Owner &owner, const QString &finalizer)
{
    // The update that takes the last finalizer off deletes the owner (ObjectStore).
    return rewrite(m_store, owner.type, owner.namespaceName, owner.name, owner.uid,
                   [&](const QJsonObject &stored) {
                       QJsonArray kept;
                       for (const QString &f : finalizersOf(stored)) {
                           if (f != finalizer)
                               kept.append(f);
                       }
                       return withList(stored, QStringLiteral("finalizers"), kept);
                   });
}

} // namespace core::sandbox
