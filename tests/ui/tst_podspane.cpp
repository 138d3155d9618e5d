#include "tests/ui/burstsandbox.h"

#include "core/sandbox/cluster/scenario.h"
#include "models/clustersession.h"
#include "models/podfilter.h"
#include "models/podtablemodel.h"
#include "ui/mainwindow.h"
#include "ui/podspane.h"

#include <QAccessible>
#include <QJsonArray>
#include <QCheckBox>
#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTest>

// The Burst pods pane on a live in-process sandbox, as an operator and assistive technology meet
// it: the table lists the pods on the virtual-kubelet node, filter tokens narrow it, the state
// line says synced or not, and the view exposes its cells.
class tst_PodsPane : public QObject
{
    Q_OBJECT

private:
    static QStringList shownNames(const ui::PodsPane &pane)
    {
        QStringList names;
        const QAbstractItemModel *model = pane.view()->model();
        for (int row = 0; row < model->rowCount(); ++row)
            names.append(model->data(model->index(row, models::PodTableModel::Name)).toString());
        return names;
    }

    // "namespace/name" of every row the pane shows, sorted.
    static QStringList shownPods(const ui::PodsPane &pane)
    {
        QStringList pods;
        const QAbstractItemModel *model = pane.view()->model();
        for (int row = 0; row < model->rowCount(); ++row)
            pods.append(model->index(row, models::PodTableModel::Namespace).data().toString() +
                        u'/' + model->index(row, models::PodTableModel::Name).data().toString());
        pods.sort();
        return pods;
    }

    // "namespace/name" of every pod the server stores on the virtual-kubelet node, sorted.
    static QStringList serverBurstPods(SandboxFixture &sandbox)
    {
        QStringList pods;
        const auto list = sandbox.store().list(core::sandbox::podsType(), {});
        for (const QJsonObject &pod : list.value().items) {
            if (pod.value(u"spec").toObject().value(u"nodeName").toString() !=
                core::sandbox::virtualKubeletNodeName())
                continue;
            const QJsonObject metadata = pod.value(u"metadata").toObject();
            pods.append(metadata.value(u"namespace").toString() + u'/' +
                        metadata.value(u"name").toString());
        }
        pods.sort();
        return pods;
    }

