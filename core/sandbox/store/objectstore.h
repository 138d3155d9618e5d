#pragma once

#include "core/kube/fieldselector.h"
#include "core/kube/labelselector.h"
#include "core/sandbox/store/apistatus.h"
#include "core/sandbox/store/jsonpatch.h"
#include "core/sandbox/store/objectwatch.h"
#include "core/sandbox/store/resourcetype.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <memory>

namespace core::sandbox {

struct StoreOptions
{
    // Changes kept for watches that resume from a resourceVersion; older ones are compacted
    // and asking for them (watch or continue token) is 410 Expired.
    qsizetype historyLimit = 10000;
    // Unread events after which a watch is stopped (0 = no limit). The initial ADDED events of a
    // watch from "0" count too.
    qsizetype watchQueueLimit = 0;
};

// What a list hands back of each item: the parsed object (for code that reads it), or the
// compact JSON the store keeps, as it is kept (for an API answer: a list of 100,000 pods parsed
// and written again cost seconds of CPU; the bytes are copied by reference).
enum class ListItems { Objects, Json };

struct ListOptions
{
    QString namespaceName; // "" = all namespaces (and cluster-scoped resources)
    kube::LabelSelector labelSelector;
    kube::FieldSelector fieldSelector;
    qsizetype limit = 0; // 0 = no paging
    QString continueToken;
    ListItems items = ListItems::Objects;
};

struct ObjectList
{
    QList<QJsonObject> items;    // ListItems::Objects
    QList<QByteArray> itemsJson; // ListItems::Json: each item's compact JSON as stored
    QString resourceVersion;
    QString continueToken; // metadata.remainingItemCount, optional in Kubernetes, is not set

    // {"kind": "PodList", "apiVersion": "v1", "metadata": {...}, "items": [...]} of `items`.
    QJsonObject toJson(const ResourceType &type) const;
    // The list as the API server writes it, compact and in its member order:
    // {"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"…","continue":"…"},
    // "items":[…]}; `itemsJson` go in as they are, then `items` serialised (compactJson()).
    QByteArray toCompactJson(const ResourceType &type) const;
};

// A write as asked (WriteMode::Store) or as dryRun=All asks it: every check and server-set field
// of the real write, but nothing is stored, no watch hears of it and the resourceVersion does
// not move. A dry-run create answers with uid and creationTimestamp and no resourceVersion, a
// dry-run update with the stored resourceVersion, a dry-run delete with the object as stored, as
// the API server's DryRunnableStorage does.
enum class WriteMode { Store, DryRun };

struct Preconditions
{
    QString uid;
    QString resourceVersion;
};

// What a delete does to the object's dependents (metav1.DeletionPropagation, and the deprecated
// orphanDependents: true is Orphan, false is Background). Unset leaves it to the garbage
// collector finalizers the object already has, then to the resource's default.
enum class Propagation { Unset, Orphan, Background, Foreground };

// A resource's DefaultGarbageCollectionPolicy, what an unset propagation means: the dependents
// are deleted in the background (most resources), orphaned (batch/v1 Jobs, for compatibility),
// or the resource takes no garbage collector finalizers at all.
enum class GcPolicy { DeleteDependents, OrphanDependents, Unsupported };

// metav1.DeleteOptions as the store applies them; dryRun is the WriteMode.
struct DeleteOptions
{
    Preconditions preconditions;
    Propagation propagation = Propagation::Unset;
    GcPolicy defaultPolicy = GcPolicy::DeleteDependents;
};

// The sandbox API server's objects, in memory, keyed by (group/version/resource, namespace,
// name), with one global resourceVersion counter like etcd's revision. Thread-safe: reads share
// a lock, writes are serialised; watch notifiers run after the lock is released.
//
// Semantics follow the API server where clients can tell: uid, creationTimestamp, generation
// and resourceVersion are the server's; an update whose resourceVersion is stale is 409
// Conflict (empty = unconditional); an update or patch that changes nothing writes nothing;
// generation starts at 1 for objects with a spec and grows when the spec changes. Paged lists
// read the latest data (not a snapshot) and report the first page's resourceVersion, so a watch
// from it sees every later change at least once. The store writes what it is given: the
// /status and /scale split and defaulting are the router's (reststrategy.h, apidefaults.h), as
// controllers write here directly. Finalizers are the generic registry's: a delete of an object
// with finalizers (its own, or the garbage collector's `orphan` and `foregroundDeletion` a
// delete's propagation adds) only sets metadata.deletionTimestamp, and the update that takes the
// last finalizer off deletes it. Not modelled: graceful deletion, validation beyond names (the
// router's RestStrategy validates specs), server-side apply.
class ObjectStore
{
public:
    explicit ObjectStore(StoreOptions options = {});
    ~ObjectStore(); // stops every watch
    ObjectStore(const ObjectStore &) = delete;
    ObjectStore &operator=(const ObjectStore &) = delete;

