#include "core/sandbox/store/strategiclists.h"

#include "core/common/tr.h"

#include <QJsonObject>

#include <algorithm>
#include <limits>

namespace core::sandbox::strategic {

Error strategicError(const QString &message)
{
    return {QStringLiteral("patch.strategic"), message,
            Tr::tr("Check the $patch, $retainKeys, $setElementOrder and "
                   "$deleteFromPrimitiveList directives and the merge keys of merged lists.")};
}

Error noMergeKey(const QString &mergeKey)
{
    return strategicError(
        Tr::tr("A list item does not contain declared merge key \"%1\".").arg(mergeKey));
}

// What identifies a list item: the value of its merge key, or the item itself for scalars.
QJsonValue identity(const QJsonValue &item, const QString &mergeKey)
{
    return mergeKey.isEmpty() ? item : item.toObject().value(mergeKey);
}

qsizetype indexIn(const QJsonArray &list, const QJsonValue &item, const QString &mergeKey)
{
    const QJsonValue wanted = identity(item, mergeKey);
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (identity(list.at(i), mergeKey) == wanted)
            return i;
    }
    return -1;
}

bool isDeleteItem(const QJsonValue &item)
{
    return item.toObject().value(kPatchDirective).toString() == u"delete";
}

std::optional<Error> requireMergeKeys(const QJsonArray &list, const QString &mergeKey)
{
    for (const QJsonValue &item : list) {
        if (!item.isObject() || !item.toObject().contains(mergeKey))
            return noMergeKey(mergeKey);
    }
    return std::nullopt;
}

namespace {

// normalizeSliceOrder: `toSort` in the order of `order`, delete directives last.
Result<QJsonArray> sortByOrder(const QJsonArray &toSort, const QJsonArray &order,
                               const QString &mergeKey)
{
    QList<QJsonValue> kept;
    QJsonArray deletes;
    if (!mergeKey.isEmpty()) {
        if (auto error = requireMergeKeys(toSort, mergeKey))
            return *error;
        if (auto error = requireMergeKeys(order, mergeKey))
            return *error;
    }
    for (const QJsonValue &item : toSort) {
        if (!mergeKey.isEmpty() && isDeleteItem(item))
            deletes << item;
        else
            kept << item;
    }
    const auto rank = [&](const QJsonValue &item) {
        const qsizetype index = indexIn(order, item, mergeKey);
        return index < 0 ? std::numeric_limits<qsizetype>::max() : index;
    };
    std::stable_sort(kept.begin(), kept.end(),
                     [&](const QJsonValue &a, const QJsonValue &b) { return rank(a) < rank(b); });
    QJsonArray sorted;
    for (const QJsonValue &item : std::as_const(kept))
        sorted << item;
    for (const QJsonValue &item : std::as_const(deletes))
        sorted << item;
    return sorted;
}

// mergeSortedSlice: interleaves two sorted lists; an item of `left` goes first only when both
// items are in `order` and it comes earlier there.
QJsonArray interleave(const QJsonArray &left, const QJsonArray &right, const QJsonArray &order,
                      const QString &mergeKey)
{
    QJsonArray result;
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < left.size() || j < right.size()) {
        if (i >= left.size()) {
            result << right.at(j++);
        } else if (j >= right.size()) {
            result << left.at(i++);
        } else {
            const qsizetype li = indexIn(order, left.at(i), mergeKey);
            const qsizetype ri = indexIn(order, right.at(j), mergeKey);
            if (li >= 0 && ri >= 0 && li < ri)
                result << left.at(i++);
            else
                result << right.at(j++);
        }
    }
    return result;
}

} // namespace

// normalizeElementOrder: the items named by `patchOrder` in that order, the others in
// `serverOrder`, interleaved so both relative orders hold.
Result<QJsonArray> orderMerged(const QJsonArray &merged, const QJsonArray &patchOrder,
                               const QJsonArray &serverOrder, const QString &mergeKey)
{
    QJsonArray fromPatch;
    QJsonArray serverOnly;
    for (const QJsonValue &item : merged) {
        if (indexIn(patchOrder, item, mergeKey) >= 0)
            fromPatch << item;
        else
            serverOnly << item;
    }
    const auto sortedPatch = sortByOrder(fromPatch, patchOrder, mergeKey);
    if (!sortedPatch)
        return sortedPatch.error();
    const auto sortedServer = sortByOrder(serverOnly, serverOrder, mergeKey);
    if (!sortedServer)
        return sortedServer.error();
    return interleave(*sortedServer, *sortedPatch, serverOrder, mergeKey);
}

} // namespace core::sandbox::strategic
