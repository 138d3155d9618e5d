#pragma once

#include "core/common/result.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QString>

#include <optional>

// List helpers of the strategic merge patch: identity of items, and the ordering rules of
// k8s.io/apimachinery/pkg/util/strategicpatch (normalizeElementOrder, mergeSortedSlice).
namespace core::sandbox::strategic {

inline const QString kPatchDirective = QStringLiteral("$patch");

Error strategicError(const QString &message);
Error noMergeKey(const QString &mergeKey);

// What identifies a list item: the value of its merge key, or the item itself for scalars.
QJsonValue identity(const QJsonValue &item, const QString &mergeKey);
qsizetype indexIn(const QJsonArray &list, const QJsonValue &item, const QString &mergeKey);
bool isDeleteItem(const QJsonValue &item); // {"$patch": "delete", ...}
std::optional<Error> requireMergeKeys(const QJsonArray &list, const QString &mergeKey);

// The items of `merged` named by `patchOrder` in that order, the others in `serverOrder`,
// interleaved so that both relative orders hold.
Result<QJsonArray> orderMerged(const QJsonArray &merged, const QJsonArray &patchOrder,
                               const QJsonArray &serverOrder, const QString &mergeKey);

} // namespace core::sandbox::strategic
