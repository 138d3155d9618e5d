#include "tests/ui/burstsandbox.h"

#include "core/sandbox/apiserver/apirouter.h"
#include "core/sandbox/transport/httpserver.h"
#include "models/clustersession.h"
#include "models/eventtablemodel.h"
#include "models/podtablemodel.h"
#include "ui/clusterdock.h"
#include "ui/eventspane.h"
#include "ui/mainwindow.h"
#include "ui/podspane.h"

#include <QAccessible>
#include <QCheckBox>
#include <QTabWidget>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

// The sandbox's CCI store served as a CCI endpoint (without the IAM check, which
// tst_cciendpoint covers): context "sandbox-cci" on a loopback address, the name and shape
// burst-sandbox --kubeconfig-out gives it, so the console badges it CCI.
struct CciServer
{
    explicit CciServer(core::sandbox::ObjectStore &store)
        : router(store, u"127.0.0.1"_s, core::sandbox::FaultOptions{}),
          server([this](const core::sandbox::HttpRequest &request) {
              return router.handle(request);
          })
    {
        started = bool(server.start());
    }

    core::kube::Connection connection() const
    {
        core::kube::Connection c;
        c.server = QUrl(server.url());
        c.token = u"cci-token"_s;
        c.contextName = u"sandbox-cci"_s;
        c.clusterName = u"sandbox-cci"_s;
        return c;
    }

    core::sandbox::ApiRouter router;
    core::sandbox::HttpServer server;
    bool started = false;
};

QString cell(const QAbstractItemModel *model, int row, int column)
{
    return model->index(row, column).data().toString();
}

// Rows of `model` whose `column` reads `text`.
int rowsWith(const QAbstractItemModel *model, int column, const QString &text)
{
    int count = 0;
    for (int row = 0; row < model->rowCount(); ++row)
        count += cell(model, row, column) == text ? 1 : 0;
    return count;
}

} // namespace

