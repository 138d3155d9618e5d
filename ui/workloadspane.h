#pragma once

#include "ui/livetablepane.h"

namespace models {
class LiveWorkloadModel;
class NamespaceModel;
} // namespace models

namespace ui {

class LivePolicyDialog;

// The workloads of a connected cluster with the burst strategy their pods get, where it comes
// from, and how many of their pods run locally and on CCI. Filter tokens ns:, kind:, strategy:,
// profile: and label selectors (app=web,tier!=db) over the workloads' labels.
//
// Row actions: Edit Burst Policy… (Ctrl+B), Scale… (Ctrl+Shift+S, Deployments, StatefulSets and
// ReplicaSets) and Delete… (Delete, the selected rows); every write through runLiveWrites.
class WorkloadsPane : public LiveTablePane
{
    Q_OBJECT
public:
    explicit WorkloadsPane(models::ClusterSession *session, QWidget *parent = nullptr);
    models::LiveWorkloadModel *model() const { return m_model; }

    QAction *editPolicyAction() const { return m_editPolicy; }
    QAction *scaleAction() const { return m_scale; }
    QAction *deleteAction() const { return m_delete; }
    QLabel *writeLine() const { return m_writeLine; }

    // The Edit burst policy dialog of `object` (not modal), nullptr when it is none.
    LivePolicyDialog *editPolicy(const models::ObjectRef &object);
    // Dry run, confirmation, then the writes; the outcome shows on writeLine().
    void scale(const models::ObjectRef &object, int replicas);
    void deleteObjects(const QList<models::ObjectRef> &objects);

private:
    void updateActions();

    models::LiveWorkloadModel *m_model;
    QAction *m_editPolicy;
    QAction *m_scale;
    QAction *m_delete;
    QLabel *m_writeLine;
};

} // namespace ui
