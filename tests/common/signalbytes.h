#pragma once

// What a signal carrying a QByteArray as its first argument (terminal output, exec channel data)
// delivered so far, concatenated: the test helper the terminal and exec tests share.

#include <QByteArray>
#include <QList>
#include <QSignalSpy>
#include <QVariant>

namespace tests {

inline QByteArray joined(const QSignalSpy &spy)
{
    QByteArray all;
    for (const QList<QVariant> &arguments : spy)
        all += arguments.constFirst().toByteArray();
    return all;
}

} // namespace tests
