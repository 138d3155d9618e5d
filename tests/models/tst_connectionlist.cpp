#include "core/sandbox/apiserver/apirouter.h"
#include "core/sandbox/apiserver/authenticator.h"
#include "core/sandbox/cluster/scenario.h"
#include "core/sandbox/store/objectstore.h"
#include "core/sandbox/transport/httpserver.h"
#include "models/connectionlist.h"
#include "models/connectiontest.h"
#include "models/contextsafety.h"

#include <QFile>
#include <QJsonDocument>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using models::ConnectionKind;
using Outcome = models::ConnectionTestResult::Outcome;

namespace {

// An in-process sandbox API server that accepts one bearer token (/version stays open).
class AuthSandbox
{
public:
    AuthSandbox()
    {
        core::sandbox::seedDefaultScenario(m_store, QStringLiteral("sandbox"));
        core::sandbox::ApiRouterOptions options;
        options.authenticator = core::sandbox::Authenticator({QStringLiteral("good")}, false);
        m_router = std::make_unique<core::sandbox::ApiRouter>(
            m_store, QStringLiteral("127.0.0.1"), std::move(options));
        m_server = std::make_unique<core::sandbox::HttpServer>(
            [this](const core::sandbox::HttpRequest &r) { return m_router->handle(r); },
            core::sandbox::HttpServerOptions{});
        m_started = bool(m_server->start());
    }
    bool started() const { return m_started; }
    core::kube::Connection connection(const QString &token) const
    {
        core::kube::Connection c;
        c.server = QUrl(m_server->url());
        c.token = token;
        return c;
    }

private:
    core::sandbox::ObjectStore m_store;
    std::unique_ptr<core::sandbox::ApiRouter> m_router;
    std::unique_ptr<core::sandbox::HttpServer> m_server;
    bool m_started = false;
};

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &text)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        return {};
    return path;
}

// A kubeconfig with one cluster, user and context per name, each context on its own cluster.
QByteArray kubeconfig(const QList<std::pair<QString, QString>> &contextServers,
                      const QString &current)
{
    QByteArray out = "apiVersion: v1\nkind: Config\ncurrent-context: " + current.toUtf8() +
                     "\nclusters:\n";
    for (const auto &[name, server] : contextServers)
        out += "- name: " + name.toUtf8() + "\n  cluster:\n    server: " + server.toUtf8() + "\n";
    out += "users:\n";
    for (const auto &[name, server] : contextServers)
        out += "- name: " + name.toUtf8() + "-user\n  user:\n    token: t\n";
    out += "contexts:\n";
    for (const auto &[name, server] : contextServers)
        out += "- name: " + name.toUtf8() + "\n  context:\n    cluster: " + name.toUtf8() +
               "\n    user: " + name.toUtf8() + "-user\n    namespace: ns-" + name.toUtf8() +
               "\n";
    return out;
}

models::ConnectionTestResult runTest(const core::kube::Connection &connection)
{
    models::ConnectionTest test(connection);
    QSignalSpy finished(&test, &models::ConnectionTest::finished);
    test.start();
    if (!finished.wait(20000))
        return {};
    return finished.at(0).at(0).value<models::ConnectionTestResult>();
}

} // namespace

