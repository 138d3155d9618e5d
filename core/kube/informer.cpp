#include "core/kube/informer.h"

#include "core/kube/decoderthread.h"
#include "core/kube/objectmeta.h"

#include <QTimer>

#include <algorithm>

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
    : QObject(parent), m_options(std::move(options)), m_cache(m_options.indexes, m_options.storage),
      m_batchTimer(new QTimer(this))
{
    m_batchTimer->setSingleShot(true);
    m_batchTimer->setInterval(m_options.batchInterval);
    connect(m_batchTimer, &QTimer::timeout, this, [this] { flush(); });
    ReflectorOptions base = withTransform(m_options.reflector, m_options);
    if (m_options.storage == ObjectCache::Storage::CompactJson)
        base.encode = &ObjectCache::encode; // on the decoder thread, not here
    const QStringList namespaces =
        m_options.namespaces.isEmpty() ? QStringList{QString()} : m_options.namespaces;
    m_reflectors.reserve(namespaces.size());
    for (const QString &ns : namespaces) {
        ReflectorOptions reflector = base;
        if (!m_options.namespaces.isEmpty())
            reflector.nameSpace = ns;
        m_reflectors.append(Source{new Reflector(client, reflector, this), ns, {}, false});
    }
    for (Source &source : m_reflectors) {
        Source *s = &source; // m_reflectors is not resized from here on
        connect(s->reflector, &Reflector::listed, this, [this, s] { onListed(*s); });
        connect(s->reflector, &Reflector::pageListed, this,
                [this, s](const QList<QJsonObject> &objects, const QList<QByteArray> &encoded,
                          bool first) { onPage(*s, objects, encoded, first); });
        connect(s->reflector, &Reflector::watchEvent, this, &Informer::onEvent);
        connect(s->reflector, &Reflector::failed, this, &Informer::warning);
        connect(s->reflector, &Reflector::watching, this, &Informer::watching);
    }
}

Informer::~Informer() = default;

void Informer::start()
{
    for (const Source &source : std::as_const(m_reflectors))
        source.reflector->start();
}

void Informer::stop()
{
    for (const Source &source : std::as_const(m_reflectors))
        source.reflector->stop();
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
        m_batchTimer->start(m_options.batchInterval);
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

void Informer::upsert(const QJsonObject &object, const QByteArray &encoded)
{
    switch (m_cache.upsert(object, encoded)) {
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

void Informer::onPage(Source &source, const QList<QJsonObject> &objects,
                      const QList<QByteArray> &encoded, bool first)
{
    // Upserted page by page, so no list is ever held whole (at 100k pods that would be the
    // peak of the console's memory); what the list did not bring is deleted when it completes.
    if (first)
        source.listedUids.clear();
    const bool withBytes = encoded.size() == objects.size();
    for (qsizetype i = 0; i < objects.size(); ++i) {
        const QJsonObject &o = objects.at(i);
        source.listedUids.insert(uidOf(o));
        upsert(o, withBytes ? encoded.at(i) : QByteArray());
    }
    if (!m_synced)
        flush(); // the first list: each page out at once
}

void Informer::onListed(Source &source)
{
    // Objects deleted while no watch ran: in the cache (in this source's namespace), not in
    // the list.
    QStringList gone;
    for (const QString &uid : m_cache.uids()) {
        if (source.listedUids.contains(uid))
            continue;
        if (source.nameSpace.isEmpty() || namespaceOf(m_cache.object(uid)) == source.nameSpace)
            gone.append(uid);
    }
    source.listedUids = {};
    source.listed = true;
    for (const QString &uid : std::as_const(gone)) {
        if (const auto held = m_cache.removeUid(uid))
            noteDeleted(*held);
    }
    const bool all = std::all_of(m_reflectors.cbegin(), m_reflectors.cend(),
                                 [](const Source &s) { return s.listed; });
    if (!m_synced && all) {
        flush(true);
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
        upsert(object, event.encoded);
        break;
    case WatchEvent::Type::Deleted:
        if (m_cache.erase(object))
            noteDeleted(object);
        break;
    case WatchEvent::Type::Bookmark:
    case WatchEvent::Type::Error:
        break;
    }
}

void Informer::flush(bool all)
{
    m_batchTimer->stop();
    const qsizetype limit = all || !m_synced || m_options.maxBatch <= 0
                                ? m_order.size()
                                : std::min<qsizetype>(m_order.size(), m_options.maxBatch);
    ChangeSet set;
    for (qsizetype i = 0; i < limit; ++i) {
        const Pending p = m_pending.take(m_order.at(i));
        if (p.latest)
            (p.added ? set.added : set.modified).append(*p.latest);
        if (p.deleted)
            set.deleted.append(*p.deleted);
    }
    m_order.remove(0, limit);
    if (!m_order.isEmpty())
        m_batchTimer->start(0); // the next slice after the event loop's other work
    if (!set.isEmpty())
        emit changes(set);
    DecoderThread::dispose(std::move(set));
}

} // namespace core::kube
