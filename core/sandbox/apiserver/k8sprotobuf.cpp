#include "core/sandbox/apiserver/k8sprotobuf.h"

#include "core/sandbox/apiserver/k8sprotobufwire.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QList>

#include <cstring>
#include <optional>

namespace core::sandbox {

namespace {

using namespace k8sprotobuf;

const QByteArray kMagic("k8s\0", 4);
constexpr int kMaxDepth = 100;

bool isZero(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return v.toString().isEmpty();
    case QJsonValue::Double:
        return v.toDouble() == 0;
    case QJsonValue::Bool:
        return !v.toBool();
    default:
        return false;
    }
}

QString rfc3339(qint64 seconds, qint64 nanos, bool micro)
{
    const QDateTime time = QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
    QString text = time.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
    if (micro)
        text += u'.' + QString::number(nanos / 1000).rightJustified(6, u'0');
    return text + u'Z';
}

// Go's time.Duration.String(): "1h2m3.5s", "150ms", "0s".
QString goDuration(qint64 nanos)
{
    if (nanos == 0)
        return QStringLiteral("0s");
    const bool negative = nanos < 0;
    const quint64 n = negative ? quint64(-(nanos + 1)) + 1 : quint64(nanos);
    QString text;
    if (n < 1000000000ULL) {
        const auto fraction = [](quint64 value, quint64 unit, const char *suffix) {
            QString s = QString::number(value / unit);
            QString rest = QString::number(value % unit)
                               .rightJustified(int(QString::number(unit).size() - 1), u'0');
            while (rest.endsWith(u'0'))
                rest.chop(1);
            if (!rest.isEmpty())
                s += u'.' + rest;
            return s + QLatin1String(suffix);
        };
        if (n < 1000)
            text = QString::number(n) + u"ns";
        else if (n < 1000000)
            text = fraction(n, 1000, "µs");
        else
            text = fraction(n, 1000000, "ms");
    } else {
        const quint64 hours = n / 3600000000000ULL;
        const quint64 minutes = n / 60000000000ULL % 60;
        const quint64 secondsNanos = n % 60000000000ULL;
        QString seconds = QString::number(secondsNanos / 1000000000ULL);
        QString rest = QString::number(secondsNanos % 1000000000ULL).rightJustified(9, u'0');
        while (rest.endsWith(u'0'))
            rest.chop(1);
        if (!rest.isEmpty())
            seconds += u'.' + rest;
        if (hours > 0)
            text = QString::number(hours) + u'h' + QString::number(minutes) + u'm';
        else if (minutes > 0)
            text = QString::number(minutes) + u'm';
        text += seconds + u's';
    }
    return negative ? u'-' + text : text;
}

class Decoder
{
public:
    QString error;

