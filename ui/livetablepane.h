#pragma once

#include "models/objectref.h"

#include <QStringList>
#include <QWidget>

#include <functional>

class QAbstractItemModel;
class QAction;
class QHBoxLayout;
class QVBoxLayout;
class QLabel;
class QLineEdit;
class QMenu;
class QTableView;
class QTimer;
class QToolButton;

namespace models {
class ClusterSession;
class RowFilterProxy;
struct ConnectionStatus;
} // namespace models

namespace ui {

// The session status line of every live pane: what the connection is doing, marked in colour
// whenever the data is not live, and "Forbidden: <server message>" when the pane's resource
// (`resource`, "" = none) is forbidden to the user.
void showSessionStatus(QLabel *line, models::ClusterSession *session,
                       const models::ConnectionStatus &status, const QString &resource = {});

// Starts `timer` whenever rows of `model` come, go or change, so what a pane sums up over all rows
// (counts, a summary line) follows a burst of batches once.
void startOnRowChanges(const QAbstractItemModel *model, QTimer *timer);

// "Showing 2 namespaces" and a button to show all again: visible while the Namespaces pane
// narrows the live panes, so a short table is never mistaken for the whole cluster.
class NamespaceScope : public QWidget
{
    Q_OBJECT
public:
    explicit NamespaceScope(QWidget *parent = nullptr);

    void setNamespaces(const QStringList &namespaces);
    QLabel *label() const { return m_label; }
    QToolButton *clearButton() const { return m_clear; }

signals:
    void clearRequested();

private:
    QLabel *m_label;
    QToolButton *m_clear;
};

// Every live table of one connected cluster (Namespaces, Workloads, ScheduleProfiles, Burst
// pods, Nodes, Events) is one of these: the session's status line, the pane's own lines (counts,
// errors), the namespace scope, a filter box (RowFilter grammar with the proxy's tokens) with the
// pane's buttons and a Columns menu, and a sortable, keyboard-navigable table. The pane and its
// table carry the same accessible name. Which columns show is the operator's choice, kept per
// table (the view's objectName) across runs. The selected row's object (models::ObjectRefRole)
// is offered to whatever acts on it: details, edit, scale, delete.
class LiveTablePane : public QWidget
{
    Q_OBJECT
public:
    LiveTablePane(models::ClusterSession *session, QAbstractItemModel *model,
                  models::RowFilterProxy *proxy, const QString &name, QWidget *parent = nullptr);

    models::ClusterSession *session() const { return m_session; }
    QTableView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filterEdit; }
    QLabel *statusLine() const { return m_statusLine; }
    NamespaceScope *scope() const { return m_scope; }
    models::RowFilterProxy *proxy() const { return m_proxy; }
    QMenu *columnsMenu() const { return m_columnsMenu; }

    // The object of the current row (invalid when none) and of every selected row.
    models::ObjectRef currentObject() const;
    QList<models::ObjectRef> selectedObjects() const;
    // Selects the row showing `uid`, else the row with `resource` + namespace + name. False when
    // no shown row matches.
    bool selectObject(const models::ObjectRef &object);

    // Shows or hides column `column` (the operator's choice, remembered for this table).
    void setColumnShown(int column, bool shown);
    // The resource the pane shows ("namespaces"), so its status line says when it is forbidden.
    void setResource(const QString &resource);

public slots:
    // Narrows the rows to these namespaces (the Namespaces pane's selection); empty = all.
    void setNamespaces(const QStringList &namespaces);

signals:
    // The operator asked to show every namespace again.
    void clearNamespacesRequested();
    // The current row now shows another object (or none).
    void currentObjectChanged(const models::ObjectRef &object);
    // Enter or a double click on a row: the operator wants to open its object.
    void objectActivated(const models::ObjectRef &object);

protected:
    // Calls `refresh` every few seconds (Age cells move with the clock).
    void refreshEvery(int ms, const std::function<void()> &refresh);
    // A line of the pane's own under the status line (counts, a summary, an action's error).
    void addLine(QWidget *line);
    // A widget beside the filter box (a check box, an action's button).
    void addBesideFilter(QWidget *widget);
    // An action on the selected row(s): in the table's context menu, with its shortcut working
    // anywhere in the pane; with a button beside the filter box when `button` is set.
    void addRowAction(QAction *action, bool button);
    // Saves the shown columns once the view's objectName is final (called by the subclass
    // constructor's end, or lazily the first time the Columns menu opens).
    void restoreColumns();

private:
    void fillColumnsMenu();
    QString columnsKey() const;

    models::ClusterSession *m_session;
    QString m_resource;
    models::RowFilterProxy *m_proxy;
    QLabel *m_statusLine;
    NamespaceScope *m_scope;
    QLineEdit *m_filterEdit;
    QToolButton *m_columnsButton;
    QMenu *m_columnsMenu;
    QTableView *m_view;
    QVBoxLayout *m_lines;
    QHBoxLayout *m_filterRow;
    models::ObjectRef m_shownObject; // what currentObjectChanged last said
};

} // namespace ui
