#include "tests/core/kube/sandboxfixture.h"

#include "models/clustersession.h"
#include "models/podtablemodel.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using models::ClusterSession;
using models::ConnectionState;
using models::ResourceState;

namespace {

const core::sandbox::ResourceType kPods{QString(), QStringLiteral("v1"), QStringLiteral("pods"),
                                        QStringLiteral("Pod")};
const QString kToken = QStringLiteral("restricted-token");

QJsonObject pod(const QString &ns, const QString &name)
{
    return QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Pod")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("namespace"), ns}}},
        {QStringLiteral("spec"),
         QJsonObject{{QStringLiteral("nodeName"), QStringLiteral("idc-node-1")},
                     {QStringLiteral("containers"),
                      QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("c")},
                                             {QStringLiteral("image"), QStringLiteral("nginx")}}}}}}};
}

QSet<QString> namespacesOf(const models::PodTableModel &model)
{
    QSet<QString> namespaces;
    for (const models::PodRow &row : model.rows())
        namespaces.insert(row.nameSpace);
    return namespaces;
}

} // namespace

// A ClusterSession for the sandbox's restricted user: cluster-wide lists answer 403, so the
// session watches pods in the namespaces it may use (the context's, and those of the
// contexts/<context>/namespaces setting), reports nodes as forbidden and is live all the same.
class tst_RestrictedSession : public QObject
{
    Q_OBJECT

private:
    static void seedPods(SandboxFixture &sandbox)
    {
        for (const QString &ns : {QStringLiteral("payments"), QStringLiteral("kube-system"),
                                  QStringLiteral("default")}) {
            for (int i = 0; i < 5; ++i)
                QVERIFY(sandbox.store().create(kPods, ns, pod(ns, QStringLiteral("p-%1").arg(i))));
        }
    }

