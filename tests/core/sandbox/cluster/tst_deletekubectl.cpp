#include "core/sandbox/apiserver/apirouter.h"
#include "core/sandbox/apiserver/sandboxclock.h"
#include "core/sandbox/cluster/clustersimulator.h"
#include "core/sandbox/cluster/scenario.h"
#include "core/sandbox/store/objectstore.h"
#include "core/sandbox/transport/httpserver.h"
#include "tests/core/sandbox/transport/kubectlrun.h"

#include "simtesthelpers.h"

#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace core::sandbox;
using namespace kubectltest;
using namespace simtest;
using namespace Qt::StringLiterals;

// The real kubectl (v1.32) deleting through the sandbox, its controllers and garbage collector
// running: `kubectl delete --cascade=orphan|background|foreground` and a DELETE whose
// preconditions do not hold. kubectl waits for the object to be gone before it returns, so what
// is left at that moment is what the policy promises. Skipped without kubectl.
class tst_DeleteKubectl : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cascade_data();
    void cascade();
    void preconditions_data();
    void preconditions();
};

namespace {

const QString kDefault = u"default"_s;

// The sandbox in this process: store, router and HTTP server, the simulation ticking.
struct Sandbox
{
    Sandbox()
    {
        seedDefaultScenario(store, u"sandbox"_s);
        simulator.start(std::chrono::milliseconds(20));
        started = server.start().ok();
    }
    ~Sandbox()
    {
        server.stop();
        simulator.stop();
    }
    KubectlRun kubectl(const QStringList &arguments) const
    {
        return runKubectl(home, QStringList{u"--server="_s + server.url(),
                                            u"--request-timeout=20s"_s, u"--namespace=default"_s} +
                                    arguments);
    }
    QList<QJsonObject> all(const ResourceType &type) { return allOf(store, type); }

    ObjectStore store;
    SandboxClock clock;
    ApiRouter router{store, u"127.0.0.1"_s};
    ClusterSimulator simulator{store, clock};
    HttpServer server{[this](const HttpRequest &request) { return router.handle(request); }};
    QTemporaryDir home;
    bool started = false;
};

bool waitFor(const std::function<bool()> &done, int timeoutMs = 10000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QTest::qWait(20);
    }
    return true;
}

} // namespace

void tst_DeleteKubectl::initTestCase()
{
    if (QStandardPaths::findExecutable(u"kubectl"_s).isEmpty())
        QSKIP("kubectl is not installed");
}

void tst_DeleteKubectl::cascade_data()
{
    QTest::addColumn<QString>("cascade");
    QTest::newRow("orphan") << u"orphan"_s;
    QTest::newRow("background") << u"background"_s;
    QTest::newRow("foreground") << u"foreground"_s;
}

void tst_DeleteKubectl::cascade()
{
    QFETCH(QString, cascade);
    Sandbox s;
    QVERIFY(s.started);
    const KubectlRun created = s.kubectl(
        {u"create"_s, u"deployment"_s, u"web"_s, u"--image=nginx"_s, u"--replicas=2"_s});
    QVERIFY2(created.exitCode == 0, created.err.constData());
    QVERIFY(waitFor([&] {
        return s.all(replicaSetsType()).size() == 1 && s.all(podsType()).size() == 2;
    }));
    const QJsonObject set = s.all(replicaSetsType()).constFirst();

    const KubectlRun deleted =
        s.kubectl({u"delete"_s, u"deployment"_s, u"web"_s, u"--cascade="_s + cascade});
    QVERIFY2(deleted.exitCode == 0, deleted.err.constData());
    QCOMPARE(deleted.out.trimmed(), QByteArray("deployment.apps \"web\" deleted"));
    QVERIFY(!s.store.get(deploymentsType(), kDefault, u"web"_s));

    if (cascade == u"foreground") {
        // The Deployment went last: nothing of it is left when kubectl saw it gone.
        QCOMPARE(s.all(replicaSetsType()).size(), 0);
        QCOMPARE(s.all(podsType()).size(), 0);
        return;
    }
    if (cascade == u"background") {
        QVERIFY(waitFor(
            [&] { return s.all(replicaSetsType()).isEmpty() && s.all(podsType()).isEmpty(); }));
        return;
    }
    // Orphan: the ReplicaSet stays with no owner and keeps its pods; nothing deletes or
    // replaces them afterwards.
    QTest::qWait(500);
    const QList<QJsonObject> sets = s.all(replicaSetsType());
    QCOMPARE(sets.size(), 1);
    QCOMPARE(uidOf(sets.constFirst()), uidOf(set));
    QVERIFY(!sets.constFirst().value(u"metadata").toObject().contains(u"ownerReferences"));
    QCOMPARE(s.all(podsType()).size(), 2);
    const KubectlRun owners = s.kubectl(
        {u"get"_s, u"rs"_s, u"-o"_s, u"jsonpath={.items[*].metadata.ownerReferences}"_s});
    QVERIFY2(owners.exitCode == 0, owners.err.constData());
    QCOMPARE(owners.out.trimmed(), QByteArray());
    const KubectlRun podOwners = s.kubectl(
        {u"get"_s, u"pods"_s, u"-o"_s,
         u"jsonpath={.items[*].metadata.ownerReferences[0].name}"_s});
    QVERIFY2(podOwners.exitCode == 0, podOwners.err.constData());
    const QByteArray setName = nameOf(set).toUtf8();
    QCOMPARE(podOwners.out.trimmed(), setName + ' ' + setName);
}

