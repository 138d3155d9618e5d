#pragma once

#include "models/objectref.h"

#include <QAbstractTableModel>
#include <QCoreApplication>
#include <QList>

#include <utility>

namespace models {

// What every flat table of rows shares: fixed translated column headers, a list of rows, cells
// computed from a row, and the sameness test that decides whether a row that stays needs a
// dataChanged. KeyedTableModel (replace all rows at once) and LiveTableModel (apply batches)
// differ only in how the rows change.
// Storage: QList<Row>, or IndirectRows<Row> for tables that lose rows from the middle often.
template <typename Row, typename Storage = QList<Row>> class RowTableModel : public QAbstractTableModel
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
        if (role == ObjectRefRole) {
            // A table of things that are not cluster objects answers the role as its cells do.
            if (const ObjectRef r = ref(m_rows.at(index.row())); r.isValid())
                return QVariant::fromValue(r);
        }
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

    const Storage &rows() const { return m_rows; }
    const Row &rowAt(int row) const { return m_rows.at(row); }
    QString keyAt(int row) const { return key(m_rows.at(row)); }

protected:
    RowTableModel(QList<const char *> headers, QObject *parent)
        : QAbstractTableModel(parent), m_headers(std::move(headers))
    {
    }

    virtual QString key(const Row &row) const = 0;
    virtual QVariant cell(const Row &row, int column, int role) const = 0;
    // The object a row shows (ObjectRefRole); tables of things that are not cluster objects
    // keep the default, an invalid reference.
    virtual ObjectRef ref(const Row &) const { return {}; }
    // Whether two rows with the same key look the same: every cell in the roles views read.
    virtual bool same(const Row &a, const Row &b) const
    {
        for (int column = 0; column < m_headers.size(); ++column) {
            if (cellsDiffer(a, b, column))
                return false;
        }
        return true;
    }
    // The first and last column whose cells differ between two rows with the same key
    // ({-1, -1}: none), so a dataChanged covers only them: a sorting proxy re-sorts a changed
    // row (an O(rows) step each) only when the change reaches its sort column.
    std::pair<int, int> changedColumns(const Row &a, const Row &b) const
    {
        int first = 0;
        while (first < m_headers.size() && !cellsDiffer(a, b, first))
            ++first;
        if (first == m_headers.size())
            return {-1, -1};
        int last = int(m_headers.size()) - 1;
        while (last > first && !cellsDiffer(a, b, last))
            --last;
        return {first, last};
    }
    Storage m_rows;

private:
    bool cellsDiffer(const Row &a, const Row &b, int column) const
    {
        for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(Qt::ForegroundRole),
                         int(Qt::UserRole)}) {
            if (cell(a, column, role) != cell(b, column, role))
                return true;
        }
        return false;
    }

    QList<const char *> m_headers;
};

} // namespace models
