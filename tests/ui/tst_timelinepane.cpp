#include "tests/ui/burstsandbox.h"

#include "core/kube/informer.h"
#include "core/kube/resourcetypes.h"
#include "models/bursthistory.h"
#include "models/clustersession.h"
#include "models/timelinerefresh.h"
#include "models/usagetablemodel.h"
#include "ui/clusterdock.h"
#include "ui/mainwindow.h"
#include "ui/timelinepane.h"

#include <QAbstractItemModelTester>
#include <QAccessible>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QLineSeries>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString kVk = u"virtual-kubelet"_s;

// A running pod of Deployment `app` in "shop" on `node`, created `ageSecs` ago.
QJsonObject pod(const QString &uid, const QString &node, int ageSecs, const QString &app = u"web"_s)
{
    const QString created =
        QDateTime::currentDateTimeUtc().addSecs(-ageSecs).toString(Qt::ISODate);
    return QJsonDocument::fromJson(
               QStringLiteral(
                   R"({"metadata":{"name":"%4-5d9f-%1","namespace":"shop","uid":"%1",
                   "creationTimestamp":"%3","labels":{"pod-template-hash":"5d9f"},
                   "ownerReferences":[{"kind":"ReplicaSet","name":"%4-5d9f","controller":true}]},
                   "spec":{"nodeName":"%2","containers":[{"name":"app","resources":{"limits":
                   {"cpu":"2","memory":"4Gi"}}}]},
                   "status":{"phase":"Running","startTime":"%3","containerStatuses":[{"name":"app",
                   "state":{"running":{"startedAt":"%3"}}}]}})")
                   .arg(uid, node, created, app)
                   .toUtf8())
        .object();
}

// A Deployment whose pods must run on CCI (burst-to-cci: enforce).
QJsonObject burstDeployment(int replicas)
{
    return QJsonDocument::fromJson(QStringLiteral(R"({"apiVersion":"apps/v1","kind":"Deployment",
        "metadata":{"name":"spiky","namespace":"default"},
        "spec":{"replicas":%1,"selector":{"matchLabels":{"app":"spiky"}},
        "template":{"metadata":{"labels":{"app":"spiky","virtual-kubelet.io/burst-to-cci":"enforce"}},
        "spec":{"containers":[{"name":"c","image":"nginx:1.27","resources":{
        "limits":{"cpu":"500m","memory":"1Gi"}}}]}}}})")
                                      .arg(replicas)
                                      .toUtf8())
        .object();
}

// Whether the pane shows what its worker computed for the view it shows now.
bool settled(const ui::TimelinePane &pane)
{
    return pane.refresher()->isIdle() && pane.refresher()->result().generation > 0;
}

// A pane over `history`, shown, its usage table under the model tester, its resets counted.
struct ShownPane
{
    explicit ShownPane(models::BurstHistory *history) : pane(history)
    {
        pane.resize(900, 700);
        pane.show();
    }
    ui::TimelinePane pane;
    QAbstractItemModelTester tester{pane.usageModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest};
    QSignalSpy resets{pane.usageModel(), &QAbstractItemModel::modelReset};
};

int lastY(const QLineSeries *series)
{
    return series->count() ? int(series->at(series->count() - 1).y()) : -1;
}

} // namespace

