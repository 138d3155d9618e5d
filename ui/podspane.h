#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace models {
class ClusterSession;
class PodFilterProxy;
} // namespace models

namespace ui {

class NamespaceScope;

// The Burst pods pane of one connected cluster: the pods on a virtual-kubelet node (all pods
// with "All pods" checked), live, sortable, with the filter box's words and tokens (ns:, status:,
// node:, loc:, strategy:). The line above the table always says what the connection is doing,
// so old data never passes for live data, and counts the pods by location and burst strategy.
class PodsPane : public QWidget
{
    Q_OBJECT
public:
    explicit PodsPane(models::ClusterSession *session, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filterEdit; }
    QCheckBox *allPods() const { return m_allPods; }
    QLabel *statusLine() const { return m_statusLine; }
    QLabel *countsLine() const { return m_counts; }
    models::PodFilterProxy *proxy() const { return m_proxy; }
    NamespaceScope *scope() const { return m_scope; }

public slots:
    // Narrows the pods to these namespaces (the Namespaces pane's selection); empty = all.
    void setNamespaces(const QStringList &namespaces);

signals:
    // The operator asked to show every namespace again.
    void clearNamespacesRequested();

private:
    void updateCounts();

    models::ClusterSession *m_session;
    models::PodFilterProxy *m_proxy;
    QLabel *m_statusLine;
    QLabel *m_counts;
    NamespaceScope *m_scope;
    QLineEdit *m_filterEdit;
    QCheckBox *m_allPods;
    QTableView *m_view;
    QTimer *m_countTimer;
};

} // namespace ui
