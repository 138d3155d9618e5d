#pragma once

#include "core/kube/logstore.h"

#include <QtGlobal>

#include <cstdint>
#include <deque>
#include <memory>
#include <vector>

namespace core::kube {

// The order of lines across several LogStores (one per source), by timestamp: per row one
// 8-byte reference (source in the top byte, the store's absolute line number below). Lines
// without a timestamp carry their predecessor's (the caller appends them so), so they stay where
// they arrived.
class LogMergeIndex
{
public:
    using Ref = std::uint64_t;
    static constexpr int kMaxSources = 255;

    static Ref ref(int source, std::int64_t line)
    {
        return (Ref(source) << 56) | (Ref(line) & ((Ref(1) << 56) - 1));
    }
    static int sourceOf(Ref r) { return int(r >> 56); }
    static std::int64_t lineOf(Ref r) { return std::int64_t(r & ((Ref(1) << 56) - 1)); }

    explicit LogMergeIndex(const std::vector<std::unique_ptr<LogStore>> *stores) : m_stores(stores)
    {
    }

    qsizetype size() const { return qsizetype(m_rows.size()); }
    bool isEmpty() const { return m_rows.empty(); }
    Ref at(qsizetype row) const { return m_rows[std::size_t(row)]; }
    Ref front() const { return m_rows.front(); }
    Ref back() const { return m_rows.back(); }
    std::int64_t timestampOf(Ref r) const { return (*m_stores)[std::size_t(sourceOf(r))]->timestamp(lineOf(r)); }
    std::int64_t timestampAt(qsizetype row) const { return timestampOf(at(row)); }

    // The row a line with timestamp `t` goes to: after every row at or before t.
    qsizetype upperBound(std::int64_t t) const;
    void insert(qsizetype row, Ref r) { m_rows.insert(m_rows.begin() + row, r); }
    void append(Ref r) { m_rows.push_back(r); }
    void dropFront(qsizetype n) { m_rows.erase(m_rows.begin(), m_rows.begin() + n); }
    void clear() { m_rows.clear(); }
    // Exchanges the rows with `other` (an index built aside, swapped in at once).
    void swap(LogMergeIndex &other) { m_rows.swap(other.m_rows); }

    // Rows [from, size()) are sorted and were appended after sorted rows [0, from): merges them
    // in one pass (stable: a tie keeps the older row first). When `newRowOfOld` is given it
    // receives, for every old row, its new row.
    void mergeTail(qsizetype from, std::vector<qsizetype> *newRowOfOld = nullptr);

private:
    const std::vector<std::unique_ptr<LogStore>> *m_stores;
    std::deque<Ref> m_rows;
};

} // namespace core::kube
