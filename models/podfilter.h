#pragma once

#include "models/rowfilter.h"

#include <QString>
#include <QStringList>

namespace models {

// The Burst pods pane's filter: RowFilter with the tokens ns:NAME, status:TEXT, node:NAME,
// loc:cci|local, strategy:VALUE.
RowFilter parseRowFilter(const QString &text);
// The token keys parseRowFilter knows.
const QStringList &rowFilterKeys();

// Sorts and filters a PodTableModel with a RowFilter; `fixedLocation` ("cci", "local" or "")
// adds a location token the user cannot remove (the Burst pods pane shows CCI pods only).
class PodFilterProxy : public RowFilterProxy
{
    Q_OBJECT
public:
    explicit PodFilterProxy(QObject *parent = nullptr);

    void setFixedLocation(const QString &location);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    std::optional<bool> matchesKey(int sourceRow, const RowFilter::Term &term) const override;

private:
    QString m_fixedLocation;
};

} // namespace models
