#include "core/sandbox/store/objectstore.h"

#include "core/common/tr.h"
#include "core/sandbox/store/compactjson.h"
#include "core/sandbox/store/objectmeta.h"
#include "core/sandbox/store/storelock.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <chrono>
#include <deque>
#include <mutex>
#include <functional>
#include <map>

namespace core::sandbox {

namespace {

// Objects are kept as compact JSON: a parsed QJsonObject of a small pod takes about 3 KB, its
// text about 400 bytes, and parsing it back costs about 2 us.
struct Entry
{
    QByteArray json;
    QMap<QString, QString> labels; // cached for label selectors

    static Entry from(const QJsonObject &object)
    {
        // Kept for long: compactJson() reserves 4 KB and grows from there, so a 4-5 KB pod came
        // back with 8 KB of capacity, and every created pod held twice its text.
        QByteArray json = compactJson(object);
        json.squeeze();
        return {std::move(json), labelsOf(object)};
    }
    QJsonObject object() const { return QJsonDocument::fromJson(json).object(); }
};

QJsonObject parse(const QByteArray &json)
{
    return json.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(json).object();
}

// A change as the history keeps it: compact JSON like the entries, sharing the entry's bytes
// where the object is the one stored. Parsed StoreChanges of 20,000 pods took about 60 MB.
struct RecordedChange
{
    qint64 revision = 0;
    ResourceType type;
    StoreEvent::Type eventType = StoreEvent::Type::Added;
    QByteArray object;
    QByteArray previous;

    StoreChange parsed() const
    {
        // The stored bytes go along, so a replayed event is written as it is kept, not
        // serialised again.
        return {revision, type, eventType, parse(object), parse(previous), object};
    }
};

// Keys sort like etcd's: "namespace/name", or "name" for cluster-scoped resources.
using Bucket = std::map<QString, Entry>;

QString objectKey(const QString &namespaceName, const QString &name)
{
    return namespaceName.isEmpty() ? name : namespaceName + u'/' + name;
}

// Calls the notifiers of the watches that got events once it goes out of scope: declared before
// the lock guard, it runs after the lock is released.
class Notifications
{
public:
    ~Notifications()
    {
        for (const auto &watch : std::as_const(m_watches))
            watch->notify();
    }
    void add(const std::shared_ptr<Watch> &watch)
    {
        if (!m_watches.contains(watch))
            m_watches << watch;
    }

private:
    QList<std::shared_ptr<Watch>> m_watches;
};

} // namespace

struct ObjectStore::Core
{
    StoreOptions options;
    mutable StoreLock lock;
    qint64 revision = 0;
    qint64 compacted = 0; // changes up to this revision are forgotten
    QHash<QString, Bucket> buckets;
    std::deque<RecordedChange> history;

    // The pages after the first of a paged list are served from a copy of the bucket taken
    // when the first page was (entries share their bytes with the live bucket), so the pages
    // of one list are one snapshot at its resourceVersion, as etcd serves them. Without it a
    // pod changed between two pages came back newer than the list's resourceVersion, and the
    // watch that followed replayed it: an informer saw the same version twice, and an older
    // one in between.
    struct ListSnapshot
    {
        QString typeKey;
        qint64 revision = 0;
        std::chrono::steady_clock::time_point taken;
        std::shared_ptr<const Bucket> bucket;
    };
    static constexpr int kListSnapshots = 8;
    static constexpr std::chrono::seconds kListSnapshotLifetime{300}; // etcd's compaction
    mutable std::mutex snapshotLock;
    mutable std::deque<ListSnapshot> snapshots;

    // Under snapshotLock.
    void expireSnapshots() const
    {
        const auto now = std::chrono::steady_clock::now();
        while (!snapshots.empty() && now - snapshots.front().taken > kListSnapshotLifetime)
            snapshots.pop_front();
    }
    std::shared_ptr<const Bucket> snapshot(const QString &typeKey, qint64 revision) const
    {
        const std::lock_guard guard(snapshotLock);
        expireSnapshots();
        for (const ListSnapshot &s : snapshots) {
            if (s.typeKey == typeKey && s.revision == revision)
                return s.bucket;
        }
        return nullptr;
    }
    void keepSnapshot(const QString &typeKey, qint64 revision, const Bucket &bucket) const
    {
        auto copy = std::make_shared<const Bucket>(bucket);
        const std::lock_guard guard(snapshotLock);
        expireSnapshots();
        for (const ListSnapshot &s : snapshots) {
            if (s.typeKey == typeKey && s.revision == revision)
                return; // another list of the same revision took it
        }
        snapshots.push_back({typeKey, revision, std::chrono::steady_clock::now(), std::move(copy)});
        while (snapshots.size() > kListSnapshots)
            snapshots.pop_front();
    }
    // The last page of a list was served: its snapshot is no longer needed. Kept, it held the
    // bytes of every object as they were at the list (the simulator's and scheduler's first
    // lists of the preloaded pods, never continued again), so each object changed since stayed
    // in memory twice: under churn the sandbox grew by the size of the whole bucket.
    void dropSnapshot(const QString &typeKey, qint64 revision) const
    {
        const std::lock_guard guard(snapshotLock);
        std::erase_if(snapshots, [&](const ListSnapshot &s) {
            return s.typeKey == typeKey && s.revision == revision;
        });
    }
    QList<std::shared_ptr<Watch>> watches;

