#pragma once

#include <QLabel>

class QAbstractItemModel;
class QLineEdit;
class QTableView;
class QTimer;

namespace models {
class ClusterSession;
struct ConnectionStatus;
} // namespace models

namespace ui {

// The line above every live pane's table: what the connection of `session` is doing, marked
// when it is not live, so old data never passes for live data.
class ConnectionStatusLine : public QLabel
{
    Q_OBJECT
public:
    // `resource`: the pane's resource ("nodes"), so the line says when it is forbidden.
    explicit ConnectionStatusLine(models::ClusterSession *session, QWidget *parent = nullptr,
                                  const QString &resource = {});

private:
    void show(const models::ConnectionStatus &status);

    models::ClusterSession *m_session;
    QString m_resource;
};

// What the live panes' tables share: whole-row selection, no row header, compact rows, the last
// column stretched, no word wrap, sortable.
void setUpLiveTable(QTableView *view);
// A filter box with its placeholder (the tokens it knows) and a clear button.
void setUpFilterEdit(QLineEdit *edit, const QString &accessibleName, const QString &placeholder);

// Starts `timer` whenever rows of `model` come, go or change, so what a pane sums up over all rows
// (counts, a summary line) follows a burst of batches once.
void startOnRowChanges(const QAbstractItemModel *model, QTimer *timer);

} // namespace ui
