#pragma once

#include "ui/livetablepane.h"

class QCheckBox;
class QTimer;

namespace models {
class PodFilterProxy;
} // namespace models

namespace ui {

// The Burst pods pane of one connected cluster: the pods on a virtual-kubelet node (all pods
// with "All pods" checked), live, sortable, with the filter box's words and tokens (ns:, status:,
// node:, loc:, strategy:). A line above the table counts the pods by location and burst strategy.
class PodsPane : public LiveTablePane
{
    Q_OBJECT
public:
    explicit PodsPane(models::ClusterSession *session, QWidget *parent = nullptr);

    QCheckBox *allPods() const { return m_allPods; }
    QLabel *countsLine() const { return m_counts; }
    models::PodFilterProxy *proxy() const { return m_podProxy; }
    // Delete… (Delete key) on the selected pods, through runLiveWrites.
    QAction *deleteAction() const { return m_delete; }
    // Shell (S) on the selected pod: a terminal tab (ui/terminalpane.h).
    QAction *shellAction() const { return m_shell; }
    QLabel *writeLine() const { return m_writeLine; }
    void deleteObjects(const QList<models::ObjectRef> &objects);

private:
    void updateCounts();

    models::PodFilterProxy *m_podProxy;
    QLabel *m_counts;
    QCheckBox *m_allPods;
    QTimer *m_countTimer;
    QAction *m_delete;
    QAction *m_shell;
    QLabel *m_writeLine;
};

} // namespace ui