    // The JSON of one message; an undefined value is a field to leave out (a zero Time).
    std::optional<QJsonValue> message(QByteArrayView data, const QString &type, int depth,
                                      const QString &path)
    {
        if (depth > kMaxDepth)
            return fail(path, QStringLiteral("nesting deeper than %1 levels").arg(kMaxDepth));
        QList<WireField> wire;
        QString readError;
        if (!readFields(data, wire, readError))
            return fail(path, readError);
        if (const auto special = specialType(wire, type, depth, path); special.has_value())
            return special;
        if (!error.isEmpty())
            return std::nullopt;
        const auto spec = schema().messages.constFind(type);
        if (spec == schema().messages.cend())
            return fail(path, QStringLiteral("the schema has no message %1").arg(type));

        QJsonObject object;
        QHash<int, QJsonArray> lists;
        QHash<int, QJsonObject> maps;
        for (const WireField &w : wire) {
            const auto found = spec->fields.constFind(w.number);
            if (found == spec->fields.cend())
                continue; // a field newer than the schema: ignored, as Go's decoder keeps it aside
            const FieldSpec &field = *found;
            const QString fieldPath = path + u'.' + field.json;
            if (field.kind == FieldKind::Map) {
                if (!mapEntry(w, field, depth, fieldPath, maps[w.number]))
                    return std::nullopt;
                continue;
            }
            if (field.kind == FieldKind::Message) {
                if (w.wireType != 2)
                    return wrongWireType(fieldPath, w.wireType, 2);
                const auto value = message(w.bytes, field.type, depth + 1, fieldPath);
                if (!value)
                    return std::nullopt;
                if (field.repeated) {
                    lists[w.number].append(value->isUndefined() ? QJsonValue(QJsonValue::Null)
                                                                : *value);
                } else if (field.inlined) {
                    const QJsonObject inner = value->toObject();
                    for (auto it = inner.begin(); it != inner.end(); ++it)
                        object.insert(it.key(), it.value());
                } else if (!value->isUndefined()) {
                    object.insert(field.json, *value);
                }
                continue;
            }
            if (field.repeated && w.wireType == 2 && field.type != u"string" &&
                field.type != u"bytes") {
                if (!packed(w, field, fieldPath, lists[w.number]))
                    return std::nullopt;
                continue;
            }
            const auto value = scalar(w, field.type, fieldPath);
            if (!value)
                return std::nullopt;
            if (field.repeated)
                lists[w.number].append(*value);
            else if (field.pointer || !field.omitEmpty || !isZero(*value))
                object.insert(field.json, *value);
            else
                object.remove(field.json); // a later zero replaces an earlier value
        }
        for (auto it = lists.cbegin(); it != lists.cend(); ++it)
            object.insert(spec->fields.value(it.key()).json, it.value());
        for (auto it = maps.cbegin(); it != maps.cend(); ++it)
            object.insert(spec->fields.value(it.key()).json, it.value());
        // Verbs, ExtraValue: a Go slice type with a message of one list around it.
        if (spec->fields.size() == 1 && spec->fields.contains(1) &&
            spec->fields.value(1).json == u"items" && spec->fields.value(1).repeated)
            return object.value(u"items").isArray() ? object.value(u"items") : QJsonArray();
        return QJsonValue(object);
    }

private:
    std::nullopt_t fail(const QString &path, const QString &message)
    {
        if (error.isEmpty())
            error = path.isEmpty() ? message
                                   : path.mid(path.startsWith(u'.') ? 1 : 0) + u": " + message;
        return std::nullopt;
    }

    std::nullopt_t wrongWireType(const QString &path, int got, int expected)
    {
        return fail(path,
                    QStringLiteral("wire type %1 where %2 was expected").arg(got).arg(expected));
    }

    std::optional<QJsonValue> scalar(const WireField &w, const QString &type, const QString &path)
    {
        if (type == u"string" || type == u"bytes") {
            if (w.wireType != 2)
                return wrongWireType(path, w.wireType, 2);
            if (type == u"string")
                return QJsonValue(QString::fromUtf8(w.bytes));
            return QJsonValue(QString::fromLatin1(w.bytes.toByteArray().toBase64()));
        }
        if (type == u"double" || type == u"float") {
            const int expected = type == u"double" ? 1 : 5;
            if (w.wireType != expected)
                return wrongWireType(path, w.wireType, expected);
            if (expected == 1) {
                double d = 0;
                std::memcpy(&d, &w.value, sizeof d);
                return QJsonValue(d);
            }
            float f = 0;
            const quint32 bits = quint32(w.value);
            std::memcpy(&f, &bits, sizeof f);
            return QJsonValue(double(f));
        }
        if (w.wireType != 0)
            return wrongWireType(path, w.wireType, 0);
        if (type == u"bool")
            return QJsonValue(w.value != 0);
        if (type == u"int32")
            return QJsonValue(double(qint32(quint32(w.value))));
        if (type == u"uint32")
            return QJsonValue(double(quint32(w.value)));
        if (type == u"uint64")
            return QJsonValue(double(w.value));
        return QJsonValue(double(qint64(w.value))); // int64
    }

