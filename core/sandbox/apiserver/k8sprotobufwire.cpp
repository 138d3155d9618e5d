#include "core/sandbox/apiserver/k8sprotobufwire.h"

#include <QFile>
#include <QStringList>

#include <cstring>

namespace core::sandbox::k8sprotobuf {

namespace {

bool isScalarType(const QString &type)
{
    static const QStringList scalars =
        QStringLiteral("string bytes bool int32 int64 uint32 uint64 double float").split(u' ');
    return scalars.contains(type);
}

Schema loadSchema()
{
    Schema schema;
    QFile file(QStringLiteral(":/sandbox/k8s-protobuf.schema"));
    if (!file.open(QIODevice::ReadOnly))
        return schema;
    MessageSpec *current = nullptr;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray &raw : lines) {
        const QList<QByteArray> words = raw.trimmed().split(' ');
        if (words.size() == 3 && words.at(0) == "G") {
            schema.packages.insert(QString::fromLatin1(words.at(1)),
                                   QString::fromLatin1(words.at(2)));
            if (words.at(1) == "meta.k8s.io/v1")
                schema.metaPackage = QString::fromLatin1(words.at(2));
        } else if (words.size() == 2 && words.at(0) == "M") {
            current = &schema.messages[QString::fromLatin1(words.at(1))];
        } else if (words.size() == 6 && words.at(0) == "F" && current) {
            FieldSpec field;
            field.json = QString::fromLatin1(words.at(2));
            const QByteArray &kind = words.at(3);
            const QString type = QString::fromLatin1(words.at(4));
            if (kind == "M") {
                field.kind = FieldKind::Map;
                field.keyType = type.section(u',', 0, 0);
                field.type = type.section(u',', 1);
                field.valueIsMessage = !isScalarType(field.type);
            } else {
                field.kind = kind == "m" ? FieldKind::Message : FieldKind::Scalar;
                field.type = type;
            }
            const QByteArray &flags = words.at(5);
            field.repeated = flags.contains('r');
            field.pointer = flags.contains('p');
            field.omitEmpty = flags.contains('o');
            field.inlined = flags.contains('i');
            current->fields.insert(words.at(1).toInt(), field);
        }
    }
    return schema;
}

} // namespace

const Schema &schema()
{
    static const Schema loaded = loadSchema();
    return loaded;
}

bool readFields(QByteArrayView data, QList<WireField> &out, QString &error)
{
    const char *p = data.data();
    const char *const end = p + data.size();
    const auto varint = [&](quint64 &v) {
        v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (p == end)
                return false;
            const quint8 byte = quint8(*p++);
            v |= quint64(byte & 0x7f) << shift;
            if (!(byte & 0x80))
                return true;
        }
        return false; // more than 10 bytes
    };
    while (p != end) {
        quint64 key = 0;
        if (!varint(key)) {
            error = QStringLiteral("a truncated field key");
            return false;
        }
        WireField field;
        field.number = int(key >> 3);
        field.wireType = int(key & 7);
        if (key >> 3 == 0 || key >> 3 > 536870911) {
            error = QStringLiteral("field number %1 is out of range").arg(key >> 3);
            return false;
        }
        switch (field.wireType) {
        case 0:
            if (!varint(field.value)) {
                error = QStringLiteral("field %1: a truncated varint").arg(field.number);
                return false;
            }
            break;
        case 1:
        case 5: {
            const int size = field.wireType == 1 ? 8 : 4;
            if (end - p < size) {
                error = QStringLiteral("field %1: a truncated fixed-size value").arg(field.number);
                return false;
            }
            quint64 v = 0;
            std::memcpy(&v, p, size_t(size)); // little-endian on every platform Qt 6 runs on
            field.value = v;
            p += size;
            break;
        }
        case 2: {
            quint64 length = 0;
            if (!varint(length) || length > quint64(end - p)) {
                error = QStringLiteral("field %1: a length beyond the end of the message")
                            .arg(field.number);
                return false;
            }
            field.bytes = QByteArrayView(p, qsizetype(length));
            p += length;
            break;
        }
        default:
            error = QStringLiteral("field %1: wire type %2 (groups) is not used by Kubernetes")
                        .arg(field.number)
                        .arg(field.wireType);
            return false;
        }
        out.append(field);
    }
    return true;
}

QByteArray varint(quint64 value)
{
    QByteArray out;
    do {
        quint8 byte = value & 0x7f;
        value >>= 7;
        if (value)
            byte |= 0x80;
        out.append(char(byte));
    } while (value);
    return out;
}

QByteArray lengthDelimited(int number, const QByteArray &bytes)
{
    return varint(quint64(number) << 3 | 2) + varint(quint64(bytes.size())) + bytes;
}

} // namespace core::sandbox::k8sprotobuf
