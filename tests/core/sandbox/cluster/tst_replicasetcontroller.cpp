#include "core/sandbox/cluster/replicasetcontroller.h"

#include "core/sandbox/apiserver/sandboxclock.h"
#include "core/sandbox/cluster/eventrecorder.h"
#include "core/sandbox/cluster/clustersimulator.h"
#include "core/sandbox/cluster/objectindex.h"
#include "core/sandbox/cluster/scenario.h"

#include "simtesthelpers.h"

#include <QTest>

using namespace core::sandbox;
using namespace simtest;

namespace {

// A store with the ReplicaSet controller over it, as the cluster simulator wires them.
struct Controlled
{
    ObjectStore store;
    SandboxClock clock;
    ObjectIndex pods{store, podsType()};
    EventRecorder events{store, QStringLiteral("replicaset-controller")};
    ReplicaSetController controller{store, pods, clock, events};
};

// The events of `reason`, each counted as many times as the recorder aggregated it.
int eventCount(ObjectStore &store, const QString &reason)
{
    const ResourceType events{QString(), QStringLiteral("v1"), QStringLiteral("events"),
                              QStringLiteral("Event")};
    int count = 0;
    for (const QJsonObject &event : allOf(store, events)) {
        if (event.value(u"reason").toString() == reason)
            count += std::max(1, event.value(u"count").toInt());
    }
    return count;
}

// A pod as the deletion order sees it.
QJsonObject pod(const QString &name, const QString &node, const QString &phase, bool ready,
                const QJsonObject &annotations = {},
                const QString &created = QStringLiteral("2024-01-01T00:00:00Z"))
{
    return QJsonObject{
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name},
                                                 {QStringLiteral("creationTimestamp"), created},
                                                 {QStringLiteral("annotations"), annotations}}},
        {QStringLiteral("spec"), QJsonObject{{QStringLiteral("nodeName"), node}}},
        {QStringLiteral("status"),
         QJsonObject{{QStringLiteral("phase"), phase},
                     {QStringLiteral("conditions"),
                      QJsonArray{QJsonObject{
                          {QStringLiteral("type"), QStringLiteral("Ready")},
                          {QStringLiteral("status"),
                           ready ? QStringLiteral("True") : QStringLiteral("False")}}}}}}};
}

} // namespace

