#include "models/diagnosticsmodel.h"

#include "models/tr.h"

#include <QColor>

namespace models {

DiagnosticsModel::DiagnosticsModel(QObject *parent)
    : KeyedTableModel({QT_TRANSLATE_NOOP("models", "Severity"), QT_TRANSLATE_NOOP("models", "Code"),
                       QT_TRANSLATE_NOOP("models", "Message"),
                       QT_TRANSLATE_NOOP("models", "Field")},
                      parent)
{
    Q_ASSERT(columnCount() == ColumnCount);
}

void DiagnosticsModel::setDiagnostics(core::Diagnostics diagnostics)
{
    std::stable_sort(diagnostics.begin(), diagnostics.end(),
                     [](const core::Diagnostic &a, const core::Diagnostic &b) {
                         return int(a.severity) < int(b.severity);
                     });
    setRows(std::move(diagnostics));
}

QString DiagnosticsModel::key(const core::Diagnostic &d) const
{
    return d.code + u'\n' + d.path;
}

QString DiagnosticsModel::severityText(core::Severity severity)
{
    switch (severity) {
    case core::Severity::Error:
        return Tr::tr("Error");
    case core::Severity::Warning:
        return Tr::tr("Warning");
    case core::Severity::Info:
        return Tr::tr("Info");
    }
    return {};
}

QVariant DiagnosticsModel::cell(const core::Diagnostic &d, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Severity:
            return severityText(d.severity);
        case Code:
            return d.code;
        case Message:
            return d.message;
        case Path:
            return d.path;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return d.hint.isEmpty() ? d.message : d.message + u'\n' + Tr::tr("Fix: %1").arg(d.hint);
    case Qt::ForegroundRole:
        if (column != Severity)
            return {};
        if (d.severity == core::Severity::Error)
            return QColor(0xd0, 0x30, 0x30);
        if (d.severity == core::Severity::Warning)
            return QColor(0xc0, 0x80, 0x00);
        return {};
    case PathRole:
        return d.path;
    case SeverityRole:
        return int(d.severity);
    default:
        return {};
    }
}

} // namespace models
