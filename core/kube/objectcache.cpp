#include "core/kube/objectcache.h"

#include "core/kube/objectmeta.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace core::kube {

QStringList ObjectCache::indexValues(Index index, const QJsonObject &object)
{
    switch (index) {
    case Index::Namespace: {
        const QString ns = namespaceOf(object);
        return ns.isEmpty() ? QStringList() : QStringList{ns};
    }
    case Index::Node: {
        const QString node = nodeNameOf(object);
        return node.isEmpty() ? QStringList() : QStringList{node};
    }
    case Index::Owner: {
        QStringList owners;
        for (const QJsonValue &owner : ownerReferencesOf(object))
            owners.append(owner.toObject().value(u"uid").toString());
        return owners;
    }
    case Index::Label: {
        QStringList labels;
        const QJsonObject map = labelsJsonOf(object);
        for (auto it = map.begin(); it != map.end(); ++it)
            labels.append(it.key() + u'=' + it.value().toString());
        return labels;
    }
    }
    return {};
}

ObjectCache::IndexValues ObjectCache::indexValues(const QJsonObject &object) const
{
    IndexValues values;
    values.reserve(m_active.size());
    for (const Index index : m_active)
        values.append(indexValues(index, object));
    return values;
}

size_t ObjectCache::fingerprint(const IndexValues &values)
{
    size_t seed = 0;
    for (const QStringList &list : values)
        seed = qHashMulti(seed, list.size(), qHashRange(list.cbegin(), list.cend()));
    return seed;
}

void ObjectCache::addToIndexes(const QString &uid, const IndexValues &values)
{
    for (qsizetype i = 0; i < m_active.size(); ++i)
        for (const QString &value : values.at(i))
            m_indexes[int(m_active.at(i))][value].insert(uid);
}

void ObjectCache::removeFromIndexes(const QString &uid, const IndexValues &values)
{
    for (qsizetype i = 0; i < m_active.size(); ++i) {
        auto &map = m_indexes[int(m_active.at(i))];
        for (const QString &value : values.at(i)) {
            auto it = map.find(value);
            if (it == map.end())
                continue;
            it->remove(uid);
            if (it->isEmpty())
                map.erase(it);
        }
    }
}

QByteArray ObjectCache::encode(const QJsonObject &object)
{
    QByteArray compact = QJsonDocument(object).toJson(QJsonDocument::Compact);
    compact.squeeze();
    return compact;
}

ObjectCache::Entry ObjectCache::entryFor(const QJsonObject &object, const QByteArray &encoded,
                                         size_t indexed) const
{
    Entry entry;
    entry.indexed = indexed;
    if (m_storage == Storage::Objects) {
        entry.object = object;
    } else {
        entry.compact = encoded.isEmpty() ? encode(object) : encoded;
        entry.resourceVersion = resourceVersionOf(object);
    }
    return entry;
}

QJsonObject ObjectCache::decode(const Entry &entry) const
{
    if (m_storage == Storage::Objects)
        return entry.object;
    return QJsonDocument::fromJson(entry.compact).object();
}

QString ObjectCache::resourceVersion(const Entry &entry) const
{
    return m_storage == Storage::Objects ? resourceVersionOf(entry.object)
                                         : entry.resourceVersion;
}

ObjectCache::Change ObjectCache::upsert(const QJsonObject &object, const QByteArray &encoded)
{
    const QString uid = uidOf(object);
    auto it = m_entries.find(uid);
    if (it != m_entries.end() && resourceVersion(*it) == resourceVersionOf(object))
        return Change::None; // a relist brings every unchanged object again
    const IndexValues values = indexValues(object);
    const size_t indexed = fingerprint(values);
    if (it == m_entries.end()) {
        m_entries.insert(uid, entryFor(object, encoded, indexed));
        addToIndexes(uid, values);
        return Change::Added;
    }
    if (it->indexed != indexed) {
        removeFromIndexes(uid, indexValues(decode(*it)));
        addToIndexes(uid, values);
    }
    *it = entryFor(object, encoded, indexed);
    return Change::Modified;
}

std::optional<QJsonObject> ObjectCache::removeUid(const QString &uid)
{
    auto it = m_entries.find(uid);
    if (it == m_entries.end())
        return std::nullopt;
    const QJsonObject held = decode(*it);
    m_entries.erase(it);
    removeFromIndexes(uid, indexValues(held));
    return held;
}

bool ObjectCache::erase(const QJsonObject &object)
{
    const QString uid = uidOf(object);
    auto it = m_entries.find(uid);
    if (it == m_entries.end())
        return false;
    IndexValues values = indexValues(object);
    if (fingerprint(values) != it->indexed)
        values = indexValues(decode(*it));
    m_entries.erase(it);
    removeFromIndexes(uid, values);
    return true;
}

QJsonObject ObjectCache::object(const QString &uid) const
{
    const auto it = m_entries.constFind(uid);
    return it == m_entries.cend() ? QJsonObject() : decode(*it);
}

QList<QJsonObject> ObjectCache::objects() const
{
    QList<QJsonObject> result;
    result.reserve(m_entries.size());
    for (const Entry &entry : m_entries)
        result.append(decode(entry));
    return result;
}

QList<QJsonObject> ObjectCache::byIndex(Index index, const QString &key) const
{
    QList<QJsonObject> result;
    const auto it = m_indexes[int(index)].constFind(key);
    if (it == m_indexes[int(index)].cend())
        return result;
    result.reserve(it->size());
    for (const QString &uid : *it)
        result.append(object(uid));
    return result;
}

QStringList ObjectCache::indexKeys(Index index) const
{
    return m_indexes[int(index)].keys();
}

} // namespace core::kube
