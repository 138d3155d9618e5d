#include "core/common/diagnostic.h"

#include <algorithm>

namespace core {

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Info:
        return QStringLiteral("info");
    }
    return QStringLiteral("error");
}

static Diagnostic make(Severity severity, const QString &code, const QString &path,
                       const QString &message, const QString &hint)
{
    return Diagnostic{severity, code, path, message, hint};
}

Diagnostic makeError(const QString &code, const QString &path, const QString &message,
                     const QString &hint)
{
    return make(Severity::Error, code, path, message, hint);
}

Diagnostic makeWarning(const QString &code, const QString &path, const QString &message,
                       const QString &hint)
{
    return make(Severity::Warning, code, path, message, hint);
}

Diagnostic makeInfo(const QString &code, const QString &path, const QString &message,
                    const QString &hint)
{
    return make(Severity::Info, code, path, message, hint);
}

bool hasError(const Diagnostics &diagnostics)
{
    return countSeverity(diagnostics, Severity::Error) > 0;
}

int countSeverity(const Diagnostics &diagnostics, Severity severity)
{
    return int(std::count_if(diagnostics.cbegin(), diagnostics.cend(),
                             [severity](const Diagnostic &d) { return d.severity == severity; }));
}

QString joinPath(const QString &prefix, const QString &path)
{
    if (prefix.isEmpty())
        return path;
    if (path.isEmpty())
        return prefix;
    if (path.startsWith(QLatin1Char('[')))
        return prefix + path;
    return prefix + QLatin1Char('.') + path;
}

Diagnostics prefixed(Diagnostics diagnostics, const QString &prefix)
{
    for (Diagnostic &d : diagnostics)
        d.path = joinPath(prefix, d.path);
    return diagnostics;
}

} // namespace core
