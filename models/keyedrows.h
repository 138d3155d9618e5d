#pragma once

#include <QList>
#include <QStringList>

#include <functional>

namespace models {

// One step of turning a table's rows into new rows without a model reset.
struct RowStep
{
    enum Kind { Remove, Insert, Change };
    Kind kind = Change;
    int first = 0;
    int last = 0;

    bool operator==(const RowStep &) const = default;
};

// The steps that turn rows identified by `oldKeys` into rows identified by `newKeys`: rows are
// matched by key (the n-th row with a key matches the n-th new row with that key); the longest run
// of matched rows that keeps its order stays, every other old row is removed and every other new
// row inserted. `same(oldRow, newRow)` says whether a row that stays still shows the same data.
// The steps apply in order: removals bottom-up (indices into the rows as they are at that step),
// then insertions top-down and changes (indices into the new rows).
QList<RowStep> keyedRowSteps(const QStringList &oldKeys, const QStringList &newKeys,
                             const std::function<bool(int oldRow, int newRow)> &same);

} // namespace models
