#pragma once

#include "models/keyedrows.h"

#include <QAbstractTableModel>
#include <QCoreApplication>
#include <QList>

namespace models {

// A flat table whose rows have a stable key (a workload's file and name, a pod's uid): setRows()
// removes the rows that went away, inserts the ones that came and emits dataChanged for the ones
// that show something else, and never resets, so selection and scroll position stay. Subclasses
// give the column headers (QT_TRANSLATE_NOOP("models", ...)), the key and the cells.
template <typename Row> class KeyedTableModel : public QAbstractTableModel
{
public:
    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }
    int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_headers.size());
    }
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override
    {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
            return {};
        return cell(m_rows.at(index.row()), index.column(), role);
    }
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override
    {
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
            section >= m_headers.size())
            return {};
        return QCoreApplication::translate("models", m_headers.at(section));
    }

    const QList<Row> &rows() const { return m_rows; }
    QString keyAt(int row) const { return key(m_rows.at(row)); }

    // Replaces the rows by key, as described above.
    void setRows(QList<Row> rows)
    {
        QStringList oldKeys;
        for (const Row &row : m_rows)
            oldKeys.append(key(row));
        QStringList newKeys;
        for (const Row &row : rows)
            newKeys.append(key(row));
        const QList<RowStep> steps = keyedRowSteps(
            oldKeys, newKeys, [&](int o, int n) { return same(m_rows.at(o), rows.at(n)); });
        for (const RowStep &step : steps) {
            if (step.kind == RowStep::Remove) {
                beginRemoveRows({}, step.first, step.last);
                m_rows.remove(step.first, step.last - step.first + 1);
                endRemoveRows();
            } else if (step.kind == RowStep::Insert) {
                beginInsertRows({}, step.first, step.last);
                for (int i = step.first; i <= step.last; ++i)
                    m_rows.insert(i, rows.at(i));
                endInsertRows();
            }
        }
        m_rows = std::move(rows);
        for (const RowStep &step : steps) {
            if (step.kind == RowStep::Change)
                emit dataChanged(index(step.first, 0), index(step.last, columnCount() - 1));
        }
    }

protected:
    KeyedTableModel(QList<const char *> headers, QObject *parent)
        : QAbstractTableModel(parent), m_headers(std::move(headers))
    {
    }

    virtual QString key(const Row &row) const = 0;
    virtual QVariant cell(const Row &row, int column, int role) const = 0;
    // Whether two rows with the same key look the same: every cell in the roles views read.
    virtual bool same(const Row &a, const Row &b) const
    {
        for (int column = 0; column < m_headers.size(); ++column) {
            for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(Qt::ForegroundRole)}) {
                if (cell(a, column, role) != cell(b, column, role))
                    return false;
            }
        }
        return true;
    }

private:
    QList<const char *> m_headers;
    QList<Row> m_rows;
};

} // namespace models
