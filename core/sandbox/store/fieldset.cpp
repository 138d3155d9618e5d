#include "core/sandbox/store/fieldset.h"

#include "core/sandbox/store/patchschema.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace core::sandbox {

namespace {

const QString kField = QStringLiteral("f:");
const QString kKey = QStringLiteral("k:");

PatchField fieldOf(const QString &type, const QString &name)
{
    return PatchSchema::kubernetes().field(type, name);
}

bool keyedBy(const QJsonArray &items, const QString &key)
{
    QSet<QString> seen;
    for (const QJsonValue &item : items) {
        const QJsonValue value = item.toObject().value(key);
        if (!item.isObject() || value.isUndefined() || value.isNull() || value.isObject() ||
            value.isArray())
            return false;
        const QString text =
            QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact));
        if (seen.contains(text))
            return false;
        seen.insert(text);
    }
    return true;
}

// The key of a list of `field`, "" when the list is atomic.
QString listKey(const PatchField &field, const QJsonArray &items)
{
    if (items.isEmpty())
        return QString();
    if (field.strategy == PatchField::Strategy::Merge && !field.mergeKey.isEmpty())
        return keyedBy(items, field.mergeKey) ? field.mergeKey : QString();
    for (const QJsonValue &item : items) {
        if (!item.toObject().value(u"name").isString())
            return QString();
    }
    return keyedBy(items, QStringLiteral("name")) ? QStringLiteral("name") : QString();
}

QString itemElement(const QString &key, const QJsonObject &item)
{
    const QJsonObject keyObject{{key, item.value(key)}};
    return kKey + QString::fromUtf8(QJsonDocument(keyObject).toJson(QJsonDocument::Compact));
}

void flattenValue(const QJsonValue &value, const PatchField &field, const FieldPath &path,
                  FlatFields &out);

void flattenObject(const QJsonObject &object, const QString &type, const FieldPath &path,
                   FlatFields &out)
{
    for (auto it = object.begin(); it != object.end(); ++it)
        flattenValue(it.value(), fieldOf(type, it.key()), path + FieldPath{kField + it.key()}, out);
}

void flattenValue(const QJsonValue &value, const PatchField &field, const FieldPath &path,
                  FlatFields &out)
{
    if (value.isObject() && !value.toObject().isEmpty()) {
        out.insert(path, {FieldNode::Role::Map, value});
        flattenObject(value.toObject(), field.type, path, out);
        return;
    }
    const QString key = value.isArray() ? listKey(field, value.toArray()) : QString();
    if (key.isEmpty()) {
        out.insert(path, {FieldNode::Role::Leaf, value});
        return;
    }
    for (const QJsonValue &item : value.toArray()) {
        const FieldPath itemPath = path + FieldPath{itemElement(key, item.toObject())};
        out.insert(itemPath, {FieldNode::Role::Item, item});
        flattenObject(item.toObject(), field.type, itemPath, out);
    }
}

QJsonValue mergeValue(const QJsonValue &live, const QJsonValue &config, const PatchField &field);

QJsonObject mergeObject(QJsonObject live, const QJsonObject &config, const QString &type)
{
    for (auto it = config.begin(); it != config.end(); ++it) {
        if (it.value().isNull())
            live.remove(it.key());
        else
            live.insert(it.key(),
                        mergeValue(live.value(it.key()), it.value(), fieldOf(type, it.key())));
    }
    return live;
}

QJsonValue mergeValue(const QJsonValue &live, const QJsonValue &config, const PatchField &field)
{
    if (live.isObject() && config.isObject())
        return mergeObject(live.toObject(), config.toObject(), field.type);
    if (!live.isArray() || !config.isArray())
        return config;
    const QString key = listKey(field, config.toArray());
    if (key.isEmpty() || listKey(field, live.toArray()) != key)
        return config;
    QJsonArray merged = live.toArray();
    for (const QJsonValue &item : config.toArray()) {
        const QJsonValue id = item.toObject().value(key);
        const auto at = std::find_if(merged.begin(), merged.end(), [&](const QJsonValue &v) {
            return v.toObject().value(key) == id;
        });
        if (at == merged.end())
            merged.append(item);
        else
            *at = mergeObject((*at).toObject(), item.toObject(), field.type);
    }
    return merged;
}

