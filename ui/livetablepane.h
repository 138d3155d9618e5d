#pragma once

#include <QStringList>
#include <QWidget>

#include <functional>

class QAbstractItemModel;
class QLabel;
class QLineEdit;
class QTableView;
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

// A live table of one connected cluster: the session's status line, the namespace scope, a
// filter box (RowFilter grammar with the proxy's tokens) and a sortable, keyboard-navigable
// table. The pane and its table carry the same accessible name.
class LiveTablePane : public QWidget
{
    Q_OBJECT
public:
    LiveTablePane(models::ClusterSession *session, QAbstractItemModel *model,
                  models::RowFilterProxy *proxy, const QString &name, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filterEdit; }
    QLabel *statusLine() const { return m_statusLine; }
    NamespaceScope *scope() const { return m_scope; }
    models::RowFilterProxy *proxy() const { return m_proxy; }
    // The resource the pane shows ("namespaces"), so its status line says when it is forbidden.
    void setResource(const QString &resource);

public slots:
    // Narrows the rows to these namespaces (the Namespaces pane's selection); empty = all.
    void setNamespaces(const QStringList &namespaces);

signals:
    // The operator asked to show every namespace again.
    void clearNamespacesRequested();

protected:
    // Calls `refresh` every few seconds (Age cells move with the clock).
    void refreshEvery(int ms, const std::function<void()> &refresh);

private:
    models::ClusterSession *m_session;
    QString m_resource;
    models::RowFilterProxy *m_proxy;
    QLabel *m_statusLine;
    NamespaceScope *m_scope;
    QLineEdit *m_filterEdit;
    QTableView *m_view;
};

} // namespace ui