    bool packed(const WireField &w, const FieldSpec &field, const QString &path, QJsonArray &into)
    {
        // Packed varints: the body is varints back to back, read as fields of one number.
        QByteArray asFields;
        const char *p = w.bytes.data();
        const char *const end = p + w.bytes.size();
        while (p != end) {
            const char *start = p;
            while (p != end && (quint8(*p) & 0x80))
                ++p;
            if (p == end || p - start >= 10) {
                fail(path, QStringLiteral("a truncated packed varint"));
                return false;
            }
            ++p;
            asFields.append(char(0x08)); // field 1, varint
            asFields.append(start, p - start);
        }
        QList<WireField> values;
        QString readError;
        if (!readFields(asFields, values, readError)) {
            fail(path, readError);
            return false;
        }
        for (const WireField &v : values) {
            const auto value = scalar(v, field.type, path);
            if (!value)
                return false;
            into.append(*value);
        }
        return true;
    }

    bool mapEntry(const WireField &w, const FieldSpec &field, int depth, const QString &path,
                  QJsonObject &into)
    {
        if (w.wireType != 2) {
            wrongWireType(path, w.wireType, 2);
            return false;
        }
        QList<WireField> entry;
        QString readError;
        if (!readFields(w.bytes, entry, readError)) {
            fail(path, readError);
            return false;
        }
        QString key;
        QJsonValue value = field.valueIsMessage    ? QJsonValue(QJsonObject())
                           : field.type == u"bool" ? QJsonValue(false)
                           : field.type == u"string" || field.type == u"bytes"
                               ? QJsonValue(QString())
                               : QJsonValue(0);
        for (const WireField &part : entry) {
            if (part.number == 1) {
                const auto k = scalar(part, field.keyType, path);
                if (!k)
                    return false;
                key = k->isString() ? k->toString() : QString::number(qint64(k->toDouble()));
            } else if (part.number == 2) {
                const QString valuePath = path + u'[' + key + u']';
                if (field.valueIsMessage && part.wireType != 2) {
                    wrongWireType(valuePath, part.wireType, 2);
                    return false;
                }
                const auto v = field.valueIsMessage
                                   ? message(part.bytes, field.type, depth + 1, valuePath)
                                   : scalar(part, field.type, valuePath);
                if (!v)
                    return false;
                value = v->isUndefined() ? QJsonValue(QJsonValue::Null) : *v;
            }
        }
        into.insert(key, value);
        return true;
    }

