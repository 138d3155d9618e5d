#include "app/burstctl/cliutil.h"

#include "core/kube/jsonyaml.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace cli {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

Inputs loadInputs(const QStringList &files)
{
    core::kube::LoadResult loaded = core::kube::loadManifestPaths(files);
    return Inputs{std::move(loaded.objects), std::move(loaded.errors)};
}

bool printValue(const QJsonValue &value, const QString &format)
{
    if (format == u"json") {
        const QJsonDocument doc =
            value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
        out() << QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
    } else if (format == u"yaml") {
        out() << QString::fromUtf8(core::kube::jsonToYaml(value));
    } else {
        return false;
    }
    out().flush();
    return true;
}

QString formatDiagnostic(const core::kube::ManifestObject &object, const core::Diagnostic &d)
{
    const core::kube::SourcePos pos = object.positionOf(d.path);
    return formatDiagnostic(
        QStringLiteral("%1:%2:%3").arg(object.file).arg(pos.line).arg(pos.column), d);
}

QString formatDiagnostic(const QString &where, const core::Diagnostic &d)
{
    QString text = QStringLiteral("%1: %2: %3 [%4]")
                       .arg(where, core::severityName(d.severity), d.message, d.code);
    if (!d.hint.isEmpty())
        text += QStringLiteral(" (") + d.hint + QLatin1Char(')');
    return text;
}

} // namespace cli
