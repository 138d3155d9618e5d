#include "tests/core/kube/sandboxfixture.h"

#include "models/clustersession.h"
#include "models/podtablemodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QTimer>

using models::ClusterSession;
using models::ConnectionState;
using models::PodTableModel;

namespace {

const core::sandbox::ResourceType kPods{QString(), QStringLiteral("v1"), QStringLiteral("pods"),
                                        QStringLiteral("Pod")};

QJsonObject pod(const QString &name, const QString &node)
{
    return QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Pod")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), name},
                     {QStringLiteral("namespace"), QStringLiteral("default")},
                     {QStringLiteral("labels"),
                      QJsonObject{{QStringLiteral("virtual-kubelet.io/burst-to-cci"),
                                   QStringLiteral("auto")}}}}},
        {QStringLiteral("spec"),
         QJsonObject{{QStringLiteral("nodeName"), node},
                     {QStringLiteral("containers"),
                      QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("c")},
                                             {QStringLiteral("image"), QStringLiteral("nginx")}}}}}}};
}

// uid -> name of every pod the server holds.
QHash<QString, QString> serverPods(SandboxFixture &sandbox)
{
    QHash<QString, QString> pods;
    const auto list = sandbox.store().list(kPods, {});
    for (const QJsonObject &o : list.value().items) {
        const QJsonObject metadata = o.value(u"metadata").toObject();
        pods.insert(metadata.value(u"uid").toString(), metadata.value(u"name").toString());
    }
    return pods;
}

QHash<QString, QString> modelPods(const PodTableModel &model)
{
    QHash<QString, QString> pods;
    for (const models::PodRow &row : model.rows())
        pods.insert(row.uid, row.name);
    return pods;
}

} // namespace

