#include "models/livetablemodel.h"

namespace models {

QList<RowRun> rowRuns(QList<int> rows)
{
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    QList<RowRun> runs;
    for (int row : std::as_const(rows)) {
        if (!runs.isEmpty() && runs.last().last + 1 == row)
            runs.last().last = row;
        else
            runs.append({row, row});
    }
    return runs;
}

} // namespace models
