#pragma once

#include "core/burst/workspace.h"
#include "core/common/result.h"
#include "models/fieldedit.h"

#include <QFutureWatcher>
#include <QJsonObject>
#include <QObject>

#include <optional>

class QTimer;
class QUndoStack;

namespace models {

// An edit the file's text could not take in place: the object with the edit applied, which the
// operator may save as a new file instead.
struct RefusedEdit
{
    QString file;          // the file the object is in
    QString suggestedPath; // beside it, named after the object
    QJsonObject edited;
    core::Error error;
};

// The documents of the workbench below its widgets: opening files and folders (on a worker
// thread), undoable text edits of the files (a form's change becomes a targeted edit that keeps
// comments and formatting), saving, autosaving the unsaved texts every 15 s and offering them back
// after a crash. Questions to the operator are the window's: it answers `editRefused` and
// `saveFailed`, and asks before recover().
class WorkspaceController : public QObject
{
    Q_OBJECT

public:
    static constexpr int kAutosaveIntervalMs = 15000;

    explicit WorkspaceController(QObject *parent = nullptr);
    ~WorkspaceController() override;

    const core::burst::Workspace &workspace() const { return m_workspace; }
    QUndoStack *undoStack() const { return m_undo; }

    // Reads files and folders on a worker thread; `loaded` when done. False while a load runs
    // (until its `loaded`).
    bool open(const QStringList &paths);
    bool isLoading() const { return m_loading; }
    bool save(qsizetype file); // false: saveFailed was emitted
    bool saveAll();
    int dirtyCount() const;

    // Edits, one undo step each; false when the text cannot take it (editRefused was emitted).
    bool editObject(qsizetype file, qsizetype object, const QList<FieldEdit> &edits,
                    const QString &description);
    // `value` nullopt removes the field; paths are relative to the workload's object.
    bool editWorkload(const core::burst::WorkloadEntry &workload, const QStringList &objectPath,
                      const std::optional<QJsonValue> &value, const QString &description);
    // The burst label on the workload or its pod template; "" removes it.
    bool setBurstLabel(const core::burst::WorkloadEntry &workload, bool podTemplate,
                       const QString &value, const QString &description);
    // An annotation of the pod template; "" removes it.
    bool setPodAnnotation(const core::burst::WorkloadEntry &workload, const QString &key,
                          const QString &value, const QString &description);
    // A localPrefer profile selecting the workload's pod labels, appended to its file.
    void createProfileFor(const core::burst::WorkloadEntry &workload);
    void replaceText(qsizetype file, const QString &text, const QString &description);
    // Writes a refused edit's object to `path` and opens it; false: saveFailed was emitted.
    bool saveEditedCopy(const RefusedEdit &edit, const QString &path);

    // Crash recovery. The unsaved texts go to autosavePath() every kAutosaveIntervalMs.
    static QString autosavePath();
    QTimer *autosaveTimer() const { return m_autosave; }
    // Nothing when nothing is dirty; a write that fails (a full disk) emits autosaveFailed and
    // leaves the previous autosave as it was.
    bool autosave();
    // Once a session: the unsaved texts a session that did not close cleanly left behind.
    QList<core::burst::UnsavedText> takeRecoveryOffer();
    void recover(const QList<core::burst::UnsavedText> &unsaved); // then discards the autosave
    void discardAutosave();

signals:
    void loadStarted(int paths);
    void loaded(int files);
    void changed(); // the files' texts changed and every preview was recomputed
    void saved(const QString &path);
    // The file on disk is unchanged; `error` names it, gives the system's reason and a hint.
    void saveFailed(const QString &path, const core::Error &error);
    void autosaveFailed(const core::Error &error);
    void editRefused(const models::RefusedEdit &edit);

private:
    void onLoaded();
    void applyText(qsizetype file, const QString &text);

    core::burst::Workspace m_workspace;
    QUndoStack *m_undo = nullptr;
    QTimer *m_autosave = nullptr;
    QFutureWatcher<QList<core::burst::WorkspaceFile>> m_loader;
    bool m_loading = false;
    bool m_recoveryOffered = false;
};

} // namespace models
