#include "models/usagetablemodel.h"

#include "models/tr.h"

#include <QLocale>

namespace models {

UsageTableModel::UsageTableModel(QObject *parent)
    : KeyedTableModel({QT_TRANSLATE_NOOP("models", "Scope"),
                       QT_TRANSLATE_NOOP("models", "Namespace"),
                       QT_TRANSLATE_NOOP("models", "Workload"), QT_TRANSLATE_NOOP("models", "Pods"),
                       QT_TRANSLATE_NOOP("models", "vCPU-hours"),
                       QT_TRANSLATE_NOOP("models", "GiB-hours"),
                       QT_TRANSLATE_NOOP("models", "Cost")},
                      parent)
{
    Q_ASSERT(columnCount() == ColumnCount);
}

void UsageTableModel::setReport(const core::burst::UsageReport &report)
{
    QList<UsageTableRow> rows;
    rows.reserve(report.byWorkload.size() + report.byNamespace.size() + 1);
    for (const core::burst::UsageRow &row : report.byWorkload)
        rows.append({UsageTableRow::Scope::Workload, row});
    for (const core::burst::UsageRow &row : report.byNamespace)
        rows.append({UsageTableRow::Scope::Namespace, row});
    rows.append({UsageTableRow::Scope::Total, report.total});
    setRows(std::move(rows));
}

QString UsageTableModel::key(const UsageTableRow &row) const
{
    return QString::number(int(row.scope)) + u'\n' + row.usage.nameSpace + u'\n' + row.usage.key;
}

bool UsageTableModel::same(const UsageTableRow &a, const UsageTableRow &b) const
{
    return a.scope == b.scope && a.usage == b.usage;
}

QVariant UsageTableModel::cell(const UsageTableRow &row, int column, int role) const
{
    const core::burst::UsageRow &u = row.usage;
    if (role == Qt::TextAlignmentRole)
        return column >= Pods ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    if (role == SortRole) {
        switch (column) {
        case Pods:
            return u.pods;
        case VcpuHours:
            return u.vcpuHours;
        case GibHours:
            return u.gibHours;
        case Cost:
            return u.cost.value_or(-1);
        default:
            break;
        }
        role = Qt::DisplayRole;
    }
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    switch (column) {
    case Scope:
        return row.scope == UsageTableRow::Scope::Workload    ? Tr::tr("workload")
               : row.scope == UsageTableRow::Scope::Namespace ? Tr::tr("namespace")
                                                              : Tr::tr("total");
    case Namespace:
        return u.nameSpace;
    case Workload:
        return row.scope == UsageTableRow::Scope::Workload ? u.key : QString();
    case Pods:
        return locale.toString(u.pods);
    case VcpuHours:
        return locale.toString(u.vcpuHours, 'f', 2);
    case GibHours:
        return locale.toString(u.gibHours, 'f', 2);
    case Cost:
        return u.cost ? locale.toString(*u.cost, 'f', 2) : QString();
    default:
        return {};
    }
}

} // namespace models
