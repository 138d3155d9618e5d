#pragma once

#include "core/burst/workspace.h"
#include "core/common/result.h"
#include "ui/fieldedit.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

class QUndoStack;
class QWidget;

namespace ui {

// Turns form edits into undoable text edits of the workspace's files: one undo step per call,
// refused edits explained (with the offer to save the edited object as a new file), new
// ScheduleProfiles appended as documents. The window supplies how a file's text is applied and
// how a new file is opened.
class WorkspaceEditor
{
    Q_DECLARE_TR_FUNCTIONS(ui::WorkspaceEditor)

public:
    using ApplyText = std::function<void(qsizetype file, const QString &text)>;
    using OpenFile = std::function<void(const QString &path)>;

    WorkspaceEditor(const core::burst::Workspace &workspace, QUndoStack *undo,
                    QWidget *dialogParent, ApplyText applyText, OpenFile openFile);

    bool editObject(qsizetype file, qsizetype object, const QList<FieldEdit> &edits,
                    const QString &description);
    // A localPrefer profile selecting the workload's pod labels, appended to its file.
    void createProfileFor(const core::burst::WorkloadEntry &workload);
    // Writes the unsaved texts for crash recovery (nothing when nothing is dirty).
    void autosave() const;
    static QString autosavePath();
    // Pushes a whole-text replacement (crash recovery).
    void replaceText(qsizetype file, const QString &text, const QString &description);

private:
    void offerSaveAs(const core::kube::ManifestObject &object, const QList<FieldEdit> &edits,
                     const core::Error &error);

    const core::burst::Workspace &m_workspace;
    QUndoStack *m_undo;
    QWidget *m_dialogParent;
    ApplyText m_applyText;
    OpenFile m_openFile;
};

} // namespace ui