class TestTimelinePane : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { useCleanTestSettings(); }

    void fedByHand()
    {
        models::BurstHistory history(QString{});
        history.setVirtualNodes({kVk});
        core::kube::ChangeSet changes;
        changes.added = {pod(u"a"_s, kVk, 1800), pod(u"b"_s, kVk, 600),
                         pod(u"c"_s, u"idc-1"_s, 300)};
        history.applyPods(changes);
        ShownPane shown(&history);
        ui::TimelinePane &pane = shown.pane;
        const QSignalSpy &resets = shown.resets;
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        pane.refresh();
        QTRY_VERIFY(settled(pane));

        // Now: 2 on CCI, 1 local, 0 pending; the series end at the counts.
        QCOMPARE(lastY(pane.series(0)), 0);
        QCOMPARE(lastY(pane.series(1)), 1);
        QCOMPARE(lastY(pane.series(2)), 2);
        // The CCI series steps from 0 to 1 to 2 inside the last hour.
        QList<int> cci;
        for (const QPointF &p : pane.series(2)->points())
            if (cci.isEmpty() || cci.last() != int(p.y()))
                cci.append(int(p.y()));
        QCOMPARE(cci, (QList<int>{0, 1, 2}));
        // Scopes: the cluster and the workload.
        QCOMPARE(pane.scopeBox()->count(), 2);
        QCOMPARE(pane.scopeBox()->itemData(1).toString(), u"shop/Deployment/web"_s);

        // Usage: 2 vCPU x (0.5 h + 1/6 h) over the last 24 hours.
        pane.vcpuPriceEdit()->setText(u"0.5"_s);
        QTRY_VERIFY(settled(pane));
        const QAbstractItemModel *usage = pane.usageModel();
        QCOMPARE(usage->rowCount(), 3); // workload, namespace, total
        const int total = 2;
        const double vcpuHours = 2 * (1800.0 + 600.0) / 3600.0;
        QCOMPARE(usage->index(total, models::UsageTableModel::Pods).data().toString(), u"2"_s);
        QVERIFY2(qAbs(usage->index(total, models::UsageTableModel::VcpuHours)
                          .data(models::UsageTableModel::SortRole)
                          .toDouble() -
                      vcpuHours) < 0.01,
                 qPrintable(usage->index(total, models::UsageTableModel::VcpuHours)
                                .data()
                                .toString()));
        QVERIFY(qAbs(usage->index(total, models::UsageTableModel::Cost)
                         .data(models::UsageTableModel::SortRole)
                         .toDouble() -
                     vcpuHours * 0.5) < 0.01);
        // A price that is not a number gives no cost, not a wrong one.
        pane.vcpuPriceEdit()->clear();
        QTRY_VERIFY(settled(pane));
        QVERIFY(usage->index(total, models::UsageTableModel::Cost).data().toString().isEmpty());
        QCOMPARE(resets.size(), 0); // rows inserted and changed, never a reset

        // Exports.
        QTemporaryDir dir;
        QVERIFY(pane.exportPng(dir.filePath(u"t.png"_s)));
        QString error;
        QVERIFY(pane.exportTimelineCsv(dir.filePath(u"t.csv"_s), &error));
        QFile csv(dir.filePath(u"t.csv"_s));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QVERIFY(csv.readAll().startsWith("time,pending,local,cci\r\n"));
        QVERIFY(pane.exportUsageCsv(dir.filePath(u"u.csv"_s), &error));
        // A folder that does not exist: a clear failure, not a crash.
        QVERIFY(!pane.exportUsageCsv(dir.filePath(u"no/such/u.csv"_s), &error));
        QVERIFY(!error.isEmpty());

        // Accessible names on what the operator reads and types into.
        for (QWidget *w : std::initializer_list<QWidget *>{
                 &pane, pane.scopeBox(), pane.rangeBox(), pane.usageView(), pane.vcpuPriceEdit(),
                 pane.gibPriceEdit()})
            QVERIFY2(!w->accessibleName().isEmpty(), w->metaObject()->className());
        QVERIFY(saveShot(pane, u"timeline-by-hand.png"_s));
    }

    // At scale the pane's refresh computes nothing on the GUI thread: refresh() hands the view
    // to the worker and returns with the old points still shown; the worker's chart and usage
    // arrive through the event loop and equal the synchronous computation from the history.
    void refreshAtScaleLeavesTheGuiThreadFree()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        models::BurstHistory history(QString{});
        history.setClock([now] { return now; });
        history.setVirtualNodes({kVk});
        core::kube::ChangeSet list;
        for (int i = 0; i < 6000; ++i)
            list.added.append(pod(u"p%1"_s.arg(i), i % 3 ? u"idc-1"_s : kVk, 60 + i % 3000,
                                  u"app%1"_s.arg(i / 50)));
        QSignalSpy applied(&history, &models::BurstHistory::listApplied);
        history.applyPods(list);
        QVERIFY(applied.wait(30000));
        ShownPane shown(&history);
        ui::TimelinePane &pane = shown.pane;
        const QSignalSpy &resets = shown.resets;
        QTRY_VERIFY_WITH_TIMEOUT(settled(pane), 20000);
        QCOMPARE(pane.usageModel()->rowCount(), 120 + 1 + 1); // workloads, the namespace, total
        QCOMPARE(lastY(pane.series(2)), 2000);

        // Ten local pods move to CCI (a small change: applied on this thread at once).
        core::kube::ChangeSet moved;
        for (int i = 1; i <= 10; ++i)
            moved.modified.append(pod(u"p%1"_s.arg(i * 3 + 1), kVk, 60 + (i * 3 + 1) % 3000,
                                      u"app%1"_s.arg((i * 3 + 1) / 50)));
        history.applyPods(moved);
        QCOMPARE(history.cluster().countsNow().cci, 2010);
        const quint64 before = pane.refresher()->result().generation;
        pane.refresh();
        // Returned at once: still the old points, the worker has the new view.
        QVERIFY(!pane.refresher()->isIdle());
        QCOMPARE(lastY(pane.series(2)), 2000);
        QTRY_VERIFY_WITH_TIMEOUT(settled(pane), 20000);
        QVERIFY(pane.refresher()->result().generation > before);
        const models::TimelineRefresh::Result expected = models::TimelineRefresh::compute(
            history.snapshot(), pane.refresher()->result().request, now);
        for (int place = 0; place < 3; ++place)
            QCOMPARE(pane.series(place)->points(), expected.chart.points[place]);
        QCOMPARE(lastY(pane.series(2)), 2010);
        const int total = pane.usageModel()->rowCount() - 1;
        QCOMPARE(pane.usageModel()
                     ->index(total, models::UsageTableModel::Pods)
                     .data(models::UsageTableModel::SortRole)
                     .toInt(),
                 expected.usage.total.pods);
        QCOMPARE(pane.usageModel()
                     ->index(total, models::UsageTableModel::VcpuHours)
                     .data(models::UsageTableModel::SortRole)
                     .toDouble(),
                 expected.usage.total.vcpuHours);
        QCOMPARE(expected.usage.total.pods, 2010);
        QCOMPARE(resets.size(), 0);
    }

    void scaleUpThatBursts()
    {
        // Timelines are kept across restarts: start from none.
        QFile::remove(models::BurstHistory::fileFor(u"sandbox"_s));
        BurstSandbox cluster(BurstSandbox::Examples::Skip);
        QVERIFY(cluster.sandbox.started());
        QVERIFY(cluster.sandbox.store().create(core::kube::deploymentsType(), u"default"_s,
                                               burstDeployment(2)));
        models::ClusterSession session(cluster.connection());
        ui::MainWindow window;
        window.addClusterSession(&session);
        ui::ClusterDock *dock = window.currentClusterDock();
        QVERIFY(dock);
        ui::TimelinePane *pane = dock->timelinePane();
        QVERIFY(pane);
        dock->tabs()->setCurrentWidget(pane);
        window.resize(1400, 900);
        window.show();
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(session.status().state, models::ConnectionState::Synced, 20000);
        models::BurstHistory *history = models::BurstHistory::of(&session);
        const QString key = u"default/Deployment/spiky"_s;
        QTRY_VERIFY_WITH_TIMEOUT(history->workload(key) &&
                                     history->workload(key)->countsNow().cci == 2,
                                 20000);

        // Scale up to 5: the new pods burst too, and the scale-up is a marker.
        QVERIFY(cluster.sandbox.store().update(core::kube::deploymentsType(), u"default"_s,
                                               u"spiky"_s, [](const QJsonObject &stored) {
                                                   QJsonObject d = stored;
                                                   QJsonObject spec = d[u"spec"_s].toObject();
                                                   spec[u"replicas"_s] = 5;
                                                   d[u"spec"_s] = spec;
                                                   return d;
                                               }));
        QTRY_VERIFY_WITH_TIMEOUT(history->workload(key)->countsNow().cci == 5, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(
            std::any_of(history->workload(key)->markers().cbegin(),
                        history->workload(key)->markers().cend(),
                        [](const core::burst::TimelineMarker &m) {
                            return m.kind == core::burst::TimelineMarker::Kind::Scale &&
                                   m.message.contains(u"to 5"_s);
                        }),
            20000);
        // Once the burst pods run, the usage meter bills them at the add-on's size (500m, 1Gi).
        QTRY_COMPARE_WITH_TIMEOUT(
            history->usage(QDateTime::currentDateTimeUtc().addSecs(-60),
                           QDateTime::currentDateTimeUtc().addSecs(60))
                .total.pods,
            5, 30000);
        // The pane shows the workload's series reach 5 on CCI.
        QTRY_VERIFY_WITH_TIMEOUT(pane->scopeBox()->findData(key) >= 0, 5000);
        pane->scopeBox()->setCurrentIndex(pane->scopeBox()->findData(key));
        QTRY_COMPARE_WITH_TIMEOUT(lastY(pane->series(2)), 5, 5000);
        QVERIFY(pane->markerSeries()->count() >= 1);
        QCOMPARE(pane->scopeBox()->currentText(), key);
        QTRY_COMPARE_WITH_TIMEOUT(pane->usageModel()
                                      ->index(pane->usageModel()->rowCount() - 1,
                                              models::UsageTableModel::Pods)
                                      .data()
                                      .toString(),
                                  u"5"_s, 5000);
        QVERIFY(saveShot(window, u"timeline-scale-up.png"_s));
        session.stop();
    }
};

QTEST_MAIN(TestTimelinePane)
#include "tst_timelinepane.moc"