    // `objectJson` and `previousJson` are the compact forms of change.object and change.previous.
    void record(StoreChange change, QByteArray objectJson, QByteArray previousJson,
                Notifications &notifications)
    {
        change.objectJson = objectJson;
        for (qsizetype i = watches.size() - 1; i >= 0; --i) {
            const auto &watch = watches.at(i);
            if (watch->isStopped()) {
                watches.removeAt(i);
                continue;
            }
            if (watch->offer(change))
                notifications.add(watch);
            watch->advanceTo(change.revision);
        }
        history.push_back({change.revision, change.type, change.eventType, std::move(objectJson),
                           std::move(previousJson)});
        while (qsizetype(history.size()) > std::max<qsizetype>(options.historyLimit, 0)) {
            compacted = history.front().revision;
            history.pop_front();
        }
    }

    // The shared checks and server-owned fields of update and patch; writes nothing when the
    // result equals the stored object.
    ServerResult<QJsonObject> replace(const ResourceType &type, const QString &namespaceName,
                                      const QString &name, Bucket &bucket, Bucket::iterator found,
                                      const QJsonObject &stored, QJsonObject object,
                                      Notifications &notifications, WriteMode mode)
    {
        const QString sent = metadataString(object, u"resourceVersion");
        if (!sent.isEmpty() && sent != metadataString(stored, u"resourceVersion")) {
            return ApiError::conflict(type, name,
                                      Tr::tr("the object has been modified; please apply your "
                                             "changes to the latest version and try again"));
        }
        const QString uid = metadataString(object, u"uid");
        if (!uid.isEmpty() && uid != metadataString(stored, u"uid")) {
            return ApiError::conflict(
                type, name,
                Tr::tr("Precondition failed: UID in precondition: %1, UID in object meta: %2")
                    .arg(uid, metadataString(stored, u"uid")));
        }
        object = withServerFields(type, namespaceName, name, stored, object);
        if (object == stored || mode == WriteMode::DryRun)
            return object;
        if (finalizedByUpdate(stored, object)) {
            // The registry deletes instead of writing and answers with the update's object.
            erase(type, bucket, found, stored, notifications);
            return object;
        }
        return write(type, found->second, stored, object, notifications);
    }

    // Stores `object` over `stored` in `entry` with the next resourceVersion: a MODIFIED event.
    QJsonObject write(const ResourceType &type, Entry &entry, const QJsonObject &stored,
                      QJsonObject object, Notifications &notifications)
    {
        object =
            withMetadata(object, QStringLiteral("resourceVersion"), QString::number(++revision));
        // Most of a change (a pod's status) leaves most of the object as it was: those members'
        // text is copied from the stored bytes, not written again.
        Entry changed{compactJson(object, stored, entry.json), labelsOf(object)};
        QByteArray previousJson = std::exchange(entry, std::move(changed)).json;
        record({revision, type, StoreEvent::Type::Modified, object, stored}, entry.json,
               std::move(previousJson), notifications);
        return object;
    }

    // Deletes the entry: a DELETED event of the object as it was, with the next resourceVersion.
    void erase(const ResourceType &type, Bucket &bucket, Bucket::iterator found,
               const QJsonObject &stored, Notifications &notifications)
    {
        const QByteArray storedJson = std::move(found->second.json);
        bucket.erase(found);
        const QJsonObject deleted =
            withMetadata(stored, QStringLiteral("resourceVersion"), QString::number(++revision));
        record({revision, type, StoreEvent::Type::Deleted, deleted, {}},
               compactJson(deleted, stored, storedJson), {}, notifications);
    }

