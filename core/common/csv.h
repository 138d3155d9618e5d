#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace core {

// One CSV field (RFC 4180) in UTF-8: quoted when it holds a comma, quote or line break. A leading
// = + - @ is prefixed with ' so that a spreadsheet opening the export never evaluates text that
// came from a cluster (an event message, a name) as a formula.
inline QByteArray csvField(const QString &text)
{
    QByteArray bytes = text.toUtf8();
    if (!bytes.isEmpty() && QByteArrayView("=+-@").contains(bytes.front()))
        bytes.prepend('\'');
    if (bytes.contains(',') || bytes.contains('"') || bytes.contains('\n') ||
        bytes.contains('\r')) {
        bytes.replace('"', QByteArrayLiteral("\"\""));
        bytes = '"' + bytes + '"';
    }
    return bytes;
}

} // namespace core
