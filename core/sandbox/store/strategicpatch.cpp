#include "core/sandbox/store/strategicpatch.h"

#include "core/common/tr.h"
#include "core/sandbox/store/patchschema.h"
#include "core/sandbox/store/strategiclists.h"

#include <QJsonArray>
#include <QSet>

namespace core::sandbox {

namespace {

using Strategy = PatchField::Strategy;

using namespace strategic;

const QString kRetainKeys = QStringLiteral("$retainKeys");
const QString kDeletePrefix = QStringLiteral("$deleteFromPrimitiveList/");
const QString kOrderPrefix = QStringLiteral("$setElementOrder/");

Result<QJsonValue::Type> elementType(const QJsonArray &a, const QJsonArray &b)
{
    QJsonValue::Type type = QJsonValue::Undefined;
    for (const QJsonArray *list : {&a, &b}) {
        for (const QJsonValue &item : *list) {
            if (item.isArray())
                return strategicError(Tr::tr("Lists of lists cannot be merged."));
            if (type == QJsonValue::Undefined)
                type = item.type();
            else if (item.type() != type)
                return strategicError(Tr::tr("The items of a merged list differ in type."));
        }
    }
    return type;
}

QJsonArray withoutDuplicates(const QJsonArray &list)
{
    QJsonArray unique;
    for (const QJsonValue &item : list) {
        if (!unique.contains(item))
            unique << item;
    }
    return unique;
}

// The first `count` items: what a Go slice header of the original length still sees after the
// backing array was edited in place.
QJsonArray firstItems(const QJsonArray &list, qsizetype count)
{
    QJsonArray first;
    for (qsizetype i = 0; i < std::min(count, list.size()); ++i)
        first << list.at(i);
    return first;
}

// A merged list, plus the list as Kubernetes builds it in place (survivors of delete directives,
// then appended items): the $setElementOrder step reads its original order from that storage.
struct SliceMerge
{
    QJsonArray merged;
    QJsonArray inPlace;
    bool inPlaceValid = false;
};

class StrategicMerger
{
public:
    explicit StrategicMerger(const PatchSchema &schema) : m_schema(schema) {}

    Result<QJsonObject> mergeMap(QJsonObject original, QJsonObject patch, const QString &type)
    {
        if (patch.contains(kPatchDirective))
            return mapDirective(patch, type);
        if (auto error = applyRetainKeys(original, patch))
            return *error;
        for (const QString &key : patch.keys()) {
            if (key.startsWith(kOrderPrefix)) {
                if (auto error = applyElementOrder(original, patch, type, key))
                    return *error;
            }
        }
        QStringList deletions;
        for (const QString &key : patch.keys()) {
            const QJsonValue value = patch.value(key);
            if (key.startsWith(kDeletePrefix)) {
                deletions << key;
            } else if (value.isNull()) {
                original.remove(key);
            } else {
                const PatchField field = m_schema.field(type, key);
                const auto merged = original.contains(key)
                                        ? mergeField(original.value(key), value, field)
                                        : clean(value, field);
                if (!merged)
                    return merged.error();
                original.insert(key, *merged);
            }
        }
        for (const QString &key : std::as_const(deletions)) {
            if (auto error = deleteFromPrimitiveList(original, key, patch.value(key)))
                return *error;
        }
        return original;
    }

private:
    Result<QJsonObject> mapDirective(QJsonObject patch, const QString &type)
    {
        const QString directive = patch.take(kPatchDirective).toString();
        if (directive == u"replace")
            return mergeMap(QJsonObject(), patch, type);
        if (directive == u"delete")
            return QJsonObject();
        return strategicError(
            Tr::tr("Unknown patch type \"%1\" in a map; use replace or delete.").arg(directive));
    }

    static std::optional<Error> applyRetainKeys(QJsonObject &original, QJsonObject &patch)
    {
        if (!patch.contains(kRetainKeys))
            return std::nullopt;
        const QJsonValue list = patch.take(kRetainKeys);
        if (!list.isArray())
            return strategicError(Tr::tr("$retainKeys must be a list of field names."));
        QSet<QString> retained;
        for (const QJsonValue &key : list.toArray())
            retained.insert(key.toString());
        for (auto it = patch.begin(); it != patch.end(); ++it) {
            if (it.value().isNull() || it.key().startsWith(kDeletePrefix) ||
                it.key().startsWith(kOrderPrefix))
                continue;
            if (!retained.contains(it.key())) {
                return strategicError(
                    Tr::tr("The patch sets \"%1\", which its $retainKeys list does not name.")
                        .arg(it.key()));
            }
        }
        for (const QString &key : original.keys()) {
            if (!retained.contains(key))
                original.remove(key);
        }
        return std::nullopt;
    }

