#include "core/kube/informer.h"

#include "core/kube/objectmeta.h"

#include <QTimer>

namespace core::kube {

namespace {

ReflectorOptions withTransform(ReflectorOptions reflector, const InformerOptions &options)
{
    const bool strip = options.stripBulkyFields;
    auto user = options.transform;
    auto earlier = reflector.transform;
    if (strip || user || earlier) {
        reflector.transform = [strip, user, earlier](const QJsonObject &object) {
            QJsonObject o = earlier ? earlier(object) : object;
            if (strip)
                o = Informer::stripBulkyFields(std::move(o));
            return user ? user(o) : o;
        };
    }
    return reflector;
}

} // namespace

Informer::Informer(ApiClient *client, InformerOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options)),
      m_reflector(new Reflector(client, withTransform(m_options.reflector, m_options), this)),
      m_cache(m_options.indexes, m_options.storage), m_batchTimer(new QTimer(this))
{
    m_batchTimer->setSingleShot(true);
    m_batchTimer->setInterval(m_options.batchInterval);
    connect(m_batchTimer, &QTimer::timeout, this, &Informer::flush);
    connect(m_reflector, &Reflector::listed, this, &Informer::onListed);
    connect(m_reflector, &Reflector::pageListed, this, &Informer::onPage);
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

void Informer::upsert(const QJsonObject &object)
{
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
}

void Informer::onPage(const QList<QJsonObject> &objects, bool first)
{
    // Upserted page by page, so no list is ever held whole (at 100k pods that would be the
    // peak of the console's memory); what the list did not bring is deleted when it completes.
    if (first)
        m_listedUids.clear();
    for (const QJsonObject &o : objects) {
        m_listedUids.insert(uidOf(o));
        upsert(o);
    }
    if (!m_synced)
        flush(); // the first list: each page out at once
}

void Informer::onListed()
{
    // Objects deleted while no watch ran: in the cache, not in the list.
    QStringList gone;
    for (const QString &uid : m_cache.uids())
        if (!m_listedUids.contains(uid))
            gone.append(uid);
    m_listedUids = {};
    for (const QString &uid : std::as_const(gone)) {
        if (const auto held = m_cache.removeUid(uid))
            noteDeleted(*held);
    }
    if (!m_synced) {
        flush();
        m_synced = true;
        emit synced();
    }
}

void Informer::onEvent(const WatchEvent &event)
{
    const QJsonObject &object = event.object; // transformed by the reflector
    switch (event.type) {
    case WatchEvent::Type::Added:
    case WatchEvent::Type::Modified:
        upsert(object);
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
