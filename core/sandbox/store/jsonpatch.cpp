#include "core/sandbox/store/jsonpatch.h"

#include "core/common/tr.h"
#include "core/sandbox/store/patchschema.h"
#include "core/sandbox/store/strategicpatch.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <functional>
#include <optional>

namespace core::sandbox {

namespace {

Error malformed(const QString &message)
{
    return {QStringLiteral("patch.malformed"), message,
            Tr::tr("Send a JSON document of the shape the Content-Type names.")};
}

// One RFC 6902 operation with the context every error message needs.
struct Operation
{
    qsizetype index = 0;
    QString op;
    QJsonObject json;
};

Error operationError(const Operation &operation, const QString &code, const QString &detail)
{
    return {code,
            Tr::tr("JSON patch operation %1 (%2) failed: %3")
                .arg(operation.index)
                .arg(operation.op.isEmpty() ? Tr::tr("no op") : operation.op, detail),
            Tr::tr("Operations are numbered from 0; the document was not changed.")};
}

Error pathNotFound(const Operation &operation, const QString &pointer)
{
    return operationError(operation, QStringLiteral("patch.pathNotFound"),
                          Tr::tr("path \"%1\" does not exist").arg(pointer));
}

// An array index token: "0" or digits without a leading zero; "-" only where the caller allows.
std::optional<qsizetype> arrayIndex(const QString &token, qsizetype size, bool allowEnd)
{
    if (allowEnd && token == u"-")
        return size;
    if (token.isEmpty() || (token.size() > 1 && token.front() == u'0'))
        return std::nullopt;
    bool ok = false;
    const qsizetype index = token.toLongLong(&ok);
    if (!ok || index < 0 || index > (allowEnd ? size : size - 1))
        return std::nullopt;
    return index;
}

std::optional<QJsonValue> valueAtPointer(const QJsonValue &document, const QStringList &tokens)
{
    QJsonValue current = document;
    for (const QString &token : tokens) {
        if (current.isObject()) {
            const QJsonObject object = current.toObject();
            if (!object.contains(token))
                return std::nullopt;
            current = object.value(token);
        } else if (current.isArray()) {
            const QJsonArray array = current.toArray();
            const auto index = arrayIndex(token, array.size(), false);
            if (!index)
                return std::nullopt;
            current = array.at(*index);
        } else {
            return std::nullopt;
        }
    }
    return current;
}

// Edits the container that holds the last token. QJsonObject and QJsonArray are values, so the
// path is rebuilt on the way back up. `edit` returns false when the target does not fit.
using ContainerEdit = std::function<bool(QJsonValue &container, const QString &token)>;

bool editAt(QJsonValue &node, const QStringList &tokens, qsizetype depth, const ContainerEdit &edit)
{
    if (depth == tokens.size() - 1)
        return edit(node, tokens.at(depth));
    const QString &token = tokens.at(depth);
    if (node.isObject()) {
        QJsonObject object = node.toObject();
        if (!object.contains(token))
            return false;
        QJsonValue child = object.value(token);
        if (!editAt(child, tokens, depth + 1, edit))
            return false;
        object.insert(token, child);
        node = object;
        return true;
    }
    if (node.isArray()) {
        QJsonArray array = node.toArray();
        const auto index = arrayIndex(token, array.size(), false);
        if (!index)
            return false;
        QJsonValue child = array.at(*index);
        if (!editAt(child, tokens, depth + 1, edit))
            return false;
        array.replace(*index, child);
        node = array;
        return true;
    }
    return false;
}

bool addValue(QJsonValue &document, const QStringList &tokens, const QJsonValue &value)
{
    if (tokens.isEmpty()) {
        document = value;
        return true;
    }
    return editAt(document, tokens, 0, [&](QJsonValue &container, const QString &token) {
        if (container.isObject()) {
            QJsonObject object = container.toObject();
            object.insert(token, value);
            container = object;
            return true;
        }
        if (!container.isArray())
            return false;
        QJsonArray array = container.toArray();
        const auto index = arrayIndex(token, array.size(), true);
        if (!index)
            return false;
        array.insert(*index, value);
        container = array;
        return true;
    });
}

bool removeValue(QJsonValue &document, const QStringList &tokens)
{
    if (tokens.isEmpty())
        return false;
    return editAt(document, tokens, 0, [](QJsonValue &container, const QString &token) {
        if (container.isObject()) {
            QJsonObject object = container.toObject();
            if (!object.contains(token))
                return false;
            object.remove(token);
            container = object;
            return true;
        }
        if (!container.isArray())
            return false;
        QJsonArray array = container.toArray();
        const auto index = arrayIndex(token, array.size(), false);
        if (!index)
            return false;
        array.removeAt(*index);
        container = array;
        return true;
    });
}

Result<QStringList> pointerMember(const Operation &operation, const QString &member)
{
    const QJsonValue value = operation.json.value(member);
    if (!value.isString()) {
        return operationError(operation, QStringLiteral("patch.invalidOperation"),
                              Tr::tr("\"%1\" must be a JSON pointer string").arg(member));
    }
    auto tokens = parseJsonPointer(value.toString());
    if (!tokens)
        return operationError(operation, QStringLiteral("patch.invalidOperation"),
                              tokens.error().message);
    return tokens;
}

Result<QJsonValue> valueMember(const Operation &operation)
{
    if (!operation.json.contains(u"value")) {
        return operationError(operation, QStringLiteral("patch.invalidOperation"),
                              Tr::tr("the \"value\" member is missing"));
    }
    return operation.json.value(u"value");
}

bool isProperPrefix(const QStringList &prefix, const QStringList &tokens)
{
    return prefix.size() < tokens.size() &&
           std::equal(prefix.begin(), prefix.end(), tokens.begin());
}

std::optional<Error> applyOperation(QJsonValue &document, const Operation &operation)
{
    const auto path = pointerMember(operation, QStringLiteral("path"));
    if (!path)
        return path.error();
    const QString pathText = operation.json.value(u"path").toString();
    if (operation.op == u"add" || operation.op == u"replace" || operation.op == u"test") {
        const auto value = valueMember(operation);
        if (!value)
            return value.error();
        const auto current = valueAtPointer(document, *path);
        if (operation.op == u"test") {
            if (!current || *current != *value) {
                return operationError(
                    operation, QStringLiteral("patch.testFailed"),
                    Tr::tr("the value at \"%1\" is not the expected value").arg(pathText));
            }
            return std::nullopt;
        }
        if (operation.op == u"replace" && !current)
            return pathNotFound(operation, pathText);
        if (operation.op == u"replace" && !path->isEmpty())
            removeValue(document, *path);
        if (!addValue(document, *path, *value))
            return pathNotFound(operation, pathText);
        return std::nullopt;
    }
    if (operation.op == u"remove") {
        if (!removeValue(document, *path))
            return pathNotFound(operation, pathText);
        return std::nullopt;
    }
    if (operation.op == u"move" || operation.op == u"copy") {
        const auto from = pointerMember(operation, QStringLiteral("from"));
        if (!from)
            return from.error();
        const QString fromText = operation.json.value(u"from").toString();
        const auto value = valueAtPointer(document, *from);
        if (!value)
            return pathNotFound(operation, fromText);
        if (operation.op == u"move") {
            if (isProperPrefix(*from, *path)) {
                return operationError(operation, QStringLiteral("patch.invalidOperation"),
                                      Tr::tr("\"%1\" cannot be moved into its own child \"%2\"")
                                          .arg(fromText, pathText));
            }
            if (*from == *path)
                return std::nullopt;
            removeValue(document, *from);
        }
        if (!addValue(document, *path, *value))
            return pathNotFound(operation, pathText);
        return std::nullopt;
    }
    return operationError(operation, QStringLiteral("patch.invalidOperation"),
                          Tr::tr("unknown op \"%1\"").arg(operation.op));
}

Result<QJsonValue> parseBody(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        return malformed(Tr::tr("The patch is not valid JSON: %1 at offset %2.")
                             .arg(error.errorString())
                             .arg(error.offset));
    }
    if (document.isArray())
        return QJsonValue(document.array());
    return QJsonValue(document.object());
}

} // namespace

