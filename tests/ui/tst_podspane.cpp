#include "tests/core/kube/sandboxfixture.h"

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
};

QTEST_MAIN(tst_PodsPane)
#include "tst_podspane.moc"
