#pragma once

#include "ui/livetablepane.h"

#include <functional>

namespace models {
class NodeTableModel;
} // namespace models

namespace ui {

// The Nodes pane of one connected cluster: every node, live and sortable, local or virtual
// (virtual-kubelet, i.e. CCI), with capacity, allocatable and what the pods on it request, its
// taints and, for a virtual node, its lock. The filter box reads the pod panes' grammar (words,
// KEY:VALUE, -negation) with the tokens name:, kind:virtual|local, ready:, taint: and
// lock:locked|unlocked. Unlock (button, context menu, Ctrl+U) lifts the lock of the selected
// virtual node after asking; a failure shows above the table.
class NodesPane : public LiveTablePane
{
    Q_OBJECT
public:
    // Asks the operator; true to go on. The default shows a QMessageBox (tests replace it).
    using Confirm = std::function<bool(const QString &title, const QString &text)>;

    explicit NodesPane(models::ClusterSession *session, QWidget *parent = nullptr);

    QLabel *errorLine() const { return m_errorLine; }
    QAction *unlockAction() const { return m_unlock; }
    models::NodeTableModel *model() const { return m_model; }
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }

    // Selects the row of node `name` (false when it is not shown).
    bool selectNode(const QString &name);

private:
    QString currentNode() const; // the selected node's name, "" when none
    void updateActions();
    void unlock();

    models::NodeTableModel *m_model;
    QLabel *m_errorLine;
    QAction *m_unlock;
    Confirm m_confirm;
    bool m_mayPatchNodes = false; // a SelfSubjectAccessReview allowed patch on nodes
};

} // namespace ui
