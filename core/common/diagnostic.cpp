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

QString fieldAreaName(FieldArea area)
{
    switch (area) {
    case FieldArea::Other:
        return QStringLiteral("other");
    case FieldArea::Strategy:
        return QStringLiteral("strategy");
    case FieldArea::ImageReplacement:
        return QStringLiteral("imageReplacement");
    case FieldArea::HostPath:
        return QStringLiteral("hostPath");
    case FieldArea::Profile:
        return QStringLiteral("profile");
    case FieldArea::Resources:
        return QStringLiteral("resources");
    case FieldArea::Shape:
        return QStringLiteral("shape");
    }
    return QStringLiteral("other");
}

static Diagnostic make(Severity severity, const QString &code, const QString &path,
                       const QString &message, const QString &hint)
{
    return Diagnostic{severity, code, path, message, hint, FieldArea::Other};
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

Diagnostic inArea(Diagnostic diagnostic, FieldArea area)
{
    diagnostic.area = area;
    return diagnostic;
}

Diagnostics inArea(Diagnostics diagnostics, FieldArea area)
{
    for (Diagnostic &d : diagnostics)
        d.area = area;
    return diagnostics;
}

Diagnostics inAreaUnlessSet(Diagnostics diagnostics, FieldArea area)
{
    for (Diagnostic &d : diagnostics) {
        if (d.area == FieldArea::Other)
            d.area = area;
    }
    return diagnostics;
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
