#pragma once

#include "core/kube/apistatuserror.h"
#include "core/kube/objectcache.h"
#include "core/kube/reflector.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <chrono>
#include <functional>
#include <optional>

class QTimer;

namespace core::kube {

class ApiClient;

// The changes of one batch, each object as the cache holds it afterwards (deleted: the last
// state seen). An object added and changed within one batch is only in `added`, with its
// latest state.
struct ChangeSet
{
    QList<QJsonObject> added;
    QList<QJsonObject> modified;
    QList<QJsonObject> deleted;

    bool isEmpty() const { return added.isEmpty() && modified.isEmpty() && deleted.isEmpty(); }
    qsizetype size() const { return added.size() + modified.size() + deleted.size(); }
};

struct InformerOptions
{
    ReflectorOptions reflector;
    // Several namespaces into one cache, as client-go's multi-namespace cache: one reflector per
    // namespace (each a copy of `reflector` with its nameSpace), for a user who may not list the
    // resource across all namespaces. Empty: the one reflector in reflector.nameSpace.
    QStringList namespaces;
    std::chrono::milliseconds batchInterval{50};
    // At most this many objects per ChangeSet once synced (0: no limit); the rest follows on the
    // next turn of the event loop. A watch that catches up on tens of thousands of events (after
    // a long list, or a reconnect) then reaches the models in slices the GUI can paint between,
    // not in one batch that stalls it for seconds.
    int maxBatch = 1000;
    // Drops metadata.managedFields and the last-applied-configuration annotation: large, and
    // never shown.
    bool stripBulkyFields = true;
    // Applied to every object before the cache holds it (after stripBulkyFields): keep only what
    // the observers read (client-go's SetTransform), e.g. trimPodForLists.
    std::function<QJsonObject(const QJsonObject &)> transform;
    // The cache's indexes; fewer indexes, less memory per object.
    QList<ObjectCache::Index> indexes = ObjectCache::allIndexes();
    ObjectCache::Storage storage = ObjectCache::Storage::Objects;
};

// One resource in one namespace, all, or a set of them, kept in an indexed ObjectCache by a
// Reflector per namespace (one for all namespaces).
// Observers learn of changes only after the cache holds them, in batches at most every
// batchInterval (a QTimer on the informer's thread), so models update per batch instead of
// per event. A list goes into the cache page by page as it arrives (models fill while a big
// cluster streams in; the first list flushes every page at once); synced() follows the last page
// of the first list (of every namespace's first list). A relist is diffed against the cache (the
// part of it in the relisted namespace): objects deleted during a gap are reported as deleted and
// unchanged ones are not reported again.
class Informer : public QObject
{
    Q_OBJECT
public:
    Informer(ApiClient *client, InformerOptions options, QObject *parent = nullptr);
    ~Informer() override;

    void start();
    void stop();

    const ObjectCache &cache() const { return m_cache; }
    bool hasSynced() const { return m_synced; }
    Reflector *reflector() const { return m_reflectors.first().reflector; } // the first one
    // The namespaces watched one by one; empty when one reflector watches (all or one).
    QStringList namespaces() const { return m_options.namespaces; }

    static QJsonObject stripBulkyFields(QJsonObject object);

signals:
    void changes(const core::kube::ChangeSet &changes);
    void synced(); // the first list is in the cache (and its change set delivered)
    void warning(const core::kube::ApiStatusError &error);
    // The watch is open again (or for the first time): the cache follows the server.
    void watching();

private:
    struct Pending
    {
        bool added = false;
        std::optional<QJsonObject> latest; // added or modified
        std::optional<QJsonObject> deleted;
    };

    // One reflector and what its current list brought.
    struct Source
    {
        Reflector *reflector = nullptr;
        QString nameSpace;          // "" = everything in the cache is its own
        QSet<QString> listedUids;   // uids the pages of its current list brought
        bool listed = false;        // its first list is complete
    };

    void onListed(Source &source);
    void onPage(Source &source, const QList<QJsonObject> &objects,
                const QList<QByteArray> &encoded, bool first);
    void onEvent(const WatchEvent &event);
    // Into the cache, and noted as added or modified when the cache did not hold this version.
    void upsert(const QJsonObject &object, const QByteArray &encoded);
    void noteAdded(const QJsonObject &object);
    void noteModified(const QJsonObject &object);
    void noteDeleted(const QJsonObject &object);
    Pending &pending(const QString &uid);
    // Delivers what is pending: everything (`all`), or at most maxBatch objects with a timer for
    // the rest.
    void flush(bool all = false);

    InformerOptions m_options;
    QList<Source> m_reflectors; // never resized after construction
    ObjectCache m_cache;
    QTimer *m_batchTimer;
    QHash<QString, Pending> m_pending;
    QList<QString> m_order; // uids in first-change order, so a batch keeps event order
    bool m_synced = false;
};

} // namespace core::kube

Q_DECLARE_METATYPE(core::kube::ChangeSet)
