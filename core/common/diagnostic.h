#pragma once

#include <QList>
#include <QString>

namespace core {

enum class Severity { Error, Warning, Info };

// A finding about an input: stable code for tools, field path for the editor, translated text for
// people. The hint says how to fix it and may be empty.
struct Diagnostic
{
    Severity severity = Severity::Error;
    QString code;
    QString path;
    QString message;
    QString hint;

    bool operator==(const Diagnostic &) const = default;
};

using Diagnostics = QList<Diagnostic>;

QString severityName(Severity severity); // "error" | "warning" | "info", not translated
Diagnostic makeError(const QString &code, const QString &path, const QString &message,
                     const QString &hint = {});
Diagnostic makeWarning(const QString &code, const QString &path, const QString &message,
                       const QString &hint = {});
Diagnostic makeInfo(const QString &code, const QString &path, const QString &message,
                    const QString &hint = {});
bool hasError(const Diagnostics &diagnostics);
int countSeverity(const Diagnostics &diagnostics, Severity severity);
// Prefixes every path with `prefix` ("spec.template.spec" + "." + path) for diagnostics computed on
// a sub-object.
Diagnostics prefixed(Diagnostics diagnostics, const QString &prefix);
QString joinPath(const QString &prefix, const QString &path);

} // namespace core
