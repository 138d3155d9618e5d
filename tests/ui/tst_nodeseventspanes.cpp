#include "tests/ui/burstsandbox.h"

#include "core/sandbox/apiserver/sandboxclock.h"
#include "core/sandbox/cluster/podfacts.h"
#include "core/sandbox/cluster/scenario.h"
#include "core/sandbox/cluster/scheduler.h"
#include "models/bursttriagemodel.h"
#include "models/clustersession.h"
#include "models/contextsafety.h"
#include "models/eventtablemodel.h"
#include "models/nodetablemodel.h"
#include "ui/eventspane.h"
#include "ui/livepolicydialog.h"
#include "ui/mainwindow.h"
#include "ui/nodespane.h"
#include "ui/triagepane.h"
#include "ui/writeguard.h"

#include <QAction>
#include <QDir>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString kVk = u"virtual-kubelet"_s;

// Example 08's pod (resources/examples/08-rejected-too-large.yaml): 33 cores, enforce. CCI
// refuses it and the sandbox's scheduler locks the virtual node.
QJsonObject oversizedPod()
{
    const QJsonObject requests{{u"cpu"_s, u"33"_s}, {u"memory"_s, u"66Gi"_s}};
    return QJsonObject{
        {u"apiVersion"_s, u"v1"_s},
        {u"kind"_s, u"Pod"_s},
        {u"metadata"_s,
         QJsonObject{{u"name"_s, u"batch-oversized-x1"_s},
                     {u"labels"_s, QJsonObject{{u"app"_s, u"batch-oversized"_s},
                                               {u"virtual-kubelet.io/burst-to-cci"_s,
                                                u"enforce"_s}}}}},
        {u"spec"_s,
         QJsonObject{{u"containers"_s,
                      QJsonArray{QJsonObject{
                          {u"name"_s, u"worker"_s},
                          {u"image"_s, u"swr.cn-north-4.myhuaweicloud.com/org/batch:1.4"_s},
                          {u"resources"_s, QJsonObject{{u"requests"_s, requests}}}}}}}},
        {u"status"_s, QJsonObject{{u"phase"_s, u"Pending"_s}}}};
}

QString shown(const QTableView *view, const QString &key, int keyColumn, int column)
{
    const QAbstractItemModel *model = view->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, keyColumn).data().toString() == key)
            return model->index(row, column).data().toString();
    }
    return u"<no row>"_s;
}

// Everything the write gate's confirmation shows of `request`, as one text.
QString whatIsAsked(const ui::WriteRequest &request)
{
    QStringList parts{request.context, request.action};
    for (const models::ObjectRef &object : request.objects)
        parts.append(object.display());
    parts.append(request.details);
    return parts.join(u'\n');
}

// The write gate's answer in tests: every request is kept in `asked`, then `answer`.
ui::WriteAnswer recordInto(QList<ui::WriteRequest> *asked, bool answer)
{
    return [asked, answer](const ui::WriteRequest &request) {
        asked->append(request);
        return answer;
    };
}

// The PATCH requests the sandbox received.
int patches(SandboxFixture &sandbox)
{
    int count = 0;
    for (const auto &request : sandbox.requests())
        count += request.method == "PATCH" ? 1 : 0;
    return count;
}

QTabWidget *livePanes(QWidget &window)
{
    for (QTabWidget *tabs : window.findChildren<QTabWidget *>()) {
        if (tabs->accessibleName() == u"Live panes")
            return tabs;
    }
    return nullptr;
}

// The default scenario (with `pods` preloaded pods) after the sandbox's scheduler refused
// example 08's pod and locked the virtual node, and a window connected to it.
struct LockedCluster
{
    explicit LockedCluster(int pods = 0)
        : scheduler((core::sandbox::preloadPods(sandbox.store(), pods), sandbox.store()), cci,
                    clock, u"sandbox"_s),
          session(connection(sandbox))
    {
    }

    static core::kube::Connection connection(const SandboxFixture &sandbox)
    {
        core::kube::Connection c = sandbox.connection();
        c.contextName = u"sandbox"_s;
        return c;
    }

