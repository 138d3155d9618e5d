#include "core/sandbox/objectindex.h"

#include "core/sandbox/objectstore.h"
#include "core/sandbox/podfacts.h"

namespace core::sandbox {

ObjectIndex::ObjectIndex(ObjectStore &store, ResourceType type)
    : m_store(store), m_type(std::move(type))
{
    reopen();
}

ObjectIndex::~ObjectIndex()
{
    if (m_watch)
        m_watch->stop();
}

void ObjectIndex::reopen()
{
    if (m_watch)
        m_watch->stop();
    WatchOptions options;
    options.resourceVersion = m_resourceVersion;
    auto watch = m_store.watch(m_type, options);
    if (!watch) {
        // Our resourceVersion was compacted away: start over from a full list.
        options.resourceVersion.clear();
        watch = m_store.watch(m_type, options);
        QList<QString> keys = m_objects.keys();
        for (const QString &key : keys)
            forget(key);
    }
    m_watch = watch ? *watch : nullptr;
}

QString ObjectIndex::keyOf(const QJsonObject &object)
{
    const QJsonObject meta = object.value(u"metadata").toObject();
    return QString(meta.value(u"namespace").toString() + u'/' + meta.value(u"name").toString());
}

QList<ObjectIndex::Change> ObjectIndex::sync()
{
    QList<Change> changes;
    if (!m_watch)
        return changes;
    const bool stopped = m_watch->isStopped();
    const QList<WatchEvent> events = m_watch->takeEvents();
    for (const WatchEvent &event : events) {
        if (event.type != WatchEvent::Type::Added && event.type != WatchEvent::Type::Modified &&
            event.type != WatchEvent::Type::Deleted)
            continue;
        const Change change{event.type, event.object};
        apply(change);
        changes << change;
    }
    m_resourceVersion = m_watch->resourceVersion();
    if (stopped)
        reopen();
    return changes;
}

void ObjectIndex::apply(const Change &change)
{
    const QString key = keyOf(change.object);
    forget(key);
    if (change.type == WatchEvent::Type::Deleted)
        return;
    m_objects.insert(key, change.object);
    const QString owner = controllerRef(change.object).value(u"uid").toString();
    if (!owner.isEmpty())
        m_byOwner[owner].insert(key);
    const QString node = nodeNameOf(change.object);
    if (!node.isEmpty())
        m_byNode[node].insert(key);
}

void ObjectIndex::forget(const QString &key)
{
    const auto it = m_objects.constFind(key);
    if (it == m_objects.constEnd())
        return;
    const QString owner = controllerRef(*it).value(u"uid").toString();
    if (!owner.isEmpty()) {
        auto set = m_byOwner.find(owner);
        if (set != m_byOwner.end() && (set->remove(key), set->isEmpty()))
            m_byOwner.erase(set);
    }
    const QString node = nodeNameOf(*it);
    if (!node.isEmpty()) {
        auto set = m_byNode.find(node);
        if (set != m_byNode.end() && (set->remove(key), set->isEmpty()))
            m_byNode.erase(set);
    }
    m_objects.erase(it);
}

QList<QJsonObject> ObjectIndex::byOwner(const QString &ownerUid) const
{
    QList<QJsonObject> result;
    for (const QString &key : m_byOwner.value(ownerUid))
        result << m_objects.value(key);
    return result;
}

QList<QJsonObject> ObjectIndex::byNode(const QString &nodeName) const
{
    QList<QJsonObject> result;
    for (const QString &key : m_byNode.value(nodeName))
        result << m_objects.value(key);
    return result;
}

} // namespace core::sandbox
