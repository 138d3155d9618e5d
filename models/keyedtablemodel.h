#pragma once

#include "models/keyedrows.h"
#include "models/rowtablemodel.h"

namespace models {

// A flat table whose rows have a stable key (a workload's file and name, a pod's uid): setRows()
// removes the rows that went away, inserts the ones that came and emits dataChanged for the ones
// that show something else, and never resets, so selection and scroll position stay. Subclasses
// give the column headers (QT_TRANSLATE_NOOP("models", ...)), the key and the cells.
template <typename Row> class KeyedTableModel : public RowTableModel<Row>
{
public:
    // Replaces the rows by key, as described above.
    void setRows(QList<Row> rows)
    {
        QList<Row> &current = this->m_rows;
        QStringList oldKeys;
        for (const Row &row : current)
            oldKeys.append(this->key(row));
        QStringList newKeys;
        for (const Row &row : rows)
            newKeys.append(this->key(row));
        const QList<RowStep> steps = keyedRowSteps(
            oldKeys, newKeys, [&](int o, int n) { return this->same(current.at(o), rows.at(n)); });
        for (const RowStep &step : steps) {
            if (step.kind == RowStep::Remove) {
                this->beginRemoveRows({}, step.first, step.last);
                current.remove(step.first, step.last - step.first + 1);
                this->endRemoveRows();
            } else if (step.kind == RowStep::Insert) {
                this->beginInsertRows({}, step.first, step.last);
                for (int i = step.first; i <= step.last; ++i)
                    current.insert(i, rows.at(i));
                this->endInsertRows();
            }
        }
        current = std::move(rows);
        for (const RowStep &step : steps) {
            if (step.kind == RowStep::Change)
                emit this->dataChanged(this->index(step.first, 0),
                                       this->index(step.last, this->columnCount() - 1));
        }
    }

protected:
    using RowTableModel<Row>::RowTableModel;
};

} // namespace models
