#pragma once

#include "models/indirectrows.h"
#include "models/rowtablemodel.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <vector>

namespace models {

// One batch of changes to a live table, already turned into rows (on whichever thread decoded
// them): rows that were added or changed, by key, and the keys of rows that went away. Removals
// apply first, so a key in both lists stays (a batch function drops objects that were created
// and deleted within the batch, as podBatch does).
template <typename Row> struct RowBatch
{
    QList<Row> upserted;
    QStringList removed;

    bool isEmpty() const { return upserted.isEmpty() && removed.isEmpty(); }
};

// Where each key's row is in a list that gains rows at the end and loses them anywhere: a
// lookup and a removal cost O(log rows). A hash of key -> row number had to renumber every row
// after the first one removed: at 100,000 pods, each batch of watch events with a deleted pod
// rewrote tens of thousands of hash entries (a third of the GUI thread under churn). Here each
// key keeps the slot it was appended at, and a Fenwick tree over the slots counts the live ones
// before it; slots are renumbered (O(rows)) once as many have gone as there are rows.
class RowPositions
{
public:
    // The row of `key`, or -1.
    int find(const QString &key) const;
    // `key` (not held yet) is the new last row.
    void append(const QString &key);
    // The row of `key` goes; the rows after it move up by one. False when `key` is not held.
    bool remove(const QString &key);
    void clear();
    int size() const { return m_live; }

private:
    int prefix(int count) const; // live slots among the first `count`
    void add(int slot, int delta);
    void renumber();

    QHash<QString, int> m_slots; // key -> slot
    std::vector<int> m_tree;     // Fenwick tree over the slots, 1-based (m_tree[0] unused)
    std::vector<char> m_alive;   // per slot
    int m_live = 0;
};

// A run of consecutive row numbers, first..last inclusive.
struct RowRun
{
    int first = 0;
    int last = 0;
    bool operator==(const RowRun &) const = default;
};

// The runs of consecutive numbers in `rows` (any order, duplicates allowed), ascending:
// {9, 1, 2, 3, 7, 10} -> 1..3, 7..7, 9..10.
QList<RowRun> rowRuns(QList<int> rows);

// A flat table over a changing set of keyed objects (pods of a watch, events, nodes), updated one
// batch at a time without a reset: removed rows go with beginRemoveRows per run of consecutive
// rows, changed rows emit dataChanged per run (only rows that show something else), new rows are
// appended with one beginInsertRows. Rows keep their place, so selection and scroll position
// survive; order and filtering belong to a proxy model above. A key lookup is O(1) (an index
// rebuilt from the first removed row after removals). Subclasses give the column headers
// (QT_TRANSLATE_NOOP("models", ...)), the key and the cells.
template <typename Row> class LiveTableModel : public RowTableModel<Row, IndirectRows<Row>>
{
public:
    // The row showing `key`, or -1.
    int rowOf(const QString &key) const { return m_positions.find(key); }

    // Applies one batch: removals first, then each upserted row replaces the row with its key
    // or, when there is none, is appended (in batch order).
    void apply(RowBatch<Row> batch)
    {
        removeKeys(batch.removed);
        QHash<int, std::pair<int, int>> changed; // row -> the columns that changed
        QList<Row> added;
        QHash<QString, qsizetype> addedAt; // a key upserted twice in one batch: the later wins
        for (Row &row : batch.upserted) {
            const QString k = this->key(row);
            const int at = rowOf(k);
            if (at >= 0) {
                const auto [first, last] = this->changedColumns(this->m_rows.at(at), row);
                if (first >= 0) {
                    const auto seen = changed.constFind(at);
                    changed.insert(at, seen == changed.cend()
                                           ? std::pair(first, last)
                                           : std::pair(std::min(seen->first, first),
                                                       std::max(seen->second, last)));
                }
                this->m_rows[at] = std::move(row);
            } else if (const auto seen = addedAt.constFind(k); seen != addedAt.constEnd()) {
                added[*seen] = std::move(row);
            } else {
                addedAt.insert(k, added.size());
                added.append(std::move(row));
            }
        }
        emitChanged(changed);
        if (added.isEmpty())
            return;
        const int first = int(this->m_rows.size());
        this->beginInsertRows({}, first, first + int(added.size()) - 1);
        // Grow geometrically: reserving exactly the new size made every batch of a first sync
        // move all rows again (quadratic at 100k pods).
        const qsizetype needed = this->m_rows.size() + added.size();
        if (needed > this->m_rows.capacity())
            this->m_rows.reserve(std::max(needed, this->m_rows.capacity() * 3 / 2));
        for (Row &row : added) {
            m_positions.append(this->key(row));
            this->m_rows.append(std::move(row));
        }
        this->endInsertRows();
    }

    // Removes every row (a connection closed): one removal, not a reset.
    void clear()
    {
        if (this->m_rows.isEmpty())
            return;
        this->beginRemoveRows({}, 0, int(this->m_rows.size()) - 1);
        this->m_rows.clear();
        m_positions.clear();
        this->endRemoveRows();
    }

protected:
    using RowTableModel<Row, IndirectRows<Row>>::RowTableModel;

private:
    // One dataChanged per run of consecutive rows, over the columns any of them changed in.
    void emitChanged(const QHash<int, std::pair<int, int>> &changed)
    {
        for (const RowRun &run : rowRuns(changed.keys())) {
            int first = this->columnCount();
            int last = -1;
            for (int row = run.first; row <= run.last; ++row) {
                const auto span = changed.value(row);
                first = std::min(first, span.first);
                last = std::max(last, span.second);
            }
            emit this->dataChanged(this->index(run.first, first), this->index(run.last, last));
        }
    }

    void removeKeys(const QStringList &keys)
    {
        QList<int> gone;
        gone.reserve(keys.size());
        for (const QString &k : keys) {
            if (const int at = rowOf(k); at >= 0)
                gone.append(at);
        }
        if (gone.isEmpty())
            return;
        const QList<RowRun> runs = rowRuns(gone);
        for (auto run = runs.crbegin(); run != runs.crend(); ++run) {
            this->beginRemoveRows({}, run->first, run->last);
            for (int i = run->first; i <= run->last; ++i)
                m_positions.remove(this->key(this->m_rows.at(i)));
            this->m_rows.remove(run->first, run->last - run->first + 1);
            this->endRemoveRows();
        }
    }

    RowPositions m_positions;
};

} // namespace models
