#include "core/kube/informer.h"

#include "core/kube/objectmeta.h"

#include <QTimer>

namespace core::kube {

Informer::Informer(ApiClient *client, InformerOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options)),
      m_reflector(new Reflector(client, m_options.reflector, this)), m_batchTimer(new QTimer(this))
{
    m_batchTimer->setSingleShot(true);
    m_batchTimer->setInterval(m_options.batchInterval);
    connect(m_batchTimer, &QTimer::timeout, this, &Informer::flush);
    connect(m_reflector, &Reflector::listed, this, &Informer::onListed);
    connect(m_reflector, &Reflector::event, this, &Informer::onEvent);
    connect(m_reflector, &Reflector::failed, this, &Informer::warning);
    connect(m_reflector, &Reflector::watching, this, &Informer::watching);
}

Informer::~Informer() = default;

void Informer::start()
{
    m_reflector->start();
}

void Informer::stop()
{
    m_reflector->stop();
    m_batchTimer->stop();
    m_pending.clear();
    m_order.clear();
}

QJsonObject Informer::stripBulkyFields(QJsonObject object)
{
    QJsonObject metadata = object.value(u"metadata").toObject();
    if (!metadata.contains(u"managedFields") && !metadata.contains(u"annotations"))
        return object;
    bool changed = metadata.contains(u"managedFields");
    metadata.remove(u"managedFields");
    QJsonObject annotations = metadata.value(u"annotations").toObject();
    static const QString lastApplied =
        QStringLiteral("kubectl.kubernetes.io/last-applied-configuration");
    if (annotations.contains(lastApplied)) {
        changed = true;
        annotations.remove(lastApplied);
        if (annotations.isEmpty())
            metadata.remove(u"annotations");
        else
            metadata.insert(QStringLiteral("annotations"), annotations);
    }
    if (changed)
        object.insert(QStringLiteral("metadata"), metadata);
    return object;
}

Informer::Pending &Informer::pending(const QString &uid)
{
    auto it = m_pending.find(uid);
    if (it == m_pending.end()) {
        m_order.append(uid);
        it = m_pending.insert(uid, Pending());
    }
    if (!m_batchTimer->isActive())
        m_batchTimer->start();
    return *it;
}

void Informer::noteAdded(const QJsonObject &object)
{
    Pending &p = pending(uidOf(object));
    p.added = true;
    p.latest = object;
}

void Informer::noteModified(const QJsonObject &object)
{
    pending(uidOf(object)).latest = object;
}

void Informer::noteDeleted(const QJsonObject &object)
{
    Pending &p = pending(uidOf(object));
    // Added and deleted within one batch: both are reported, so every added object gets its
    // deletion; a modification the observer never saw is dropped.
    if (!p.added)
        p.latest.reset();
    p.deleted = object;
}

void Informer::onListed(const QList<QJsonObject> &objects)
{
    QList<QJsonObject> stripped;
    if (m_options.stripBulkyFields) {
        stripped.reserve(objects.size());
        for (const QJsonObject &o : objects)
            stripped.append(stripBulkyFields(o));
    }
    const CacheDiff diff = m_cache.replace(m_options.stripBulkyFields ? stripped : objects);
    for (const QJsonObject &o : diff.added)
        noteAdded(o);
    for (const QJsonObject &o : diff.modified)
        noteModified(o);
    for (const QJsonObject &o : diff.deleted)
        noteDeleted(o);
    if (!m_synced) {
        flush();
        m_synced = true;
        emit synced();
    }
}

void Informer::onEvent(const WatchEvent &event)
{
    const QJsonObject object =
        m_options.stripBulkyFields ? stripBulkyFields(event.object) : event.object;
    switch (event.type) {
    case WatchEvent::Type::Added:
    case WatchEvent::Type::Modified:
        switch (m_cache.upsert(object)) {
        case ObjectCache::Change::Added:
            noteAdded(object);
            break;
        case ObjectCache::Change::Modified:
            noteModified(object);
            break;
        case ObjectCache::Change::None:
            break;
        }
        break;
    case WatchEvent::Type::Deleted:
        if (m_cache.remove(object))
            noteDeleted(object);
        break;
    case WatchEvent::Type::Bookmark:
    case WatchEvent::Type::Error:
        break;
    }
}

void Informer::flush()
{
    m_batchTimer->stop();
    ChangeSet set;
    for (const QString &uid : std::as_const(m_order)) {
        const Pending &p = m_pending.value(uid);
        if (p.latest)
            (p.added ? set.added : set.modified).append(*p.latest);
        if (p.deleted)
            set.deleted.append(*p.deleted);
    }
    m_pending.clear();
    m_order.clear();
    if (!set.isEmpty())
        emit changes(set);
}

} // namespace core::kube
