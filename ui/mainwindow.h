#pragma once

#include "core/burst/workspace.h"
#include "core/common/result.h"
#include "ui/fieldedit.h"

#include <QFutureWatcher>
#include <QJsonValue>
#include <QMainWindow>

#include <memory>
#include <optional>

class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QTimer;
class QUndoStack;

namespace models {
class ProfileTableModel;
class WorkloadSummaryModel;
} // namespace models

namespace ui {

class HostPathForm;
class ImageRulesForm;
class ProfileForm;
class WorkspaceEditor;
class PreviewPane;
class ResourcesForm;
class StrategyForm;
class WhatIfChart;

// The policy workbench: manifests from files and folders, the burst preview of every workload,
// forms that edit the burst policy as targeted text edits (undoable), and saving that keeps
// comments and formatting.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void open(const QStringList &paths);
    bool saveFile(qsizetype file);
    bool saveAll();

    const core::burst::Workspace &workspace() const { return m_workspace; }
    QUndoStack *undoStack() const { return m_undo; }
    QTableView *workloadView() const { return m_workloads; }
    QTableView *profileView() const { return m_profiles; }
    QTabWidget *formTabs() const { return m_forms; }
    StrategyForm *strategyForm() const { return m_strategy; }
    ImageRulesForm *imageRulesForm() const { return m_images; }
    HostPathForm *hostPathForm() const { return m_hostPaths; }
    ProfileForm *profileForm() const { return m_profileForm; }
    PreviewPane *previewPane() const { return m_preview; }
    WhatIfChart *whatIfChart() const { return m_whatIf; }
    const core::burst::WorkloadEntry *currentWorkload() const;
    void selectWorkload(int row);

    // Edits the current workload's object: `value` nullopt removes. Reports problems to the user.
    bool editCurrent(const QStringList &objectPath, const std::optional<QJsonValue> &value,
                     const QString &description);

    // Where autosaved text goes (crash recovery).
    static QString autosavePath();

signals:
    void loaded();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildMenus();
    QWidget *buildLeft();
    QWidget *buildRight();
    void onLoaded();
    void setFileText(qsizetype file, const QString &text);
    void refresh();
    void showCurrent();
    void updateTitle();
    void onDiagnostic(const core::Diagnostic &diagnostic);
    void offerRecovery();
    void openFilesDialog();
    void openFolderDialog();
    void setLanguage(const QString &language);
    void setTheme(const QString &theme);
    void showProfileOf(const core::burst::WorkloadEntry *workload);
    void showProfile(const core::burst::ProfileEntry *profile);
    void createProfileForCurrent();

    void editPodAnnotation(const QString &key, const QString &value, const QString &description);

    core::burst::Workspace m_workspace;
    QUndoStack *m_undo = nullptr;
    std::unique_ptr<WorkspaceEditor> m_editor;
    models::WorkloadSummaryModel *m_workloadModel = nullptr;
    QSortFilterProxyModel *m_filter = nullptr;
    models::ProfileTableModel *m_profileModel = nullptr;
    QTableView *m_workloads = nullptr;
    QTableView *m_profiles = nullptr;
    QListWidget *m_problems = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QTabWidget *m_left = nullptr;
    QTabWidget *m_forms = nullptr;
    StrategyForm *m_strategy = nullptr;
    ImageRulesForm *m_images = nullptr;
    HostPathForm *m_hostPaths = nullptr;
    ProfileForm *m_profileForm = nullptr;
    ResourcesForm *m_resources = nullptr;
    WhatIfChart *m_whatIf = nullptr;
    PreviewPane *m_preview = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QTimer *m_autosave = nullptr;
    QFutureWatcher<QList<core::burst::WorkspaceFile>> m_loader;
    std::optional<std::pair<qsizetype, qsizetype>> m_selected; // (file, object) of the selection
    std::optional<std::pair<qsizetype, qsizetype>> m_profileTarget; // profile in the editor
    bool m_recoveryOffered = false;
};

} // namespace ui
