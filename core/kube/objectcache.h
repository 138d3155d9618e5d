#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace core::kube {

// What a replace (relist) changed, against what the cache held before.
struct CacheDiff
{
    QList<QJsonObject> added;
    QList<QJsonObject> modified;
    QList<QJsonObject> deleted; // as the cache last held them
};

// The informer's store (client-go's thread-unsafe indexer): objects keyed by metadata.uid and
// indexed by namespace, node (spec.nodeName), owner uid and label "key=value". Objects are
// QJsonObject, implicitly shared with whoever holds them; nothing is deep-copied.
class ObjectCache
{
public:
    enum class Index { Namespace, Node, Owner, Label };
    enum class Change { None, Added, Modified };

    // None when the cache already holds this resourceVersion of the object.
    Change upsert(const QJsonObject &object);
    // The object the cache held, or nothing when it did not hold it.
    std::optional<QJsonObject> remove(const QJsonObject &object);
    // Makes the cache hold exactly `objects` (a relist) and reports the difference.
    CacheDiff replace(const QList<QJsonObject> &objects);

    qsizetype size() const { return m_objects.size(); }
    bool contains(const QString &uid) const { return m_objects.contains(uid); }
    QJsonObject object(const QString &uid) const { return m_objects.value(uid); }
    QList<QJsonObject> objects() const { return m_objects.values(); }
    // Objects whose index value is `key` (a namespace, node name, owner uid or "key=value").
    QList<QJsonObject> byIndex(Index index, const QString &key) const;
    QStringList indexKeys(Index index) const;

private:
    static QStringList indexValues(Index index, const QJsonObject &object);
    void addToIndexes(const QString &uid, const QJsonObject &object);
    void removeFromIndexes(const QString &uid, const QJsonObject &object);

    QHash<QString, QJsonObject> m_objects;
    QHash<QString, QSet<QString>> m_indexes[4];
};

} // namespace core::kube