    // The types with their own JSON form; nullopt with no error for any other type.
    std::optional<QJsonValue> specialType(const QList<WireField> &wire, const QString &type,
                                          int depth, const QString &path)
    {
        static const QString machinery = QStringLiteral("k8s.io.apimachinery.pkg.");
        if (!type.startsWith(machinery))
            return std::nullopt;
        const QString name = type.mid(machinery.size());
        const auto number = [&](int n) -> qint64 {
            qint64 v = 0;
            for (const WireField &w : wire) {
                if (w.number == n && w.wireType == 0)
                    v = qint64(w.value);
            }
            return v;
        };
        const auto bytes = [&](int n) -> QByteArrayView {
            QByteArrayView v;
            for (const WireField &w : wire) {
                if (w.number == n && w.wireType == 2)
                    v = w.bytes;
            }
            return v;
        };
        if (name == u"apis.meta.v1.Time" || name == u"apis.meta.v1.MicroTime") {
            const qint64 seconds = number(1);
            const qint64 nanos = qint32(quint32(number(2)));
            if (seconds == 0 && nanos == 0)
                return QJsonValue(QJsonValue::Undefined);
            if (seconds < -62135596800LL || seconds > 253402300799LL || nanos < 0 ||
                nanos > 999999999)
                return fail(path, QStringLiteral("a time out of range"));
            return QJsonValue(rfc3339(seconds, nanos, name.endsWith(u"MicroTime")));
        }
        if (name == u"apis.meta.v1.Duration")
            return QJsonValue(goDuration(number(1)));
        if (name == u"api.resource.Quantity" || name == u"api.resource.QuantityValue")
            return QJsonValue(QString::fromUtf8(bytes(1)));
        if (name == u"util.intstr.IntOrString") {
            if (number(1) == 1)
                return QJsonValue(QString::fromUtf8(bytes(3)));
            return QJsonValue(double(qint32(quint32(number(2)))));
        }
        if (name == u"runtime.RawExtension" || name == u"apis.meta.v1.FieldsV1") {
            const QByteArrayView raw = bytes(1);
            if (raw.isEmpty())
                return QJsonValue(QJsonValue::Null);
            if (raw.startsWith(kMagic)) {
                const auto inner = envelope(raw, depth + 1, path);
                if (!inner)
                    return std::nullopt;
                return QJsonValue(*inner);
            }
            const QJsonDocument doc = QJsonDocument::fromJson(raw.toByteArray());
            if (doc.isNull())
                return fail(path, QStringLiteral("raw bytes that are neither JSON nor protobuf"));
            return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
        }
        return std::nullopt;
    }

public:
    // "k8s\0" + runtime.Unknown{typeMeta{apiVersion, kind}, raw, contentEncoding, contentType}.
    std::optional<QJsonObject> envelope(QByteArrayView body, int depth, const QString &path)
    {
        if (!body.startsWith(kMagic)) {
            fail(path, QStringLiteral("the body does not start with the protobuf envelope's "
                                      "4 bytes \"k8s\\0\""));
            return std::nullopt;
        }
        QList<WireField> unknown;
        QString readError;
        if (!readFields(body.sliced(4), unknown, readError)) {
            fail(path, readError);
            return std::nullopt;
        }
        QString apiVersion;
        QString kind;
        QByteArrayView raw;
        QString encoding;
        for (const WireField &w : unknown) {
            if (w.number == 1 && w.wireType == 2) {
                QList<WireField> typeMeta;
                if (!readFields(w.bytes, typeMeta, readError)) {
                    fail(path, readError);
                    return std::nullopt;
                }
                for (const WireField &t : typeMeta) {
                    if (t.wireType == 2 && t.number == 1)
                        apiVersion = QString::fromUtf8(t.bytes);
                    else if (t.wireType == 2 && t.number == 2)
                        kind = QString::fromUtf8(t.bytes);
                }
            } else if (w.number == 2 && w.wireType == 2) {
                raw = w.bytes;
            } else if (w.number == 3 && w.wireType == 2) {
                encoding = QString::fromUtf8(w.bytes);
            }
        }
        if (!encoding.isEmpty()) {
            fail(path, QStringLiteral("content encoding %1 is not supported").arg(encoding));
            return std::nullopt;
        }
        const QString type = messageFor(apiVersion, kind);
        if (type.isEmpty()) {
            unknownKind = true;
            fail(path,
                 QStringLiteral("no protobuf schema for %1, kind %2")
                     .arg(apiVersion.isEmpty() ? QStringLiteral("(no apiVersion)") : apiVersion,
                          kind.isEmpty() ? QStringLiteral("(none)") : kind));
            return std::nullopt;
        }
        const auto object = message(raw, type, depth, path);
        if (!object)
            return std::nullopt;
        QJsonObject result = object->toObject();
        result.insert(QStringLiteral("apiVersion"), apiVersion);
        result.insert(QStringLiteral("kind"), kind);
        return result;
    }

    bool unknownKind = false;

private:
    static QString messageFor(const QString &apiVersion, const QString &kind)
    {
        const Schema &s = schema();
        if (kind.isEmpty() || kind.contains(u'.'))
            return {};
        for (const QString &package :
             {s.packages.value(apiVersion), apiVersion.isEmpty() ? QString() : s.metaPackage}) {
            if (package.isEmpty())
                continue;
            const QString name = package + u'.' + kind;
            if (s.messages.contains(name))
                return name;
        }
        return {};
    }
};

} // namespace

bool isKubernetesProtobuf(const QByteArray &contentType)
{
    return contentType.split(';').first().trimmed().toLower() ==
           "application/vnd.kubernetes.protobuf";
}

ServerResult<QJsonObject> kubernetesProtobufToJson(const QByteArray &body)
{
    Decoder decoder;
    const auto object = decoder.envelope(body, 0, QString());
    if (object)
        return *object;
    if (decoder.unknownKind) {
        return ApiError::unsupportedMediaType(
            QStringLiteral("the body of the request was in an unknown format - accepted media "
                           "types include: application/json, application/yaml (%1)")
                .arg(decoder.error));
    }
    return ApiError::badRequest(
        QStringLiteral("the request body is not a valid Kubernetes protobuf object: %1")
            .arg(decoder.error));
}

} // namespace core::sandbox
