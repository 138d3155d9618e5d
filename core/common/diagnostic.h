#pragma once

#include <QList>
#include <QString>

namespace core {

enum class Severity { Error, Warning, Info };

// Which part of the burst policy a finding is about, so an editor can show the form that edits it.
// Set where the finding is made; Other when no form edits the field.
enum class FieldArea { Other, Strategy, ImageReplacement, HostPath, Profile, Resources, Shape };

// A finding about an input: stable code for tools, field path for the editor, translated text for
// people. The hint says how to fix it and may be empty.
struct Diagnostic
{
    Severity severity = Severity::Error;
    QString code;
    QString path;
    QString message;
    QString hint;
    FieldArea area = FieldArea::Other;

    bool operator==(const Diagnostic &) const = default;
};

using Diagnostics = QList<Diagnostic>;

QString severityName(Severity severity); // "error" | "warning" | "info", not translated
// "other" | "strategy" | "imageReplacement" | "hostPath" | "profile" | "resources" | "shape"
QString fieldAreaName(FieldArea area);
Diagnostic makeError(const QString &code, const QString &path, const QString &message,
                     const QString &hint = {});
Diagnostic makeWarning(const QString &code, const QString &path, const QString &message,
                       const QString &hint = {});
Diagnostic makeInfo(const QString &code, const QString &path, const QString &message,
                    const QString &hint = {});
// The finding(s) in `area`; inAreaUnlessSet leaves those a more specific check already placed.
Diagnostic inArea(Diagnostic diagnostic, FieldArea area);
Diagnostics inArea(Diagnostics diagnostics, FieldArea area);
Diagnostics inAreaUnlessSet(Diagnostics diagnostics, FieldArea area);
bool hasError(const Diagnostics &diagnostics);
int countSeverity(const Diagnostics &diagnostics, Severity severity);
// Prefixes every path with `prefix` ("spec.template.spec" + "." + path) for diagnostics computed on
// a sub-object.
Diagnostics prefixed(Diagnostics diagnostics, const QString &prefix);
QString joinPath(const QString &prefix, const QString &path);

} // namespace core
