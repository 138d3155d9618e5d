#pragma once

#include "core/sandbox/store/objectwatch.h"
#include "core/sandbox/store/resourcetype.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

#include <functional>
#include <memory>

namespace core::sandbox {

class ObjectStore;

// A local copy of one resource type, fed by ObjectStore::watch(), as client-go's informer store:
// the simulation reads it instead of listing the store every tick, so an idle tick costs nothing
// however many objects there are. Indexed by "namespace/name", by the uid of the controlling
// owner and by spec.nodeName. Not thread-safe: the simulation thread owns it.
//
// Objects are kept as compact JSON, as the store keeps them: a parsed pod takes about 3 KB, its
// text a fifth of that, and with 100,000 preloaded pods the difference is most of the sandbox's
// memory. Reading one parses it (about 2 us).
class ObjectIndex
{
public:
    struct Change
    {
        StoreEvent::Type type = StoreEvent::Type::Added;
        QJsonObject object; // for a deletion, the last state
        QByteArray json = {}; // its compact JSON when the store passed it on (else empty)
    };

    ObjectIndex(ObjectStore &store, ResourceType type);
    ~ObjectIndex();

    // Applies the changes since the last call and returns them; the first call returns every
    // existing object as Added. After the store stopped the watch (its queue limit), the next
    // call relists: every object comes again as Added, and ones deleted meanwhile are dropped
    // without a change, as client-go's Replace does.
    QList<Change> sync();
    // The same, one change at a time, so a first sync of 100,000 objects never holds them all
    // parsed at once: the list is read in pages.
    void sync(const std::function<void(const Change &)> &onChange);

    const ResourceType &type() const { return m_type; }
    QJsonObject get(const QString &key) const;
    bool contains(const QString &key) const { return m_objects.contains(key); }
    qsizetype size() const { return m_objects.size(); }
    // Parses every object: meant for small indexes (nodes).
    QHash<QString, QJsonObject> objects() const;
    QList<QJsonObject> byOwner(const QString &ownerUid) const;
    QList<QJsonObject> byNode(const QString &nodeName) const;

    static QString keyOf(const QJsonObject &object);

private:
    struct Stored
    {
        QByteArray json;
        QString owner; // controlling owner's uid
        QString node;  // spec.nodeName, sharing the m_byNode key
    };

    void apply(const Change &change);
    void forget(const QString &key);
    void clear();
    void relist(const std::function<void(const Change &)> &onChange);

    ObjectStore &m_store;
    const ResourceType m_type;
    std::shared_ptr<Watch> m_watch;
    bool m_listNeeded = true;
    QHash<QString, Stored> m_objects;
    QHash<QString, QSet<QString>> m_byOwner;
    QHash<QString, QSet<QString>> m_byNode;
};

} // namespace core::sandbox