// A ClusterSession against an in-process sandbox: the pod model follows the server through the
// first sync and a stream of changes without a reset (QAbstractItemModelTester watching), pods
// on a virtual-kubelet node show as on CCI, and the state says what the connection is doing.
class tst_ClusterSession : public QObject
{
    Q_OBJECT

private slots:
    void followsTheClusterWithoutReset()
    {
        SandboxFixture sandbox;
        QVERIFY(sandbox.started());
        core::sandbox::preloadPods(sandbox.store(), 2000);
        core::kube::Connection connection = sandbox.connection();
        connection.contextName = QStringLiteral("sandbox");
        QList<ConnectionState> states; // outlives the session, which reports its last state
        ClusterSession session(connection);
        QAbstractItemModelTester tester(session.pods(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(session.pods(), &QAbstractItemModel::modelReset);
        connect(&session, &ClusterSession::statusChanged, this,
                [&](const models::ConnectionStatus &s) {
                    if (states.isEmpty() || states.last() != s.state)
                        states.append(s.state);
                });
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(session.status().state, ConnectionState::Synced, 20000);
        QCOMPARE(states.mid(0, 3), QList<ConnectionState>({ConnectionState::Connecting,
                                                           ConnectionState::Syncing,
                                                           ConnectionState::Synced}));
        QTRY_VERIFY_WITH_TIMEOUT(modelPods(*session.pods()) == serverPods(sandbox), 10000);
        QVERIFY(session.pods()->rowCount() >= 2000);
        QCOMPARE(session.status().pods, session.pods()->rowCount());
        QVERIFY(session.pods()->virtualNodes().contains(core::sandbox::virtualKubeletNodeName()));

        // Changes stream in while the tester checks every signal: creations (half on the
        // virtual node), deletions and relabels.
        const QString vk = core::sandbox::virtualKubeletNodeName();
        for (int i = 0; i < 300; ++i)
            QVERIFY(sandbox.store().create(kPods, QStringLiteral("default"),
                                           pod(QStringLiteral("live-%1").arg(i),
                                               i % 2 ? vk : QStringLiteral("idc-node-1"))));
        for (int i = 0; i < 300; i += 3)
            QVERIFY(sandbox.store().remove(kPods, QStringLiteral("default"),
                                           QStringLiteral("live-%1").arg(i)));
        for (int i = 1; i < 300; i += 3)
            QVERIFY(sandbox.store().patch(
                kPods, QStringLiteral("default"), QStringLiteral("live-%1").arg(i),
                core::sandbox::PatchType::MergePatch,
                "{\"metadata\":{\"labels\":{\"virtual-kubelet.io/burst-to-cci\":\"enforce\"}}}"));
        QTRY_VERIFY_WITH_TIMEOUT(modelPods(*session.pods()) == serverPods(sandbox), 10000);
        QCOMPARE(resets.size(), 0);

        PodTableModel *model = session.pods();
        int cci = 0;
        for (int row = 0; row < model->rowCount(); ++row) {
            const models::PodRow &r = model->rowAt(row);
            if (!r.name.startsWith(u"live-"))
                continue;
            const bool expectCci = r.name.mid(5).toInt() % 2 == 1;
            QCOMPARE(model->data(model->index(row, PodTableModel::Location)).toString(),
                     expectCci ? u"CCI"_qs : u"local"_qs);
            if (expectCci)
                ++cci;
            if (r.name.mid(5).toInt() % 3 == 1)
                QCOMPARE(model->data(model->index(row, PodTableModel::Strategy)).toString(),
                         u"enforce"_qs);
        }
        QCOMPARE(cci, 100);
        session.stop();
        QCOMPARE(session.status().state, ConnectionState::Disconnected);
    }

    // The API server goes away mid-session and comes back: the state says so at once and since
    // when, the rows stay (old data, marked), and after the restart the session is live again
    // without a reset, with the changes made meanwhile.
    void serverRestartMidSession()
    {
        SandboxFixture sandbox;
        QVERIFY(sandbox.started());
        core::sandbox::preloadPods(sandbox.store(), 200);
        core::kube::Connection connection = sandbox.connection();
        connection.contextName = QStringLiteral("sandbox");
        ClusterSession session(connection);
        QSignalSpy resets(session.pods(), &QAbstractItemModel::modelReset);
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(session.status().state, ConnectionState::Synced, 20000);
        const int rows = session.pods()->rowCount();
        QVERIFY(rows >= 200);

        sandbox.stopServer();
        QTRY_COMPARE_WITH_TIMEOUT(session.status().state, ConnectionState::Reconnecting, 10000);
        QVERIFY(session.status().since.isValid());
        QVERIFY(!session.status().detail.isEmpty());
        QCOMPARE(session.pods()->rowCount(), rows); // old data stays, marked as such
        const QString line = models::describeStatus(session.contextName(), session.status());
        QVERIFY2(line.startsWith(u"sandbox: reconnecting since "), qPrintable(line));

        for (int i = 0; i < 10; ++i)
            QVERIFY(sandbox.store().create(kPods, QStringLiteral("default"),
                                           pod(QStringLiteral("while-down-%1").arg(i),
                                               QStringLiteral("idc-node-1"))));
        QVERIFY(sandbox.restartServer());
        QTRY_COMPARE_WITH_TIMEOUT(session.status().state, ConnectionState::Synced, 40000);
        QTRY_VERIFY_WITH_TIMEOUT(modelPods(*session.pods()) == serverPods(sandbox), 10000);
        QCOMPARE(session.pods()->rowCount(), rows + 10);

        // Once more with nothing changed meanwhile: no batch arrives, and the reopened watch
        // alone must make the session live again.
        sandbox.stopServer();
        QTRY_COMPARE_WITH_TIMEOUT(session.status().state, ConnectionState::Reconnecting, 10000);
        QVERIFY(sandbox.restartServer());
        QTRY_COMPARE_WITH_TIMEOUT(session.status().state, ConnectionState::Synced, 40000);
        QCOMPARE(session.pods()->rowCount(), rows + 10);
        QCOMPARE(resets.size(), 0);
        session.stop();
    }

    void unreachableServerSaysSoAndRetries()
    {
        QTcpServer probe; // a port nobody listens on once the probe is closed
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        core::kube::Connection connection;
        connection.contextName = QStringLiteral("gone");
        connection.server = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        ClusterSession session(connection);
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(session.status().state, ConnectionState::Unreachable, 10000);
        QVERIFY(session.status().since.isValid());
        QVERIFY(!session.status().detail.isEmpty());
        const QString line = models::describeStatus(session.contextName(), session.status());
        QVERIFY2(line.startsWith(u"gone: unreachable since "), qPrintable(line));
        QCOMPARE(session.pods()->rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_ClusterSession)
#include "tst_clustersession.moc"
