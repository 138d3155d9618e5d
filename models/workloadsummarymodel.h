#pragma once

#include "core/burst/preview.h"

#include <QAbstractTableModel>
#include <QList>

namespace models {

// One row per previewed workload: what the Workloads table of the console shows.
class WorkloadSummaryModel : public QAbstractTableModel
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
    struct Row
    {
        QString file;
        core::burst::PreviewResult preview;
    };

    explicit WorkloadSummaryModel(QObject *parent = nullptr);

    void setRows(QList<Row> rows);
    const Row &row(int index) const { return m_rows.at(index); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant display(const Row &row, int column) const;

    QList<Row> m_rows;
};

} // namespace models
