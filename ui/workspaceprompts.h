#pragma once

#include <QObject>

class QWidget;

namespace models {
struct RefusedEdit;
class WorkspaceController;
} // namespace models

namespace ui {

// The questions the workbench's documents ask the operator: saving an object that cannot be edited
// in place as a new file, a failed save, recovering a crashed session's unsaved changes, and
// unsaved changes on close. The decisions stay with models::WorkspaceController.
class WorkspacePrompts : public QObject
{
    Q_OBJECT

public:
    WorkspacePrompts(models::WorkspaceController *documents, QWidget *window);

    // After a load: once a session, offers the unsaved texts a crashed session left behind.
    void offerRecovery();
    // Before closing with unsaved changes: save all, discard or cancel. False: do not close.
    bool confirmClose();

private:
    void offerSaveAs(const models::RefusedEdit &edit);
    void reportSaveFailed(const QString &path, const QString &reason);

    models::WorkspaceController *m_documents;
    QWidget *m_window;
};

} // namespace ui
