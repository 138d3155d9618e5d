#include "tests/ui/burstsandbox.h"

#include "models/clustersession.h"
#include "models/liveprofilemodel.h"
#include "models/liveworkloadmodel.h"
#include "models/namespacemodel.h"
#include "models/podtablemodel.h"
#include "models/rowfilter.h"
#include "ui/mainwindow.h"
#include "ui/namespacespane.h"
#include "ui/podspane.h"
#include "ui/profilespane.h"
#include "ui/workloadspane.h"

#include <QAccessible>
#include <QAction>
#include <QMenu>
#include <QCheckBox>
#include <QDir>
#include <QDockWidget>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QTabWidget>
#include <QTableView>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace {

// The row of `view` whose cells in `columns` read `values`, -1 when none.
int findRow(const QTableView *view, const QList<int> &columns, const QStringList &values)
{
    const QAbstractItemModel *model = view->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        bool all = true;
        for (qsizetype i = 0; i < columns.size() && all; ++i)
            all = model->index(row, columns.at(i)).data().toString() == values.at(i);
        if (all)
            return row;
    }
    return -1;
}

QString cell(const QTableView *view, int row, int column)
{
    return view->model()->index(row, column).data().toString();
}

// The pods of the pod model whose controller chain ends at Deployment `ns/name` (through its
// ReplicaSets, named <deployment>-<hash>) and run on CCI: what the Workloads pane must show.
int cciPodsOfDeployment(const models::PodTableModel &pods, const QString &ns, const QString &name)
{
    int count = 0;
    for (const models::PodRow &row : pods.rows()) {
        if (row.nameSpace == ns && row.ownerKind == u"ReplicaSet" &&
            row.ownerName.section(u'-', 0, -2) == name && pods.onVirtualNode(row))
            ++count;
    }
    return count;
}

} // namespace

