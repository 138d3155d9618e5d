#pragma once

#include <QByteArray>
#include <QJsonObject>

namespace core::sandbox {

// QJsonDocument(object).toJson(QJsonDocument::Compact), byte for byte, several times faster: Qt's
// writer allocates a buffer per string and regrows the output, which made serialising a 4 KB pod
// most of the cost of every store write. Keys in QJsonObject's order; strings escaped as Qt does
// (", \, \b \f \n \r \t, other controls as \u00XX, no other escape; a lone surrogate as \uXXXX);
// integers as digits, doubles shortest-round-trip, non-finite doubles as null.
QByteArray compactJson(const QJsonObject &object);
// Appends `text` as a JSON string, quoted and escaped as compactJson() writes strings.
void appendJsonString(QByteArray &out, const QString &text);

} // namespace core::sandbox
