#pragma once

#include "core/kube/labelselector.h"

#include <QHash>
#include <QSortFilterProxyModel>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace models {

// A filter as an operator types it in a pane's filter box: free words (each must occur in some
// cell, case-insensitive) and tokens KEY:VALUE that match one column (a token's value matches when
// the cell contains it, case-insensitive; a repeated token matches either value). "-" before a
// word or token negates it. Where a table keeps labels, a word with "=" (app=web,tier!=db) is a
// label selector as kubectl -l reads it. Unknown token keys, and selectors that do not parse, are
// kept as free words, so nothing the user types is ignored silently.
struct RowFilter
{
    struct Term
    {
        QString key; // "" for a free word, kSelectorKey for a label selector
        QString value;
        bool negated = false;
        core::kube::LabelSelector selector = {}; // of a selector term
        bool operator==(const Term &) const = default;
    };
    QList<Term> terms;

    bool isEmpty() const { return terms.isEmpty(); }
};

inline const QString kSelectorKey = QStringLiteral("=");

// Reads `text` with the token keys `keys` (lower case); `selectors` turns words with "=" into
// label selector terms.
RowFilter parseRowFilter(const QString &text, const QStringList &keys, bool selectors = false);

// Sorts (by Qt::UserRole, case-insensitive) and filters a flat table with a RowFilter. Each model
// maps its token keys to a column (setTokenColumn(s)) or to a test of its own (setTokenMatcher, or
// a subclass's matchesKey). A fixed term (setFixedTerm) applies on top of what the user types and
// cannot be removed by the user (the Burst pods pane's loc:cci). A namespace set (from the
// Namespaces pane) narrows the rows to those namespaces; empty = all.
class RowFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    static constexpr int SortRole = Qt::UserRole;
    // Qt::UserRole + 1 on column 0: the row's labels (core::kube::Labels) for selector terms.
    static constexpr int LabelsRole = Qt::UserRole + 1;
    // Whether source row `sourceRow` matches a token's `value`.
    using Matcher = std::function<bool(int sourceRow, const QString &value)>;

    explicit RowFilterProxy(QObject *parent = nullptr);

    void setTokenColumn(const QString &key, int column);
    void setTokenMatcher(const QString &key, Matcher matcher);
    // Token keys and the column each one matches; `extraKeys` are keys matchesKey() answers.
    void setTokenColumns(const QHash<QString, int> &columns, const QStringList &extraKeys = {});
    // Whether words with "=" are label selectors over LabelsRole.
    void setSelectors(bool on) { m_selectors = on; }
    // The column holding the namespace, for setNamespaces(); -1 when the table has none.
    void setNamespaceColumn(int column) { m_namespaceColumn = column; }
    // The token keys, in the order they were set.
    const QStringList &tokenKeys() const { return m_keys; }
    QStringList keys() const { return m_keys; }
    const RowFilter &filter() const { return m_filter; }

    void setFilterText(const QString &text);
    // A term on `key` every row must match; an empty value removes it.
    void setFixedTerm(const QString &key, const QString &value);
    void setNamespaces(const QStringList &namespaces);
    QStringList namespaces() const { return m_namespaces; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    // A key the subclass answers itself (loc:cci); nullopt: match the key's column.
    virtual std::optional<bool> matchesKey(int sourceRow, const RowFilter::Term &term) const;
    bool matches(int sourceRow, const RowFilter::Term &term) const;
    bool cellContains(int sourceRow, int column, const QString &value) const;

private:
    RowFilter m_filter;
    QStringList m_keys;
    QHash<QString, int> m_columns;
    QHash<QString, Matcher> m_matchers;
    QHash<QString, QString> m_fixed;
    bool m_selectors = false;
    int m_namespaceColumn = -1;
    QStringList m_namespaces;
};

} // namespace models