// The Burst pods and Events panes of a bursting cluster with its CCI endpoint connected beside
// it, as in ./run.sh: each burst pod shows the pod CCI runs for it, and the cluster's events
// include CCI's own events about those pods.
class tst_CciSidePanes : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { useCleanTestSettings(); }

    void burstPodsJoinTheirCciPods()
    {
        BurstSandbox sandbox;
        CciServer cci(sandbox.cciStore);
        QVERIFY(sandbox.sandbox.started());
        QVERIFY(cci.started);

        models::ClusterSession cce(sandbox.connection());
        models::ClusterSession cciSession(cci.connection());
        ui::MainWindow window;
        ui::PodsPane *pods = window.addClusterSession(&cce);
        window.addClusterSession(&cciSession);
        ui::ClusterDock *dock = window.clusterDock(&cce);
        QVERIFY(dock);
        window.show();
        cce.start();
        cciSession.start();
        QTRY_COMPARE_WITH_TIMEOUT(cce.status().state, models::ConnectionState::Synced, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(cciSession.status().state, models::ConnectionState::Synced,
                                  20000);
        QVERIFY(window.clusterDock(&cciSession)->windowTitle().contains(u"[CCI]"));

        // Every burst pod of the default scenario runs on CCI: the CCI columns say where and how.
        const QAbstractItemModel *shown = pods->view()->model();
        QTRY_VERIFY_WITH_TIMEOUT(shown->rowCount() >= 10, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(
            rowsWith(shown, models::PodTableModel::CciStatus, u"Running"_s) == shown->rowCount(),
            20000);
        for (int row = 0; row < shown->rowCount(); ++row) {
            const QString name = cell(shown, row, models::PodTableModel::Name);
            QCOMPARE(cell(shown, row, models::PodTableModel::CciPod),
                     u"cce-burst-sandbox/"_s + name);
            QVERIFY(!cell(shown, row, models::PodTableModel::CciCpu).isEmpty());
            QVERIFY(!cell(shown, row, models::PodTableModel::CciMemory).isEmpty());
            const QString ready = cell(shown, row, models::PodTableModel::CciReady);
            const QString cceReady = cell(shown, row, models::PodTableModel::Ready);
            // CCI runs one container more, its network sidecar (guide: network interconnection).
            QCOMPARE(ready.section(u'/', 1).toInt(), cceReady.section(u'/', 1).toInt() + 1);
            QVERIFY(!cell(shown, row, models::PodTableModel::LastEvent).isEmpty());
        }
        // Local pods have no CCI side.
        pods->allPods()->setChecked(true);
        pods->filterEdit()->setText(u"loc:local"_s);
        QVERIFY(shown->rowCount() > 0);
        QCOMPARE(rowsWith(shown, models::PodTableModel::CciPod, QString()), shown->rowCount());
        pods->filterEdit()->clear();
        pods->allPods()->setChecked(false);

        // Assistive technology reads the CCI cells too.
        QAccessibleInterface *table = QAccessible::queryAccessibleInterface(pods->view());
        QVERIFY(table && table->tableInterface());
        QAccessibleInterface *cciCell =
            table->tableInterface()->cellAt(0, models::PodTableModel::CciPod);
        QVERIFY(cciCell);
        QVERIFY(cciCell->text(QAccessible::Name).startsWith(u"cce-burst-sandbox/"));

        // The Events pane holds CCI's events about these pods, as rows about the burst pods.
        ui::EventsPane *events = dock->eventsPane();
        const QAbstractItemModel *eventRows = events->view()->model();
        QTRY_VERIFY_WITH_TIMEOUT(
            rowsWith(eventRows, models::EventTableModel::Cluster, u"sandbox-cci"_s) > 0, 20000);
        events->filterEdit()->setText(u"cluster:sandbox-cci reason:Started"_s);
        QTRY_VERIFY(eventRows->rowCount() >= shown->rowCount());
        for (int row = 0; row < eventRows->rowCount(); ++row) {
            QCOMPARE(cell(eventRows, row, models::EventTableModel::Cluster), u"sandbox-cci"_s);
            QVERIFY(cell(eventRows, row, models::EventTableModel::Namespace) !=
                    u"cce-burst-sandbox");
            QVERIFY(cell(eventRows, row, models::EventTableModel::Message)
                        .contains(u"cci-network-sidecar"));
        }
        events->filterEdit()->setText(u"-cluster:sandbox-cci"_s);
        QVERIFY(eventRows->rowCount() > 0);
        QCOMPARE(rowsWith(eventRows, models::EventTableModel::Cluster, u"sandbox"_s),
                 eventRows->rowCount());
        events->filterEdit()->clear();
        // The CCI endpoint's own dock: every pod it lists runs on CCI.
        ui::PodsPane *cciPods = window.clusterDock(&cciSession)->podsPane();
        QTRY_COMPARE(cciPods->view()->model()->rowCount(), cciSession.pods()->rowCount());
        QTRY_VERIFY2(cciPods->countsLine()->text().startsWith(
                         QStringLiteral("On CCI %1,").arg(cciSession.pods()->rowCount())),
                     qPrintable(cciPods->countsLine()->text()));

        dock->raise();
        dock->tabs()->setCurrentWidget(pods);
        pods->view()->scrollTo(shown->index(0, models::PodTableModel::LastEvent));
        QVERIFY(saveShot(window, u"burst-pods-with-cci-side.png"_s));

        // The CCI endpoint disconnects: the CCI side leaves both panes.
        window.disconnectSession(&cciSession);
        QCOMPARE(rowsWith(shown, models::PodTableModel::CciPod, QString()), shown->rowCount());
        QTRY_COMPARE(rowsWith(eventRows, models::EventTableModel::Cluster, u"sandbox-cci"_s), 0);
        window.disconnectSession(&cce);
    }
};

QTEST_MAIN(tst_CciSidePanes)
#include "tst_ccisidepanes.moc"