    // Locks the node, then shows the session in the window until it is synced.
    bool connect()
    {
        if (!sandbox.started() ||
            !sandbox.store().create(core::sandbox::podsType(), u"payments"_s, oversizedPod()))
            return false;
        scheduler.reconcile();
        if (!scheduler.isLocked())
            return false;
        window.addClusterSession(&session);
        window.show();
        session.start();
        return QTest::qWaitFor(
            [this] { return session.status().state == models::ConnectionState::Synced; }, 20000);
    }

    // The Nodes pane with the virtual node selected, once Unlock is offered (nullptr if never).
    ui::NodesPane *unlockable()
    {
        auto *nodes = window.findChild<ui::NodesPane *>();
        const auto offered = [nodes] {
            return nodes->selectNode(kVk) && nodes->unlockAction()->isEnabled();
        };
        return nodes && QTest::qWaitFor(offered, 5000) ? nodes : nullptr;
    }

    // Whether the sandbox's virtual node still carries the lock annotation.
    bool lockAnnotated()
    {
        const auto node = sandbox.store().get(core::sandbox::nodesType(), QString(), kVk);
        return node && core::kube::annotationsOf(*node).contains(u"burst.sandbox/locked-until");
    }

    // The operator fixed the refused workload: its pod is gone.
    bool removeRefusedPod()
    {
        return bool(sandbox.store().remove(core::sandbox::podsType(), u"payments"_s,
                                           u"batch-oversized-x1"_s));
    }

    SandboxFixture sandbox;
    core::sandbox::ObjectStore cci;
    core::sandbox::SandboxClock clock;
    core::sandbox::Scheduler scheduler;
    models::ClusterSession session;
    ui::MainWindow window;
};

} // namespace

