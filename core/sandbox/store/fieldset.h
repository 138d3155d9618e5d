#pragma once

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QSet>
#include <QString>
#include <QStringList>

namespace core::sandbox {

// The field sets of server-side apply (sigs.k8s.io/structured-merge-diff, simplified): which
// fields of an object a manager owns, and the merge of an applied configuration into a live
// object. A path is a list of FieldsV1 elements: "f:<field>" for a map member and
// `k:{"name":"web"}` for the item of a keyed list. Lists are keyed by the strategic merge patch
// key of PatchSchema::kubernetes() for the kind (containers by name, ports by containerPort, env
// by name, volumeMounts by mountPath, ...), else by "name" when every item is an object with a
// distinct string name; every other list is atomic (owned and replaced whole), as are lists of
// scalars (structured-merge-diff's sets are not modelled).
using FieldPath = QStringList;
using FieldSet = QSet<FieldPath>;

// One path of an object: a scalar, an empty map or an atomic list is a Leaf (owned with its
// value), a map with members a Map and the item of a keyed list an Item (both owned by presence).
struct FieldNode
{
    enum class Role { Leaf, Map, Item };
    Role role = Role::Leaf;
    QJsonValue value; // Leaf: the value compared; the others: the map or item
};
using FlatFields = QHash<FieldPath, FieldNode>;

// Every path of `object` (its own root excluded) with the node there; `kind` picks the list keys.
FlatFields flattenFields(const QJsonObject &object, const QString &kind);

// The set an applied configuration claims: its leaves and keyed-list items (ToFieldSet).
FieldSet appliedFieldSet(const QJsonObject &config, const QString &kind);

// What changed from `before` to `after`: paths only in `after`, only in `before`, and leaves
// whose value (or paths whose role) differ.
struct FieldComparison
{
    FieldSet added;
    FieldSet removed;
    FieldSet modified;
    bool isSame() const { return added.isEmpty() && removed.isEmpty() && modified.isEmpty(); }
};
FieldComparison compareFields(const QJsonObject &before, const QJsonObject &after,
                              const QString &kind);

// `config` merged into `live`: maps member by member, keyed lists item by item (live order,
// new items appended), everything else replaced by the configuration's value; a null member of
// the configuration removes the field.
QJsonObject mergeApplied(const QJsonObject &live, const QJsonObject &config, const QString &kind);

// `object` without the fields at `paths` (missing ones are ignored); a map left empty by a
// removal goes too.
QJsonObject removeFields(const QJsonObject &object, const FieldSet &paths);

// metadata.managedFields[].fieldsV1: nested objects keyed by path element, "{}" for a member
// without children and "." for a member that has children.
QJsonObject toFieldsV1(const FieldSet &set);
FieldSet fromFieldsV1(const QJsonObject &fields);

// fieldpath.Path.String(): `.spec.template.spec.containers[name="web"].image`.
QString fieldPathString(const FieldPath &path);

} // namespace core::sandbox
