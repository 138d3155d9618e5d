#pragma once

#include "core/sandbox/objectwatch.h"
#include "core/sandbox/resourcetype.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

#include <memory>

namespace core::sandbox {

class ObjectStore;

// A local copy of one resource type, fed by ObjectStore::watch(), as client-go's informer store:
// the simulation reads it instead of listing the store every tick, so an idle tick costs nothing
// however many objects there are. Indexed by "namespace/name", by the uid of the controlling
// owner and by spec.nodeName. Objects share their data with the store (implicit sharing). Not
// thread-safe: the simulation thread owns it.
class ObjectIndex
{
public:
    struct Change
    {
        WatchEvent::Type type = WatchEvent::Type::Added;
        QJsonObject object; // for a deletion, the last state
    };

    ObjectIndex(ObjectStore &store, ResourceType type);
    ~ObjectIndex();

    // Applies the events queued since the last call and returns them; the first call returns
    // every existing object as Added. A watch the store stopped is reopened and relisted.
    QList<Change> sync();

    const ResourceType &type() const { return m_type; }
    QJsonObject get(const QString &key) const { return m_objects.value(key); }
    bool contains(const QString &key) const { return m_objects.contains(key); }
    qsizetype size() const { return m_objects.size(); }
    const QHash<QString, QJsonObject> &objects() const { return m_objects; }
    QList<QJsonObject> byOwner(const QString &ownerUid) const;
    QList<QJsonObject> byNode(const QString &nodeName) const;

    static QString keyOf(const QJsonObject &object);

private:
    void apply(const Change &change);
    void forget(const QString &key);
    void reopen();

    ObjectStore &m_store;
    const ResourceType m_type;
    std::shared_ptr<Watch> m_watch;
    QString m_resourceVersion;
    QHash<QString, QJsonObject> m_objects;
    QHash<QString, QSet<QString>> m_byOwner;
    QHash<QString, QSet<QString>> m_byNode;
};

} // namespace core::sandbox
