#pragma once

#include <QObject>

class QLabel;
class QWidget;

namespace core {
struct Error;
} // namespace core

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

    // The window's status line, which says when saving or autosaving failed (autosave fails
    // every 15 s while the disk is full: a line, not a dialog).
    void setStatusLine(QLabel *status) { m_status = status; }

    // After a load: once a session, offers the unsaved texts a crashed session left behind.
    void offerRecovery();
    // Before closing with unsaved changes: save all, discard or cancel. False: do not close.
    bool confirmClose();

private:
    void offerSaveAs(const models::RefusedEdit &edit);
    void reportSaveFailed(const QString &path, const core::Error &error);

    models::WorkspaceController *m_documents;
    void reportAutosaveFailed(const core::Error &error);

    QWidget *m_window;
    QLabel *m_status = nullptr;
};

} // namespace ui