// The connection list (contexts of merged and added kubeconfigs, CCI accounts, their badges and
// safety) and "Test connection" against an in-process sandbox.
class tst_ConnectionList : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void badgeRule_data()
    {
        QTest::addColumn<QString>("cluster");
        QTest::addColumn<QString>("server");
        QTest::addColumn<int>("kind");
        QTest::newRow("sandbox") << "sandbox" << "https://127.0.0.1:6443"
                                 << int(ConnectionKind::Sandbox);
        QTest::newRow("sandbox on localhost") << "sandbox" << "http://localhost:1"
                                              << int(ConnectionKind::Sandbox);
        QTest::newRow("sandbox name, remote") << "sandbox" << "https://10.0.0.1:6443"
                                              << int(ConnectionKind::Cluster);
        QTest::newRow("sandbox-cci") << "sandbox-cci" << "https://127.0.0.1:7000"
                                     << int(ConnectionKind::Cci);
        QTest::newRow("public CCI") << "prod" << "https://cci.cn-north-4.myhuaweicloud.com"
                                    << int(ConnectionKind::Cci);
        QTest::newRow("region list endpoint") << "x" << "https://cci.example.test"
                                              << int(ConnectionKind::Cci);
        QTest::newRow("other port of it") << "x" << "https://cci.example.test:8443"
                                          << int(ConnectionKind::Cluster);
        QTest::newRow("cce") << "cce-prod" << "https://192.168.0.10:5443"
                             << int(ConnectionKind::Cluster);
        QTest::newRow("lookalike host") << "x" << "https://cci.cn-north-4.myhuaweicloud.com.evil"
                                        << int(ConnectionKind::Cluster);
    }

    void badgeRule()
    {
        QFETCH(QString, cluster);
        QFETCH(QString, server);
        QFETCH(int, kind);
        QList<core::cloud::CciRegion> regions = core::cloud::defaultCciRegions();
        core::cloud::CciRegion custom = core::cloud::cciRegionFor(QStringLiteral("test-1"));
        custom.cciEndpoint = QUrl(QStringLiteral("https://cci.example.test"));
        regions.append(custom);
        QCOMPARE(int(models::kindOf(cluster, QUrl(server), regions)), kind);
    }

    void connectedKindAndBadges()
    {
        QCOMPARE(models::connectedKind(ConnectionKind::Cluster, true), ConnectionKind::Cce);
        QCOMPARE(models::connectedKind(ConnectionKind::Cluster, false), ConnectionKind::Cluster);
        QCOMPARE(models::connectedKind(ConnectionKind::Sandbox, true), ConnectionKind::Sandbox);
        QCOMPARE(models::connectedKind(ConnectionKind::Cci, true), ConnectionKind::Cci);
        QCOMPARE(models::kindBadge(ConnectionKind::Sandbox), u"sandbox");
        QCOMPARE(models::kindBadge(ConnectionKind::Cci), u"CCI");
        QCOMPARE(models::kindBadge(ConnectionKind::Cce), u"CCE");
        QVERIFY(models::kindBadge(ConnectionKind::Cluster).isEmpty());
    }

    // KUBECONFIG's files merged (the first file naming a context wins it), an added file on its
    // own, an added file that does not parse reported while the rest stay, and an account.
    void listsMergedAddedAndAccounts()
    {
        QTemporaryDir dir;
        const QString first = writeFile(
            dir, QStringLiteral("first"),
            kubeconfig({{QStringLiteral("shared"), QStringLiteral("https://first.example:1")},
                        {QStringLiteral("sandbox"), QStringLiteral("https://127.0.0.1:2")}},
                       QStringLiteral("sandbox")));
        const QString second = writeFile(
            dir, QStringLiteral("second"),
            kubeconfig({{QStringLiteral("shared"), QStringLiteral("https://second.example:1")},
                        {QStringLiteral("only-second"), QStringLiteral("https://s.example:3")}},
                       QStringLiteral("only-second")));
        const QString added = writeFile(
            dir, QStringLiteral("added"),
            kubeconfig({{QStringLiteral("cci-prod"),
                         QStringLiteral("https://cci.cn-east-3.myhuaweicloud.com")}},
                       QString()));
        const QString broken = writeFile(dir, QStringLiteral("broken"), "clusters: [: nope\n");
        core::cloud::CloudAccount account;
        account.id = QStringLiteral("acct1");
        account.displayName = QStringLiteral("My CCI");
        account.region = QStringLiteral("cn-north-4");
        account.authKind = core::cloud::CloudAccount::AuthKind::Password;
        account.userName = QStringLiteral("ops");

        models::ConnectionSources sources;
        sources.search = {QString(), first + u':' + second, dir.path()};
        sources.extraFiles = {added, broken};
        sources.accounts = {account};
        sources.regions = core::cloud::defaultCciRegions();
        const models::ConnectionListing listing = models::listConnections(sources);
        QCOMPARE(listing.errors.size(), 1);
        QVERIFY2(listing.errors.at(0).contains(broken), qPrintable(listing.errors.at(0)));

        QStringList names;
        for (const models::ConnectionEntry &e : listing.entries)
            names << e.name;
        QCOMPARE(names, (QStringList{u"only-second"_qs, u"sandbox"_qs, u"shared"_qs,
                                     u"cci-prod"_qs, u"My CCI"_qs}));
        const auto &onlySecond = listing.entries.at(0);
        QCOMPARE(onlySecond.sourceFile, second);
        QVERIFY(onlySecond.kubeconfigPath.isEmpty());
        QVERIFY(!onlySecond.current); // the first file's current-context wins
        const auto &sandbox = listing.entries.at(1);
        QVERIFY(sandbox.current);
        QCOMPARE(sandbox.kind, ConnectionKind::Sandbox);
        QCOMPARE(sandbox.nameSpace, u"ns-sandbox");
        QCOMPARE(sandbox.user, u"sandbox-user");
        const auto &shared = listing.entries.at(2);
        QCOMPARE(shared.server, QUrl(u"https://first.example:1"_qs));
        QCOMPARE(shared.sourceFile, first);
        QCOMPARE(shared.kind, ConnectionKind::Cluster);
        const auto &cci = listing.entries.at(3);
        QCOMPARE(cci.kubeconfigPath, added);
        QCOMPARE(cci.kind, ConnectionKind::Cci);
        const auto &acct = listing.entries.at(4);
        QVERIFY(acct.isAccount());
        QCOMPARE(acct.kind, ConnectionKind::Cci);
        QCOMPARE(acct.server, QUrl(u"https://cci.cn-north-4.myhuaweicloud.com"_qs));
        QCOMPARE(acct.user, u"ops");

        // An added file's context resolves against that file alone.
        const auto resolved = models::resolveEntry(cci, sources.search);
        QVERIFY(resolved.ok());
        QCOMPARE(resolved->server, QUrl(u"https://cci.cn-east-3.myhuaweicloud.com"_qs));
        const auto merged = models::resolveEntry(shared, sources.search);
        QVERIFY(merged.ok());
        QCOMPARE(merged->server, QUrl(u"https://first.example:1"_qs));
    }

    void modelShowsSafetyAndConnected()
    {
        models::ConnectionListing listing;
        models::ConnectionEntry a;
        a.name = QStringLiteral("prod");
        a.kind = ConnectionKind::Cce;
        models::ConnectionEntry b;
        b.name = QStringLiteral("dev");
        listing.entries = {a, b};
        models::ConnectionListModel model;
        model.setListing(listing);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, models::ConnectionListModel::Kind).data().toString(), u"CCE");
        QCOMPARE(model.index(1, models::ConnectionListModel::Kind).data().toString(), u"cluster");
        QCOMPARE(model.index(0, models::ConnectionListModel::Safety).data().toString(), u"Normal");
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        models::setContextSafety(QStringLiteral("prod"), models::ContextSafety::Production);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.index(0, models::ConnectionListModel::Safety).data().toString(),
                 u"Production");
        models::setContextSafety(QStringLiteral("prod"), models::ContextSafety::Normal);
        model.setConnected({QStringLiteral("dev")});
        QVERIFY(model.isConnected(1));
        QVERIFY(!model.isConnected(0));
        QCOMPARE(model.index(1, models::ConnectionListModel::Connected).data().toString(),
                 u"connected");
        QCOMPARE(model.rowOf(QStringLiteral("dev")), 1);
        QCOMPARE(model.rowOf(QStringLiteral("none")), -1);
    }

    void extraFilesAndAccountsPersist()
    {
        models::setExtraKubeconfigFiles({QStringLiteral("/tmp/a"), QStringLiteral("/tmp/b")});
        QCOMPARE(models::extraKubeconfigFiles(),
                 (QStringList{u"/tmp/a"_qs, u"/tmp/b"_qs}));
        core::cloud::CloudAccount account;
        account.id = QStringLiteral("x1");
        account.region = QStringLiteral("cn-north-4");
        account.assignReferences();
        QVERIFY(models::saveAccount(account).ok());
        QCOMPARE(models::savedAccounts().size(), 1);
        QCOMPARE(models::savedAccounts().at(0).accessKeyReference, account.accessKeyReference);
        models::removeAccount(QStringLiteral("x1"));
        QVERIFY(models::savedAccounts().isEmpty());
        QCOMPARE(models::cciRegions(), core::cloud::defaultCciRegions());
    }

    void accessReviews_data()
    {
        QTest::addColumn<QByteArray>("review");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<QString>("reason");
        QTest::newRow("allowed") << QByteArray(R"({"status":{"allowed":true}})") << true << "";
        QTest::newRow("refused with reason")
            << QByteArray(R"({"status":{"allowed":false,"reason":"no RBAC rule"}})") << false
            << "no RBAC rule";
        QTest::newRow("denied wins") << QByteArray(R"({"status":{"allowed":true,"denied":true}})")
                                     << false << "";
        QTest::newRow("evaluation error")
            << QByteArray(R"({"status":{"evaluationError":"webhook down"}})") << false
            << "webhook down";
        QTest::newRow("no status") << QByteArray("{}") << false << "";
    }

    void accessReviews()
    {
        QFETCH(QByteArray, review);
        QFETCH(bool, allowed);
        QFETCH(QString, reason);
        QString why;
        QCOMPARE(models::accessReviewAllowed(QJsonDocument::fromJson(review).object(), &why),
                 allowed);
        QCOMPARE(why, reason);
    }

    void pureParts()
    {
        const QJsonObject body =
            QJsonDocument::fromJson(models::accessReviewBody({u"list"_qs, {}, u"nodes"_qs}))
                .object();
        QCOMPARE(body.value(u"kind").toString(), u"SelfSubjectAccessReview");
        const QJsonObject attributes =
            body.value(u"spec").toObject().value(u"resourceAttributes").toObject();
        QCOMPARE(attributes.value(u"verb").toString(), u"list");
        QCOMPARE(attributes.value(u"resource").toString(), u"nodes");
        QVERIFY(!attributes.contains(u"namespace")); // cluster scope
        QVERIFY(!attributes.contains(u"group"));
        QCOMPARE(models::reviewedUser(QJsonDocument::fromJson(
                                          R"({"status":{"userInfo":{"username":"alice"}}})")
                                          .object()),
                 u"alice");
        QCOMPARE(models::serverVersion(QJsonObject{{u"gitVersion"_qs, u"v1.29.1"_qs}}),
                 u"v1.29.1");
        QCOMPARE(models::describePermission(models::livePanePermissions().at(2)),
                 u"list events (all namespaces)");
    }

    void describesResults_data()
    {
        QTest::addColumn<int>("outcome");
        QTest::addColumn<bool>("checked");
        QTest::addColumn<QString>("expected");
        QTest::newRow("ok") << int(Outcome::Ok) << true
                            << "Server: v1\nAuthentication: OK, as alice\nPermissions: list pods, "
                               "nodes and events allowed";
        QTest::newRow("no reviews")
            << int(Outcome::Ok) << false
            << "Server: v1\nAuthentication: OK, as alice\nPermissions: permission checks "
               "unavailable on this server";
        QTest::newRow("denied") << int(Outcome::PermissionDenied) << true
                                << "Server: v1\nAuthentication: OK, as alice\nPermissions: "
                                   "refused: list nodes (all namespaces) (why)";
        QTest::newRow("401") << int(Outcome::Unauthorized) << false
                             << "Server: v1\nAuthentication: refused (401 Unauthorized): the "
                                "credential is wrong or expired";
        QTest::newRow("unreachable") << int(Outcome::Unreachable) << false
                                     << "Server: unreachable (why)";
    }

    void describesResults()
    {
        QFETCH(int, outcome);
        QFETCH(bool, checked);
        QFETCH(QString, expected);
        models::ConnectionTestResult r;
        r.outcome = Outcome(outcome);
        r.version = QStringLiteral("v1");
        r.user = QStringLiteral("alice");
        r.permissionsChecked = checked;
        r.deniedPermission = QStringLiteral("list nodes (all namespaces)");
        r.detail = QStringLiteral("why");
        QCOMPARE(models::describeTestResult(r), expected);
    }

    void testsTheSandbox()
    {
        AuthSandbox sandbox;
        QVERIFY(sandbox.started());
        const models::ConnectionTestResult ok = runTest(sandbox.connection(u"good"_qs));
        QCOMPARE(ok.outcome, Outcome::Ok);
        QCOMPARE(ok.version, u"v1.30.0-burst-sandbox");
        // Until the sandbox serves SelfSubjectAccessReview, its 404 is reported, not a failure;
        // once it does, the sandbox's open RBAC allows every check.
        QVERIFY(ok.deniedPermission.isEmpty());

        const models::ConnectionTestResult refused = runTest(sandbox.connection(u"wrong"_qs));
        QCOMPARE(refused.outcome, Outcome::Unauthorized);
        QCOMPARE(refused.version, u"v1.30.0-burst-sandbox"); // /version is open
        QVERIFY(models::describeTestResult(refused).contains(u"401"));
    }

    void testsAnUnreachablePort()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        core::kube::Connection c;
        c.server = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        const models::ConnectionTestResult r = runTest(c);
        QCOMPARE(r.outcome, Outcome::Unreachable);
        QVERIFY(models::describeTestResult(r).startsWith(u"Server: unreachable"));
    }

    void cancelStopsTheTest()
    {
        AuthSandbox sandbox;
        QVERIFY(sandbox.started());
        models::ConnectionTest test(sandbox.connection(u"good"_qs));
        QSignalSpy finished(&test, &models::ConnectionTest::finished);
        test.start();
        QVERIFY(test.isRunning());
        test.cancel();
        QVERIFY(!test.isRunning());
        QTest::qWait(300);
        QCOMPARE(finished.size(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_ConnectionList)
#include "tst_connectionlist.moc"