// Expected orders follow the ReplicaSet documentation ("Pod deletion cost", "Scaling a
// ReplicaSet": pending/unschedulable first, lower pod-deletion-cost first, more recently created
// first) and SPEC.md section 2 (higher scaleDownPriority loses pods first; ties remove CCI first).
class tst_ReplicaSetController : public QObject
{
    Q_OBJECT

private slots:
    void deletionOrder_data()
    {
        QTest::addColumn<QJsonObject>("first");
        QTest::addColumn<QJsonObject>("second");
        const QString vk = virtualKubeletNodeName();
        const QString local = QStringLiteral("idc-node-1");
        const QString running = QStringLiteral("Running");
        const auto cost = [](const QString &value) {
            return QJsonObject{
                {QStringLiteral("controller.kubernetes.io/pod-deletion-cost"), value}};
        };
        const auto priority = [](const QString &value) {
            return QJsonObject{{QStringLiteral("scheduling.cci.io/scale-down-priority"), value}};
        };
        QTest::newRow("unscheduled before scheduled")
            << pod(QStringLiteral("a"), QString(), QStringLiteral("Pending"), false)
            << pod(QStringLiteral("b"), local, running, true);
        QTest::newRow("pending before running")
            << pod(QStringLiteral("a"), local, QStringLiteral("Pending"), false)
            << pod(QStringLiteral("b"), local, running, false);
        QTest::newRow("not ready before ready") << pod(QStringLiteral("a"), local, running, false)
                                                << pod(QStringLiteral("b"), local, running, true);
        QTest::newRow("lower deletion cost first")
            << pod(QStringLiteral("a"), local, running, true, cost(QStringLiteral("-5")))
            << pod(QStringLiteral("b"), vk, running, true, cost(QStringLiteral("10")));
        QTest::newRow("higher scale-down priority first (local)")
            << pod(QStringLiteral("a"), local, running, true, priority(QStringLiteral("20")))
            << pod(QStringLiteral("b"), vk, running, true, priority(QStringLiteral("-3")));
        QTest::newRow("higher scale-down priority first (cci)")
            << pod(QStringLiteral("a"), vk, running, true, priority(QStringLiteral("7")))
            << pod(QStringLiteral("b"), local, running, true, priority(QStringLiteral("1")));
        QTest::newRow("tie: cci before local") << pod(QStringLiteral("b"), vk, running, true)
                                               << pod(QStringLiteral("a"), local, running, true);
        QTest::newRow("same priority: cci before local")
            << pod(QStringLiteral("b"), vk, running, true, priority(QStringLiteral("5")))
            << pod(QStringLiteral("a"), local, running, true, priority(QStringLiteral("5")));
        // CCI 2.0: pods on the global node and on an AZ-level node are CCI pods too.
        QTest::newRow("tie: pod on bursting-node before local")
            << pod(QStringLiteral("b"), QStringLiteral("bursting-node"), running, true)
            << pod(QStringLiteral("a"), local, running, true);
        QTest::newRow("tie: pod on an AZ node before local")
            << pod(QStringLiteral("b"), QStringLiteral("bursting-node-az1"), running, true)
            << pod(QStringLiteral("a"), local, running, true);
        QTest::newRow("newer before older") << pod(QStringLiteral("a"), local, running, true, {},
                                                   QStringLiteral("2024-05-01T10:00:00Z"))
                                            << pod(QStringLiteral("b"), local, running, true, {},
                                                   QStringLiteral("2024-05-01T09:00:00Z"));
    }

    void deletionOrder()
    {
        QFETCH(QJsonObject, first);
        QFETCH(QJsonObject, second);
        const QStringList virtualNodes{virtualKubeletNodeName(), QStringLiteral("bursting-node"),
                                       QStringLiteral("bursting-node-az1")};
        QCOMPARE(
            nameOf(ReplicaSetController::deletionOrder({second, first}, virtualNodes).first()),
            nameOf(first));
        QCOMPARE(
            nameOf(ReplicaSetController::deletionOrder({first, second}, virtualNodes).first()),
            nameOf(first));
    }

    void scale_data()
    {
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        QTest::newRow("0 -> 3") << 0 << 3;
        QTest::newRow("3 -> 1") << 3 << 1;
        QTest::newRow("5 -> 0") << 5 << 0;
        QTest::newRow("2 -> 2") << 2 << 2;
        QTest::newRow("1 -> 7") << 1 << 7;
    }

    void scale()
    {
        QFETCH(int, from);
        QFETCH(int, to);
        ObjectStore store;
        SandboxClock clock;
        ObjectIndex pods(store, podsType());
        EventRecorder events(store, QStringLiteral("replicaset-controller"));
        ReplicaSetController controller(store, pods, clock, events);
        auto rs = store.create(replicaSetsType(), QStringLiteral("default"),
                               workload(QStringLiteral("apps/v1"), QStringLiteral("ReplicaSet"),
                                        QStringLiteral("web-abc"),
                                        withReplicas(podTemplate(QStringLiteral("web")), from,
                                                     QStringLiteral("web"))));
        QVERIFY(rs.ok());
        QVERIFY(controller.sync(*rs));
        QCOMPARE(podsOf(store, *rs).size(), from);
        QVERIFY(writeReplicas(store, replicaSetsType(), *rs, to));
        pods.sync();
        QVERIFY(controller.sync(reread(store, replicaSetsType(), *rs)));
        const QList<QJsonObject> owned = podsOf(store, *rs);
        QCOMPARE(owned.size(), to);
        pods.sync();
        QVERIFY(controller.sync(reread(store, replicaSetsType(), *rs)));
        const QJsonObject status =
            reread(store, replicaSetsType(), *rs).value(u"status").toObject();
        QCOMPARE(status.value(u"replicas").toInt(), to);
        QCOMPARE(status.value(u"readyReplicas").toInt(), 0);
        QCOMPARE(status.value(u"observedGeneration").toInt(), from == to ? 1 : 2);
    }

