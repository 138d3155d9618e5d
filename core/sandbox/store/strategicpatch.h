#pragma once

#include "core/common/result.h"

#include <QJsonObject>
#include <QString>

namespace core::sandbox {

class PatchSchema;

// Kubernetes strategic merge patch (k8s.io/apimachinery/pkg/util/strategicpatch, as the API server
// applies it): maps merge and null deletes a key; lists merge where `schema` says so (by merge
// key, or as a set of scalars) and are replaced elsewhere. Directives:
//   {"$patch": "replace"} / {"$patch": "delete"} in a map: replace it / make it empty
//   {"name": "x", "$patch": "delete"} in a merging list: remove the items with that key
//   {"$patch": "replace"} as a list item: the list becomes the other items of the patch list
//   "$retainKeys": [...]: drop the original's keys not listed (the patch may only set those)
//   "$deleteFromPrimitiveList/<field>": [...]: remove these scalars from the list
//   "$setElementOrder/<field>": [...]: order of the merged list (patch items first in this
//     order, items only the original has kept where they were relative to them)
// `$patch: merge` is an error, in maps and lists alike, as in Kubernetes. Values the original does
// not have are inserted with their directives applied (Kubernetes inserts them raw and drops
// the leftovers when it decodes the typed object). `type` names the schema type of the document,
// for Kubernetes objects the kind; an unknown type fails with code "patch.strategic".
Result<QJsonObject> applyStrategicMergePatch(const QJsonObject &original, const QJsonObject &patch,
                                             const PatchSchema &schema, const QString &type);

} // namespace core::sandbox
