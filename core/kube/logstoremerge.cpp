#include "core/kube/logstoremerge.h"

#include <algorithm>

namespace core::kube {

qsizetype LogMergeIndex::upperBound(std::int64_t t) const
{
    // Late lines usually belong near the end: look back exponentially, then binary search.
    qsizetype hi = size();
    qsizetype step = 1;
    qsizetype lo = hi;
    while (lo > 0 && timestampAt(lo - 1) > t) {
        hi = lo - 1;
        lo = std::max<qsizetype>(0, lo - step);
        step *= 2;
    }
    if (lo == hi)
        return hi;
    // timestampAt(lo - 1) <= t (or lo == 0) and every row at hi and after is > t.
    auto it = std::upper_bound(m_rows.begin() + lo, m_rows.begin() + hi, t,
                               [this](std::int64_t value, Ref r) { return value < timestampOf(r); });
    return qsizetype(it - m_rows.begin());
}

void LogMergeIndex::mergeTail(qsizetype from, std::vector<qsizetype> *newRowOfOld)
{
    const std::size_t split = std::size_t(from);
    if (split == 0 || split >= m_rows.size())
        return;
    if (timestampOf(m_rows[split - 1]) <= timestampOf(m_rows[split]))
        return; // already in order
    std::vector<std::int64_t> times(m_rows.size());
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        times[i] = timestampOf(m_rows[i]);
    std::deque<Ref> merged;
    if (newRowOfOld)
        newRowOfOld->assign(m_rows.size(), 0);
    std::size_t a = 0, b = split;
    auto take = [&](std::size_t i) {
        if (newRowOfOld)
            (*newRowOfOld)[i] = qsizetype(merged.size());
        merged.push_back(m_rows[i]);
    };
    while (a < split && b < m_rows.size()) {
        if (times[b] < times[a])
            take(b++);
        else
            take(a++);
    }
    while (a < split)
        take(a++);
    while (b < m_rows.size())
        take(b++);
    m_rows.swap(merged);
}

} // namespace core::kube
