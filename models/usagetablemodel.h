#pragma once

#include "core/burst/cciusage.h"
#include "models/keyedtablemodel.h"

namespace models {

// The CCI usage meter as a table: one row per workload, one per namespace, and the total, keyed
// by scope and name so a refresh updates cells in place.
struct UsageTableRow
{
    enum class Scope { Workload, Namespace, Total };
    Scope scope = Scope::Workload;
    core::burst::UsageRow usage;
};

class UsageTableModel : public KeyedTableModel<UsageTableRow>
{
    Q_OBJECT

public:
    enum Column { Scope, Namespace, Workload, Pods, VcpuHours, GibHours, Cost, ColumnCount };
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit UsageTableModel(QObject *parent = nullptr);
    void setReport(const core::burst::UsageReport &report);

protected:
    QString key(const UsageTableRow &row) const override;
    QVariant cell(const UsageTableRow &row, int column, int role) const override;
    // The figures themselves, not their formatted cells: at 2,000 workloads the formatting made
    // a refresh's comparison 10-17 ms of the GUI thread. (A figure that changes below the shown
    // precision still changes the SortRole, so it is a change.)
    bool same(const UsageTableRow &a, const UsageTableRow &b) const override;
};

} // namespace models