    static core::kube::Connection restricted(const SandboxFixture &sandbox, const QString &context)
    {
        core::kube::Connection connection = sandbox.connection();
        connection.contextName = context;
        connection.token = kToken;
        connection.defaultNamespace = QStringLiteral("payments");
        return connection;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("burst-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_restrictedsession"));
    }

    void liveWithAllowedNamespacesOnly()
    {
        SandboxFixture sandbox;
        QVERIFY(sandbox.started());
        sandbox.addRestrictedUser(kToken, {QStringLiteral("payments"),
                                           QStringLiteral("kube-system")});
        seedPods(sandbox);
        const QString context = QStringLiteral("sandbox-restricted");
        QSettings().setValue(ClusterSession::namespacesSettingsKey(context),
                             QStringList{QStringLiteral("kube-system"), QStringLiteral("default")});
        ClusterSession session(restricted(sandbox, context));
        QSignalSpy states(&session, &ClusterSession::resourceStateChanged);
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(session.status().state, ConnectionState::Synced, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(session.pods()->rowCount(), 10, 10000);
        QCOMPARE(namespacesOf(*session.pods()),
                 QSet<QString>({QStringLiteral("payments"), QStringLiteral("kube-system")}));
        QCOMPARE(session.status().pods, 10);

        const ResourceState pods = session.resourceState(QStringLiteral("pods"));
        QCOMPARE(pods.access, ResourceState::Access::Namespaces);
        // The context's namespace first, then the setting's; "default" was refused by review.
        QCOMPARE(pods.namespaces,
                 QStringList({QStringLiteral("payments"), QStringLiteral("kube-system")}));
        QCOMPARE(models::describeResourceState(pods),
                 u"watching 2 namespace(s): payments, kube-system");
        const ResourceState nodes = session.resourceState(QStringLiteral("nodes"));
        QCOMPARE(nodes.access, ResourceState::Access::Forbidden);
        QCOMPARE(nodes.message,
                 u"nodes is forbidden: User \"sandbox-restricted\" cannot list resource \"nodes\" "
                 u"in API group \"\" at the cluster scope");
        QCOMPARE(models::describeResourceState(nodes), u"Forbidden: " + nodes.message);
        QVERIFY(!states.isEmpty());

        // Changes in an allowed namespace arrive; those elsewhere are never seen.
        QVERIFY(sandbox.store().create(kPods, QStringLiteral("default"),
                                       pod(QStringLiteral("default"), QStringLiteral("late"))));
        QVERIFY(sandbox.store().create(kPods, QStringLiteral("payments"),
                                       pod(QStringLiteral("payments"), QStringLiteral("late"))));
        QTRY_COMPARE_WITH_TIMEOUT(session.pods()->rowCount(), 11, 10000);
        QCOMPARE(session.status().state, ConnectionState::Synced);

        // The panes' actions ask before they offer.
        std::optional<bool> patchDeployments, patchNodes, listAll;
        QString reason;
        session.canI(QStringLiteral("patch"), QStringLiteral("deployments"),
                     QStringLiteral("payments"), this, [&](bool allowed, const QString &why) {
                         patchDeployments = allowed;
                         reason = why;
                     });
        session.canI(QStringLiteral("patch"), QStringLiteral("nodes"), QString(), this,
                     [&](bool allowed, const QString &) { patchNodes = allowed; });
        session.canI(QStringLiteral("list"), QStringLiteral("po"), QString(), this,
                     [&](bool allowed, const QString &) { listAll = allowed; });
        QTRY_VERIFY(patchDeployments && patchNodes && listAll);
        QVERIFY(*patchDeployments);
        QVERIFY(!reason.isEmpty());
        QVERIFY(!*patchNodes);
        QVERIFY(!*listAll);
        QSettings().remove(ClusterSession::namespacesSettingsKey(context));
        session.stop();
        QCOMPARE(session.resourceState(QStringLiteral("pods")).access,
                 ResourceState::Access::Pending);
    }

    // The admin's session is unchanged: every resource across all namespaces.
    void adminWatchesAllNamespaces()
    {
        SandboxFixture sandbox;
        QVERIFY(sandbox.started());
        sandbox.addRestrictedUser(kToken, {QStringLiteral("payments")});
        seedPods(sandbox);
        core::kube::Connection connection = sandbox.connection();
        connection.contextName = QStringLiteral("sandbox");
        ClusterSession session(connection);
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(session.status().state, ConnectionState::Synced, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(session.pods()->rowCount(), 15, 10000);
        QCOMPARE(session.resourceState(QStringLiteral("pods")).access,
                 ResourceState::Access::AllNamespaces);
        QCOMPARE(session.resourceState(QStringLiteral("nodes")).access,
                 ResourceState::Access::AllNamespaces);
        bool done = false;
        session.canI(QStringLiteral("patch"), QStringLiteral("nodes"), QString(), this,
                     [&](bool allowed, const QString &) { done = allowed; });
        QTRY_VERIFY(done);
    }

    // Nothing allowed anywhere the session knows of: every resource forbidden, and so is the
    // session, with the server's message.
    void nothingAllowedIsForbidden()
    {
        SandboxFixture sandbox;
        QVERIFY(sandbox.started());
        sandbox.addRestrictedUser(kToken, {QStringLiteral("elsewhere")});
        ClusterSession session(restricted(sandbox, QStringLiteral("nowhere")));
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(session.status().state, ConnectionState::Forbidden, 20000);
        QVERIFY2(session.status().detail.contains(u"is forbidden: User \"sandbox-restricted\""),
                 qPrintable(session.status().detail));
        QCOMPARE(session.resourceState(QStringLiteral("pods")).access,
                 ResourceState::Access::Forbidden);
        QVERIFY(session.resourceState(QStringLiteral("pods"))
                    .message.startsWith(u"pods is forbidden: User \"sandbox-restricted\" cannot "
                                        u"list resource \"pods\" in API group \"\" at the "
                                        u"cluster scope"));
    }
};

QTEST_GUILESS_MAIN(tst_RestrictedSession)
#include "tst_restrictedsession.moc"
