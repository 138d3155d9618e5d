#include "core/sandbox/store/managedfields.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace core::sandbox {

namespace {

const QString kApply = QStringLiteral("Apply");
const QString kUpdate = QStringLiteral("Update");

// The metadata map itself is never owned (stripmeta), only fields in it.
FieldSet withoutMetadataRoot(FieldSet set)
{
    set.remove(FieldPath{QStringLiteral("f:metadata")});
    return set;
}

FieldComparison compareOwnable(const QJsonObject &before, const QJsonObject &after,
                               const FieldManagerRequest &request)
{
    FieldComparison c =
        compareFields(ownableFields(before, request), ownableFields(after, request), request.kind);
    c.added = withoutMetadataRoot(c.added);
    c.removed = withoutMetadataRoot(c.removed);
    c.modified = withoutMetadataRoot(c.modified);
    return c;
}

qsizetype entryOf(const QList<ManagedFieldsEntry> &entries, const FieldManagerRequest &request,
                  const QString &operation)
{
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const ManagedFieldsEntry &e = entries.at(i);
        if (e.manager == request.manager && e.operation == operation &&
            e.subresource == request.subresource)
            return i;
    }
    return -1;
}

// Sets the request's entry to `fields` (a new entry when there is none), stamped now; entries
// left without fields are dropped, as the field manager drops them.
void setOwnEntry(QList<ManagedFieldsEntry> &entries, const FieldManagerRequest &request,
                 const QString &operation, const FieldSet &fields)
{
    const qsizetype at = entryOf(entries, request, operation);
    ManagedFieldsEntry entry{request.manager,     operation,
                             request.apiVersion,  request.now.toUTC().toString(Qt::ISODate),
                             request.subresource, fields};
    if (at < 0)
        entries.append(entry);
    else
        entries[at] = entry;
    entries.removeIf([](const ManagedFieldsEntry &e) { return e.fields.isEmpty(); });
}

// printManager of the field manager's conflict errors: the identifier of an Update manager
// carries its apiVersion, an applier's none.
QString describeManager(const ManagedFieldsEntry &entry)
{
    QString out = u'"' + entry.manager + u'"';
    if (!entry.subresource.isEmpty())
        out += QStringLiteral(" with subresource \"%1\"").arg(entry.subresource);
    if (entry.operation == kUpdate)
        out += QStringLiteral(" using ") + entry.apiVersion;
    return out;
}

struct Conflict
{
    QString manager; // describeManager()
    QString field;   // fieldPathString()
};

ApiError conflictError(QList<Conflict> conflicts)
{
    std::sort(conflicts.begin(), conflicts.end(), [](const Conflict &a, const Conflict &b) {
        return std::tie(a.manager, a.field) < std::tie(b.manager, b.field);
    });
    QJsonArray causes;
    for (const Conflict &c : conflicts)
        causes.append(QJsonObject{
            {QStringLiteral("reason"), QStringLiteral("FieldManagerConflict")},
            {QStringLiteral("message"), QString(QStringLiteral("conflict with ") + c.manager)},
            {QStringLiteral("field"), c.field}});
    QString message;
    if (conflicts.size() == 1) {
        message = QStringLiteral("Apply failed with 1 conflict: conflict with %1: %2")
                      .arg(conflicts.first().manager, conflicts.first().field);
    } else {
        QStringList lines;
        QString manager;
        for (const Conflict &c : conflicts) {
            if (c.manager != manager)
                lines.append(QStringLiteral("conflicts with %1:").arg(c.manager));
            manager = c.manager;
            lines.append(QStringLiteral("- ") + c.field);
        }
        message = QStringLiteral("Apply failed with %1 conflicts: %2")
                      .arg(conflicts.size())
                      .arg(lines.join(u'\n'));
    }
    return ApiError{409, QStringLiteral("Conflict"), message,
                    QJsonObject{{QStringLiteral("causes"), causes}}, QString()};
}

// The fields of the client-side apply annotation (kubectl.kubernetes.io/last-applied-
// configuration) of `live`.
FieldSet lastAppliedFields(const QJsonObject &live, const FieldManagerRequest &request)
{
    const QString annotation = live.value(u"metadata")
                                   .toObject()
                                   .value(u"annotations")
                                   .toObject()
                                   .value(u"kubectl.kubernetes.io/last-applied-configuration")
                                   .toString();
    const QJsonObject lastApplied = QJsonDocument::fromJson(annotation.toUtf8()).object();
    return withoutMetadataRoot(appliedFieldSet(ownableFields(lastApplied, request), request.kind));
}

// A path of `set` at or below `path`.
bool ownsAtOrBelow(const FieldSet &set, const FieldPath &path)
{
    return std::any_of(set.begin(), set.end(), [&](const FieldPath &owned) {
        return owned.size() >= path.size() && owned.first(path.size()) == path;
    });
}

} // namespace

QList<ManagedFieldsEntry> managedFieldsOf(const QJsonObject &object)
{
    QList<ManagedFieldsEntry> entries;
    const QJsonArray list = object.value(u"metadata").toObject().value(u"managedFields").toArray();
    for (const QJsonValue &v : list) {
        const QJsonObject e = v.toObject();
        entries.append({e.value(u"manager").toString(), e.value(u"operation").toString(),
                        e.value(u"apiVersion").toString(), e.value(u"time").toString(),
                        e.value(u"subresource").toString(),
                        fromFieldsV1(e.value(u"fieldsV1").toObject())});
    }
    return entries;
}

