#pragma once

#include "core/common/result.h"

#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace core::kube {

// Targeted edits of YAML source text: only the bytes of the edited node change, so comments,
// key order, quoting and formatting of everything else survive a save.
//
// A path addresses a node inside one document of a multi-document file (documents numbered as
// ManifestObject::document counts them): map keys as they are ("metadata", "labels",
// "virtual-kubelet.io/burst-to-cci"), sequence items as "[0]". For an object of a `kind: List`
// the path starts with "items", "[3]".
namespace yamledit {

// Sets the value at `path`, creating missing map entries (block style, indentation inferred from
// the surroundings; flow-style parents are rewritten in flow style). Scalars are quoted when a
// YAML 1.1 reader (kubectl) would otherwise retype them ("off", "1", "") or when they need it
// (JSON text in annotations is written single-quoted). Objects and arrays are written in block
// style below the key. Errors ("yamledit.path", "yamledit.parse") when the path runs through a
// scalar, an index is out of range, or the document does not parse. Every edit is checked by
// reading the document back: "yamledit.unsupported" when it would change anything but the target
// (aliases, duplicate keys, template placeholders), so a wrong edit is never returned.
Result<QString> setValue(const QString &source, int document, const QStringList &path,
                         const QJsonValue &value);

// Removes the entry at `path` (a map key or a sequence item) with its own comment lines; a map
// left empty stays as `{}`. Removing something absent is not an error (returns the source).
// Checked like setValue.
Result<QString> removeValue(const QString &source, int document, const QStringList &path);

} // namespace yamledit

} // namespace core::kube
