#include "core/sandbox/cluster/objectindex.h"

#include "core/sandbox/cluster/podfacts.h"
#include "core/sandbox/store/compactjson.h"
#include "core/sandbox/store/objectstore.h"

#include <QJsonDocument>

namespace core::sandbox {

namespace {

// Objects parsed at once during a (re)list.
constexpr qsizetype kListPage = 500;

QJsonObject parse(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace

ObjectIndex::ObjectIndex(ObjectStore &store, ResourceType type)
    : m_store(store), m_type(std::move(type))
{
}

ObjectIndex::~ObjectIndex()
{
    if (m_watch)
        m_watch->stop();
}

// Lists in pages and watches from the first page's resourceVersion, as client-go's reflector
// does: the watch then brings every change made while the later pages were read, at least once.
// Unlike a watch from "0", no queue ever holds every object.
void ObjectIndex::relist(const std::function<void(const Change &)> &onChange)
{
    if (m_watch)
        m_watch->stop();
    m_watch.reset();
    clear();
    ListOptions options;
    options.limit = kListPage;
    QString listVersion;
    for (;;) {
        const auto page = m_store.list(m_type, options);
        if (!page) {
            if (options.continueToken.isEmpty())
                break;
            // The continue token expired: start over (consumers see objects Added again, as
            // after any relist).
            options.continueToken.clear();
            listVersion.clear();
            clear();
            continue;
        }
        if (listVersion.isEmpty()) {
            listVersion = page->resourceVersion;
            if (m_watch)
                m_watch->stop();
            WatchOptions watchOptions;
            watchOptions.resourceVersion = listVersion;
            auto watch = m_store.watch(m_type, watchOptions);
            m_watch = watch ? *watch : nullptr;
        }
        for (const QJsonObject &item : page->items) {
            const Change change{StoreEvent::Type::Added, item};
            apply(change);
            onChange(change);
        }
        if (page->continueToken.isEmpty())
            break;
        options.continueToken = page->continueToken;
    }
    m_listNeeded = !m_watch;
}

void ObjectIndex::clear()
{
    m_objects.clear();
    m_byOwner.clear();
    m_byNode.clear();
}

QString ObjectIndex::keyOf(const QJsonObject &object)
{
    const QJsonObject meta = object.value(u"metadata").toObject();
    return QString(meta.value(u"namespace").toString() + u'/' + meta.value(u"name").toString());
}

QList<ObjectIndex::Change> ObjectIndex::sync()
{
    QList<Change> changes;
    sync([&changes](const Change &change) { changes << change; });
    return changes;
}

void ObjectIndex::sync(const std::function<void(const Change &)> &onChange)
{
    if (m_listNeeded)
        relist(onChange);
    if (!m_watch)
        return;
    const bool stopped = m_watch->isStopped();
    const QList<StoreEvent> events = m_watch->takeEvents();
    for (const StoreEvent &event : events) {
        if (event.type != StoreEvent::Type::Added && event.type != StoreEvent::Type::Modified &&
            event.type != StoreEvent::Type::Deleted)
            continue;
        const Change change{event.type, event.object, event.json};
        apply(change);
        onChange(change);
    }
    // A watch stops when its queue overflowed, dropping events: only a new list is complete again.
    if (stopped)
        m_listNeeded = true;
}

QJsonObject ObjectIndex::get(const QString &key) const
{
    const auto it = m_objects.constFind(key);
    return it == m_objects.constEnd() ? QJsonObject() : parse(it->json);
}

QHash<QString, QJsonObject> ObjectIndex::objects() const
{
    QHash<QString, QJsonObject> result;
    result.reserve(m_objects.size());
    for (auto it = m_objects.cbegin(); it != m_objects.cend(); ++it)
        result.insert(it.key(), parse(it->json));
    return result;
}

void ObjectIndex::apply(const Change &change)
{
    const QString key = keyOf(change.object);
    forget(key);
    if (change.type == StoreEvent::Type::Deleted)
        return;
    Stored stored{change.json.isEmpty() ? compactJson(change.object) : change.json,
                  controllerRef(change.object).value(u"uid").toString(), QString()};
    if (!stored.owner.isEmpty())
        m_byOwner[stored.owner].insert(key);
    const QString node = nodeNameOf(change.object);
    if (!node.isEmpty()) {
        auto set = m_byNode.find(node);
        if (set == m_byNode.end())
            set = m_byNode.insert(node, {});
        set->insert(key);
        stored.node = set.key();
    }
    m_objects.insert(key, std::move(stored));
}

void ObjectIndex::forget(const QString &key)
{
    const auto it = m_objects.constFind(key);
    if (it == m_objects.constEnd())
        return;
    if (!it->owner.isEmpty()) {
        auto set = m_byOwner.find(it->owner);
        if (set != m_byOwner.end() && (set->remove(key), set->isEmpty()))
            m_byOwner.erase(set);
    }
    if (!it->node.isEmpty()) {
        auto set = m_byNode.find(it->node);
        if (set != m_byNode.end() && (set->remove(key), set->isEmpty()))
            m_byNode.erase(set);
    }
    m_objects.erase(it);
}

QList<QJsonObject> ObjectIndex::byOwner(const QString &ownerUid) const
{
    QList<QJsonObject> result;
    for (const QString &key : m_byOwner.value(ownerUid))
        result << get(key);
    return result;
}

QList<QJsonObject> ObjectIndex::byNode(const QString &nodeName) const
{
    QList<QJsonObject> result;
    for (const QString &key : m_byNode.value(nodeName))
        result << get(key);
    return result;
}

} // namespace core::sandbox
