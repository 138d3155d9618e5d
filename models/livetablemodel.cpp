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

int RowPositions::prefix(int count) const
{
    int sum = 0;
    for (int i = count; i > 0; i -= i & -i)
        sum += m_tree[std::size_t(i)];
    return sum;
}

void RowPositions::add(int slot, int delta)
{
    for (int i = slot + 1; i < int(m_tree.size()); i += i & -i)
        m_tree[std::size_t(i)] += delta;
}

int RowPositions::find(const QString &key) const
{
    const auto it = m_slots.constFind(key);
    return it == m_slots.cend() ? -1 : prefix(*it);
}

void RowPositions::append(const QString &key)
{
    if (m_tree.empty())
        m_tree.push_back(0);
    const int slot = int(m_alive.size());
    const int node = slot + 1;
    // The new node covers slots node - lowbit(node) .. slot: this one and the live ones
    // before it in that range.
    m_tree.push_back(1 + prefix(slot) - prefix(node - (node & -node)));
    m_alive.push_back(1);
    m_slots.insert(key, slot);
    ++m_live;
}

bool RowPositions::remove(const QString &key)
{
    const auto it = m_slots.constFind(key);
    if (it == m_slots.cend())
        return false;
    const int slot = *it;
    m_slots.erase(it);
    m_alive[std::size_t(slot)] = 0;
    add(slot, -1);
    --m_live;
    if (int(m_alive.size()) > 2 * m_live + 1024)
        renumber();
    return true;
}

void RowPositions::renumber()
{
    std::vector<int> position(m_alive.size());
    int live = 0;
    for (std::size_t slot = 0; slot < m_alive.size(); ++slot) {
        position[slot] = live;
        live += m_alive[slot];
    }
    for (auto it = m_slots.begin(); it != m_slots.end(); ++it)
        *it = position[std::size_t(*it)];
    m_alive.assign(std::size_t(live), 1);
    m_tree.assign(std::size_t(live) + 1, 0);
    for (int i = 1; i <= live; ++i)
        m_tree[std::size_t(i)] = i & -i; // every slot live: node i covers lowbit(i) of them
}

void RowPositions::clear()
{
    m_slots.clear();
    m_tree.clear();
    m_alive.clear();
    m_live = 0;
}

} // namespace models
