#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QTableView;

namespace models {
class ClusterSession;
class EventTableModel;
class RowFilterProxy;
} // namespace models

namespace ui {

// The Events pane of one connected cluster: the events the cluster keeps, live, newest first,
// sortable. Events that say bursting to CCI failed are marked in the Burst column, with the
// diagnostic (what to do) as their tooltip and a count above the table. The filter box reads the
// pod panes' grammar with the tokens ns:, type:, reason:, kind: and burst: (burst:yes for every
// marked event, burst:no for the others, else a part of the mark).
class EventsPane : public QWidget
{
    Q_OBJECT
public:
    explicit EventsPane(models::ClusterSession *session, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filterEdit; }
    QLabel *statusLine() const { return m_statusLine; }
    QLabel *burstLine() const { return m_burstLine; }
    models::EventTableModel *model() const { return m_model; }

private:
    void updateBurstLine();

    models::EventTableModel *m_model;
    models::RowFilterProxy *m_proxy;
    QLabel *m_statusLine;
    QLabel *m_burstLine;
    QLineEdit *m_filterEdit;
    QTableView *m_view;
};

} // namespace ui