    // `namespaceName` is "" for cluster-scoped resources. metadata.generateName gets a random
    // five-character suffix when metadata.name is empty.
    ServerResult<QJsonObject> create(const ResourceType &type, const QString &namespaceName,
                                     const QJsonObject &object, WriteMode mode = WriteMode::Store);
    ServerResult<QJsonObject> get(const ResourceType &type, const QString &namespaceName,
                                  const QString &name) const;
    ServerResult<QJsonObject> update(const ResourceType &type, const QString &namespaceName,
                                     const QString &name, const QJsonObject &object,
                                     WriteMode mode = WriteMode::Store);
    // Read, change and write under one lock, the stored object parsed once: `change` gets the
    // stored object and returns it changed; then as update() (a resourceVersion `change` leaves
    // as read holds, so the write is unconditional). 404 when there is no such object.
    using Change = std::function<QJsonObject(const QJsonObject &stored)>;
    ServerResult<QJsonObject> update(const ResourceType &type, const QString &namespaceName,
                                     const QString &name, const Change &change);
    // `body` parsed as `patchType` (see jsonpatch.h); the result goes through the same checks as
    // update().
    ServerResult<QJsonObject> patch(const ResourceType &type, const QString &namespaceName,
                                    const QString &name, PatchType patchType,
                                    const QByteArray &body);
    // Returns the object as it was; its DELETED event carries a new resourceVersion.
    ServerResult<QJsonObject> remove(const ResourceType &type, const QString &namespaceName,
                                     const QString &name, const Preconditions &preconditions = {},
                                     WriteMode mode = WriteMode::Store);
    // The delete of the generic registry (k8s.io/apiserver's Store.Delete): a uid or
    // resourceVersion precondition that does not hold is 409 as rest.BeforeDelete words it;
    // the propagation sets the garbage collector's finalizers; an object left with finalizers
    // is kept, marked as deleting (deletionTimestamp now, deletionGracePeriodSeconds 0,
    // generation + 1 the first time) and returned so; any other is deleted and returned as it
    // was.
    ServerResult<QJsonObject> deleteObject(const ResourceType &type, const QString &namespaceName,
                                           const QString &name, const DeleteOptions &options,
                                           WriteMode mode = WriteMode::Store);
    // Sorted by namespace, then name. A continue token older than the kept history is 410
    // Expired, with a token to continue inconsistently in ApiError::continueToken.
    ServerResult<ObjectList> list(const ResourceType &type, const ListOptions &options) const;
    ServerResult<std::shared_ptr<Watch>> watch(const ResourceType &type,
                                               const WatchOptions &options);

    QString resourceVersion() const;
    qsizetype count(const ResourceType &type) const;
    // Paged lists whose later pages the store still keeps a snapshot for (see list()): one
    // from a first page until its last page is served or it is 300 s old.
    qsizetype listSnapshots() const;
    // Forgets the change history, as an etcd compaction does: every watch resourceVersion and
    // continue token from before now is 410 Expired (fault injection for clients).
    void compact();

private:
    struct Core;
    std::unique_ptr<Core> m_core;
};

} // namespace core::sandbox
