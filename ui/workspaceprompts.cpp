#include "ui/workspaceprompts.h"

#include "core/common/result.h"
#include "models/workspacecontroller.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>

namespace ui {

WorkspacePrompts::WorkspacePrompts(models::WorkspaceController *documents, QWidget *window)
    : QObject(window), m_documents(documents), m_window(window)
{
    connect(documents, &models::WorkspaceController::editRefused, this,
            &WorkspacePrompts::offerSaveAs);
    connect(documents, &models::WorkspaceController::saveFailed, this,
            &WorkspacePrompts::reportSaveFailed);
    connect(documents, &models::WorkspaceController::autosaveFailed, this,
            &WorkspacePrompts::reportAutosaveFailed);
}

void WorkspacePrompts::offerSaveAs(const models::RefusedEdit &edit)
{
    const auto answer = QMessageBox::warning(
        m_window, tr("Cannot edit in place"),
        tr("%1 cannot be edited in place safely: %2\n%3\nThe file was not changed. Save the edited "
           "object as a new file instead?")
            .arg(QFileInfo(edit.file).fileName(), edit.error.message, edit.error.hint),
        QMessageBox::Save | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Save)
        return;
    const QString path = QFileDialog::getSaveFileName(
        m_window, tr("Save edited object as"), edit.suggestedPath, tr("YAML (*.yaml *.yml)"));
    if (!path.isEmpty())
        m_documents->saveEditedCopy(edit, path);
}

void WorkspacePrompts::reportSaveFailed(const QString &path, const core::Error &error)
{
    Q_UNUSED(path) // error.message names it
    if (m_status)
        m_status->setText(error.message);
    QMessageBox::critical(m_window, tr("Save failed"), error.message + u'\n' + error.hint);
}

void WorkspacePrompts::reportAutosaveFailed(const core::Error &error)
{
    if (m_status)
        m_status->setText(tr("Autosave failed: %1 %2").arg(error.message, error.hint));
}

void WorkspacePrompts::offerRecovery()
{
    const QList<core::burst::UnsavedText> unsaved = m_documents->takeRecoveryOffer();
    if (unsaved.isEmpty())
        return;
    const auto answer = QMessageBox::question(
        m_window, tr("Recover unsaved changes"),
        tr("Burst Console did not close cleanly. Recover the unsaved changes of %n file(s)?",
           nullptr, int(unsaved.size())),
        QMessageBox::Yes | QMessageBox::Discard, QMessageBox::Yes);
    if (answer == QMessageBox::Yes)
        m_documents->recover(unsaved);
    else
        m_documents->discardAutosave();
}

bool WorkspacePrompts::confirmClose()
{
    if (!m_documents->workspace().anyDirty())
        return true;
    const auto answer = QMessageBox::warning(
        m_window, tr("Unsaved changes"), tr("Some files have unsaved changes. Save them?"),
        QMessageBox::SaveAll | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::SaveAll);
    return answer != QMessageBox::Cancel &&
           (answer != QMessageBox::SaveAll || m_documents->saveAll());
}

} // namespace ui