// The Nodes and Events panes on a live in-process sandbox whose scheduler refused example 08 and
// locked the virtual node: the Nodes pane shows the lock and lifts it (Unlock, confirmed), the
// Events pane marks the refusal and the lock as burst failures with what to do.
class tst_NodesEventsPanes : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { useCleanTestSettings(); }

    void cleanup() { resetWriteGate(); }

    void lockedVirtualNodeUnlocks()
    {
        LockedCluster cluster(30); // 10 pods of 10m / 16Mi per IDC node
        QVERIFY(cluster.connect());
        SandboxFixture &sandbox = cluster.sandbox;
        core::sandbox::Scheduler &scheduler = cluster.scheduler;
        ui::MainWindow &window = cluster.window;
        auto *nodes = window.findChild<ui::NodesPane *>();
        QVERIFY(nodes);
        QTRY_COMPARE(nodes->view()->model()->rowCount(), 4);

        QCOMPARE(nodes->accessibleName(), u"Nodes"_s);
        QCOMPARE(nodes->view()->accessibleName(), u"Nodes"_s);
        QVERIFY2(nodes->statusLine()->text().startsWith(u"sandbox: synced, "),
                 qPrintable(nodes->statusLine()->text()));
        using N = models::NodeTableModel;
        const QTableView *view = nodes->view();
        QCOMPARE(shown(view, kVk, N::Name, N::Kind), u"virtual-kubelet (CCI)"_s);
        QCOMPARE(shown(view, u"idc-node-1"_s, N::Name, N::Kind), u"local"_s);
        QTRY_COMPARE(shown(view, u"idc-node-1"_s, N::Name, N::Pods), u"10"_s);
        QVERIFY(shown(view, u"idc-node-1"_s, N::Name, N::CpuRequested).startsWith(u"100m"));
        QVERIFY(shown(view, u"idc-node-1"_s, N::Name, N::MemoryRequested).startsWith(u"160Mi"));
        QCOMPARE(shown(view, u"idc-node-1"_s, N::Name, N::Lock), QString());
        const QString lock = shown(view, kVk, N::Name, N::Lock);
        QVERIFY2(lock.startsWith(u"locked until ") && lock.endsWith(u" min left)"),
                 qPrintable(lock));
        QVERIFY(shown(view, kVk, N::Name, N::Taints).contains(u"virtual-kubelet.io/locked"));

        // The filter reads the pod panes' grammar with the node tokens.
        nodes->filterEdit()->setText(u"lock:locked"_s);
        QCOMPARE(view->model()->rowCount(), 1);
        nodes->filterEdit()->setText(u"kind:local -name:idc-node-3"_s);
        QCOMPARE(view->model()->rowCount(), 2);
        nodes->filterEdit()->clear();

        // Unlock is for a locked virtual node only.
        QVERIFY(nodes->selectNode(u"idc-node-1"_s));
        QVERIFY(!nodes->unlockAction()->isEnabled());
        QVERIFY(nodes->selectNode(kVk));
        // Once the SelfSubjectAccessReview for patch on nodes has answered (it may queue behind
        // the first lists).
        QTRY_VERIFY(nodes->unlockAction()->isEnabled());
        QVERIFY(view->actions().contains(nodes->unlockAction())); // the context menu
        QCOMPARE(nodes->unlockAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_U));

        QTabWidget *tabs = livePanes(window);
        QVERIFY(tabs);
        QCOMPARE(tabs->count(), 8); // Namespaces, Workloads, ScheduleProfiles, Burst pods, ...
        QCOMPARE(tabs->tabText(4), u"Nodes"_s);
        QCOMPARE(tabs->tabText(5), u"Events"_s);
        QCOMPARE(tabs->tabText(6), u"Burst failures"_s);
        QCOMPARE(tabs->tabText(7), u"Timeline"_s);
        tabs->setCurrentWidget(nodes);
        window.resize(1400, 900);
        QVERIFY(saveShot(window, u"nodes.png"_s)); // the locked virtual node, selected

        // Declined: nothing is sent. The confirmation (the write gate's) names the context, the
        // node and what is sent.
        QString asked;
        ui::setWriteAnswer([&asked](const ui::WriteRequest &request) {
            asked = whatIsAsked(request);
            return false;
        });
        sandbox.clearRequests();
        nodes->unlockAction()->trigger();
        QVERIFY(asked.contains(kVk));
        QVERIFY(asked.contains(u"sandbox"));
        QVERIFY(asked.contains(u"lock taint"));
        QTest::qWait(100);
        QCOMPARE(patches(sandbox), 0);

        // A failed request shows in the pane and leaves the node locked.
        ui::setWriteAnswer([](const ui::WriteRequest &) { return true; });
        sandbox.failNext("PATCH", u"/api/v1/nodes"_s, 1, 500);
        nodes->unlockAction()->trigger();
        QTRY_VERIFY(nodes->writeLine()->isVisible());
        QVERIFY2(nodes->writeLine()->text().startsWith(u"Could not unlock virtual-kubelet: "),
                 qPrintable(nodes->writeLine()->text()));
        QVERIFY(scheduler.isLocked());
        QVERIFY(nodes->unlockAction()->isEnabled());

        // The operator fixed the workload (the refused pod is gone), then unlocks: the row
        // follows the node's watch event.
        QVERIFY(cluster.removeRefusedPod());
        nodes->unlockAction()->trigger();
        QTRY_COMPARE(shown(view, kVk, N::Name, N::Lock), u"unlocked"_s);
        QVERIFY(!nodes->writeLine()->isVisible());
        QVERIFY(!nodes->unlockAction()->isEnabled());
        QVERIFY(!shown(view, kVk, N::Name, N::Taints).contains(u"virtual-kubelet.io/locked"));
        QVERIFY(shown(view, kVk, N::Name, N::Taints).contains(u"virtual-kubelet.io/provider"));
        QVERIFY(!cluster.lockAnnotated());
        scheduler.reconcile();
        QVERIFY(!scheduler.isLocked());

        cluster.session.stop();
    }

    // A read-only context: Unlock refuses before anything is sent and says why on the pane's
    // write line; the node stays locked on the sandbox. A production context asks (the gate's
    // typed-name confirmation); declined, nothing is sent either.
    void readOnlyUnlockSendsNothing()
    {
        LockedCluster cluster;
        QVERIFY(cluster.connect());
        ui::NodesPane *nodes = cluster.unlockable();
        QVERIFY(nodes);
        models::setContextSafety(u"sandbox"_s, models::ContextSafety::ReadOnly);
        QList<ui::WriteRequest> asked;
        ui::setWriteAnswer(recordInto(&asked, true));
        cluster.sandbox.clearRequests();
        nodes->unlockAction()->trigger();
        QCOMPARE(nodes->writeLine()->text(), ui::readOnlyRefusal(u"sandbox"_s));
        QVERIFY(!nodes->writeLine()->isHidden());
        QTest::qWait(300);
        QVERIFY(asked.isEmpty()); // refused before any question
        QCOMPARE(patches(cluster.sandbox), 0);
        QVERIFY(cluster.scheduler.isLocked());
        QVERIFY(cluster.lockAnnotated());
        using N = models::NodeTableModel;
        QVERIFY(shown(nodes->view(), kVk, N::Name, N::Lock).startsWith(u"locked until "));
        QVERIFY(nodes->unlockAction()->isEnabled()); // once the context may be written again

        models::setContextSafety(u"sandbox"_s, models::ContextSafety::Production);
        ui::setWriteAnswer(recordInto(&asked, false));
        nodes->unlockAction()->trigger();
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().context, u"sandbox"_s);
        QTest::qWait(300);
        QCOMPARE(patches(cluster.sandbox), 0);
        QVERIFY(cluster.lockAnnotated());
        cluster.session.stop();
    }

    // A normal context: Unlock, confirmed, unlocks the node on the sandbox. The confirmation
    // names the context, the node and the merge patch that is sent.
    void normalUnlockUnlocks()
    {
        LockedCluster cluster;
        QVERIFY(cluster.connect());
        ui::NodesPane *nodes = cluster.unlockable();
        QVERIFY(nodes);
        QVERIFY(cluster.removeRefusedPod());
        QCOMPARE(models::contextSafety(u"sandbox"_s), models::ContextSafety::Normal);
        QList<ui::WriteRequest> asked;
        ui::setWriteAnswer(recordInto(&asked, true));
        cluster.sandbox.clearRequests();
        nodes->unlockAction()->trigger();
        QCOMPARE(asked.size(), 1);
        const ui::WriteRequest &request = asked.first();
        QCOMPARE(request.context, u"sandbox"_s);
        QCOMPARE(request.action, u"Unlock"_s);
        const QString uid = nodes->model()->rowAt(nodes->model()->rowOf(kVk)).uid;
        QCOMPARE(request.objects, (QList<models::ObjectRef>{{u"nodes"_s, QString(), kVk, uid}}));
        QVERIFY(!request.destructive);
        QVERIFY2(request.details.contains(u"\"burst.sandbox/locked-until\": null"_s),
                 qPrintable(request.details));
        QVERIFY(request.details.contains(u"virtual-kubelet.io/provider"_s)); // kept

        using N = models::NodeTableModel;
        QTRY_COMPARE(shown(nodes->view(), kVk, N::Name, N::Lock), u"unlocked"_s);
        QCOMPARE(patches(cluster.sandbox), 1);
        QVERIFY(nodes->writeLine()->isHidden());
        QVERIFY(!cluster.lockAnnotated());
        cluster.scheduler.reconcile();
        QVERIFY(!cluster.scheduler.isLocked());
        cluster.session.stop();
    }

    void burstFailureEvents()
    {
        LockedCluster cluster;
        QVERIFY(cluster.connect());
        SandboxFixture &sandbox = cluster.sandbox;
        ui::MainWindow &window = cluster.window;
        auto *events = window.findChild<ui::EventsPane *>();
        QVERIFY(events);
        QTRY_VERIFY(events->model()->rowCount() >= 3);
        QCOMPARE(events->accessibleName(), u"Events"_s);
        QCOMPARE(events->view()->accessibleName(), u"Events"_s);

        using E = models::EventTableModel;
        QTableView *view = events->view();
        // The refusal, the lock and the pod's wait for the lock.
        events->filterEdit()->setText(u"burst:yes"_s);
        QCOMPARE(view->model()->rowCount(), 3);
        events->filterEdit()->setText(u"burst:waiting"_s);
        QCOMPARE(view->model()->rowCount(), 1);
        QCOMPARE(view->model()->index(0, E::Reason).data().toString(), u"FailedScheduling"_s);
        events->filterEdit()->setText(u"reason:ProviderCreateFailed ns:payments type:Warning"_s);
        QCOMPARE(view->model()->rowCount(), 1);
        QCOMPARE(view->model()->index(0, E::Object).data().toString(),
                 u"pod/batch-oversized-x1"_s);
        QCOMPARE(view->model()->index(0, E::Burst).data().toString(), u"CCI refused the pod"_s);
        const QString hint = view->model()->index(0, E::Burst).data(Qt::ToolTipRole).toString();
        QVERIFY2(hint.contains(u"Fix the workload's resources") && hint.contains(u"unlock"),
                 qPrintable(hint));
        events->filterEdit()->setText(u"kind:node"_s);
        QCOMPARE(view->model()->rowCount(), 1);
        QCOMPARE(view->model()->index(0, E::Reason).data().toString(), u"VirtualKubeletLocked"_s);
        events->filterEdit()->setText(u"-burst:yes"_s);
        for (int row = 0; row < view->model()->rowCount(); ++row)
            QCOMPARE(view->model()->index(row, E::Burst).data().toString(), QString());
        events->filterEdit()->clear();
        QTRY_VERIFY2(events->burstLine()->text().startsWith(u"3 burst failure events"),
                     qPrintable(events->burstLine()->text()));

        // Newest first: a new event comes in at the top, live.
        QVERIFY(sandbox.store().create(core::sandbox::podsType(), u"default"_s,
                                       QJsonObject{{u"metadata"_s,
                                                    QJsonObject{{u"name"_s, u"late"_s}}},
                                                   {u"spec"_s,
                                                    QJsonObject{{u"containers"_s,
                                                                 QJsonArray{QJsonObject{
                                                                     {u"name"_s, u"c"_s},
                                                                     {u"image"_s,
                                                                      u"nginx"_s}}}}}}}));
        QTest::qWait(1100); // a later second than the events so far
        cluster.scheduler.reconcile();
        QTRY_COMPARE(view->model()->index(0, E::Object).data().toString(), u"pod/late"_s);

        QTabWidget *tabs = livePanes(window);
        QVERIFY(tabs);
        tabs->setCurrentWidget(events);
        window.resize(1400, 900);
        QVERIFY(saveShot(window, u"events.png"_s));
        cluster.session.stop();
    }

    // The Burst failures tab groups the same events by cause: the refusal of example 08 under
    // the rule its Deployment's CCI preview breaks, and the lock; Open in Workbench (Ctrl+B)
    // opens the Deployment's burst policy with that preview.
    void burstFailureTriage()
    {
        LockedCluster cluster;
        QVERIFY(cluster.connect());
        ui::MainWindow &window = cluster.window;
        auto *triage = window.findChild<ui::TriagePane *>();
        QVERIFY(triage);
        QCOMPARE(triage->accessibleName(), u"Burst failures"_s);
        QTRY_VERIFY_WITH_TIMEOUT(triage->model()->rowCount() >= 2, 10000);
        int refused = -1;
        int lock = -1;
        for (int row = 0; row < triage->model()->rowCount(); ++row) {
            const models::TriageRow &r = triage->model()->rowAt(row);
            if (!r.causeCode.startsWith(u"burst.cause."))
                refused = row;
            if (r.causeCode == u"burst.cause.lock" && r.kind == u"Node")
                lock = row;
        }
        QString seen;
        for (int row = 0; row < triage->model()->rowCount(); ++row) {
            const models::TriageRow &r = triage->model()->rowAt(row);
            seen += r.causeCode + u' ' + r.kind + u'/' + r.name + u'\n';
        }
        QVERIFY2(refused >= 0 && lock >= 0, qPrintable(seen));
        const models::TriageRow rule = triage->model()->rowAt(refused);
        // The fixture's refused pod has no controller: the pod is its own workload.
        QCOMPARE(rule.kind, u"Pod"_s);
        QCOMPARE(rule.name, u"batch-oversized-x1"_s);
        QCOMPARE(rule.nameSpace, u"payments"_s);
        QCOMPARE(rule.causeCode, u"resources.cpu.range"_s);
        QVERIFY(!rule.hint.isEmpty());
        QVERIFY(!rule.field.isEmpty());
        QCOMPARE(triage->model()->rowAt(lock).kind, u"Node"_s);
        QTRY_VERIFY2(triage->summaryLine()->text().contains(u"causes across"),
                     qPrintable(triage->summaryLine()->text()));

        QTabWidget *tabs = livePanes(window);
        tabs->setCurrentWidget(triage);
        triage->filterEdit()->setText(u"cause:resources"_s);
        QCOMPARE(triage->view()->model()->rowCount(), 1);
        triage->view()->setCurrentIndex(triage->view()->model()->index(0, 0));
        QVERIFY(triage->openAction()->isEnabled());
        QCOMPARE(triage->openAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_B));
        ui::LivePolicyDialog *dialog = triage->openInWorkbench(triage->currentObject());
        QVERIFY(dialog);
        QCOMPARE(dialog->object().name, u"batch-oversized-x1"_s);
        dialog->close();
        triage->filterEdit()->clear();
        window.resize(1400, 900);
        QVERIFY(saveShot(window, u"burst-failures.png"_s));
        // The lock's row has no workload to open.
        triage->filterEdit()->setText(u"cause:locked workload:node"_s);
        QTRY_COMPARE(triage->view()->model()->rowCount(), 1);
        triage->view()->setCurrentIndex(triage->view()->model()->index(0, 0));
        QVERIFY(!triage->openAction()->isEnabled());
        cluster.session.stop();
    }

    // A user who may not read nodes (the sandbox's restricted user): the Nodes pane says so on
    // its status line, in colour, while the session is live on what it may read; Unlock stays
    // off, as the access review for patch on nodes says no.
    void forbiddenNodesSaySo()
    {
        SandboxFixture sandbox;
        QVERIFY(sandbox.started());
        sandbox.addRestrictedUser(u"limited"_s, {u"payments"_s});
        core::kube::Connection connection = sandbox.connection();
        connection.contextName = u"sandbox-restricted"_s;
        connection.token = u"limited"_s;
        connection.defaultNamespace = u"payments"_s;
        models::ClusterSession session(connection);
        ui::NodesPane nodes(&session);
        bool asked = false;
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(session.status().state, models::ConnectionState::Synced, 20000);
        QTRY_VERIFY2(nodes.statusLine()->text().contains(
                         u"\nForbidden: nodes is forbidden: User \"sandbox-restricted\" cannot list "
                         u"resource \"nodes\" in API group \"\" at the cluster scope"_s),
                     qPrintable(nodes.statusLine()->text()));
        QVERIFY(nodes.statusLine()->text().startsWith(u"sandbox-restricted: synced, "));
        QVERIFY(!nodes.statusLine()->styleSheet().isEmpty());
        session.canI(u"patch"_s, u"nodes"_s, QString(), this,
                     [&](bool allowed, const QString &) { asked = !allowed; });
        QTRY_VERIFY(asked);
        QCOMPARE(nodes.view()->model()->rowCount(), 0);
        QVERIFY(!nodes.unlockAction()->isEnabled());
        session.stop();
    }
};

QTEST_MAIN(tst_NodesEventsPanes)
#include "tst_nodeseventspanes.moc"