// Removes `path[at..]` below `node`; true when something was removed.
bool removeAt(QJsonValue &node, const FieldPath &path, qsizetype at)
{
    const QString &element = path.at(at);
    const bool last = at == path.size() - 1;
    if (element.startsWith(kField) && node.isObject()) {
        QJsonObject object = node.toObject();
        const QString name = element.mid(kField.size());
        if (!object.contains(name))
            return false;
        if (last) {
            object.remove(name);
        } else {
            QJsonValue child = object.value(name);
            if (!removeAt(child, path, at + 1))
                return false;
            if (child.isObject() && child.toObject().isEmpty())
                object.remove(name);
            else
                object.insert(name, child);
        }
        node = object;
        return true;
    }
    if (!element.startsWith(kKey) || !node.isArray())
        return false;
    const QJsonObject key = QJsonDocument::fromJson(element.mid(kKey.size()).toUtf8()).object();
    QJsonArray items = node.toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject item = items.at(i).toObject();
        bool matches = !key.isEmpty();
        for (auto it = key.begin(); it != key.end(); ++it)
            matches = matches && item.value(it.key()) == it.value();
        if (!matches)
            continue;
        if (last) {
            items.removeAt(i);
        } else {
            QJsonValue child = item;
            if (!removeAt(child, path, at + 1))
                return false;
            items.replace(i, child);
        }
        node = items;
        return true;
    }
    return false;
}

} // namespace

FlatFields flattenFields(const QJsonObject &object, const QString &kind)
{
    FlatFields out;
    flattenObject(object, kind, FieldPath(), out);
    return out;
}

FieldSet appliedFieldSet(const QJsonObject &config, const QString &kind)
{
    FieldSet set;
    const FlatFields flat = flattenFields(config, kind);
    for (auto it = flat.begin(); it != flat.end(); ++it) {
        if (it.value().role != FieldNode::Role::Map)
            set.insert(it.key());
    }
    return set;
}

FieldComparison compareFields(const QJsonObject &before, const QJsonObject &after,
                              const QString &kind)
{
    const FlatFields from = flattenFields(before, kind);
    const FlatFields to = flattenFields(after, kind);
    FieldComparison comparison;
    for (auto it = to.begin(); it != to.end(); ++it) {
        const auto was = from.find(it.key());
        if (was == from.end())
            comparison.added.insert(it.key());
        else if (was->role != it->role ||
                 (it->role == FieldNode::Role::Leaf && was->value != it->value))
            comparison.modified.insert(it.key());
    }
    for (auto it = from.begin(); it != from.end(); ++it) {
        if (!to.contains(it.key()))
            comparison.removed.insert(it.key());
    }
    return comparison;
}

QJsonObject mergeApplied(const QJsonObject &live, const QJsonObject &config, const QString &kind)
{
    return mergeObject(live, config, kind);
}

QJsonObject removeFields(const QJsonObject &object, const FieldSet &paths)
{
    // Shallowest first: an item goes while its key is still there to find it by (its fields
    // go with it). A map emptied by a removal goes in removeAt().
    QList<FieldPath> ordered(paths.begin(), paths.end());
    std::sort(ordered.begin(), ordered.end(),
              [](const FieldPath &a, const FieldPath &b) { return a.size() < b.size(); });
    QJsonValue root = object;
    for (const FieldPath &path : ordered) {
        if (!path.isEmpty())
            removeAt(root, path, 0);
    }
    return root.toObject();
}

QJsonObject toFieldsV1(const FieldSet &set)
{
    FieldSet parents;
    for (const FieldPath &path : set) {
        for (qsizetype n = 1; n < path.size(); ++n)
            parents.insert(path.first(n));
    }
    // Each path from the root down, as nested objects; a member with children also gets ".".
    const auto insert = [](auto &self, QJsonObject object, const FieldPath &path,
                           qsizetype at) -> QJsonObject {
        if (at == path.size())
            return object;
        object.insert(path.at(at), self(self, object.value(path.at(at)).toObject(), path, at + 1));
        return object;
    };
    QJsonObject fields;
    for (const FieldPath &path : set) {
        fields = insert(insert, fields, path, 0);
        if (parents.contains(path))
            fields = insert(insert, fields, path + FieldPath{QStringLiteral(".")}, 0);
    }
    return fields;
}

FieldSet fromFieldsV1(const QJsonObject &fields)
{
    FieldSet set;
    const auto walk = [&set](auto &self, const QJsonObject &node, const FieldPath &path) -> void {
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (it.key() == u".") {
                set.insert(path);
                continue;
            }
            const FieldPath child = path + FieldPath{it.key()};
            const QJsonObject members = it.value().toObject();
            if (members.isEmpty())
                set.insert(child);
            else
                self(self, members, child);
        }
    };
    walk(walk, fields, FieldPath());
    return set;
}

QString fieldPathString(const FieldPath &path)
{
    QString out;
    for (const QString &element : path) {
        if (element.startsWith(kField)) {
            out += u'.' + element.mid(kField.size());
            continue;
        }
        const QJsonObject key = QJsonDocument::fromJson(element.mid(kKey.size()).toUtf8()).object();
        QStringList parts;
        for (auto it = key.begin(); it != key.end(); ++it) {
            const QByteArray value =
                QJsonDocument(QJsonArray{it.value()}).toJson(QJsonDocument::Compact);
            parts.append(it.key() + u'=' + QString::fromUtf8(value.mid(1, value.size() - 2)));
        }
        out += u'[' + parts.join(u',') + u']';
    }
    return out;
}

} // namespace core::sandbox
