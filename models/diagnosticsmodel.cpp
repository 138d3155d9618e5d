#include "models/diagnosticsmodel.h"

#include "models/tr.h"

#include <QColor>

namespace models {

DiagnosticsModel::DiagnosticsModel(QObject *parent) : QAbstractTableModel(parent) {}

void DiagnosticsModel::setDiagnostics(core::Diagnostics diagnostics)
{
    // Errors first, then warnings, then info; the order within a severity is the engine's.
    std::stable_sort(diagnostics.begin(), diagnostics.end(),
                     [](const core::Diagnostic &a, const core::Diagnostic &b) {
                         return int(a.severity) < int(b.severity);
                     });
    beginResetModel();
    m_diagnostics = std::move(diagnostics);
    endResetModel();
}

int DiagnosticsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_diagnostics.size());
}

int DiagnosticsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
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

QVariant DiagnosticsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::Diagnostic &d = m_diagnostics.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
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
        if (index.column() != Severity)
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

QVariant DiagnosticsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Severity:
        return Tr::tr("Severity");
    case Code:
        return Tr::tr("Code");
    case Message:
        return Tr::tr("Message");
    case Path:
        return Tr::tr("Field");
    default:
        return {};
    }
}

} // namespace models