// The Namespaces, Workloads and ScheduleProfiles panes against an in-process sandbox running the
// default scenario with the guide's examples, its controllers and burst scheduler: the workloads
// show their effective strategy and where it comes from, their CCI pods match the pods pane,
// profiles show what they capture and what the cluster reports as used, and selecting a namespace
// narrows the Burst pods pane (with a visible scope line and a clear button).
class tst_WorkloadsPane : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { useCleanTestSettings(); }

    void defaultScenario()
    {
        BurstSandbox cluster;
        QVERIFY(cluster.sandbox.started());
        QVERIFY(cluster.examples > 0);
        core::sandbox::ClusterSimulator &simulator = cluster.simulator;
        models::ClusterSession session(cluster.connection());
        ui::MainWindow window;
        ui::PodsPane *pods = window.addClusterSession(&session);
        auto *namespaces = window.findChild<ui::NamespacesPane *>();
        auto *workloads = window.findChild<ui::WorkloadsPane *>();
        auto *profiles = window.findChild<ui::ProfilesPane *>();
        QVERIFY(namespaces && workloads && profiles);
        QTabWidget *tabs = nullptr;
        for (QTabWidget *t : window.findChildren<QTabWidget *>()) {
            if (t->accessibleName() == u"Live panes")
                tabs = t;
        }
        QVERIFY(tabs);
        QCOMPARE(tabs->count(), 8); // ..., Nodes, Events, Burst failures, Timeline
        QCOMPARE(tabs->tabText(0), u"Namespaces"_s);
        QCOMPARE(tabs->tabText(1), u"Workloads"_s);
        QCOMPARE(tabs->tabText(2), u"ScheduleProfiles"_s);
        QCOMPARE(tabs->tabText(3), u"Burst pods"_s);
        for (const auto &[pane, name] :
             {std::pair<ui::LiveTablePane *, QString>{namespaces, u"Namespaces"_s},
              {workloads, u"Workloads"_s},
              {profiles, u"ScheduleProfiles"_s}}) {
            QCOMPARE(pane->accessibleName(), name);
            QCOMPARE(pane->view()->accessibleName(), name);
            QVERIFY(pane->view()->isSortingEnabled());
        }
        window.show();
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(session.status().state, models::ConnectionState::Synced, 20000);
        QVERIFY2(workloads->statusLine()->text().startsWith(u"sandbox: synced, "),
                 qPrintable(workloads->statusLine()->text()));

        // The guide's workloads with the strategy that applies to their pods.
        using W = models::LiveWorkloadModel;
        const QTableView *wv = workloads->view();
        QTRY_VERIFY_WITH_TIMEOUT(findRow(wv, {W::Namespace, W::Kind, W::Name},
                                         {u"default"_s, u"Deployment"_s, u"test"_s}) >= 0,
                                 10000);
        const int test = findRow(wv, {W::Namespace, W::Kind, W::Name},
                                 {u"default"_s, u"Deployment"_s, u"test"_s});
        QCOMPARE(cell(wv, test, W::Strategy), u"enforce"_s);
        QCOMPARE(cell(wv, test, W::Source), u"workload label"_s);
        for (const QString &ns : {u"default"_s, u"payments"_s}) {
            const int nginx =
                findRow(wv, {W::Namespace, W::Kind, W::Name}, {ns, u"Deployment"_s, u"nginx"_s});
            QVERIFY(nginx >= 0);
            QCOMPARE(cell(wv, nginx, W::Strategy), u"localPrefer"_s);
            QCOMPARE(cell(wv, nginx, W::Source), u"ScheduleProfile test-cci-profile"_s);
            QCOMPARE(cell(wv, nginx, W::Profile), u"test-cci-profile"_s);
        }
        // The ReplicaSets the Deployment controller made show their Deployment's strategy.
        QTRY_VERIFY_WITH_TIMEOUT(findRow(wv, {W::Namespace, W::Kind, W::Strategy, W::Source},
                                         {u"default"_s, u"ReplicaSet"_s, u"enforce"_s,
                                          u"workload label, via Deployment test"_s}) >= 0,
                                 10000);

        // Pods burst: each Deployment's CCI count is what the pods pane says, once it settles.
        const auto countsMatch = [&] {
            int total = 0;
            for (int row = 0; row < wv->model()->rowCount(); ++row) {
                if (cell(wv, row, W::Kind) != u"Deployment")
                    continue;
                const int cci = cciPodsOfDeployment(*session.pods(), cell(wv, row, W::Namespace),
                                                    cell(wv, row, W::Name));
                if (cell(wv, row, W::PodsCci).toInt() != cci)
                    return false;
                total += cci;
            }
            return total > 0;
        };
        QTRY_VERIFY_WITH_TIMEOUT(countsMatch(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(cell(wv,
                                      findRow(wv, {W::Namespace, W::Kind, W::Name},
                                              {u"default"_s, u"Deployment"_s, u"test"_s}),
                                      W::PodsCci) == u"2"_s,
                                 20000);
        workloads->filterEdit()->setText(
            u"kind:deployment ns:default virtual-kubelet.io/burst-to-cci=enforce"_s);
        QTRY_COMPARE(wv->model()->rowCount(), 1);
        workloads->filterEdit()->clear();

        // Profiles: what they capture and what the cluster writes in their status.
        using P = models::LiveProfileModel;
        const QTableView *pv = profiles->view();
        QTRY_VERIFY(findRow(pv, {P::Namespace, P::Name}, {u"default"_s, u"test-cci-profile"_s}) >=
                    0);
        const int profile =
            findRow(pv, {P::Namespace, P::Name}, {u"default"_s, u"test-cci-profile"_s});
        QCOMPARE(cell(pv, profile, P::Strategy), u"localPrefer"_s);
        QCOMPARE(cell(pv, profile, P::Selector), u"app=nginx"_s);
        QCOMPARE(cell(pv, profile, P::LocalMax), u"20"_s);
        QCOMPARE(cell(pv, profile, P::Captured), u"1"_s);
        QCOMPARE(pv->model()->index(profile, P::Captured).data(Qt::ToolTipRole).toString(),
                 u"Deployment nginx"_s);
        QTRY_VERIFY_WITH_TIMEOUT(
            !cell(pv, findRow(pv, {P::Namespace, P::Name}, {u"default"_s, u"test-cci-profile"_s}),
                  P::Used)
                 .isEmpty(),
            10000);

        // Namespaces: counts, then a selection narrows the other panes.
        using N = models::NamespaceModel;
        const QTableView *nv = namespaces->view();
        QTRY_VERIFY(findRow(nv, {N::Name}, {u"payments"_s}) >= 0);
        QTRY_VERIFY_WITH_TIMEOUT(
            cell(nv, findRow(nv, {N::Name}, {u"default"_s}), N::PodsCci).toInt() > 0, 10000);
        QCOMPARE(cell(nv, findRow(nv, {N::Name}, {u"default"_s}), N::Status), u"Active"_s);
        pods->allPods()->setChecked(true);
        const int allPods = pods->view()->model()->rowCount();
        QVERIFY(allPods > 0);
        QVERIFY(pods->scope()->isHidden());
        const int payments = findRow(nv, {N::Name}, {u"payments"_s});
        namespaces->view()->selectionModel()->select(nv->model()->index(payments, 0),
                                                     QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
        QCOMPARE(namespaces->selectedNamespaces(), QStringList{u"payments"_s});
        QCOMPARE(namespaces->property("selectedNamespaces").toStringList(),
                 QStringList{u"payments"_s});
        QVERIFY(pods->view()->model()->rowCount() > 0);
        QVERIFY(pods->view()->model()->rowCount() < allPods);
        for (int row = 0; row < pods->view()->model()->rowCount(); ++row)
            QCOMPARE(cell(pods->view(), row, models::PodTableModel::Namespace), u"payments"_s);
        for (int row = 0; row < wv->model()->rowCount(); ++row)
            QCOMPARE(cell(wv, row, W::Namespace), u"payments"_s);
        QVERIFY(!pods->scope()->isHidden());
        QCOMPARE(pods->scope()->label()->text(), u"Showing 1 namespace: payments"_s);
        QVERIFY(!workloads->scope()->isHidden());

        QTest::qWait(300);
        const QString shots = QDir::currentPath() + u"/screenshots"_s;
        QDir().mkpath(shots);
        window.resize(1400, 1000);
        QTest::qWait(100);
        if (auto *dock = window.findChild<QDockWidget *>(u"cluster-sandbox"_s))
            window.resizeDocks({dock}, {560}, Qt::Vertical);
        for (const auto &[pane, file] :
             {std::pair<QWidget *, QString>{workloads, u"workloads.png"_s},
              {profiles, u"profiles.png"_s},
              {namespaces, u"namespaces.png"_s}}) {
            tabs->setCurrentWidget(pane);
            QTest::qWait(200);
            QVERIFY(window.grab().save(shots + u'/' + file));
        }

        // The clear button of any narrowed pane shows every namespace again.
        pods->scope()->clearButton()->click();
        QVERIFY(namespaces->selectedNamespaces().isEmpty());
        QTRY_COMPARE(pods->view()->model()->rowCount(), session.pods()->rowCount());
        QVERIFY(pods->scope()->isHidden());
        QVERIFY(workloads->scope()->isHidden());

        // Keyboard: the table takes focus and arrows move the current row.
        workloads->view()->setFocus();
        workloads->view()->setCurrentIndex(wv->model()->index(0, 0));
        QTest::keyClick(workloads->view(), Qt::Key_Down);
        QCOMPARE(workloads->view()->currentIndex().row(), 1);

        // The selected row's object, and selecting an object by reference.
        const int testRow = findRow(wv, {W::Namespace, W::Kind, W::Name},
                                    {u"default"_s, u"Deployment"_s, u"test"_s});
        workloads->view()->clearSelection();
        QSignalSpy current(workloads, &ui::LiveTablePane::currentObjectChanged);
        workloads->view()->selectRow(testRow);
        const models::ObjectRef object = workloads->currentObject();
        QCOMPARE(object.resource, u"deployments.apps"_s);
        QCOMPARE(object.nameSpace, u"default"_s);
        QCOMPARE(object.name, u"test"_s);
        QVERIFY(!object.uid.isEmpty());
        QVERIFY(!current.isEmpty());
        QCOMPARE(current.last().at(0).value<models::ObjectRef>(), object);
        QCOMPARE(workloads->selectedObjects(), QList<models::ObjectRef>{object});
        workloads->view()->clearSelection();
        QVERIFY(!workloads->currentObject().isValid());
        QVERIFY(workloads->selectObject({object.resource, object.nameSpace, object.name, {}}));
        QCOMPARE(workloads->currentObject(), object);
        QVERIFY(!workloads->selectObject({u"deployments.apps"_s, u"default"_s, u"nope"_s, {}}));
        QCOMPARE(pods->view()->model()->index(0, 0).data(models::ObjectRefRole)
                     .value<models::ObjectRef>()
                     .resource,
                 u"pods"_s);

        // The column chooser: the menu lists every column, a hidden column stays hidden for
        // the next pane on the same table (the operator's choice is kept), one column stays.
        workloads->columnsMenu()->popup({0, 0});
        QTRY_VERIFY(workloads->columnsMenu()->isVisible());
        QList<QAction *> toggles;
        for (QAction *action : workloads->columnsMenu()->actions()) {
            if (action->isCheckable())
                toggles.append(action);
        }
        QCOMPARE(toggles.size(), W::ColumnCount);
        QVERIFY(toggles.at(W::Age)->isChecked());
        toggles.at(W::Age)->setChecked(false);
        workloads->columnsMenu()->hide();
        QVERIFY(workloads->view()->isColumnHidden(W::Age));
        {
            ui::WorkloadsPane again(&session);
            QTRY_VERIFY(again.view()->isColumnHidden(W::Age));
            QVERIFY(!again.view()->isColumnHidden(W::Name));
            for (int c = 0; c < W::ColumnCount; ++c)
                again.setColumnShown(c, false);
            int shown = 0;
            for (int c = 0; c < W::ColumnCount; ++c)
                shown += again.view()->isColumnHidden(c) ? 0 : 1;
            QCOMPARE(shown, 1);
            for (int c = 0; c < W::ColumnCount; ++c)
                again.setColumnShown(c, true);
        }
        workloads->setColumnShown(W::Age, true);
        QVERIFY(!workloads->view()->isColumnHidden(W::Age));

        QAccessibleInterface *table = QAccessible::queryAccessibleInterface(workloads->view());
        QVERIFY(table && table->tableInterface());
        QCOMPARE(table->tableInterface()->rowCount(), wv->model()->rowCount());
        session.stop();
        simulator.stop();
    }
};

QTEST_MAIN(tst_WorkloadsPane)
#include "tst_workloadspane.moc"