QJsonObject withManagedFields(QJsonObject object, QList<ManagedFieldsEntry> entries)
{
    std::sort(entries.begin(), entries.end(),
              [](const ManagedFieldsEntry &a, const ManagedFieldsEntry &b) {
                  return std::tie(a.operation, a.time, a.manager, a.apiVersion, a.subresource) <
                         std::tie(b.operation, b.time, b.manager, b.apiVersion, b.subresource);
              });
    QJsonArray list;
    for (const ManagedFieldsEntry &e : entries) {
        QJsonObject entry{{QStringLiteral("manager"), e.manager},
                          {QStringLiteral("operation"), e.operation},
                          {QStringLiteral("apiVersion"), e.apiVersion},
                          {QStringLiteral("time"), e.time},
                          {QStringLiteral("fieldsType"), QStringLiteral("FieldsV1")},
                          {QStringLiteral("fieldsV1"), toFieldsV1(e.fields)}};
        if (!e.subresource.isEmpty())
            entry.insert(QStringLiteral("subresource"), e.subresource);
        list.append(entry);
    }
    QJsonObject meta = object.value(u"metadata").toObject();
    if (list.isEmpty())
        meta.remove(QStringLiteral("managedFields"));
    else
        meta.insert(QStringLiteral("managedFields"), list);
    object.insert(QStringLiteral("metadata"), meta);
    return object;
}

QJsonObject ownableFields(const QJsonObject &object, const FieldManagerRequest &request)
{
    QJsonObject out = object;
    if (request.subresource == u"status")
        out = QJsonObject{{QStringLiteral("status"), object.value(u"status")}};
    else if (request.hasStatus)
        out.remove(QStringLiteral("status"));
    out.remove(QStringLiteral("apiVersion"));
    out.remove(QStringLiteral("kind"));
    QJsonObject meta = out.value(u"metadata").toObject();
    for (const char *field : {"name", "namespace", "creationTimestamp", "selfLink", "uid",
                              "generation", "managedFields", "resourceVersion"})
        meta.remove(QLatin1String(field));
    if (meta.isEmpty())
        out.remove(QStringLiteral("metadata"));
    else
        out.insert(QStringLiteral("metadata"), meta);
    return out;
}

QJsonObject recordUpdate(const QJsonObject &live, QJsonObject next,
                         const FieldManagerRequest &request)
{
    const bool sent = next.value(u"metadata").toObject().value(u"managedFields").isArray();
    QList<ManagedFieldsEntry> entries = managedFieldsOf(sent ? next : live);
    const FieldComparison c = compareOwnable(live, next, request);
    if (c.isSame() || request.manager.isEmpty())
        return withManagedFields(next, entries);
    const FieldSet changed = FieldSet(c.added).unite(c.modified);
    const qsizetype own = entryOf(entries, request, kUpdate);
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (i != own)
            entries[i].fields.subtract(changed).subtract(c.removed);
    }
    FieldSet mine = own < 0 ? FieldSet() : entries.at(own).fields;
    setOwnEntry(entries, request, kUpdate, mine.subtract(c.removed).unite(changed));
    return withManagedFields(next, entries);
}

ServerResult<QJsonObject> applyConfiguration(const QJsonObject &live, const QJsonObject &config,
                                             const FieldManagerRequest &request, bool force)
{
    const QJsonValue sentFields = config.value(u"metadata").toObject().value(u"managedFields");
    if (!sentFields.isUndefined() && !sentFields.isNull())
        return ApiError::badRequest(QStringLiteral("metadata.managedFields must be nil"));
    QJsonObject applied = config;
    if (request.hasStatus && request.subresource.isEmpty())
        applied.remove(QStringLiteral("status")); // reset: the main resource owns no status
    QList<ManagedFieldsEntry> entries = managedFieldsOf(live);
    const qsizetype own = entryOf(entries, request, kApply);
    const FieldSet set =
        withoutMetadataRoot(appliedFieldSet(ownableFields(applied, request), request.kind));
    FieldSet kept = set;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (i != own)
            kept.unite(entries.at(i).fields);
    }
    // What this manager applied before and leaves out now goes, unless someone still owns it.
    FieldSet stale;
    if (own >= 0) {
        for (const FieldPath &path : entries.at(own).fields) {
            if (!ownsAtOrBelow(kept, path))
                stale.insert(path);
        }
    }
    const QJsonObject merged = removeFields(mergeApplied(live, applied, request.kind), stale);
    const FieldComparison c = compareOwnable(live, merged, request);
    const FieldSet changed = FieldSet(c.added).unite(c.modified);
    // kubectl's move from client-side to server-side apply (the API server's lastAppliedManager):
    // the manager "kubectl" takes over, without conflicts, the fields its last client-side
    // apply set.
    const FieldSet allowed =
        request.manager == u"kubectl" ? lastAppliedFields(live, request) : FieldSet();
    QList<Conflict> conflicts;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (i == own)
            continue;
        for (const FieldPath &path : entries.at(i).fields) {
            if (changed.contains(path) && !allowed.contains(path))
                conflicts.append({describeManager(entries.at(i)), fieldPathString(path)});
        }
    }
    if (!conflicts.isEmpty() && !force)
        return conflictError(conflicts);

    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (i != own)
            entries[i].fields.subtract(changed).subtract(c.removed);
    }
    setOwnEntry(entries, request, kApply, set);
    return withManagedFields(merged, entries);
}

} // namespace core::sandbox