    // validatePatchWithSetOrderList: the patch list's items must appear in the order list, in
    // the same relative order.
    static std::optional<Error> checkOrderList(const QJsonArray &patchList, const QJsonArray &order,
                                               const QString &mergeKey)
    {
        QJsonArray items;
        for (const QJsonValue &item : patchList) {
            if (!mergeKey.isEmpty() && !item.isObject())
                return noMergeKey(mergeKey);
            if (mergeKey.isEmpty() || !isDeleteItem(item))
                items << item;
        }
        qsizetype pi = 0;
        qsizetype si = 0;
        while (pi < items.size() && si < order.size()) {
            const QJsonValue item = items.at(pi);
            if (item.isObject() && item.toObject().contains(kPatchDirective)) {
                ++pi;
                continue;
            }
            if (!mergeKey.isEmpty()) {
                if (auto error = requireMergeKeys(QJsonArray{item, order.at(si)}, mergeKey))
                    return error;
            }
            if (identity(item, mergeKey) == identity(order.at(si), mergeKey))
                ++pi;
            ++si;
        }
        if (pi < items.size()) {
            return strategicError(
                Tr::tr("The order in the patch list doesn't match the $setElementOrder list."));
        }
        return std::nullopt;
    }

    std::optional<Error> applyElementOrder(QJsonObject &original, QJsonObject &patch,
                                           const QString &type, const QString &directiveKey)
    {
        const QJsonValue order = patch.take(directiveKey);
        const QString listKey = directiveKey.mid(kOrderPrefix.size());
        const bool inOriginal = original.contains(listKey);
        const bool inPatch = patch.contains(listKey);
        if (!order.isArray() || listKey.isEmpty() ||
            (inOriginal && !original.value(listKey).isArray()) ||
            (inPatch && !patch.value(listKey).isArray())) {
            return strategicError(
                Tr::tr("%1 must be a list next to the list it orders.").arg(directiveKey));
        }
        const PatchField field = m_schema.field(type, listKey);
        const QJsonArray originalList = original.value(listKey).toArray();
        const QJsonArray patchList = patch.value(listKey).toArray();
        if (auto error = checkOrderList(patchList, order.toArray(), field.mergeKey))
            return error;
        if (!inOriginal && !inPatch)
            return std::nullopt;

        QJsonArray merged = originalList;
        QJsonArray serverOrder = originalList;
        if (inPatch && field.strategy != Strategy::Merge) {
            merged = patchList;
        } else if (inPatch) {
            const auto slice = mergeSlice(originalList, patchList, field);
            if (!slice)
                return slice.error();
            merged = slice->merged;
            if (slice->inPlaceValid)
                serverOrder = firstItems(slice->inPlace, originalList.size());
        }
        const auto ordered = orderMerged(merged, order.toArray(), serverOrder, field.mergeKey);
        if (!ordered)
            return ordered.error();
        original.insert(listKey, *ordered);
        patch.remove(listKey);
        return std::nullopt;
    }

    static std::optional<Error> deleteFromPrimitiveList(QJsonObject &original, const QString &key,
                                                        const QJsonValue &values)
    {
        const QString listKey = key.mid(kDeletePrefix.size());
        if (!values.isArray() || listKey.isEmpty())
            return strategicError(Tr::tr("%1 must be a list of values.").arg(key));
        if (!original.value(listKey).isArray())
            return std::nullopt;
        const QJsonArray remove = values.toArray();
        QJsonArray kept;
        for (const QJsonValue &item : original.value(listKey).toArray()) {
            if (!remove.contains(item))
                kept << item;
        }
        original.insert(listKey, kept);
        return std::nullopt;
    }

    Result<QJsonValue> mergeField(const QJsonValue &original, const QJsonValue &patch,
                                  const PatchField &field)
    {
        if (original.type() != patch.type())
            return clean(patch, field);
        if (patch.isObject() && field.strategy != Strategy::Replace) {
            auto merged = mergeMap(original.toObject(), patch.toObject(), field.type);
            return merged ? Result<QJsonValue>(QJsonValue(*merged)) : merged.error();
        }
        if (patch.isArray() && field.strategy == Strategy::Merge) {
            auto merged = mergeSlice(original.toArray(), patch.toArray(), field);
            return merged ? Result<QJsonValue>(QJsonValue(merged->merged)) : merged.error();
        }
        return patch;
    }