    void podsCarryOwnerAndTemplate()
    {
        ObjectStore store;
        SandboxClock clock;
        ObjectIndex pods(store, podsType());
        EventRecorder events(store, QStringLiteral("replicaset-controller"));
        ReplicaSetController controller(store, pods, clock, events);
        auto rs = store.create(
            replicaSetsType(), QStringLiteral("default"),
            workload(QStringLiteral("apps/v1"), QStringLiteral("ReplicaSet"),
                     QStringLiteral("web-abc"),
                     withReplicas(podTemplate(QStringLiteral("web")), 2, QStringLiteral("web"))));
        QVERIFY(controller.sync(*rs));
        const QList<QJsonObject> owned = podsOf(store, *rs);
        QCOMPARE(owned.size(), 2);
        for (const QJsonObject &p : owned) {
            QVERIFY(nameOf(p).startsWith(u"web-abc-"));
            QCOMPARE(nameOf(p).size(), QStringLiteral("web-abc-").size() + 5);
            const QJsonObject ref = controllerRef(p);
            QCOMPARE(ref.value(u"kind").toString(), QStringLiteral("ReplicaSet"));
            QCOMPARE(ref.value(u"apiVersion").toString(), QStringLiteral("apps/v1"));
            QCOMPARE(ref.value(u"blockOwnerDeletion").toBool(), true);
            QCOMPARE(p.value(u"metadata")
                         .toObject()
                         .value(u"labels")
                         .toObject()
                         .value(u"app")
                         .toString(),
                     QStringLiteral("web"));
        }
        // Ready pods show up in status.readyReplicas and availableReplicas.
        QVERIFY(settlePod(store, owned.first()));
        pods.sync();
        QVERIFY(controller.sync(reread(store, replicaSetsType(), *rs)));
        const QJsonObject status =
            reread(store, replicaSetsType(), *rs).value(u"status").toObject();
        QCOMPARE(status.value(u"readyReplicas").toInt(), 1);
        QCOMPARE(status.value(u"availableReplicas").toInt(), 1);
        QVERIFY(hasEvent(store, QStringLiteral("SuccessfulCreate")));
    }

