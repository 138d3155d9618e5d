#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>

// The two lower halves of k8sprotobuf: the schema it reads messages with (k8s-protobuf.schema;
// its line format is described in scripts/k8s-protobuf-schema.py) and protobuf's wire format.
namespace core::sandbox::k8sprotobuf {

enum class FieldKind { Scalar, Message, Map };

struct FieldSpec
{
    QString json;
    FieldKind kind = FieldKind::Scalar;
    QString type;    // scalar name or message; for a map, the value's
    QString keyType; // for a map
    bool valueIsMessage = false;
    bool repeated = false;
    bool pointer = false;
    bool omitEmpty = false;
    bool inlined = false;
};

struct MessageSpec
{
    QHash<int, FieldSpec> fields;
};

struct Schema
{
    QHash<QString, MessageSpec> messages;
    QHash<QString, QString> packages; // apiVersion -> proto package
    QString metaPackage;              // meta.k8s.io/v1's: DeleteOptions and the like
};

// Read once from the resource :/sandbox/k8s-protobuf.schema.
const Schema &schema();

struct WireField
{
    int number = 0;
    int wireType = 0;
    quint64 value = 0;    // varint, fixed64 and fixed32
    QByteArrayView bytes; // length-delimited: a view into the message read
};

// One message's fields in wire order; false (and `error`) on malformed input: a truncated key,
// varint, fixed value or length, a field number out of range, a group.
bool readFields(QByteArrayView data, QList<WireField> &out, QString &error);

// The other way: one length-delimited field (a string, bytes or an embedded message), for the
// few protobuf documents the sandbox writes (its OpenAPI v2).
QByteArray varint(quint64 value);
QByteArray lengthDelimited(int number, const QByteArray &bytes);

} // namespace core::sandbox::k8sprotobuf
