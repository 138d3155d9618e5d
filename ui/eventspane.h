#pragma once

#include "ui/livetablepane.h"

namespace models {
class EventTableModel;
} // namespace models

namespace ui {

// The Events pane of one connected cluster: the events the cluster keeps, live, newest first,
// sortable. Events that say bursting to CCI failed are marked in the Burst column, with the
// diagnostic (what to do) as their tooltip and a count above the table. The filter box reads the
// pod panes' grammar with the tokens ns:, type:, reason:, kind: and burst: (burst:yes for every
// marked event, burst:no for the others, else a part of the mark).
class EventsPane : public LiveTablePane
{
    Q_OBJECT
public:
    explicit EventsPane(models::ClusterSession *session, QWidget *parent = nullptr);

    QLabel *burstLine() const { return m_burstLine; }
    models::EventTableModel *model() const { return m_model; }

private:
    void updateBurstLine();

    models::EventTableModel *m_model;
    QLabel *m_burstLine;
};

} // namespace ui