QJsonValue mergePatchValue(const QJsonValue &target, const QJsonValue &patch)
{
    if (!patch.isObject())
        return patch;
    QJsonObject result = target.isObject() ? target.toObject() : QJsonObject();
    const QJsonObject members = patch.toObject();
    for (auto it = members.begin(); it != members.end(); ++it) {
        if (it.value().isNull())
            result.remove(it.key());
        else
            result.insert(it.key(), mergePatchValue(result.value(it.key()), it.value()));
    }
    return result;
}

Result<QJsonObject> applyMergePatch(const QJsonObject &target, const QJsonValue &patch)
{
    const QJsonValue merged = mergePatchValue(target, patch);
    if (!merged.isObject())
        return malformed(Tr::tr("A merge patch of an object must be a JSON object."));
    return merged.toObject();
}

Result<QStringList> parseJsonPointer(const QString &pointer)
{
    if (pointer.isEmpty())
        return QStringList();
    if (!pointer.startsWith(u'/')) {
        return Error{QStringLiteral("patch.invalidOperation"),
                     Tr::tr("JSON pointer \"%1\" must start with '/'").arg(pointer), QString()};
    }
    QStringList tokens = pointer.mid(1).split(u'/');
    for (QString &token : tokens) {
        for (qsizetype i = 0; i < token.size(); ++i) {
            if (token.at(i) != u'~')
                continue;
            const QChar next = i + 1 < token.size() ? token.at(i + 1) : QChar();
            if (next != u'0' && next != u'1') {
                return Error{
                    QStringLiteral("patch.invalidOperation"),
                    Tr::tr("JSON pointer \"%1\" has '~' not followed by 0 or 1").arg(pointer),
                    QString()};
            }
            token.replace(i, 2, next == u'0' ? QStringLiteral("~") : QStringLiteral("/"));
        }
    }
    return tokens;
}

