#include "core/sandbox/cluster/clustersimulator.h"

#include "core/sandbox/apiserver/sandboxclock.h"
#include "core/sandbox/cluster/scenario.h"

#include "simtesthelpers.h"

#include <QElapsedTimer>
#include <QTest>

using namespace core::sandbox;
using namespace simtest;

namespace {

QJsonObject deployment(const QString &name, int replicas)
{
    return workload(QStringLiteral("apps/v1"), QStringLiteral("Deployment"), name,
                    withReplicas(podTemplate(name), replicas, name));
}

int count(ObjectStore &store, const ResourceType &type)
{
    return int(allOf(store, type).size());
}

int runningPods(ObjectStore &store)
{
    int running = 0;
    for (const QJsonObject &pod : allOf(store, podsType()))
        running += isPodRunningAndReady(pod) ? 1 : 0;
    return running;
}

} // namespace

// The tick loop end to end on an in-memory store: controllers -> schedule step -> kubelets.
class tst_ClusterSimulator : public QObject
{
    Q_OBJECT

private slots:
    void deploymentBecomesAvailable_data()
    {
        QTest::addColumn<int>("replicas");
        QTest::newRow("1") << 1;
        QTest::newRow("4") << 4;
        QTest::newRow("25") << 25;
    }

    void deploymentBecomesAvailable()
    {
        QFETCH(int, replicas);
        ObjectStore store;
        SandboxClock clock(1e-6);
        seedDefaultScenario(store, QStringLiteral("sandbox"));
        ClusterSimulator simulator(store, clock);
        const auto created = store.create(deploymentsType(), QStringLiteral("default"),
                                          deployment(QStringLiteral("web"), replicas));
        QVERIFY(created.ok());
        for (int i = 0; i < 60; ++i) {
            simulator.step();
            clock.advance(std::chrono::milliseconds(100));
        }
        const QJsonObject d = reread(store, deploymentsType(), *created);
        QCOMPARE(d.value(u"status").toObject().value(u"availableReplicas").toInt(), replicas);
        QCOMPARE(runningPods(store), replicas);
        QCOMPARE(simulator.pendingKubeletWork(), 0);
        for (const QJsonObject &pod : allOf(store, podsType()))
            QVERIFY(nodeNameOf(pod).startsWith(
                u"idc-node-")); // the fallback binder avoids tainted nodes
    }

    void deletingOwnersCascades()
    {
        ObjectStore store;
        SandboxClock clock(1e-6);
        seedDefaultScenario(store, QStringLiteral("sandbox"));
        ClusterSimulator simulator(store, clock);
        QVERIFY(store
                    .create(deploymentsType(), QStringLiteral("default"),
                            deployment(QStringLiteral("web"), 3))
                    .ok());
        QJsonObject jobSpec{{QStringLiteral("template"), podTemplate(QStringLiteral("batch"))}};
        QVERIFY(store
                    .create(jobsType(), QStringLiteral("default"),
                            workload(QStringLiteral("batch/v1"), QStringLiteral("Job"),
                                     QStringLiteral("once"), jobSpec))
                    .ok());
        for (int i = 0; i < 10; ++i)
            simulator.step();
        QCOMPARE(count(store, replicaSetsType()), 1);
        QCOMPARE(count(store, podsType()), 4);
        QVERIFY(
            store.remove(deploymentsType(), QStringLiteral("default"), QStringLiteral("web")).ok());
        QVERIFY(store.remove(jobsType(), QStringLiteral("default"), QStringLiteral("once")).ok());
        for (int i = 0; i < 3; ++i)
            simulator.step();
        QCOMPARE(count(store, replicaSetsType()), 0);
        QCOMPARE(count(store, podsType()), 0);
    }

    void scheduleStepReplacesFallback()
    {
        ObjectStore store;
        SandboxClock clock(1e-6);
        seedDefaultScenario(store, QStringLiteral("sandbox"));
        ClusterSimulator simulator(store, clock);
        int calls = 0;
        simulator.setScheduleStep([&] {
            ++calls;
            for (const QJsonObject &pod : allOf(store, podsType())) {
                if (nodeNameOf(pod).isEmpty())
                    settlePod(store, pod, false, false, virtualKubeletNodeName());
            }
        });
        QVERIFY(store
                    .create(deploymentsType(), QStringLiteral("default"),
                            deployment(QStringLiteral("web"), 2))
                    .ok());
        for (int i = 0; i < 40; ++i) {
            simulator.step();
            clock.advance(std::chrono::milliseconds(100));
        }
        QCOMPARE(calls, 40);
        QCOMPARE(runningPods(store), 2);
        for (const QJsonObject &pod : allOf(store, podsType()))
            QCOMPARE(nodeNameOf(pod), virtualKubeletNodeName());
    }

    void threadRunsAndStops()
    {
        ObjectStore store;
        SandboxClock clock(20.0);
        seedDefaultScenario(store, QStringLiteral("sandbox"));
        ClusterSimulator simulator(store, clock);
        simulator.start(std::chrono::milliseconds(10));
        QVERIFY(simulator.isRunning());
        QVERIFY(store
                    .create(deploymentsType(), QStringLiteral("default"),
                            deployment(QStringLiteral("web"), 3))
                    .ok());
        QTRY_COMPARE_WITH_TIMEOUT(runningPods(store), 3, 10000);
        simulator.stop();
        QVERIFY(!simulator.isRunning());
        simulator.step(); // still usable synchronously after stop
    }

    void idleTickIgnoresSettledPods()
    {
        ObjectStore store(StoreOptions{1000, 0});
        SandboxClock clock(1e-6);
        seedDefaultScenario(store, QStringLiteral("sandbox"));
        preloadPods(store, 5000);
        ClusterSimulator simulator(store, clock);
        simulator.step(); // the first tick reads every pod once
        QCOMPARE(simulator.pendingKubeletWork(), 0);
        const QString settled = store.resourceVersion();
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 100; ++i)
            simulator.step();
        const qint64 ticks = timer.nsecsElapsed();
        timer.restart();
        QCOMPARE(allOf(store, podsType()).size(), 5000);
        const qint64 oneList = timer.nsecsElapsed();
        qInfo("100 idle ticks: %lld us; listing 5000 pods once: %lld us", ticks / 1000,
              oneList / 1000);
        // A tick that listed the pods would make 100 ticks cost 100 lists, not less than one.
        QVERIFY2(ticks < oneList, qPrintable(QStringLiteral("100 ticks %1 us, one list %2 us")
                                                 .arg(ticks / 1000)
                                                 .arg(oneList / 1000)));
        QCOMPARE(store.resourceVersion(), settled); // idle ticks write nothing
    }
};

QTEST_GUILESS_MAIN(tst_ClusterSimulator)
#include "tst_clustersimulator.moc"
