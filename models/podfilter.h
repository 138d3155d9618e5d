#pragma once

#include <QSortFilterProxyModel>
#include <QString>
#include <QStringList>

namespace models {

// A filter as an operator types it in a pane's filter box: free words (each must occur in some
// cell, case-insensitive) and tokens that match one column: ns:NAME, status:TEXT, node:NAME,
// loc:cci|local, strategy:VALUE (a token's value matches when the cell contains it,
// case-insensitive; a repeated token matches either value). "-" before a word or token negates
// it. Unknown token keys are kept as free words, so nothing the user types is ignored silently.
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

RowFilter parseRowFilter(const QString &text);
// The token keys parseRowFilter knows.
const QStringList &rowFilterKeys();

// Sorts and filters a PodTableModel with a RowFilter; `fixedLocation` ("cci", "local" or "")
// adds a location token the user cannot remove (the Burst pods pane shows CCI pods only).
class PodFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit PodFilterProxy(QObject *parent = nullptr);

    void setFilterText(const QString &text);
    void setFixedLocation(const QString &location);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool matches(int sourceRow, const RowFilter::Term &term) const;

    RowFilter m_filter;
    QString m_fixedLocation;
};

} // namespace models
