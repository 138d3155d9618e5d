#include "core/kube/objectcache.h"

#include "core/kube/objectmeta.h"

#include <QJsonArray>

namespace core::kube {

namespace {

constexpr ObjectCache::Index allIndexes[] = {ObjectCache::Index::Namespace,
                                             ObjectCache::Index::Node, ObjectCache::Index::Owner,
                                             ObjectCache::Index::Label};

} // namespace

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

void ObjectCache::addToIndexes(const QString &uid, const QJsonObject &object)
{
    for (const Index index : allIndexes)
        for (const QString &value : indexValues(index, object))
            m_indexes[int(index)][value].insert(uid);
}

void ObjectCache::removeFromIndexes(const QString &uid, const QJsonObject &object)
{
    for (const Index index : allIndexes) {
        auto &map = m_indexes[int(index)];
        for (const QString &value : indexValues(index, object)) {
            auto it = map.find(value);
            if (it == map.end())
                continue;
            it->remove(uid);
            if (it->isEmpty())
                map.erase(it);
        }
    }
}

ObjectCache::Change ObjectCache::upsert(const QJsonObject &object)
{
    const QString uid = uidOf(object);
    auto it = m_objects.find(uid);
    if (it == m_objects.end()) {
        m_objects.insert(uid, object);
        addToIndexes(uid, object);
        return Change::Added;
    }
    if (resourceVersionOf(*it) == resourceVersionOf(object))
        return Change::None;
    removeFromIndexes(uid, *it);
    *it = object;
    addToIndexes(uid, object);
    return Change::Modified;
}

std::optional<QJsonObject> ObjectCache::remove(const QJsonObject &object)
{
    const QString uid = uidOf(object);
    auto it = m_objects.find(uid);
    if (it == m_objects.end())
        return std::nullopt;
    const QJsonObject held = *it;
    m_objects.erase(it);
    removeFromIndexes(uid, held);
    return held;
}

CacheDiff ObjectCache::replace(const QList<QJsonObject> &objects)
{
    CacheDiff diff;
    QSet<QString> seen;
    seen.reserve(objects.size());
    for (const QJsonObject &object : objects) {
        seen.insert(uidOf(object));
        switch (upsert(object)) {
        case Change::Added:
            diff.added.append(object);
            break;
        case Change::Modified:
            diff.modified.append(object);
            break;
        case Change::None:
            break;
        }
    }
    QStringList gone;
    for (auto it = m_objects.cbegin(); it != m_objects.cend(); ++it)
        if (!seen.contains(it.key()))
            gone.append(it.key());
    for (const QString &uid : std::as_const(gone)) {
        const QJsonObject held = m_objects.take(uid);
        removeFromIndexes(uid, held);
        diff.deleted.append(held);
    }
    return diff;
}

QList<QJsonObject> ObjectCache::byIndex(Index index, const QString &key) const
{
    QList<QJsonObject> result;
    const auto it = m_indexes[int(index)].constFind(key);
    if (it == m_indexes[int(index)].cend())
        return result;
    result.reserve(it->size());
    for (const QString &uid : *it)
        result.append(m_objects.value(uid));
    return result;
}

QStringList ObjectCache::indexKeys(Index index) const
{
    return m_indexes[int(index)].keys();
}

} // namespace core::kube
