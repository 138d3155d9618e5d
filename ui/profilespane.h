#pragma once

#include "ui/livetablepane.h"

namespace models {
class LiveProfileModel;
}

namespace ui {

class LivePolicyDialog;

// The ScheduleProfiles of a connected cluster: selector, strategy, limits, what the cluster
// reports as used, and the workloads each captures. Filter tokens ns:, strategy:.
// Row actions: Edit Burst Policy… (Ctrl+B) and Delete… (Delete).
class ProfilesPane : public LiveTablePane
{
    Q_OBJECT
public:
    explicit ProfilesPane(models::ClusterSession *session, QWidget *parent = nullptr);
    models::LiveProfileModel *model() const { return m_model; }

    QAction *editPolicyAction() const { return m_editPolicy; }
    QAction *deleteAction() const { return m_delete; }
    QLabel *writeLine() const { return m_writeLine; }
    // The Edit burst policy dialog of `object` (not modal), nullptr when it is none.
    LivePolicyDialog *editPolicy(const models::ObjectRef &object);
    void deleteObjects(const QList<models::ObjectRef> &objects);

private:
    models::LiveProfileModel *m_model;
    QAction *m_editPolicy;
    QAction *m_delete;
    QLabel *m_writeLine;
};

} // namespace ui