    static int cciPods(const models::PodTableModel &pods)
    {
        int count = 0;
        for (const models::PodRow &row : pods.rows())
            count += pods.onVirtualNode(row) ? 1 : 0;
        return count;
    }

private slots:
    void liveBurstPods()
    {
        SandboxFixture sandbox;
        QVERIFY(sandbox.started());
        core::sandbox::preloadPods(sandbox.store(), 500);
        const core::sandbox::ResourceType podType{QString(), QStringLiteral("v1"),
                                                  QStringLiteral("pods"), QStringLiteral("Pod")};
        for (int i = 0; i < 20; ++i) {
            const QJsonObject pod{
                {QStringLiteral("metadata"),
                 QJsonObject{{QStringLiteral("name"), QStringLiteral("burst-%1").arg(i)},
                             {QStringLiteral("labels"),
                              QJsonObject{{QStringLiteral("virtual-kubelet.io/burst-to-cci"),
                                           i % 2 ? QStringLiteral("auto")
                                                 : QStringLiteral("enforce")}}}}},
                {QStringLiteral("spec"),
                 QJsonObject{{QStringLiteral("nodeName"), core::sandbox::virtualKubeletNodeName()},
                             {QStringLiteral("containers"),
                              QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("c")},
                                                     {QStringLiteral("image"),
                                                      QStringLiteral("nginx")}}}}}}};
            QVERIFY(sandbox.store().create(podType, QStringLiteral("default"), pod));
        }
        core::kube::Connection connection = sandbox.connection();
        connection.contextName = QStringLiteral("sandbox");
        models::ClusterSession session(connection);
        ui::MainWindow window;
        ui::PodsPane *pane = window.addClusterSession(&session);
        window.show();
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(session.status().state, models::ConnectionState::Synced, 20000);
        QTRY_VERIFY(session.pods()->rowCount() >= 500);

        QCOMPARE(pane->accessibleName(), u"Burst pods"_qs);
        QCOMPARE(pane->view()->accessibleName(), u"Burst pods"_qs);
        QVERIFY2(pane->statusLine()->text().startsWith(u"sandbox: synced, "),
                 qPrintable(pane->statusLine()->text()));
        auto *dock = window.findChild<QDockWidget *>(QStringLiteral("cluster-sandbox"));
        QVERIFY(dock);
        QVERIFY(dock->windowTitle().contains(u"sandbox"));

        // Only pods on the virtual-kubelet node, then all of them.
        const int cci = cciPods(*session.pods());
        QCOMPARE(cci, 20);
        QCOMPARE(pane->view()->model()->rowCount(), cci);
        pane->allPods()->setChecked(true);
        QCOMPARE(pane->view()->model()->rowCount(), session.pods()->rowCount());
        pane->filterEdit()->setText(u"loc:local -ns:kube-system"_qs);
        QVERIFY(pane->view()->model()->rowCount() > 0);
        for (int row = 0; row < pane->view()->model()->rowCount(); ++row) {
            const QModelIndex ns = pane->view()->model()->index(row, models::PodTableModel::Namespace);
            QVERIFY(ns.data().toString() != u"kube-system");
            const QModelIndex loc = pane->view()->model()->index(row, models::PodTableModel::Location);
            QCOMPARE(loc.data().toString(), u"local"_qs);
        }
        pane->filterEdit()->setText(u"no-such-pod-anywhere"_qs);
        QCOMPARE(pane->view()->model()->rowCount(), 0);
        pane->filterEdit()->clear();
        pane->allPods()->setChecked(false);
        QTRY_VERIFY2(pane->countsLine()->text().startsWith(u"On CCI 20,"),
                     qPrintable(pane->countsLine()->text()));
        QVERIFY(pane->countsLine()->text().contains(u"auto: 10"));
        QVERIFY(pane->countsLine()->text().contains(u"enforce: 10"));
        pane->filterEdit()->setText(u"strategy:enforce"_qs);
        QCOMPARE(pane->view()->model()->rowCount(), 10);
        pane->filterEdit()->clear();

        // Assistive technology reads the cells the operator reads.
        QAccessibleInterface *table = QAccessible::queryAccessibleInterface(pane->view());
        QVERIFY(table);
        QVERIFY(table->tableInterface());
        QCOMPARE(table->tableInterface()->rowCount(), cci);
        QAccessibleInterface *cell = table->tableInterface()->cellAt(0, models::PodTableModel::Name);
        QVERIFY(cell);
        QCOMPARE(cell->text(QAccessible::Name),
                 pane->view()->model()->index(0, models::PodTableModel::Name).data().toString());

        // A screenshot of the window with the live pane, for people to look at.
        const QString shots = QDir::currentPath() + QStringLiteral("/screenshots");
        QDir().mkpath(shots);
        window.resize(1400, 900);
        QTest::qWait(300);
        QVERIFY(window.grab().save(shots + QStringLiteral("/burst-pods.png")));
        session.stop();
        QVERIFY(pane->statusLine()->text().contains(u"disconnected"));
    }

    // The API server restarts under a connected window. While it is down the session says since
    // when it is reconnecting, and the Burst pods keep their rows, marked as old data; once it
    // serves again (same port, same store) the session is Synced and the rows are the server's,
    // with what changed meanwhile, and neither the pods model nor the pane's proxy was reset.
    void reconnectAfterSandboxRestart()
    {
        BurstSandbox cluster; // the guide's examples: pods burst to CCI
        SandboxFixture &sandbox = cluster.sandbox;
        QVERIFY(sandbox.started());
        models::ClusterSession session(cluster.connection());
        ui::MainWindow window;
        ui::PodsPane *pane = window.addClusterSession(&session);
        QSignalSpy modelResets(session.pods(), &QAbstractItemModel::modelReset);
        QSignalSpy proxyResets(pane->view()->model(), &QAbstractItemModel::modelReset);
        window.show();
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(session.status().state, models::ConnectionState::Synced, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(pane->view()->model()->rowCount() > 0, 20000);
        cluster.simulator.stop(); // the cluster holds still; the test changes it itself
        QTRY_COMPARE_WITH_TIMEOUT(shownPods(*pane), serverBurstPods(sandbox), 10000);
        QTRY_COMPARE(session.status().state, models::ConnectionState::Synced);
        QVERIFY2(pane->statusLine()->text().startsWith(u"sandbox: synced, "),
                 qPrintable(pane->statusLine()->text()));
        QVERIFY(pane->statusLine()->styleSheet().isEmpty());
        const QStringList before = shownPods(*pane);

        sandbox.stopServer();
        const auto reconnecting = [&session] {
            const models::ConnectionState state = session.status().state;
            return state == models::ConnectionState::Reconnecting ||
                   state == models::ConnectionState::Unreachable;
        };
        QTRY_VERIFY_WITH_TIMEOUT(reconnecting(), 10000);
        const QString down = pane->statusLine()->text();
        static const QRegularExpression since(uR"(^sandbox: \w+ since \d\d:\d\d:\d\d)"_qs);
        QVERIFY2(since.match(down).hasMatch(), qPrintable(down));
        QVERIFY2(down.contains(u"showing data from then"), qPrintable(down)); // may be stale
        QVERIFY(!pane->statusLine()->styleSheet().isEmpty());                 // and marked
        QCOMPARE(shownPods(*pane), before); // not blanked
        QTest::qWait(1500); // the informers' retries fail meanwhile
        QVERIFY(reconnecting());
        QCOMPARE(pane->statusLine()->text().section(u" ("_qs, 0, 0), down.section(u" ("_qs, 0, 0));
        QCOMPARE(shownPods(*pane), before);

        // Meanwhile one burst pod goes and another comes.
        const QString gone = before.first();
        QVERIFY(sandbox.store().remove(core::sandbox::podsType(), gone.section(u'/', 0, 0),
                                       gone.section(u'/', 1)));
        const QJsonObject late{
            {u"metadata"_qs, QJsonObject{{u"name"_qs, u"burst-while-down"_qs}}},
            {u"spec"_qs,
             QJsonObject{{u"nodeName"_qs, core::sandbox::virtualKubeletNodeName()},
                         {u"containers"_qs, QJsonArray{QJsonObject{{u"name"_qs, u"c"_qs},
                                                                   {u"image"_qs, u"nginx"_qs}}}}}}};
        QVERIFY(sandbox.store().create(core::sandbox::podsType(), u"default"_qs, late));
        QCOMPARE(shownPods(*pane), before);

        QVERIFY(sandbox.restartServer());
        QTRY_COMPARE_WITH_TIMEOUT(session.status().state, models::ConnectionState::Synced, 40000);
        QTRY_COMPARE_WITH_TIMEOUT(shownPods(*pane), serverBurstPods(sandbox), 10000);
        QVERIFY(!shownPods(*pane).contains(gone));
        QVERIFY(shownPods(*pane).contains(u"default/burst-while-down"_qs));
        QVERIFY2(pane->statusLine()->text().startsWith(u"sandbox: synced, "),
                 qPrintable(pane->statusLine()->text()));
        QVERIFY(pane->statusLine()->styleSheet().isEmpty());
        QCOMPARE(modelResets.size(), 0);
        QCOMPARE(proxyResets.size(), 0);
        session.stop();
    }
};

QTEST_MAIN(tst_PodsPane)
#include "tst_podspane.moc"
