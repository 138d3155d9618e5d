#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace core::kube {

// The informer's store (client-go's thread-unsafe indexer): objects keyed by metadata.uid and
// indexed by namespace, node (spec.nodeName), owner uid and label "key=value".
//
// Storage::Objects holds each object as the QJsonObject it came as, implicitly shared with
// whoever holds it (nothing is deep-copied). QJsonObject costs several times the object's JSON
// text (every nested object and array is its own allocation), so a cache of many objects that
// are rarely read back (the pods of a big cluster: the panes keep their own rows) can use
// Storage::CompactJson: the object's compact JSON text, decoded again on each read (about 12 us
// for a trimmed pod here).
class ObjectCache
{
public:
    enum class Index { Namespace, Node, Owner, Label };
    enum class Change { None, Added, Modified };
    enum class Storage { Objects, CompactJson };

    static QList<Index> allIndexes()
    {
        return {Index::Namespace, Index::Node, Index::Owner, Index::Label};
    }
    // Keeps only `indexes` (byIndex() on another one finds nothing).
    explicit ObjectCache(QList<Index> indexes = allIndexes(), Storage storage = Storage::Objects)
        : m_active(std::move(indexes)), m_storage(storage)
    {
    }

    // None when the cache already holds this resourceVersion of the object. `encoded`: the
    // object's encode() when the caller made it already (on a decoder thread), else empty.
    Change upsert(const QJsonObject &object, const QByteArray &encoded = {});
    // What Storage::CompactJson keeps of an object. Thread-safe.
    static QByteArray encode(const QJsonObject &object);
    // The object the cache held, or nothing when it did not hold it.
    std::optional<QJsonObject> removeUid(const QString &uid);
    // Removal for a caller that has the object's last state (a watch's DELETED event) and does
    // not need the held copy: a compact entry is decoded only when its index values differ from
    // `object`'s. False when the cache did not hold it.
    bool erase(const QJsonObject &object);
    QStringList uids() const { return m_entries.keys(); }

    qsizetype size() const { return m_entries.size(); }
    bool contains(const QString &uid) const { return m_entries.contains(uid); }
    // The cache's own copy of `uid` when it holds the object, else `uid`: observers that key
    // their rows by uid share its text instead of keeping one more copy per object (36
    // characters, about 100 bytes with its header, for each of 100k pods).
    QString sharedUid(const QString &uid) const
    {
        const auto it = m_entries.constFind(uid);
        return it == m_entries.cend() ? uid : it.key();
    }
    QJsonObject object(const QString &uid) const;
    QList<QJsonObject> objects() const;
    // Objects whose index value is `key` (a namespace, node name, owner uid or "key=value").
    QList<QJsonObject> byIndex(Index index, const QString &key) const;
    QStringList indexKeys(Index index) const;
    Storage storage() const { return m_storage; }

private:
    struct Entry
    {
        QJsonObject object;     // Storage::Objects
        QByteArray compact;     // Storage::CompactJson
        QString resourceVersion; // Storage::CompactJson (Objects reads it from the object)
        // A hash of the object's index values: a modification that keeps them (most do: a
        // status change) leaves the indexes alone, and a compact entry is not decoded to learn
        // what it was indexed under.
        size_t indexed = 0;
    };
    // The object's values of each active index, in m_active's order.
    using IndexValues = QList<QStringList>;

    static QStringList indexValues(Index index, const QJsonObject &object);
    IndexValues indexValues(const QJsonObject &object) const;
    static size_t fingerprint(const IndexValues &values);
    Entry entryFor(const QJsonObject &object, const QByteArray &encoded, size_t indexed) const;
    QJsonObject decode(const Entry &entry) const;
    QString resourceVersion(const Entry &entry) const;
    void addToIndexes(const QString &uid, const IndexValues &values);
    void removeFromIndexes(const QString &uid, const IndexValues &values);

    QList<Index> m_active;
    Storage m_storage;
    QHash<QString, Entry> m_entries;
    QHash<QString, QSet<QString>> m_indexes[4];
};

} // namespace core::kube