void tst_DeleteKubectl::preconditions_data()
{
    QTest::addColumn<QByteArray>("options"); // $UID and $RV stand for the pod's own
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("error"); // on stderr, $UID and $RV too

    QTest::newRow("uid differs")
        << QByteArray(R"({"kind":"DeleteOptions","apiVersion":"v1","preconditions":{"uid":"other-uid"}})")
        << 1
        << u"Error from server (Conflict): Operation cannot be fulfilled on Pod \"p\": the UID in "
           u"the precondition (other-uid) does not match the UID in record ($UID). The object "
           u"might have been deleted and then recreated"_s;
    QTest::newRow("resourceVersion differs")
        << QByteArray(R"({"preconditions":{"resourceVersion":"1"}})") << 1
        << u"Error from server (Conflict): Operation cannot be fulfilled on Pod \"p\": the "
           u"ResourceVersion in the precondition (1) does not match the ResourceVersion in record "
           u"($RV). The object might have been modified"_s;
    QTest::newRow("both hold")
        << QByteArray(R"({"preconditions":{"uid":"$UID","resourceVersion":"$RV"}})") << 0
        << QString();
}

// kubectl's own delete sends no preconditions; `kubectl delete --raw URI -f options.json`
// sends the DeleteOptions as they are.
void tst_DeleteKubectl::preconditions()
{
    QFETCH(QByteArray, options);
    QFETCH(int, exitCode);
    QFETCH(QString, error);
    Sandbox s;
    QVERIFY(s.started);
    s.simulator.stop(); // the pod stays as written: its resourceVersion is the one sent
    const KubectlRun run =
        s.kubectl({u"run"_s, u"p"_s, u"--image=nginx"_s, u"--restart=Never"_s});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject pod = *s.store.get(podsType(), kDefault, u"p"_s);
    const QString uid = uidOf(pod);
    const QString rv = core::kube::resourceVersionOf(pod);
    options.replace("$UID", uid.toUtf8()).replace("$RV", rv.toUtf8());
    error.replace(u"$UID"_s, uid).replace(u"$RV"_s, rv);
    const QString file = s.home.filePath(u"options.json"_s);
    QVERIFY(writeFile(file, options));

    const KubectlRun deleted = s.kubectl(
        {u"delete"_s, u"--raw"_s, u"/api/v1/namespaces/default/pods/p"_s, u"-f"_s, file});
    QCOMPARE(deleted.exitCode, exitCode);
    QCOMPARE(QString::fromUtf8(deleted.err.trimmed()), error);
    QCOMPARE(s.store.get(podsType(), kDefault, u"p"_s).ok(), exitCode != 0);
}

QTEST_GUILESS_MAIN(tst_DeleteKubectl)
#include "tst_deletekubectl.moc"