    // kube-controller-manager's slowStartBatch: batches of 1, 2, 4, ... until one has a failure;
    // that batch is finished, no later one starts.
    void slowStart_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("failingCall"); // 1-based; 0: none fails
        QTest::addColumn<int>("calls");
        QTest::addColumn<int>("successes");
        QTest::newRow("nothing to create") << 0 << 0 << 0 << 0;
        QTest::newRow("60 all succeed") << 60 << 0 << 60 << 60;
        QTest::newRow("the first fails") << 60 << 1 << 1 << 0;
        QTest::newRow("third batch (4..7) fails at 5") << 60 << 5 << 7 << 6;
        QTest::newRow("last, short batch") << 10 << 10 << 10 << 9;
        QTest::newRow("fails after the last call") << 10 << 11 << 10 << 10;
    }

    void slowStart()
    {
        QFETCH(int, count);
        QFETCH(int, failingCall);
        QFETCH(int, calls);
        QFETCH(int, successes);
        int made = 0;
        QCOMPARE(slowStartBatch(count, 1, [&] { return ++made != failingCall; }), successes);
        QCOMPARE(made, calls);
    }

    // Scaling a Deployment to 60 creates every pod within a few ticks (well within 1 s of
    // sandbox time), one SuccessfulCreate each.
    void sixtyReplicasAppearAtOnce()
    {
        ObjectStore store;
        SandboxClock clock;
        seedDefaultScenario(store, QStringLiteral("sandbox"));
        ClusterSimulator simulator(store, clock);
        auto deployment = store.create(
            deploymentsType(), QStringLiteral("default"),
            workload(QStringLiteral("apps/v1"), QStringLiteral("Deployment"),
                     QStringLiteral("sixty"),
                     withReplicas(podTemplate(QStringLiteral("sixty")), 1,
                                  QStringLiteral("sixty"))));
        QVERIFY(deployment.ok());
        simulator.step();
        QCOMPARE(allOf(store, podsType()).size(), 1);
        QVERIFY(writeReplicas(store, deploymentsType(), *deployment, 60));
        int ticks = 0;
        while (allOf(store, podsType()).size() < 60 && ticks < 10) {
            simulator.step();
            ++ticks;
        }
        QCOMPARE(allOf(store, podsType()).size(), 60);
        QVERIFY2(ticks <= 2, qPrintable(QStringLiteral("%1 ticks").arg(ticks)));
        QCOMPARE(eventCount(store, QStringLiteral("SuccessfulCreate")), 60);
    }

    // A create the API server refuses (here every one: generateName plus a suffix is longer than
    // a name may be) fails the sync, which is retried on a later tick. How many creates one sync
    // tries is slowStart's; the FailedCreate event is not stored here (its name, the ReplicaSet's
    // plus a digest, is too long as well).
    void failingCreateStopsTheBatch()
    {
        Controlled c;
        const QString longName = QString(252, u'w'); // valid; its pods' names would not be
        auto rs = c.store.create(replicaSetsType(), QStringLiteral("default"),
                               workload(QStringLiteral("apps/v1"), QStringLiteral("ReplicaSet"),
                                        longName,
                                        withReplicas(podTemplate(QStringLiteral("web")), 60,
                                                     QStringLiteral("web"))));
        QVERIFY(rs.ok());
        QVERIFY(!c.controller.sync(*rs));
        QCOMPARE(allOf(c.store, podsType()).size(), 0);
        QCOMPARE(eventCount(c.store, QStringLiteral("SuccessfulCreate")), 0);
        c.pods.sync();
        QVERIFY(!c.controller.sync(reread(c.store, replicaSetsType(), *rs)));
        QCOMPARE(allOf(c.store, podsType()).size(), 0);
    }

    void scaleDownRemovesUnreadyFirst()
    {
        ObjectStore store;
        SandboxClock clock;
        ObjectIndex pods(store, podsType());
        EventRecorder events(store, QStringLiteral("replicaset-controller"));
        ReplicaSetController controller(store, pods, clock, events);
        auto rs = store.create(
            replicaSetsType(), QStringLiteral("default"),
            workload(QStringLiteral("apps/v1"), QStringLiteral("ReplicaSet"),
                     QStringLiteral("web-abc"),
                     withReplicas(podTemplate(QStringLiteral("web")), 3, QStringLiteral("web"))));
        QVERIFY(controller.sync(*rs));
        const QList<QJsonObject> owned = podsOf(store, *rs);
        QVERIFY(settlePod(store, owned.at(0)));
        QVERIFY(settlePod(store, owned.at(1), true, true, virtualKubeletNodeName()));
        QVERIFY(settlePod(store, owned.at(2), true, false));
        QVERIFY(writeReplicas(store, replicaSetsType(), *rs, 1));
        pods.sync();
        QVERIFY(controller.sync(reread(store, replicaSetsType(), *rs)));
        const QList<QJsonObject> left = podsOf(store, *rs);
        QCOMPARE(left.size(), 1);
        QCOMPARE(nameOf(left.first()), nameOf(owned.at(0))); // the unready and the CCI pod went
    }
};

QTEST_GUILESS_MAIN(tst_ReplicaSetController)
#include "tst_replicasetcontroller.moc"
