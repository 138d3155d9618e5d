#include "models/rowfilter.h"

#include "core/kube/objectmeta.h"
#include "core/kube/selectorparser.h"

namespace models {

RowFilter parseRowFilter(const QString &text, const QStringList &keys, bool selectors)
{
    RowFilter filter;
    for (QString word : text.split(u' ', Qt::SkipEmptyParts)) {
        RowFilter::Term term;
        if (word.size() > 1 && word.startsWith(u'-')) {
            term.negated = true;
            word.remove(0, 1);
        }
        const qsizetype colon = word.indexOf(u':');
        if (colon > 0 && keys.contains(word.left(colon).toLower())) {
            term.key = word.left(colon).toLower();
            term.value = word.mid(colon + 1);
            if (term.value.isEmpty())
                continue; // "ns:" while typing: no constraint yet
        } else if (selectors && word.indexOf(u'=') > 0) {
            term.value = word;
            if (auto selector = core::kube::parseLabelSelector(word)) {
                term.key = kSelectorKey;
                term.selector = selector.value();
            }
        } else {
            term.value = word;
        }
        filter.terms.append(term);
    }
    return filter;
}

RowFilterProxy::RowFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

void RowFilterProxy::setTokenColumn(const QString &key, int column)
{
    if (!m_keys.contains(key))
        m_keys.append(key);
    m_matchers.remove(key);
    m_columns.insert(key, column);
}

void RowFilterProxy::setTokenMatcher(const QString &key, Matcher matcher)
{
    if (!m_keys.contains(key))
        m_keys.append(key);
    m_columns.remove(key);
    m_matchers.insert(key, std::move(matcher));
}

void RowFilterProxy::setTokenColumns(const QHash<QString, int> &columns,
                                     const QStringList &extraKeys)
{
    m_columns = columns;
    m_matchers.clear();
    m_keys = columns.keys() + extraKeys;
    m_keys.sort();
}

void RowFilterProxy::setFilterText(const QString &text)
{
    RowFilter filter = parseRowFilter(text, m_keys, m_selectors);
    if (filter.terms == m_filter.terms)
        return;
    m_filter = std::move(filter);
    invalidateFilter();
}

void RowFilterProxy::setFixedTerm(const QString &key, const QString &value)
{
    if (m_fixed.value(key) == value)
        return;
    if (value.isEmpty())
        m_fixed.remove(key);
    else
        m_fixed.insert(key, value);
    invalidateFilter();
}

void RowFilterProxy::setNamespaces(const QStringList &namespaces)
{
    if (namespaces == m_namespaces)
        return;
    m_namespaces = namespaces;
    invalidateFilter();
}

std::optional<bool> RowFilterProxy::matchesKey(int, const RowFilter::Term &) const
{
    return std::nullopt;
}

bool RowFilterProxy::cellContains(int sourceRow, int column, const QString &value) const
{
    const QAbstractItemModel *source = sourceModel();
    return source->data(source->index(sourceRow, column))
        .toString()
        .contains(value, Qt::CaseInsensitive);
}

bool RowFilterProxy::matches(int sourceRow, const RowFilter::Term &term) const
{
    const QAbstractItemModel *model = sourceModel();
    if (!model)
        return true;
    if (const auto answer = matchesKey(sourceRow, term))
        return *answer;
    if (const auto matcher = m_matchers.constFind(term.key); matcher != m_matchers.cend())
        return (*matcher)(sourceRow, term.value);
    if (term.key == kSelectorKey)
        return term.selector.matches(
            model->index(sourceRow, 0).data(LabelsRole).value<core::kube::Labels>());
    if (const auto column = m_columns.constFind(term.key); column != m_columns.cend())
        return cellContains(sourceRow, *column, term.value);
    for (int c = 0; c < model->columnCount(); ++c) {
        if (cellContains(sourceRow, c, term.value))
            return true;
    }
    return false;
}

bool RowFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid() || !sourceModel())
        return false;
    if (m_namespaceColumn >= 0 && !m_namespaces.isEmpty() &&
        !m_namespaces.contains(
            sourceModel()->index(sourceRow, m_namespaceColumn).data().toString()))
        return false;
    for (auto fixed = m_fixed.cbegin(); fixed != m_fixed.cend(); ++fixed) {
        if (!matches(sourceRow, {fixed.key(), fixed.value()}))
            return false;
    }
    // Terms with the same key are alternatives (ns:a ns:b); different keys, free words and
    // selectors must all hold; a negated term must not hold.
    QHash<QString, bool> anyOf;
    for (const RowFilter::Term &term : m_filter.terms) {
        const bool hit = matches(sourceRow, term);
        if (term.negated) {
            if (hit)
                return false;
        } else if (term.key.isEmpty() || term.key == kSelectorKey) {
            if (!hit)
                return false;
        } else {
            anyOf[term.key] = anyOf.value(term.key) || hit;
        }
    }
    for (const bool hit : std::as_const(anyOf)) {
        if (!hit)
            return false;
    }
    return true;
}

} // namespace models
