#pragma once

#include "models/livepolicy.h"

#include <QDialog>
#include <QJsonObject>

#include <functional>
#include <optional>

class QAction;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

namespace models {
class ClusterSession;
}

namespace ui {

class HostPathForm;
class LivePolicyDialog;
class ImageRulesForm;
class PreviewPane;
class ProfileForm;
class StrategyForm;

// How a write to a live cluster ended.
enum class WriteOutcome {
    Sent,         // the server took every write
    Refused,      // read-only context, or the operator said no: nothing was sent
    DryRunFailed, // the server's dry run refused: nothing was stored
    Failed,       // the server refused the real write (some may have gone through)
};

// One write the operator asked for: its translated verb ("Scale to 3", "Delete"), the writes,
// and whether it destroys (the confirmation's default is Cancel).
struct LiveWritePlan
{
    QString action;
    QList<models::LiveWrite> writes;
    bool destructive = false;
    // Called with the dry run's answers before the confirmation (optional).
    std::function<void(const QList<models::LiveWriteResult> &results)> dryRunDone;
};

// The one path of every write to a live object: a read-only context refuses at once; then the
// server's dry run (?dryRun=All); if it accepts, confirmWrite() names the context and namespace
// and shows what is sent and what the server would store; only then the writes. `done` gets the
// outcome and, unless Sent, a translated message with the API's words and field paths.
void runLiveWrites(QWidget *parent, models::ClusterSession *session, const LiveWritePlan &plan,
                   std::function<void(WriteOutcome outcome, const QString &message)> done);

// The live panes' row actions: "Edit Burst Policy…" (Ctrl+B), "Scale…" (Ctrl+Shift+S),
// "Delete…" (Delete), owned by `parent`.
QAction *makeEditPolicyAction(QObject *parent);
QAction *makeScaleAction(QObject *parent);
QAction *makeDeleteAction(QObject *parent);
// Opens the Edit burst policy dialog of `object` (not modal, deleted on close); nullptr when
// `object` is none.
LivePolicyDialog *openLivePolicyDialog(QWidget *parent, models::ClusterSession *session,
                                       const models::ObjectRef &object);

// A live pane's line for the outcome of its writes, hidden until there is one.
QLabel *makeWriteLine(QWidget *parent);
// Deletes `objects` (propagation Background, uid and resourceVersion as preconditions) through
// runLiveWrites, destructive confirmation; the outcome goes to `line`.
void deleteLiveObjects(QWidget *parent, models::ClusterSession *session,
                       const QList<models::ObjectRef> &objects, QLabel *line);
// Scales `object` to `replicas` through its /scale subresource; the outcome goes to `line`.
void scaleLiveObject(QWidget *parent, models::ClusterSession *session,
                     const models::ObjectRef &object, int replicas, QLabel *line);
// The replica count `object` asks for (spec.replicas) as the session's cache holds it, -1 when
// not known.
int cachedReplicas(const models::ClusterSession *session, const models::ObjectRef &object);

// Asks for the replica count of `object` (currently `current`); nullopt when cancelled.
std::optional<int> askReplicas(QWidget *parent, const models::ObjectRef &object,
                               const QString &context, int current);
// The errors of failed results, one line each: "deployments.apps default/web: <message>".
QString describeFailures(const QList<models::LiveWriteResult> &results);

// "Edit burst policy" of one live workload or ScheduleProfile: the workbench's forms loaded with
// the object as the cluster stores it (StrategyForm, ImageRulesForm and HostPathForm for a
// workload, ProfileForm for a profile), the pending patch, the CCI pod preview of the patched
// workload, and the server's dry-run answer. The forms' buttons put their change in the pending
// patch; nothing is sent until Apply, which runs the dry run, shows what the server would store,
// asks confirmWrite() and then sends. Errors stay in the dialog and the edits stay pending.
class LivePolicyDialog : public QDialog
{
    Q_OBJECT
public:
    LivePolicyDialog(models::ClusterSession *session, const models::ObjectRef &object,
                     QWidget *parent = nullptr);

    const models::ObjectRef &object() const { return m_object; }
    bool isProfile() const { return m_profile != nullptr; }
    StrategyForm *strategyForm() const { return m_strategy; }
    ImageRulesForm *imageRulesForm() const { return m_images; }
    HostPathForm *hostPathForm() const { return m_hostPaths; }
    ProfileForm *profileForm() const { return m_profile; }
    PreviewPane *previewPane() const { return m_preview; }
    QPlainTextEdit *patchView() const { return m_patchView; }
    QPlainTextEdit *dryRunView() const { return m_dryRunView; }
    QLabel *messageLine() const { return m_message; }
    QPushButton *applyButton() const { return m_apply; }
    QPushButton *dryRunButton() const { return m_dryRun; }
    const QList<models::FieldEdit> &pendingEdits() const { return m_edits; }
    const models::PolicyPatch &pendingPatch() const { return m_pending; }
    bool busy() const { return m_busy; }

    // Adds `edits` to the pending patch (what the forms' buttons do).
    void stage(const QList<models::FieldEdit> &edits);

public slots:
    // Dry run only: what the server would store, nothing sent for real.
    void dryRun();
    // Dry run, confirmation, then the patch.
    void apply();

signals:
    // The server stored the patch.
    void applied(const QJsonObject &stored);

private:
    void buildForms(QTabWidget *tabs);
    void applyAttempt(int attempt);
    void refresh();
    void showWorkload();
    void showProfile();
    // The session's live namespace flavours, for the previews.
    models::NamespaceFlavorMap namespaceFlavors() const;
    void setBusy(bool busy);
    void showMessage(const QString &text, bool error);
    void showDryRun(const QList<models::LiveWriteResult> &results);
    // GETs the object as stored now and rebases the pending edits on it, then `next`.
    void rebase(std::function<void()> next);

    models::ClusterSession *m_session;
    models::ObjectRef m_object;
    QJsonObject m_base; // the object as last read from the cluster
    QList<models::FieldEdit> m_edits;
    models::PolicyPatch m_pending;
    std::optional<core::kube::Workload> m_workload; // of the patched object
    StrategyForm *m_strategy = nullptr;
    ImageRulesForm *m_images = nullptr;
    HostPathForm *m_hostPaths = nullptr;
    ProfileForm *m_profile = nullptr;
    PreviewPane *m_preview = nullptr;
    QTabWidget *m_views = nullptr;
    QPlainTextEdit *m_patchView = nullptr;
    QPlainTextEdit *m_dryRunView = nullptr;
    QLabel *m_target = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_dryRun = nullptr;
    QPushButton *m_apply = nullptr;
    models::LiveWriter *m_writer = nullptr;
    bool m_busy = false;
};

} // namespace ui
