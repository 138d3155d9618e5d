#include "models/workloadsummarymodel.h"

#include "core/kube/quantity.h"
#include "models/tr.h"

#include <QColor>
#include <QFileInfo>

namespace models {

WorkloadSummaryModel::WorkloadSummaryModel(QObject *parent) : QAbstractTableModel(parent) {}

void WorkloadSummaryModel::setRows(QList<Row> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int WorkloadSummaryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int WorkloadSummaryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WorkloadSummaryModel::display(const Row &row, int column) const
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

QVariant WorkloadSummaryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case Qt::ToolTipRole:
        return index.column() == File ? QVariant(row.file) : QVariant();
    case Qt::ForegroundRole:
        if (index.column() == Admissible && !row.preview.admissible)
            return QColor(Qt::red);
        return {};
    default:
        return {};
    }
}

QVariant WorkloadSummaryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Kind:
        return Tr::tr("Kind");
    case Namespace:
        return Tr::tr("Namespace");
    case Name:
        return Tr::tr("Name");
    case File:
        return Tr::tr("File");
    case Strategy:
        return Tr::tr("Strategy (source)");
    case Profile:
        return Tr::tr("Profile");
    case Admissible:
        return Tr::tr("Admissible");
    case Cpu:
        return Tr::tr("CCI cpu");
    case Memory:
        return Tr::tr("CCI memory");
    case Errors:
        return Tr::tr("Errors");
    case Warnings:
        return Tr::tr("Warnings");
    default:
        return {};
    }
}

} // namespace models
