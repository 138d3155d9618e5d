#pragma once

#include <QtGlobal>

#include <iterator>
#include <memory>
#include <vector>

namespace models {

// Rows held one allocation each, behind a vector of pointers: removing rows from the middle
// moves pointers, not rows. A live table of 100,000 pods loses rows all the time (every deleted
// pod); with rows stored inline each removal moved every row after it (hundreds of bytes and a
// dozen strings per row), milliseconds per removal. The subset of QList's interface the tables use.
template <typename Row> class IndirectRows
{
public:
    class const_iterator
    {
    public:
        using iterator_category = std::random_access_iterator_tag;
        using value_type = Row;
        using difference_type = std::ptrdiff_t;
        using pointer = const Row *;
        using reference = const Row &;

        const_iterator() = default;
        reference operator*() const { return **m_at; }
        pointer operator->() const { return m_at->get(); }
        const_iterator &operator++()
        {
            ++m_at;
            return *this;
        }
        const_iterator operator++(int)
        {
            const_iterator before = *this;
            ++m_at;
            return before;
        }
        difference_type operator-(const const_iterator &other) const { return m_at - other.m_at; }
        bool operator==(const const_iterator &other) const { return m_at == other.m_at; }

    private:
        friend class IndirectRows;
        using Base = typename std::vector<std::unique_ptr<Row>>::const_iterator;
        explicit const_iterator(Base at) : m_at(at) {}
        Base m_at;
    };

    IndirectRows() = default;
    IndirectRows(const IndirectRows &) = delete;
    IndirectRows &operator=(const IndirectRows &) = delete;

    qsizetype size() const { return qsizetype(m_rows.size()); }
    bool isEmpty() const { return m_rows.empty(); }
    qsizetype capacity() const { return qsizetype(m_rows.capacity()); }
    void reserve(qsizetype n) { m_rows.reserve(std::size_t(n)); }
    void clear() { m_rows.clear(); }
    const Row &at(qsizetype i) const { return *m_rows[std::size_t(i)]; }
    Row &operator[](qsizetype i) { return *m_rows[std::size_t(i)]; }
    const Row &operator[](qsizetype i) const { return at(i); }
    void append(Row &&row) { m_rows.push_back(std::make_unique<Row>(std::move(row))); }
    void append(const Row &row) { m_rows.push_back(std::make_unique<Row>(row)); }
    void remove(qsizetype first, qsizetype count)
    {
        m_rows.erase(m_rows.begin() + first, m_rows.begin() + first + count);
    }
    const_iterator begin() const { return const_iterator(m_rows.cbegin()); }
    const_iterator end() const { return const_iterator(m_rows.cend()); }
    const_iterator cbegin() const { return begin(); }
    const_iterator cend() const { return end(); }

private:
    std::vector<std::unique_ptr<Row>> m_rows;
};

} // namespace models
