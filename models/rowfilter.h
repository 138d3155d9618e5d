#pragma once

#include <QHash>
#include <QSortFilterProxyModel>
#include <QString>
#include <QStringList>

#include <functional>

namespace models {

// A filter as an operator types it in a pane's filter box: free words (each must occur in some
// cell, case-insensitive) and tokens KEY:VALUE that match one column (a token's value matches
// when the cell contains it, case-insensitive; a repeated token matches either value). "-" before
// a word or token negates it. Which keys are tokens is the pane's (`keys`); an unknown key is
// kept as a free word, so nothing the user types is ignored silently.
struct RowFilter
{
    struct Term
    {
        QString key; // "" for a free word
        QString value;
        bool negated = false;
        bool operator==(const Term &) const = default;
    };
    QList<Term> terms;

    bool isEmpty() const { return terms.isEmpty(); }
};

RowFilter parseRowFilter(const QString &text, const QStringList &keys);

// Sorts (by Qt::UserRole, case-insensitive) and filters a flat table model with a RowFilter whose
// token keys each model maps to a column (setTokenColumn) or to a test of its own
// (setTokenMatcher). A fixed term (setFixedTerm) applies on top of what the user types and
// cannot be removed by the user (the Burst pods pane's loc:cci).
class RowFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    // Whether source row `sourceRow` matches a token's `value`.
    using Matcher = std::function<bool(int sourceRow, const QString &value)>;

    explicit RowFilterProxy(QObject *parent = nullptr);

    void setTokenColumn(const QString &key, int column);
    void setTokenMatcher(const QString &key, Matcher matcher);
    // The token keys, in the order they were set.
    const QStringList &tokenKeys() const { return m_keys; }

    void setFilterText(const QString &text);
    const RowFilter &filter() const { return m_filter; }
    // A term on `key` every row must match; an empty value removes it.
    void setFixedTerm(const QString &key, const QString &value);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool cellContains(int sourceRow, int column, const QString &value) const;

private:
    bool matches(int sourceRow, const RowFilter::Term &term) const;

    QStringList m_keys;
    QHash<QString, int> m_columns;
    QHash<QString, Matcher> m_matchers;
    RowFilter m_filter;
    QHash<QString, QString> m_fixed;
};

} // namespace models
