#pragma once

#include "core/common/result.h"
#include "core/kube/objectmeta.h"
#include "core/sandbox/store/apistatus.h"
#include "core/sandbox/store/resourcetype.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace core::sandbox {

struct DeleteOptions;
struct Preconditions;

// The rules of ObjectStore for the server-owned parts of objects, as free functions.

using kube::labelsOf;       // core/kube/objectmeta.h
using kube::metadataString; // core/kube/objectmeta.h
QJsonObject withMetadata(QJsonObject object, const QString &key, const QJsonValue &value);

// Five characters of the alphabet Kubernetes uses for generateName (no vowels, no 0/1/3).
QString randomNameSuffix();

// Checks a create request and fills namespace, apiVersion and kind: the body's namespace must
// match the request's, it needs metadata.name or metadata.generateName (422 Invalid), names are
// DNS-1123 subdomains (422), and resourceVersion must not be set (500, as the API server does).
ServerResult<QJsonObject> prepareCreate(const ResourceType &type, const QString &namespaceName,
                                        const QJsonObject &object);
// Sets name, uid, creationTimestamp, resourceVersion and, for objects with a spec, generation 1.
QJsonObject withCreationFields(QJsonObject object, const QString &name,
                               const QString &resourceVersion);

// 400 when the body names another object than the URL.
std::optional<ApiError> checkIdentity(const QString &namespaceName, const QString &name,
                                      const QJsonObject &object);
// 409 when a delete's uid or resourceVersion precondition does not hold, worded as
// rest.BeforeDelete words it (the uid first).
std::optional<ApiError> checkPreconditions(const ResourceType &type, const QString &name,
                                           const QJsonObject &stored,
                                           const Preconditions &preconditions);
// An update's body with the stored object's server fields (uid, creationTimestamp,
// resourceVersion, deletionTimestamp, deletionGracePeriodSeconds) and generation, incremented
// when the spec changed.
QJsonObject withServerFields(const ResourceType &type, const QString &namespaceName,
                             const QString &name, const QJsonObject &stored, QJsonObject object);

// The garbage collector's finalizers (metav1.FinalizerOrphanDependents and
// FinalizerDeleteDependents).
QString orphanFinalizer();     // "orphan"
QString foregroundFinalizer(); // "foregroundDeletion"
QStringList finalizersOf(const QJsonObject &object);
bool isBeingDeleted(const QJsonObject &object); // metadata.deletionTimestamp is set
// The finalizers a delete leaves on `stored`, as deletionFinalizersForGarbageCollection
// decides them: its own, with `orphan` or `foregroundDeletion` as the propagation, the ones it
// already has and the resource's default policy ask (the list as it was when that changes
// nothing).
QStringList finalizersOnDelete(const QJsonObject &stored, const DeleteOptions &options);
// `stored` with `finalizers`, marked as the registry's markAsDeleting marks an object kept for
// its finalizers: generation + 1 and deletionTimestamp `now` unless it is already being deleted,
// deletionGracePeriodSeconds 0.
QJsonObject markedAsDeleting(const QJsonObject &stored, const QStringList &finalizers,
                             const QDateTime &now);
// An update that takes the last finalizer off an object being deleted deletes it
// (the registry's ShouldDeleteDuringUpdate).
bool finalizedByUpdate(const QJsonObject &stored, const QJsonObject &updated);

// The continue token of paged lists: base64url of {"v":"meta.k8s.io/v1","rv":N,"start":"key"},
// the format of the API server. rv -1 continues at the latest revision.
struct ContinueToken
{
    qint64 revision = 0;
    QString start;
};
QString encodeContinueToken(const ContinueToken &token);
Result<ContinueToken> decodeContinueToken(const QString &text);
QString expiredContinueMessage();

} // namespace core::sandbox
