#include "ui/livepolicydialog.h"

#include "core/kube/jsonyaml.h"
#include "core/kube/objectmeta.h"
#include "models/clustersession.h"
#include "models/contextsafety.h"
#include "models/liveworkloadmodel.h"
#include "models/namespaceflavors.h"
#include "ui/hostpathform.h"
#include "ui/imagerulesform.h"
#include "ui/previewpane.h"
#include "ui/profileform.h"
#include "ui/strategyform.h"
#include "ui/writeguard.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QInputDialog>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTime>
#include <QVBoxLayout>

#include <memory>

namespace ui {

namespace {

QString yamlOf(QJsonObject object)
{
    QJsonObject meta = object.value(u"metadata").toObject();
    meta.remove(QStringLiteral("managedFields"));
    object.insert(QStringLiteral("metadata"), meta);
    return QString::fromUtf8(core::kube::jsonToYaml(object));
}

// What the confirmation shows: every write as sent, and for a patch what the dry run said the
// server would store.
QString confirmationDetails(const QList<models::LiveWriteResult> &dryRun)
{
    QStringList parts;
    for (const models::LiveWriteResult &r : dryRun) {
        QString part = r.write.describe();
        if (r.write.verb == models::LiveWrite::Verb::Patch)
            part += u'\n' + LivePolicyDialog::tr("The server's dry run would store:") + u'\n' +
                    yamlOf(r.answer);
        parts.append(part);
    }
    return parts.join(QStringLiteral("\n\n"));
}

QPlainTextEdit *textView(const QString &name, QWidget *parent)
{
    auto *view = new QPlainTextEdit(parent);
    view->setReadOnly(true);
    view->setAccessibleName(name);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    return view;
}

QString podAnnotation(const core::kube::Workload &workload, const QString &key)
{
    return workload.podMetadata().value(u"annotations").toObject().value(key).toString();
}

// The workbench form's own button ("Apply to manifest") puts its change in the pending patch
// here.
void relabelApply(QWidget *form, const QString &objectName)
{
    if (auto *button = form->findChild<QPushButton *>(objectName))
        button->setText(LivePolicyDialog::tr("&Use in patch"));
}

} // namespace

QString describeFailures(const QList<models::LiveWriteResult> &results)
{
    QStringList lines;
    for (const models::LiveWriteResult &r : results) {
        if (r.ok)
            continue;
        QString line = r.write.object.display() + QStringLiteral(": ") + r.error;
        if (!r.fields.isEmpty())
            line += u' ' + LivePolicyDialog::tr("(field %1)").arg(r.fields.join(QStringLiteral(", ")));
        lines.append(line);
    }
    return lines.join(u'\n');
}

void runLiveWrites(QWidget *parent, models::ClusterSession *session, const LiveWritePlan &plan,
                   std::function<void(WriteOutcome, const QString &)> done)
{
    QList<models::ObjectRef> objects;
    for (const models::LiveWrite &w : plan.writes)
        objects.append(w.object);
    const WriteRequest request{session->contextName(), plan.action, objects, {},
                               plan.destructive};
    if (models::contextSafety(request.context) == models::ContextSafety::ReadOnly) {
        confirmWrite(parent, request); // refuses, and says why
        done(WriteOutcome::Refused, readOnlyRefusal(request.context));
        return;
    }
    auto *writer = new models::LiveWriter(session, parent);
    QObject::connect(
        writer, &models::LiveWriter::finished, writer,
        [parent = QPointer<QWidget>(parent), writer, plan, request,
         done](bool dryRun, const QList<models::LiveWriteResult> &results) {
            const QString failures = describeFailures(results);
            if (!dryRun) {
                writer->deleteLater();
                if (failures.isEmpty())
                    done(WriteOutcome::Sent, QString());
                else
                    done(WriteOutcome::Failed,
                         LivePolicyDialog::tr("The server refused:\n%1").arg(failures));
                return;
            }
            if (plan.dryRunDone)
                plan.dryRunDone(results);
            if (!failures.isEmpty()) {
                writer->deleteLater();
                done(WriteOutcome::DryRunFailed,
                     LivePolicyDialog::tr("The server's dry run refused it; nothing was "
                                          "written:\n%1")
                         .arg(failures));
                return;
            }
            WriteRequest confirm = request;
            confirm.details = confirmationDetails(results);
            if (!parent || !confirmWrite(parent, confirm)) {
                writer->deleteLater();
                done(WriteOutcome::Refused, LivePolicyDialog::tr("Cancelled: nothing was sent."));
                return;
            }
            writer->run(plan.writes, false);
        });
    writer->run(plan.writes, true);
}

QAction *makeEditPolicyAction(QObject *parent)
{
    auto *action = new QAction(LivePolicyDialog::tr("Edit &Burst Policy…"), parent);
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    action->setToolTip(LivePolicyDialog::tr("Edit the burst policy of the selected object on the "
                                            "cluster (Ctrl+B): patch, preview and dry run first"));
    return action;
}

QAction *makeScaleAction(QObject *parent)
{
    auto *action = new QAction(LivePolicyDialog::tr("&Scale…"), parent);
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    action->setToolTip(LivePolicyDialog::tr("Set the replica count of the selected Deployment, "
                                            "StatefulSet or ReplicaSet (Ctrl+Shift+S)"));
    return action;
}

QAction *makeDeleteAction(QObject *parent)
{
    auto *action = new QAction(LivePolicyDialog::tr("&Delete…"), parent);
    action->setShortcut(QKeySequence::Delete);
    action->setToolTip(LivePolicyDialog::tr("Delete the selected objects from the cluster (Del)"));
    return action;
}

LivePolicyDialog *openLivePolicyDialog(QWidget *parent, models::ClusterSession *session,
                                       const models::ObjectRef &object)
{
    if (!object.isValid())
        return nullptr;
    auto *dialog = new LivePolicyDialog(session, object, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

QLabel *makeWriteLine(QWidget *parent)
{
    auto *line = new QLabel(parent);
    line->setWordWrap(true);
    line->setAccessibleName(LivePolicyDialog::tr("Write result"));
    line->setTextInteractionFlags(Qt::TextSelectableByMouse);
    line->hide();
    return line;
}

namespace {

void report(QLabel *line, WriteOutcome outcome, const QString &message, const QString &sent)
{
    if (!line)
        return;
    line->setStyleSheet(outcome == WriteOutcome::Sent || outcome == WriteOutcome::Refused
                            ? QString()
                            : QStringLiteral("color: #d03a2f;"));
    line->setText(outcome == WriteOutcome::Sent ? sent : message);
    line->show();
}

} // namespace

void deleteLiveObjects(QWidget *parent, models::ClusterSession *session,
                       const QList<models::ObjectRef> &objects, QLabel *line)
{
    LiveWritePlan plan;
    plan.action = LivePolicyDialog::tr("Delete");
    plan.destructive = true;
    for (const models::ObjectRef &o : objects) {
        if (o.isValid())
            plan.writes.append(models::deleteWrite(o, models::cachedObject(session, o)));
    }
    if (plan.writes.isEmpty())
        return;
    const QString sent =
        LivePolicyDialog::tr("Deleted %n object(s) in %1.", nullptr, int(plan.writes.size()))
            .arg(session->contextName());
    runLiveWrites(parent, session, plan,
                  [line = QPointer<QLabel>(line), sent](WriteOutcome outcome, const QString &text) {
                      report(line, outcome, text, sent);
                  });
}

void scaleLiveObject(QWidget *parent, models::ClusterSession *session,
                     const models::ObjectRef &object, int replicas, QLabel *line)
{
    LiveWritePlan plan;
    plan.action = LivePolicyDialog::tr("Scale to %1").arg(replicas);
    plan.writes = {
        models::patchWrite(object, models::scalePatch(replicas), QStringLiteral("scale"))};
    const QString sent = LivePolicyDialog::tr("Scaled %1 to %2 in %3.")
                             .arg(object.display())
                             .arg(replicas)
                             .arg(session->contextName());
    runLiveWrites(parent, session, plan,
                  [line = QPointer<QLabel>(line), sent](WriteOutcome outcome, const QString &text) {
                      report(line, outcome, text, sent);
                  });
}

int cachedReplicas(const models::ClusterSession *session, const models::ObjectRef &object)
{
    const QJsonObject live = models::cachedObject(session, object);
    if (live.isEmpty())
        return -1;
    return live.value(u"spec").toObject().value(u"replicas").toInt(1);
}

std::optional<int> askReplicas(QWidget *parent, const models::ObjectRef &object,
                               const QString &context, int current)
{
    bool ok = false;
    const int replicas = QInputDialog::getInt(
        parent, LivePolicyDialog::tr("Scale %1").arg(object.name),
        LivePolicyDialog::tr("Replicas of %1\nin cluster (context) %2, namespace %3:")
            .arg(object.display(), context, object.nameSpace),
        current, 0, 100000, 1, &ok);
    return ok ? std::optional<int>(replicas) : std::nullopt;
}

LivePolicyDialog::LivePolicyDialog(models::ClusterSession *session,
                                   const models::ObjectRef &object, QWidget *parent)
    : QDialog(parent), m_session(session), m_object(object)
{
    setWindowTitle(tr("Burst policy of %1 on %2").arg(object.display(), session->contextName()));
    setAccessibleName(tr("Edit burst policy"));
    m_writer = new models::LiveWriter(session, this);
    auto *layout = new QVBoxLayout(this);
    m_target = new QLabel(this);
    m_target->setTextFormat(Qt::PlainText);
    m_target->setWordWrap(true);
    const models::ContextSafety safety = models::contextSafety(session->contextName());
    QString target = tr("Writes go to cluster (context) %1, namespace %2.")
                         .arg(session->contextName(), object.nameSpace);
    if (safety != models::ContextSafety::Normal) {
        target += u' ' + tr("This context is %1.").arg(models::safetyLabel(safety));
        m_target->setStyleSheet(QStringLiteral("color: #d03a2f; font-weight: bold"));
    }
    m_target->setText(target);
    layout->addWidget(m_target);

    auto *split = new QSplitter(Qt::Horizontal, this);
    auto *forms = new QTabWidget(split);
    forms->setAccessibleName(tr("Burst policy forms"));
    buildForms(forms);
    m_views = new QTabWidget(split);
    m_views->setAccessibleName(tr("Patch and preview"));
    if (!isProfile()) {
        m_preview = new PreviewPane(m_views);
        m_views->addTab(m_preview, tr("CCI pod preview"));
    }
    m_patchView = textView(tr("Pending patch"), m_views);
    m_views->addTab(m_patchView, tr("Pending patch"));
    m_dryRunView = textView(tr("Server dry run"), m_views);
    m_dryRunView->setPlainText(tr("Dry run or Apply asks the server what it would store."));
    m_views->addTab(m_dryRunView, tr("Server dry run"));
    layout->addWidget(split, 1);

    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setAccessibleName(tr("Write result"));
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_message);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_dryRun = buttons->addButton(tr("&Dry run"), QDialogButtonBox::ActionRole);
    m_apply = buttons->addButton(tr("&Apply…"), QDialogButtonBox::ApplyRole);
    m_apply->setToolTip(tr("Runs the server's dry run, shows what the server would store, asks "
                           "for confirmation, then sends the patch"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_dryRun, &QPushButton::clicked, this, &LivePolicyDialog::dryRun);
    connect(m_apply, &QPushButton::clicked, this, &LivePolicyDialog::apply);
    resize(1200, 760);

    m_base = models::cachedObject(session, object);
    refresh();
    if (m_base.isEmpty()) {
        setBusy(true);
        rebase([this] { setBusy(false); });
    }
}

void LivePolicyDialog::buildForms(QTabWidget *tabs)
{
    if (m_object.resource == u"scheduleprofiles") {
        m_profile = new ProfileForm(tabs);
        tabs->addTab(m_profile, tr("ScheduleProfile"));
        relabelApply(m_profile, QStringLiteral("applyProfile"));
        connect(m_profile, &ProfileForm::editRequested, this,
                [this](const QList<models::FieldEdit> &edits) { stage(edits); });
        return;
    }
    m_strategy = new StrategyForm(tabs);
    m_images = new ImageRulesForm(tabs);
    m_hostPaths = new HostPathForm(tabs);
    tabs->addTab(m_strategy, tr("Burst strategy"));
    tabs->addTab(m_images, tr("Image replacement"));
    tabs->addTab(m_hostPaths, tr("hostPath replacement"));
    relabelApply(m_images, QStringLiteral("applyImageRules"));
    relabelApply(m_hostPaths, QStringLiteral("applyHostPathRules"));
    connect(m_strategy, &StrategyForm::labelChangeRequested, this,
            [this](bool podTemplate, const QString &value) {
                if (m_workload)
                    stage({models::burstLabelEdit(*m_workload, podTemplate, value)});
            });
    const auto annotation = [this](const QString &key) {
        return [this, key](const QString &value) {
            if (m_workload)
                stage({models::podAnnotationEdit(*m_workload, key, value)});
        };
    };
    connect(m_images, &ImageRulesForm::annotationChangeRequested, this,
            annotation(core::burst::kImageAnnotation));
    connect(m_hostPaths, &HostPathForm::annotationChangeRequested, this,
            annotation(core::burst::kHostPathAnnotation));
}

void LivePolicyDialog::stage(const QList<models::FieldEdit> &edits)
{
    m_edits = models::stageEdits(m_edits, edits);
    m_message->clear();
    refresh();
}

void LivePolicyDialog::refresh()
{
    m_pending = models::policyPatch(m_base, m_edits);
    m_patchView->setPlainText(
        m_pending.changed()
            ? models::patchWrite(m_object, m_pending.patch).describe()
            : tr("Nothing changed yet. A strategy list, or a form's \"Use in patch\" button, puts "
                 "its change here; nothing is sent before Apply."));
    m_apply->setEnabled(m_pending.changed() && !m_busy);
    m_dryRun->setEnabled(m_pending.changed() && !m_busy);
    if (isProfile())
        showProfile();
    else
        showWorkload();
}

void LivePolicyDialog::showWorkload()
{
    core::Diagnostics ignored;
    m_workload = core::kube::workloadFromObject(m_pending.patched, &ignored);
    const auto preview = models::livePreview(
        m_pending.patched,
        models::cachedObjects(m_session, QStringLiteral("scheduleprofiles"), m_object.nameSpace),
        namespaceFlavors());
    if (!m_workload || !preview) {
        m_strategy->setWorkload(nullptr, {});
        m_images->setWorkload(nullptr, {});
        m_hostPaths->setPod(nullptr, {});
        m_preview->setPreview(nullptr);
        return;
    }
    m_strategy->setWorkload(&*m_workload, *preview);
    m_images->setWorkload(&*preview, podAnnotation(*m_workload, core::burst::kImageAnnotation));
    const QJsonObject podSpec = m_workload->podSpec();
    m_hostPaths->setPod(&podSpec, podAnnotation(*m_workload, core::burst::kHostPathAnnotation));
    m_preview->setPreview(&*preview);
}

void LivePolicyDialog::showProfile()
{
    const QString ns = m_object.nameSpace;
    QList<QJsonObject> workloads =
        models::cachedObjects(m_session, QStringLiteral("pods"), ns);
    for (const QString &resource : models::LiveWorkloadModel::workloadResources())
        workloads += models::cachedObjects(m_session, resource, ns);
    QList<QJsonObject> profiles;
    for (const QJsonObject &p :
         models::cachedObjects(m_session, QStringLiteral("scheduleprofiles"), ns)) {
        if (core::kube::nameOf(p) != m_object.name)
            profiles.append(p);
    }
    if (!m_pending.patched.isEmpty())
        profiles.append(m_pending.patched);
    const models::LiveProfileScope scope =
        models::liveProfileScope(workloads, profiles, namespaceFlavors());
    const core::burst::ProfileEntry *entry = nullptr;
    for (const core::burst::ProfileEntry &p : scope.profiles) {
        if (p.profile.name == m_object.name)
            entry = &p;
    }
    m_profile->setProfile(entry, scope.workloads, scope.profiles);
}

models::NamespaceFlavorMap LivePolicyDialog::namespaceFlavors() const
{
    return m_session ? models::NamespaceFlavors::of(m_session)->flavors()
                     : models::NamespaceFlavorMap();
}

void LivePolicyDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_apply->setEnabled(m_pending.changed() && !busy);
    m_dryRun->setEnabled(m_pending.changed() && !busy);
}

void LivePolicyDialog::showMessage(const QString &text, bool error)
{
    m_message->setStyleSheet(error ? QStringLiteral("color: #d03a2f;") : QString());
    m_message->setText(text);
}

void LivePolicyDialog::showDryRun(const QList<models::LiveWriteResult> &results)
{
    const QString failures = describeFailures(results);
    if (!failures.isEmpty())
        m_dryRunView->setPlainText(tr("The server's dry run refused the patch:\n%1").arg(failures));
    else if (!results.isEmpty())
        m_dryRunView->setPlainText(tr("The server's dry run accepted the patch. It would store:") +
                                   u'\n' + yamlOf(results.first().answer));
    m_views->setCurrentWidget(m_dryRunView);
}

void LivePolicyDialog::rebase(std::function<void()> next)
{
    m_writer->fetch(m_object, [this, next](const models::LiveWriteResult &read) {
        if (!read.ok) {
            setBusy(false);
            showMessage(tr("Could not read %1 from the cluster: %2")
                            .arg(m_object.display(), read.error),
                        true);
            return;
        }
        m_base = read.answer;
        refresh();
        next();
    });
}

void LivePolicyDialog::dryRun()
{
    if (!m_pending.changed() || m_busy)
        return;
    setBusy(true);
    rebase([this] {
        if (!m_pending.changed()) {
            setBusy(false);
            showMessage(tr("The object already has these values: nothing to send."), false);
            return;
        }
        connect(
            m_writer, &models::LiveWriter::finished, this,
            [this](bool, const QList<models::LiveWriteResult> &results) {
                setBusy(false);
                showDryRun(results);
                const QString failures = describeFailures(results);
                showMessage(failures.isEmpty() ? tr("The server's dry run accepted the patch; "
                                                    "nothing was written.")
                                               : failures,
                            !failures.isEmpty());
            },
            Qt::SingleShotConnection);
        m_writer->run({models::patchWrite(m_object, m_pending.patch)}, true);
    });
}

void LivePolicyDialog::apply()
{
    if (!m_pending.changed() || m_busy)
        return;
    setBusy(true);
    showMessage(tr("Asking the server for a dry run…"), false);
    applyAttempt(1);
}

// The object moves on while the cluster reacts (a Deployment's status, say), so a dry run may
// meet a newer resourceVersion: then the edits are rebased on the current object and the dry run
// asked again, a few times, before the confirmation shows what is sent.
void LivePolicyDialog::applyAttempt(int attempt)
{
    constexpr int kAttempts = 4;
    rebase([this, attempt] {
        if (!m_pending.changed()) {
            setBusy(false);
            showMessage(tr("The object already has these values: nothing to send."), false);
            return;
        }
        LiveWritePlan plan;
        plan.action = tr("Apply burst policy");
        plan.writes = {models::patchWrite(m_object, m_pending.patch)};
        QPointer<LivePolicyDialog> self(this);
        auto conflict = std::make_shared<bool>(false);
        plan.dryRunDone = [self, conflict](const QList<models::LiveWriteResult> &results) {
            for (const models::LiveWriteResult &r : results)
                *conflict = *conflict || r.httpStatus == 409;
            if (self)
                self->showDryRun(results);
        };
        const auto done = [self, conflict, attempt](WriteOutcome outcome, const QString &text) {
            if (!self)
                return;
            if (outcome == WriteOutcome::DryRunFailed && *conflict && attempt < kAttempts) {
                self->applyAttempt(attempt + 1);
                return;
            }
            self->setBusy(false);
            if (outcome != WriteOutcome::Sent) {
                self->showMessage(text, outcome != WriteOutcome::Refused);
                return;
            }
            self->m_edits.clear();
            self->showMessage(tr("Applied to %1 at %2. The panes show how the cluster reacts.")
                                  .arg(self->m_object.display(),
                                       QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))),
                              false);
            self->rebase([self] {
                if (self)
                    emit self->applied(self->m_base);
            });
        };
        runLiveWrites(this, m_session, plan, done);
    });
}

} // namespace ui
