#pragma once

#include "core/sandbox/store/apistatus.h"
#include "core/sandbox/store/fieldset.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace core::sandbox {

// metadata.managedFields as kube-apiserver's field manager keeps them: who owns which fields,
// recorded by every write that goes through the API (operation "Update" for create, update and
// the patches, "Apply" for server-side apply), and the apply itself with its conflicts.

struct ManagedFieldsEntry
{
    QString manager;
    QString operation; // "Apply" or "Update"
    QString apiVersion;
    QString time; // RFC 3339, seconds
    QString subresource;
    FieldSet fields;
};
QList<ManagedFieldsEntry> managedFieldsOf(const QJsonObject &object);
// `object` with `entries` as metadata.managedFields (sorted as the API server sorts them:
// Apply before Update, then by time and manager), none when `entries` is empty.
QJsonObject withManagedFields(QJsonObject object, QList<ManagedFieldsEntry> entries);

// Who writes and how its fields are counted.
struct FieldManagerRequest
{
    QString manager;
    QString apiVersion;  // of the resource, e.g. "apps/v1"
    QString kind;        // picks the list keys (fieldset.h)
    QString subresource; // "" or "status"
    QDateTime now;
    // The resource has a status subresource: a write to the main resource owns no status field
    // and one to /status owns only status fields (the strategies' reset fields).
    bool hasStatus = false;
};

// The fields a manager may own: without apiVersion, kind and the server's metadata (name,
// namespace, uid, resourceVersion, generation, creationTimestamp, selfLink, managedFields), and
// status or everything but status as `request` says (stripmeta and the reset fields).
QJsonObject ownableFields(const QJsonObject &object, const FieldManagerRequest &request);

// `next` (what an update, patch or create stores over `live`, {} for a create) with its
// managedFields: those `next` carries if it has any, else `live`'s; every field it added,
// changed or removed leaves the other managers, and the added and changed ones go to the
// request's "Update" entry (FieldManager.Update, forced).
QJsonObject recordUpdate(const QJsonObject &live, QJsonObject next,
                         const FieldManagerRequest &request);

// Server-side apply of `config` over `live` ({} when the object does not exist): the merged
// object with managedFields, in which the fields the manager applied before and leaves out now
// are gone unless another manager owns them. A field another manager owns that the apply
// changes is a conflict: 409 `Apply failed with 1 conflict: conflict with "kubectl-client-side-
// apply" using v1: .data.k` (causes of type FieldManagerConflict), or with `force` the field
// moves to the applier. 400 when the configuration sets metadata.managedFields.
ServerResult<QJsonObject> applyConfiguration(const QJsonObject &live, const QJsonObject &config,
                                             const FieldManagerRequest &request, bool force);

} // namespace core::sandbox