Result<QJsonValue> applyJsonPatchValue(const QJsonValue &document, const QJsonArray &operations)
{
    QJsonValue result = document;
    for (qsizetype i = 0; i < operations.size(); ++i) {
        Operation operation{i, QString(), operations.at(i).toObject()};
        if (!operations.at(i).isObject()) {
            return operationError(operation, QStringLiteral("patch.invalidOperation"),
                                  Tr::tr("an operation must be a JSON object"));
        }
        operation.op = operation.json.value(u"op").toString();
        if (const auto error = applyOperation(result, operation))
            return *error;
    }
    return result;
}

Result<QJsonObject> applyJsonPatch(const QJsonObject &document, const QJsonValue &patch)
{
    if (!patch.isArray())
        return malformed(Tr::tr("A JSON patch must be a JSON array of operations."));
    const auto result = applyJsonPatchValue(document, patch.toArray());
    if (!result)
        return result.error();
    if (!result->isObject()) {
        return Error{QStringLiteral("patch.invalidOperation"),
                     Tr::tr("The JSON patch replaced the object with a value that is not an "
                            "object."),
                     QString()};
    }
    return result->toObject();
}

Result<QJsonObject> applyPatch(PatchType type, const QJsonObject &document, const QByteArray &body,
                               const QString &kind)
{
    const auto parsed = parseBody(body);
    if (!parsed)
        return parsed.error();
    switch (type) {
    case PatchType::JsonPatch:
        return applyJsonPatch(document, *parsed);
    case PatchType::MergePatch:
        return applyMergePatch(document, *parsed);
    case PatchType::StrategicMergePatch:
        if (!parsed->isObject())
            return malformed(Tr::tr("A strategic merge patch must be a JSON object."));
        return applyStrategicMergePatch(document, parsed->toObject(), PatchSchema::kubernetes(),
                                        kind);
    case PatchType::ApplyPatch:
        return Error{QStringLiteral("patch.unsupported"),
                     QStringLiteral("server-side apply is not supported here"), QString()};
    }
    return malformed(QString());
}

} // namespace core::sandbox
