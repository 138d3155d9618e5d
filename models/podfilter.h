#pragma once

#include "models/rowfilter.h"

namespace models {

// The pod panes' filter tokens: ns:NAME, status:TEXT, node:NAME, loc:cci|local, strategy:VALUE.
RowFilter parseRowFilter(const QString &text);
// The token keys of the pod panes.
const QStringList &rowFilterKeys();

// Sorts and filters a PodTableModel with the pod tokens; `fixedLocation` ("cci", "local" or "")
// adds a location token the user cannot remove (the Burst pods pane shows CCI pods only).
class PodFilterProxy : public RowFilterProxy
{
    Q_OBJECT
public:
    explicit PodFilterProxy(QObject *parent = nullptr);

    void setFixedLocation(const QString &location);

private:
    bool matchesLocation(int sourceRow, const QString &value) const;
};

} // namespace models
