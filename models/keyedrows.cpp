#include "models/keyedrows.h"

#include <QHash>

#include <algorithm>

namespace models {

namespace {

// "key", "key" -> "key\x1f0", "key\x1f1": duplicates pair up in order.
QStringList numbered(const QStringList &keys)
{
    QHash<QString, int> seen;
    QStringList out;
    out.reserve(keys.size());
    for (const QString &key : keys)
        out.append(key + u'\x1f' + QString::number(seen[key]++));
    return out;
}

// Indices (into `values`) of a longest strictly increasing subsequence.
QList<int> longestIncreasing(const QList<int> &values)
{
    QList<int> tails; // tails[k]: index of the smallest tail of an increasing run of length k + 1
    QList<int> previous(values.size(), -1);
    for (int i = 0; i < values.size(); ++i) {
        const auto at =
            std::lower_bound(tails.begin(), tails.end(), values.at(i),
                             [&](int index, int value) { return values.at(index) < value; });
        if (at != tails.begin())
            previous[i] = *(at - 1);
        if (at == tails.end())
            tails.append(i);
        else
            *at = i;
    }
    QList<int> out;
    for (int i = tails.isEmpty() ? -1 : tails.last(); i >= 0; i = previous.at(i))
        out.prepend(i);
    return out;
}

// Ranges of consecutive marked indices, as steps of `kind`.
QList<RowStep> ranges(const QList<bool> &marked, RowStep::Kind kind)
{
    QList<RowStep> out;
    for (int i = 0; i < marked.size(); ++i) {
        if (!marked.at(i))
            continue;
        if (!out.isEmpty() && out.last().last == i - 1)
            out.last().last = i;
        else
            out.append({kind, i, i});
    }
    return out;
}

} // namespace

QList<RowStep> keyedRowSteps(const QStringList &oldKeys, const QStringList &newKeys,
                             const std::function<bool(int oldRow, int newRow)> &same)
{
    const QStringList before = numbered(oldKeys);
    const QStringList after = numbered(newKeys);
    QHash<QString, int> newIndex;
    for (int i = 0; i < after.size(); ++i)
        newIndex.insert(after.at(i), i);
    QList<int> matchedOld; // old rows whose key is still there, in old order
    QList<int> matchedNew; // ... and where they are now
    for (int i = 0; i < before.size(); ++i) {
        const auto it = newIndex.constFind(before.at(i));
        if (it != newIndex.cend()) {
            matchedOld.append(i);
            matchedNew.append(*it);
        }
    }
    QList<bool> removed(before.size(), true);
    QList<bool> inserted(after.size(), true);
    QList<bool> changed(after.size(), false);
    for (int k : longestIncreasing(matchedNew)) {
        const int o = matchedOld.at(k);
        const int n = matchedNew.at(k);
        removed[o] = false;
        inserted[n] = false;
        changed[n] = !same(o, n);
    }
    QList<RowStep> steps = ranges(removed, RowStep::Remove);
    std::reverse(steps.begin(), steps.end());
    steps += ranges(inserted, RowStep::Insert);
    steps += ranges(changed, RowStep::Change);
    return steps;
}

} // namespace models
