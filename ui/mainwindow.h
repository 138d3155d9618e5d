#pragma once

#include "core/burst/workspace.h"
#include "core/kube/connection.h"
#include "core/kube/kubeconfigloader.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>

#include <optional>

class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QUndoStack;

namespace models {
class CciJoin;
class ClusterSession;
class ProfileTableModel;
class WorkloadSummaryModel;
class WorkspaceController;
} // namespace models

namespace core {
struct Diagnostic;
}

namespace ui {

class ClusterDock;
class ConnectionDialog;
class HostPathForm;
class ImageRulesForm;
class PodsPane;
class PreviewPane;
class ProfileForm;
class ResourcesForm;
class StrategyForm;
class WhatIfChart;
class WorkspacePrompts;

// The policy workbench: manifests from files and folders, the burst preview of every workload,
// forms that edit the burst policy, and the preview of the selected workload. The documents
// (loading, undoable edits, saving, autosave and recovery) are models::WorkspaceController's;
// the window lays out the widgets, shows the selected workload in every form and passes the
// forms' changes on.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void open(const QStringList &paths);
    bool saveFile(qsizetype file);
    bool saveAll();

    models::WorkspaceController *documents() const { return m_documents; }
    const core::burst::Workspace &workspace() const;
    QUndoStack *undoStack() const;
    QTableView *workloadView() const { return m_workloads; }
    QTableView *profileView() const { return m_profiles; }
    QTabWidget *formTabs() const { return m_forms; }
    StrategyForm *strategyForm() const { return m_strategy; }
    ImageRulesForm *imageRulesForm() const { return m_images; }
    HostPathForm *hostPathForm() const { return m_hostPaths; }
    ProfileForm *profileForm() const { return m_profileForm; }
    ResourcesForm *resourcesForm() const { return m_resources; }
    PreviewPane *previewPane() const { return m_preview; }
    WhatIfChart *whatIfChart() const { return m_whatIf; }
    models::WorkloadSummaryModel *workloadModel() const { return m_workloadModel; }
    models::ProfileTableModel *profileModel() const { return m_profileModel; }
    const core::burst::WorkloadEntry *currentWorkload() const;
    void selectWorkload(int row);

    // Shows a connected cluster: a dock titled with its context and badge holding its live
    // panes (tabified with the other clusters' docks), marked when the context is production or
    // read-only, and its connection state in the status bar. The window does not own the
    // session unless it is the session's parent.
    PodsPane *addClusterSession(models::ClusterSession *session);
    // A new session for `connection`, owned by the window, shown and started.
    models::ClusterSession *connectTo(core::kube::Connection connection);
    // Stops the session and removes its dock and state (deleting the session when the window
    // owns it).
    void disconnectSession(models::ClusterSession *session);
    QList<models::ClusterSession *> sessions() const { return m_clusters.keys(); }
    models::ClusterSession *session(const QString &context) const;
    ClusterDock *clusterDock(models::ClusterSession *session) const;
    // The cluster dock in front (the last one shown or added).
    ClusterDock *currentClusterDock() const;

    // Where the default kubeconfig is (--kubeconfig, else KUBECONFIG, else ~/.kube/config), and
    // the kubeconfig files whose exec plugins run without asking (run.sh's own).
    void setKubeconfigSearch(const core::kube::KubeconfigSearch &search) { m_search = search; }
    const core::kube::KubeconfigSearch &kubeconfigSearch() const { return m_search; }
    void setTrustedExecFiles(const QStringList &files) { m_trustedExecFiles = files; }
    const QStringList &trustedExecFiles() const { return m_trustedExecFiles; }
    // Cluster > Connections… (Ctrl+K): the dialog, created on first use.
    ConnectionDialog *showConnections();
    ConnectionDialog *connectionDialog() const;

    // Where autosaved text goes (crash recovery).
    static QString autosavePath();

signals:
    void loaded();
    // A session was added or removed.
    void sessionsChanged();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildMenus();
    QWidget *buildLeft();
    QWidget *buildRight();
    void connectForms();
    void onLoaded(int files);
    void refresh();
    void showCurrent();
    void updateTitle();
    void onDiagnostic(const core::Diagnostic &diagnostic);
    void openFilesDialog();
    void openFolderDialog();
    void setLanguage(const QString &language);
    void setTheme(const QString &theme);
    void markCluster(models::ClusterSession *session);

    models::WorkspaceController *m_documents = nullptr;
    models::CciJoin *m_cciJoin = nullptr; // the CCI endpoints' pods, for every cluster's burst pods
    WorkspacePrompts *m_prompts = nullptr;
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
    std::optional<std::pair<qsizetype, qsizetype>> m_selected; // (file, object) of the selection
    struct ClusterView
    {
        ClusterDock *dock = nullptr;
        QLabel *state = nullptr;
        QLabel *tls = nullptr; // the TLS warning badge, when the connection gives TLS up
    };
    QHash<models::ClusterSession *, ClusterView> m_clusters;
    QPointer<ClusterDock> m_currentDock;
    core::kube::KubeconfigSearch m_search = core::kube::KubeconfigSearch::fromEnvironment({});
    QStringList m_trustedExecFiles;
    QPointer<ConnectionDialog> m_connectionDialog;
};

} // namespace ui
