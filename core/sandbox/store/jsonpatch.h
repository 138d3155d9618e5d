#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace core::sandbox {

class PatchSchema;

// The patch bodies a Kubernetes API server accepts on PATCH (the router maps the Content-Type
// to one: apihttp.h). ApplyPatch is server-side apply, which needs its field manager and is done by
// applyConfiguration() (managedfields.h); applyPatch() refuses it as patch.unsupported.
enum class PatchType { JsonPatch, MergePatch, StrategicMergePatch, ApplyPatch };

// Error codes of every function here. The API server answers 415 for the first, 400 for the next
// two and 422 for the rest (k8s.io/apiserver/pkg/endpoints/handlers/patch.go).
//   patch.unsupported       a strategic merge patch for a kind without schema (custom resources)
//   patch.malformed         the body is not JSON of the right shape
//   patch.strategic         a strategic merge patch directive is malformed or cannot be applied
//   patch.invalidOperation  a JSON patch operation lacks a member or names an unknown op
//   patch.pathNotFound      a JSON patch path or from does not exist
//   patch.testFailed        a JSON patch "test" operation did not match

// RFC 7386 JSON merge patch on any JSON value: objects merge recursively, null deletes a member,
// everything else replaces.
QJsonValue mergePatchValue(const QJsonValue &target, const QJsonValue &patch);
// Fails with patch.malformed when the result is not an object (a patch that is not an object).
Result<QJsonObject> applyMergePatch(const QJsonObject &target, const QJsonValue &patch);

// RFC 6901 JSON pointer: "" is the whole document, "/a/0/b~1c" is ["a", "0", "b/c"].
Result<QStringList> parseJsonPointer(const QString &pointer);

// RFC 6902 JSON patch: add, remove, replace, move, copy, test; "-" appends to an array. Every
// error names the index and op of the failing operation; the document is left unchanged.
Result<QJsonValue> applyJsonPatchValue(const QJsonValue &document, const QJsonArray &operations);
Result<QJsonObject> applyJsonPatch(const QJsonObject &document, const QJsonValue &patch);

// Parses `body` as `type` and applies it. `kind` picks the strategic merge patch schema
// (PatchSchema::kubernetes()); a kind it does not know is patch.unsupported.
Result<QJsonObject> applyPatch(PatchType type, const QJsonObject &document, const QByteArray &body,
                               const QString &kind);

} // namespace core::sandbox
