#pragma once

#include "ui/livetablepane.h"

namespace models {
class NodeTableModel;
} // namespace models

namespace ui {

// The Nodes pane of one connected cluster: every node, live and sortable, local or virtual
// (virtual-kubelet, i.e. CCI), with capacity, allocatable and what the pods on it request, its
// taints and, for a virtual node, its lock. The filter box reads the pod panes' grammar (words,
// KEY:VALUE, -negation) with the tokens name:, kind:virtual|local, ready:, taint: and
// lock:locked|unlocked. Unlock (button, context menu, Ctrl+U) lifts the lock of the selected
// virtual node through the write gate (ui::confirmWrite: a read-only context refuses before
// anything is sent, a production one asks for the context's name; the confirmation names the
// context, the node and the patch sent); a refusal or failure shows on the write line.
class NodesPane : public LiveTablePane
{
    Q_OBJECT
public:
    explicit NodesPane(models::ClusterSession *session, QWidget *parent = nullptr);

    QLabel *writeLine() const { return m_writeLine; }
    QAction *unlockAction() const { return m_unlock; }
    models::NodeTableModel *model() const { return m_model; }

    // Selects the row of node `name` (false when it is not shown).
    bool selectNode(const QString &name);

private:
    QString currentNode() const; // the selected node's name, "" when none
    void updateActions();
    void unlock();
    void showOutcome(const QString &text, bool failed);

    models::NodeTableModel *m_model;
    QLabel *m_writeLine;
    QAction *m_unlock;
    bool m_mayPatchNodes = false; // a SelfSubjectAccessReview allowed patch on nodes
};

} // namespace ui