    // Runs `apply` on the entry of (type, namespace, name) under the write lock, 404 when there
    // is none; the watches it fed are notified once the lock is released.
    ServerResult<QJsonObject>
    change(const ResourceType &type, const QString &namespaceName, const QString &name,
           const std::function<ServerResult<QJsonObject>(Bucket &bucket, Bucket::iterator found,
                                                         Notifications &notifications)> &apply)
    {
        Notifications notifications;
        StoreWriteLocker locker(lock);
        Bucket &bucket = buckets[type.key()];
        const auto found = bucket.find(objectKey(namespaceName, name));
        if (found == bucket.end())
            return ApiError::notFound(type, name);
        return apply(bucket, found, notifications);
    }

    // The first key of a list: at or after `from`, and inside `prefix` ("namespace/").
    static Bucket::const_iterator rangeStart(const Bucket &bucket, const QString &prefix,
                                             const QString &from)
    {
        return bucket.lower_bound(std::max(prefix, from));
    }
};

QJsonObject ObjectList::toJson(const ResourceType &type) const
{
    QJsonObject metadata{{QStringLiteral("resourceVersion"), resourceVersion}};
    if (!continueToken.isEmpty())
        metadata.insert(QStringLiteral("continue"), continueToken);
    QJsonArray array;
    for (const QJsonObject &item : items)
        array << item;
    return {{QStringLiteral("kind"), QString(type.kind + u"List")},
            {QStringLiteral("apiVersion"), type.apiVersion()},
            {QStringLiteral("metadata"), metadata},
            {QStringLiteral("items"), array}};
}

QByteArray ObjectList::toCompactJson(const ResourceType &type) const
{
    qsizetype size = 256 + resourceVersion.size() + continueToken.size() + itemsJson.size();
    for (const QByteArray &item : itemsJson)
        size += item.size();
    QByteArray out;
    out.reserve(size + items.size() * 4096);
    out += "{\"kind\":";
    appendJsonString(out, type.kind + u"List");
    out += ",\"apiVersion\":";
    appendJsonString(out, type.apiVersion());
    out += ",\"metadata\":{\"resourceVersion\":";
    appendJsonString(out, resourceVersion);
    if (!continueToken.isEmpty()) {
        out += ",\"continue\":";
        appendJsonString(out, continueToken);
    }
    out += "},\"items\":[";
    bool first = true;
    for (const QByteArray &item : itemsJson) {
        if (!std::exchange(first, false))
            out += ',';
        out += item;
    }
    for (const QJsonObject &item : items) {
        if (!std::exchange(first, false))
            out += ',';
        out += compactJson(item);
    }
    out += "]}";
    return out;
}

ObjectStore::ObjectStore(StoreOptions options) : m_core(std::make_unique<Core>())
{
    m_core->options = options;
}

ObjectStore::~ObjectStore()
{
    for (const auto &watch : std::as_const(m_core->watches))
        watch->stop();
}

ServerResult<QJsonObject> ObjectStore::create(const ResourceType &type,
                                              const QString &namespaceName,
                                              const QJsonObject &object, WriteMode mode)
{
    auto prepared = prepareCreate(type, namespaceName, object);
    if (!prepared)
        return prepared.error();
    Notifications notifications;
    StoreWriteLocker locker(m_core->lock);
    Bucket &bucket = m_core->buckets[type.key()];
    QString name = metadataString(*prepared, u"name");
    if (name.isEmpty()) {
        // The API server retries generated names a few times before reporting a conflict.
        const QString generateName = metadataString(*prepared, u"generateName");
        for (int attempt = 0; attempt < 8; ++attempt) {
            name = generateName + randomNameSuffix();
            if (!bucket.count(objectKey(namespaceName, name)))
                break;
        }
    }
    if (bucket.count(objectKey(namespaceName, name)))
        return ApiError::alreadyExists(type, name);
    if (mode == WriteMode::DryRun) {
        QJsonObject tried = withCreationFields(*prepared, name, QString());
        QJsonObject meta = tried.value(u"metadata").toObject();
        meta.remove(QStringLiteral("resourceVersion"));
        tried.insert(QStringLiteral("metadata"), meta);
        return tried;
    }
    const QJsonObject created =
        withCreationFields(*prepared, name, QString::number(++m_core->revision));
    Entry &entry = bucket[objectKey(namespaceName, name)];
    entry = Entry::from(created);
    m_core->record({m_core->revision, type, StoreEvent::Type::Added, created, {}}, entry.json, {},
                   notifications);
    return created;
}

ServerResult<QJsonObject> ObjectStore::get(const ResourceType &type, const QString &namespaceName,
                                           const QString &name) const
{
    StoreReadLocker locker(m_core->lock);
    const auto bucket = m_core->buckets.constFind(type.key());
    if (bucket == m_core->buckets.cend())
        return ApiError::notFound(type, name);
    const auto found = bucket->find(objectKey(namespaceName, name));
    if (found == bucket->end())
        return ApiError::notFound(type, name);
    return found->second.object();
}

ServerResult<QJsonObject> ObjectStore::update(const ResourceType &type,
                                              const QString &namespaceName, const QString &name,
                                              const QJsonObject &object, WriteMode mode)
{
    if (const auto error = checkIdentity(namespaceName, name, object))
        return *error;
    return m_core->change(type, namespaceName, name,
                          [&](Bucket &bucket, Bucket::iterator found,
                              Notifications &notifications) {
                              return m_core->replace(type, namespaceName, name, bucket, found,
                                                     found->second.object(), object,
                                                     notifications, mode);
                          });
}

ServerResult<QJsonObject> ObjectStore::update(const ResourceType &type,
                                              const QString &namespaceName, const QString &name,
                                              const Change &change)
{
    return m_core->change(
        type, namespaceName, name,
        [&](Bucket &bucket, Bucket::iterator found,
            Notifications &notifications) -> ServerResult<QJsonObject> {
            const QJsonObject stored = found->second.object();
            const QJsonObject changed = change(stored);
            if (const auto error = checkIdentity(namespaceName, name, changed))
                return *error;
            return m_core->replace(type, namespaceName, name, bucket, found, stored, changed,
                                   notifications, WriteMode::Store);
        });
}

ServerResult<QJsonObject> ObjectStore::patch(const ResourceType &type, const QString &namespaceName,
                                             const QString &name, PatchType patchType,
                                             const QByteArray &body)
{
    return m_core->change(type, namespaceName, name,
                          [&](Bucket &bucket, Bucket::iterator found,
                              Notifications &notifications) -> ServerResult<QJsonObject> {
                              const QJsonObject stored = found->second.object();
                              const QString kind = stored.value(u"kind").toString(type.kind);
                              const auto patched = applyPatch(patchType, stored, body, kind);
                              if (!patched)
                                  return ApiError::fromPatchError(type, name, patched.error());
                              if (const auto error = checkIdentity(namespaceName, name, *patched))
                                  return *error;
                              return m_core->replace(type, namespaceName, name, bucket, found,
                                                     stored, *patched, notifications,
                                                     WriteMode::Store);
                          });
}

ServerResult<QJsonObject> ObjectStore::remove(const ResourceType &type,
                                              const QString &namespaceName, const QString &name,
                                              const Preconditions &preconditions, WriteMode mode)
{
    DeleteOptions options;
    options.preconditions = preconditions;
    return deleteObject(type, namespaceName, name, options, mode);
}

ServerResult<QJsonObject> ObjectStore::deleteObject(const ResourceType &type,
                                                    const QString &namespaceName,
                                                    const QString &name,
                                                    const DeleteOptions &options, WriteMode mode)
{
    return m_core->change(
        type, namespaceName, name,
        [&](Bucket &bucket, Bucket::iterator found,
            Notifications &notifications) -> ServerResult<QJsonObject> {
            const QJsonObject stored = found->second.object();
            if (const auto error = checkPreconditions(type, name, stored, options.preconditions))
                return *error;
            const QStringList finalizers = finalizersOnDelete(stored, options);
            if (!finalizers.isEmpty()) {
                const QJsonObject marked =
                    markedAsDeleting(stored, finalizers, QDateTime::currentDateTimeUtc());
                if (marked == stored || mode == WriteMode::DryRun)
                    return marked;
                return m_core->write(type, found->second, stored, marked, notifications);
            }
            if (mode == WriteMode::DryRun)
                return stored;
            m_core->erase(type, bucket, found, stored, notifications);
            return stored;
        });
}

ServerResult<ObjectList> ObjectStore::list(const ResourceType &type,
                                           const ListOptions &options) const
{
    StoreReadLocker locker(m_core->lock);
    ObjectList result;
    qint64 listRevision = m_core->revision;
    QString from;
    if (!options.continueToken.isEmpty()) {
        const auto token = decodeContinueToken(options.continueToken);
        if (!token)
            return ApiError::badRequest(token.error().message);
        if (token->revision >= 0 && token->revision < m_core->compacted) {
            return ApiError::expired(expiredContinueMessage(),
                                     encodeContinueToken({-1, token->start}));
        }
        listRevision = token->revision >= 0 ? token->revision : m_core->revision;
        from = token->start;
    }
    result.resourceVersion = QString::number(listRevision);
    const auto live = m_core->buckets.constFind(type.key());
    if (live == m_core->buckets.cend())
        return result;
    // A later page reads the first page's snapshot; when that is gone (more lists at once than
    // snapshots kept, or older than their lifetime) it reads the live bucket, as before.
    const std::shared_ptr<const Bucket> snapshot =
        from.isEmpty() ? nullptr : m_core->snapshot(type.key(), listRevision);
    const Bucket *bucket = snapshot ? snapshot.get() : &*live;
    const QString prefix =
        options.namespaceName.isEmpty() ? QString() : options.namespaceName + u'/';
    auto it = Core::rangeStart(*bucket, prefix, from);
    QString lastKey;
    const bool json = options.items == ListItems::Json;
    qsizetype taken = 0;
    for (; it != bucket->end() && it->first.startsWith(prefix); ++it) {
        if (options.limit > 0 && taken >= options.limit)
            break;
        lastKey = it->first;
        const Entry &entry = it->second;
        if (!options.labelSelector.isEmpty() && !options.labelSelector.matches(entry.labels))
            continue;
        if (json && options.fieldSelector.isEmpty()) { // nothing to parse the object for
            result.itemsJson << entry.json;
            ++taken;
            continue;
        }
        const QJsonObject object = entry.object();
        if (!options.fieldSelector.matches(object))
            continue;
        if (json)
            result.itemsJson << entry.json;
        else
            result.items << object;
        ++taken;
    }
    if (it != bucket->end() && it->first.startsWith(prefix)) {
        result.continueToken = encodeContinueToken({listRevision, lastKey + QChar(u'\0')});
        if (from.isEmpty())
            m_core->keepSnapshot(type.key(), listRevision, *live);
    } else if (snapshot) {
        m_core->dropSnapshot(type.key(), listRevision);
    }
    return result;
}

ServerResult<std::shared_ptr<Watch>> ObjectStore::watch(const ResourceType &type,
                                                        const WatchOptions &options)
{
    StoreWriteLocker locker(m_core->lock);
    auto watch =
        std::make_shared<Watch>(type, options, m_core->revision, m_core->options.watchQueueLimit);
    const QString &from = options.resourceVersion;
    if (from.isEmpty() || from == u"0") {
        const auto bucket = m_core->buckets.constFind(type.key());
        if (bucket != m_core->buckets.cend()) {
            const QString prefix =
                options.namespaceName.isEmpty() ? QString() : options.namespaceName + u'/';
            for (auto it = Core::rangeStart(*bucket, prefix, QString());
                 it != bucket->end() && it->first.startsWith(prefix); ++it)
                watch->queueInitial(it->second.object());
        }
    } else {
        bool ok = false;
        const qint64 revision = from.toLongLong(&ok);
        if (!ok || revision < 0)
            return ApiError::badRequest(Tr::tr("invalid resource version: %1").arg(from));
        if (revision < m_core->compacted) {
            return ApiError::expired(
                Tr::tr("too old resource version: %1 (%2)").arg(revision).arg(m_core->compacted));
        }
        const bool bytes = options.bytesSuffice && watch->matchesEverything();
        // The history is in revision order: start at the first change after the resume's.
        const auto first = std::upper_bound(
            m_core->history.cbegin(), m_core->history.cend(), revision,
            [](qint64 r, const RecordedChange &change) { return r < change.revision; });
        for (auto it = first; it != m_core->history.cend(); ++it) {
            const RecordedChange &change = *it;
            if (!(change.type == type))
                continue;
            if (bytes)
                watch->offerBytes(change.eventType, change.object);
            else
                watch->offer(change.parsed());
        }
    }
    m_core->watches << watch;
    return watch;
}

QString ObjectStore::resourceVersion() const
{
    StoreReadLocker locker(m_core->lock);
    return QString::number(m_core->revision);
}

qsizetype ObjectStore::count(const ResourceType &type) const
{
    StoreReadLocker locker(m_core->lock);
    const auto bucket = m_core->buckets.constFind(type.key());
    return bucket == m_core->buckets.cend() ? 0 : qsizetype(bucket->size());
}

qsizetype ObjectStore::listSnapshots() const
{
    const std::lock_guard guard(m_core->snapshotLock);
    m_core->expireSnapshots();
    return qsizetype(m_core->snapshots.size());
}

void ObjectStore::compact()
{
    StoreWriteLocker locker(m_core->lock);
    m_core->compacted = m_core->revision;
    m_core->history.clear();
}

} // namespace core::sandbox
