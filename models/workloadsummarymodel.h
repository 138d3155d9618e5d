#pragma once

#include "core/burst/preview.h"
#include "core/burst/workspace.h"
#include "models/keyedtablemodel.h"

namespace models {

struct WorkloadSummaryRow
{
    QString file;
    core::burst::PreviewResult preview;
};

// One row per previewed workload: what the Workloads table of the console shows. Rows are keyed by
// file, kind, namespace and name.
class WorkloadSummaryModel : public KeyedTableModel<WorkloadSummaryRow>
{
    Q_OBJECT

public:
    enum Column {
        Kind,
        Namespace,
        Name,
        File,
        Strategy,
        Profile,
        Admissible,
        Cpu,
        Memory,
        Errors,
        Warnings,
        ColumnCount
    };
    using Row = WorkloadSummaryRow;

    explicit WorkloadSummaryModel(QObject *parent = nullptr);

    const Row &row(int index) const { return rows().at(index); }
    // The rows of every workload of `workspace`, in its order.
    static QList<Row> rowsOf(const core::burst::Workspace &workspace);

protected:
    QString key(const Row &row) const override;
    QVariant cell(const Row &row, int column, int role) const override;

private:
    static QVariant display(const Row &row, int column);
};

} // namespace models
