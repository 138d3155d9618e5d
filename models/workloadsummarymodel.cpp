#include "models/workloadsummarymodel.h"

#include "core/kube/quantity.h"
#include "models/tr.h"

#include <QColor>
#include <QFileInfo>

namespace models {

WorkloadSummaryModel::WorkloadSummaryModel(QObject *parent)
    : KeyedTableModel(
          {QT_TRANSLATE_NOOP("models", "Kind"), QT_TRANSLATE_NOOP("models", "Namespace"),
           QT_TRANSLATE_NOOP("models", "Name"), QT_TRANSLATE_NOOP("models", "File"),
           QT_TRANSLATE_NOOP("models", "Strategy (source)"), QT_TRANSLATE_NOOP("models", "Profile"),
           QT_TRANSLATE_NOOP("models", "Admissible"), QT_TRANSLATE_NOOP("models", "CCI cpu"),
           QT_TRANSLATE_NOOP("models", "CCI memory"), QT_TRANSLATE_NOOP("models", "Errors"),
           QT_TRANSLATE_NOOP("models", "Warnings")},
          parent)
{
    Q_ASSERT(columnCount() == ColumnCount);
}

QList<WorkloadSummaryModel::Row>
WorkloadSummaryModel::rowsOf(const core::burst::Workspace &workspace)
{
    QList<Row> rows;
    for (const core::burst::WorkloadEntry &e : workspace.workloads())
        rows.append({workspace.files().at(e.file).path, e.preview});
    return rows;
}

QString WorkloadSummaryModel::key(const Row &row) const
{
    return row.file + u'\n' + row.preview.kind + u'/' + row.preview.nameSpace + u'/' +
           row.preview.name;
}

QVariant WorkloadSummaryModel::display(const Row &row, int column)
{
    const core::burst::PreviewResult &p = row.preview;
    switch (column) {
    case Kind:
        return p.kind;
    case Namespace:
        return p.nameSpace;
    case Name:
        return p.name;
    case File:
        return QFileInfo(row.file).fileName();
    case Strategy:
        return p.strategy.source == core::burst::StrategySource::None
                   ? Tr::tr("none")
                   : Tr::tr("%1 (%2)").arg(core::burst::strategyName(p.strategy.value),
                                           core::burst::sourceName(p.strategy.source));
    case Profile:
        return p.strategy.profile;
    case Admissible:
        return p.admissible ? Tr::tr("yes") : Tr::tr("no");
    case Cpu:
        return core::kube::formatCpuMilli(p.podAfter.cpuMilli);
    case Memory:
        return core::kube::formatMemoryBytes(p.podAfter.memoryBytes);
    case Errors:
        return core::countSeverity(p.diagnostics, core::Severity::Error);
    case Warnings:
        return core::countSeverity(p.diagnostics, core::Severity::Warning);
    default:
        return {};
    }
}

QVariant WorkloadSummaryModel::cell(const Row &row, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        return display(row, column);
    case Qt::ToolTipRole:
        return column == File ? QVariant(row.file) : QVariant();
    case Qt::ForegroundRole:
        if (column == Admissible && !row.preview.admissible)
            return QColor(Qt::red);
        return {};
    default:
        return {};
    }
}

} // namespace models