    // A value the original does not have, with its directives applied.
    Result<QJsonValue> clean(const QJsonValue &patch, const PatchField &field)
    {
        if (patch.isObject())
            return mergeField(QJsonObject(), patch, field);
        if (patch.isArray())
            return mergeField(QJsonArray(), patch, field);
        return patch;
    }

    // mergeSliceWithSpecialElements: applies `$patch` items; returns the other patch items.
    static Result<QJsonArray> applyListDirectives(QJsonArray &original, const QJsonArray &patch,
                                                  const QString &mergeKey, bool *replace)
    {
        QJsonArray plain;
        for (const QJsonValue &item : patch) {
            const QJsonObject object = item.toObject();
            if (!object.contains(kPatchDirective)) {
                plain << item;
                continue;
            }
            const QString directive = object.value(kPatchDirective).toString();
            if (directive == u"delete") {
                if (!object.contains(mergeKey))
                    return noMergeKey(mergeKey);
                for (qsizetype i = original.size() - 1; i >= 0; --i) {
                    if (original.at(i).toObject().value(mergeKey) == object.value(mergeKey))
                        original.removeAt(i);
                }
            } else if (directive == u"replace") {
                *replace = true;
            } else if (directive == u"merge") {
                return strategicError(Tr::tr("Merging lists cannot yet be specified in the "
                                             "patch ($patch: merge in a list)."));
            } else {
                return strategicError(
                    Tr::tr("Unknown patch type \"%1\" in a list item.").arg(directive));
            }
        }
        return plain;
    }

    Result<SliceMerge> mergeSlice(QJsonArray original, QJsonArray patch, const PatchField &field)
    {
        SliceMerge result;
        if (original.isEmpty() && patch.isEmpty()) {
            result.merged = original;
            return result;
        }
        const auto type = elementType(original, patch);
        if (!type)
            return type.error();
        const QString mergeKey = *type == QJsonValue::Object ? field.mergeKey : QString();
        if (*type != QJsonValue::Object) {
            QJsonArray both = original;
            for (const QJsonValue &item : std::as_const(patch))
                both << item;
            result.merged = withoutDuplicates(both);
        } else {
            if (mergeKey.isEmpty())
                return strategicError(
                    Tr::tr("The list \"%1\" of objects has no merge key.").arg(field.name));
            bool replace = false;
            const auto plain = applyListDirectives(original, patch, mergeKey, &replace);
            if (!plain)
                return plain.error();
            patch = replace ? QJsonArray() : *plain;
            if (replace) {
                original = QJsonArray();
                for (const QJsonValue &item : *plain) {
                    const auto cleaned = mergeMap(QJsonObject(), item.toObject(), field.type);
                    if (!cleaned)
                        return cleaned.error();
                    original << *cleaned;
                }
            }
            const auto merged = mergeItems(original, patch, field);
            if (!merged)
                return merged.error();
            result.merged = *merged;
            result.inPlace = *merged;
            result.inPlaceValid = !replace;
        }
        const auto ordered = orderMerged(result.merged, patch, original, mergeKey);
        if (!ordered)
            return ordered.error();
        result.merged = *ordered;
        return result;
    }

    // mergeSliceWithoutSpecialElements: items with a known key merge in place, others append.
    Result<QJsonArray> mergeItems(QJsonArray merged, const QJsonArray &patch,
                                  const PatchField &field)
    {
        for (const QJsonValue &item : patch) {
            if (!item.toObject().contains(field.mergeKey))
                return noMergeKey(field.mergeKey);
            const qsizetype index = indexIn(merged, item, field.mergeKey);
            const auto value =
                index >= 0 ? mergeMap(merged.at(index).toObject(), item.toObject(), field.type)
                           : mergeMap(QJsonObject(), item.toObject(), field.type);
            if (!value)
                return value.error();
            if (index >= 0)
                merged.replace(index, *value);
            else
                merged << *value;
        }
        return merged;
    }

    const PatchSchema &m_schema;
};

} // namespace

Result<QJsonObject> applyStrategicMergePatch(const QJsonObject &original, const QJsonObject &patch,
                                             const PatchSchema &schema, const QString &type)
{
    if (!schema.hasType(type)) {
        return Error{QStringLiteral("patch.unsupported"),
                     Tr::tr("Strategic merge patch is not supported for %1.")
                         .arg(type.isEmpty() ? Tr::tr("objects without a kind") : type),
                     Tr::tr("Use a JSON merge patch (application/merge-patch+json) or a JSON "
                            "patch (application/json-patch+json).")};
    }
    return StrategicMerger(schema).mergeMap(original, patch, type);
}

} // namespace core::sandbox
