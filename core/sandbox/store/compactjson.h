#pragma once

#include <QByteArray>
#include <QJsonObject>

namespace core::sandbox {

// QJsonDocument(object).toJson(QJsonDocument::Compact), byte for byte, several times faster: Qt's
// writer allocates a buffer per string and regrows the output, which made serialising a 4 KB pod
// most of the cost of every store write. Keys in QJsonObject's order; strings escaped as Qt does
// (", \, \b \f \n \r \t, other controls as \u00XX, no other escape; a lone surrogate as \uXXXX);
// integers as digits, doubles shortest-round-trip, non-finite doubles as null.
// `sizeHint`: the bytes to reserve (about the result's size; 0 = 4 KB).
QByteArray compactJson(const QJsonObject &object, qsizetype sizeHint = 0);
// compactJson(object), the same bytes, for an object that is a change of `previous`, whose
// compactJson() is `previousJson`: the members that are the same in both (same types and values,
// as compactJson() writes them) are copied from `previousJson` rather than written again, so a
// change of a pod's status writes its status and metadata, not its spec. Falls back to writing
// what `previousJson` does not fit.
QByteArray compactJson(const QJsonObject &object, const QJsonObject &previous,
                       const QByteArray &previousJson);
// Appends `text` as a JSON string, quoted and escaped as compactJson() writes strings.
void appendJsonString(QByteArray &out, const QString &text);

} // namespace core::sandbox
