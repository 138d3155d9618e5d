#include "core/sandbox/cluster/kubeletsimulator.h"

#include "core/sandbox/apiserver/sandboxclock.h"
#include "core/sandbox/cluster/podstatus.h"
#include "core/sandbox/cluster/scenario.h"

#include "simtesthelpers.h"

#include <QRegularExpression>
#include <QTest>

using namespace core::sandbox;
using namespace simtest;

namespace {

// The clock nearly stands still; the test moves it with advance().
struct Node
{
    ObjectStore store;
    SandboxClock clock{1e-6};
    ObjectIndex pods{store, podsType()};
    ObjectIndex nodes{store, nodesType()};
    KubeletSimulator kubelet{store, clock};

    Node() { seedDefaultScenario(store, QStringLiteral("sandbox")); }

    QJsonObject createPod(const QString &name, const QString &node,
                          const QJsonObject &annotations = {}, const QString &ownerKind = {},
                          const QString &restartPolicy = {})
    {
        QJsonObject meta{{QStringLiteral("name"), name},
                         {QStringLiteral("annotations"), annotations}};
        if (!ownerKind.isEmpty())
            meta.insert(
                QStringLiteral("ownerReferences"),
                QJsonArray{QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("batch/v1")},
                                       {QStringLiteral("kind"), ownerKind},
                                       {QStringLiteral("name"), QStringLiteral("owner")},
                                       {QStringLiteral("uid"), QStringLiteral("owner-uid")},
                                       {QStringLiteral("controller"), true}}});
        QJsonObject spec = podTemplate(QStringLiteral("x")).value(u"spec").toObject();
        if (!node.isEmpty())
            spec.insert(QStringLiteral("nodeName"), node);
        if (!restartPolicy.isEmpty())
            spec.insert(QStringLiteral("restartPolicy"), restartPolicy);
        return *store.create(podsType(), QStringLiteral("default"),
                             QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                         {QStringLiteral("kind"), QStringLiteral("Pod")},
                                         {QStringLiteral("metadata"), meta},
                                         {QStringLiteral("spec"), spec}});
    }
    // Lets `ms` of sandbox time pass in 100 ms ticks.
    void run(int ms)
    {
        for (int t = 0; t <= ms; t += 100) {
            nodes.sync();
            for (const auto &change : pods.sync())
                kubelet.podChanged(change);
            kubelet.tick(pods, nodes);
            clock.advance(std::chrono::milliseconds(100));
        }
        for (const auto &change : pods.sync())
            kubelet.podChanged(change);
    }
    QJsonObject get(const QString &name)
    {
        return *store.get(podsType(), QStringLiteral("default"), name);
    }
    QJsonObject container(const QString &name)
    {
        return get(name)
            .value(u"status")
            .toObject()
            .value(u"containerStatuses")
            .toArray()
            .first()
            .toObject();
    }
};

} // namespace

// Expected pod status shapes follow what kubectl shows from a containerd kubelet (v1.30):
// ContainerCreating while waiting, then Running with Ready/ContainersReady/Initialized/
// PodScheduled True, containerID containerd://, imageID with a sha256 digest; Job containers
// terminate with reason Completed (exit 0) or Error; events Pulling/Pulled/Created/Started.
class tst_KubeletSimulator : public QObject
{
    Q_OBJECT

private slots:
    void lifecycle()
    {
        Node n;
        n.createPod(QStringLiteral("web"), QStringLiteral("idc-node-2"));
        n.run(0);
        QCOMPARE(podPhase(n.get(QStringLiteral("web"))), QStringLiteral("Pending"));
        n.run(700);
        QCOMPARE(podPhase(n.get(QStringLiteral("web"))), QStringLiteral("Pending"));
        QCOMPARE(n.container(QStringLiteral("web"))
                     .value(u"state")
                     .toObject()
                     .value(u"waiting")
                     .toObject()
                     .value(u"reason")
                     .toString(),
                 QStringLiteral("ContainerCreating"));
        n.run(2300);
        const QJsonObject pod = n.get(QStringLiteral("web"));
        const QJsonObject status = pod.value(u"status").toObject();
        QCOMPARE(podPhase(pod), QStringLiteral("Running"));
        QVERIFY(QRegularExpression(QStringLiteral("^10\\.1\\d\\d\\.\\d+\\.\\d+$"))
                    .match(status.value(u"podIP").toString())
                    .hasMatch());
        QVERIFY(!status.value(u"hostIP").toString().isEmpty());
        QVERIFY(!status.value(u"startTime").toString().isEmpty());
        for (const QString &type :
             {QStringLiteral("Initialized"), QStringLiteral("Ready"),
              QStringLiteral("ContainersReady"), QStringLiteral("PodScheduled")})
            QCOMPARE(conditionOf(pod, type).value(u"status").toString(), QStringLiteral("True"));
        const QJsonObject container = n.container(QStringLiteral("web"));
        QVERIFY(container.value(u"ready").toBool());
        QCOMPARE(container.value(u"restartCount").toInt(), 0);
        QVERIFY(container.value(u"containerID").toString().startsWith(u"containerd://"));
        QVERIFY(
            container.value(u"imageID").toString().startsWith(u"docker.io/library/nginx@sha256:"));
        QVERIFY(!container.value(u"state")
                     .toObject()
                     .value(u"running")
                     .toObject()
                     .value(u"startedAt")
                     .toString()
                     .isEmpty());
        QVERIFY(hasEvent(n.store, QStringLiteral("Pulling"),
                         QStringLiteral("Pulling image \"nginx:1.25\"")));
        QVERIFY(hasEvent(n.store, QStringLiteral("Pulled"),
                         QStringLiteral("Successfully pulled image \"nginx:1.25\"")));
        QVERIFY(
            hasEvent(n.store, QStringLiteral("Created"), QStringLiteral("Created container app")));
        QVERIFY(
            hasEvent(n.store, QStringLiteral("Started"), QStringLiteral("Started container app")));
        QCOMPARE(n.kubelet.pendingWork(), 0);
    }

    void podsOnDifferentNodesGetDifferentRanges()
    {
        Node n;
        n.createPod(QStringLiteral("a"), QStringLiteral("idc-node-1"));
        n.createPod(QStringLiteral("b"), QStringLiteral("idc-node-3"));
        n.run(3000);
        const QString a =
            n.get(QStringLiteral("a")).value(u"status").toObject().value(u"podIP").toString();
        const QString b =
            n.get(QStringLiteral("b")).value(u"status").toObject().value(u"podIP").toString();
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        QVERIFY(a.section(u'.', 0, 1) != b.section(u'.', 0, 1));
    }

    void unboundPodIsLeftAlone()
    {
        Node n;
        n.createPod(QStringLiteral("pending"), QString());
        n.run(5000);
        QVERIFY(!n.get(QStringLiteral("pending"))
                     .value(u"status")
                     .toObject()
                     .contains(u"containerStatuses"));
    }

    void jobPods_data()
    {
        QTest::addColumn<QString>("runSeconds");
        QTest::addColumn<QString>("exitCode");
        QTest::addColumn<QString>("restartPolicy");
        QTest::addColumn<QString>("phase");
        QTest::addColumn<int>("restarts");
        QTest::addColumn<QString>("reason");
        QTest::newRow("default 5 s, exit 0") << QString() << QString() << "Never"
                                             << "Succeeded" << 0 << "Completed";
        QTest::newRow("2 s, exit 3, Never") << "2"
                                            << "3"
                                            << "Never"
                                            << "Failed" << 0 << "Error";
        QTest::newRow("2 s, exit 1, OnFailure") << "2"
                                                << "1"
                                                << "OnFailure"
                                                << "Running" << 1 << "";
    }

    void jobPods()
    {
        QFETCH(QString, runSeconds);
        QFETCH(QString, exitCode);
        QFETCH(QString, restartPolicy);
        QFETCH(QString, phase);
        QFETCH(int, restarts);
        QFETCH(QString, reason);
        Node n;
        QJsonObject annotations;
        if (!runSeconds.isEmpty())
            annotations.insert(QStringLiteral("sandbox.burst.io/run-seconds"), runSeconds);
        if (!exitCode.isEmpty())
            annotations.insert(QStringLiteral("sandbox.burst.io/exit-code"), exitCode);
        n.createPod(QStringLiteral("job"), QStringLiteral("idc-node-1"), annotations,
                    QStringLiteral("Job"), restartPolicy);
        n.run(3000);
        QCOMPARE(podPhase(n.get(QStringLiteral("job"))), QStringLiteral("Running"));
        n.run(runSeconds.isEmpty() ? 5000 : 2000);
        QCOMPARE(podPhase(n.get(QStringLiteral("job"))), phase);
        const QJsonObject container = n.container(QStringLiteral("job"));
        QCOMPARE(container.value(u"restartCount").toInt(), restarts);
        if (!reason.isEmpty()) {
            const QJsonObject terminated =
                container.value(u"state").toObject().value(u"terminated").toObject();
            QCOMPARE(terminated.value(u"reason").toString(), reason);
            QCOMPARE(terminated.value(u"exitCode").toInt(), exitCode.toInt());
            QVERIFY(!terminated.value(u"finishedAt").toString().isEmpty());
            QCOMPARE(conditionOf(n.get(QStringLiteral("job")), QStringLiteral("Ready"))
                         .value(u"reason")
                         .toString(),
                     QStringLiteral("PodCompleted"));
        } else {
            QCOMPARE(container.value(u"lastState")
                         .toObject()
                         .value(u"terminated")
                         .toObject()
                         .value(u"exitCode")
                         .toInt(),
                     exitCode.toInt());
        }
    }

    void crashingPodRestarts()
    {
        Node n;
        n.createPod(
            QStringLiteral("flaky"), QStringLiteral("idc-node-1"),
            {{QStringLiteral("sandbox.burst.io/crash-every-seconds"), QStringLiteral("10")}});
        n.run(3000);
        const QString firstStart = n.container(QStringLiteral("flaky"))
                                       .value(u"state")
                                       .toObject()
                                       .value(u"running")
                                       .toObject()
                                       .value(u"startedAt")
                                       .toString();
        n.run(10000);
        QJsonObject container = n.container(QStringLiteral("flaky"));
        QCOMPARE(container.value(u"restartCount").toInt(), 1);
        const QJsonObject last =
            container.value(u"lastState").toObject().value(u"terminated").toObject();
        QCOMPARE(last.value(u"startedAt").toString(), firstStart);
        QCOMPARE(last.value(u"reason").toString(), QStringLiteral("Error"));
        QVERIFY(container.value(u"state")
                    .toObject()
                    .value(u"running")
                    .toObject()
                    .value(u"startedAt")
                    .toString() > firstStart);
        n.run(10000);
        QCOMPARE(n.container(QStringLiteral("flaky")).value(u"restartCount").toInt(), 2);
        QVERIFY(hasEvent(n.store, QStringLiteral("BackOff")));
    }

    void imageIds_data()
    {
        QTest::addColumn<QString>("image");
        QTest::addColumn<QString>("repository");
        // docker reference normalization (distribution/reference ParseNormalizedNamed).
        QTest::newRow("official") << "nginx:1.25"
                                  << "docker.io/library/nginx";
        QTest::newRow("no tag") << "nginx"
                                << "docker.io/library/nginx";
        QTest::newRow("user repo") << "bitnami/redis:7"
                                   << "docker.io/bitnami/redis";
        QTest::newRow("registry") << "swr.cn-north-4.myhuaweicloud.com/ns/app:v1"
                                  << "swr.cn-north-4.myhuaweicloud.com/ns/app";
        QTest::newRow("registry with port") << "registry:5000/app:v1"
                                            << "registry:5000/app";
        QTest::newRow("localhost") << "localhost/app"
                                   << "localhost/app";
    }

    void imageIds()
    {
        QFETCH(QString, image);
        QFETCH(QString, repository);
        const QString id = imageIdOf(image);
        QCOMPARE(id.section(u'@', 0, 0), repository);
        QVERIFY(QRegularExpression(QStringLiteral("@sha256:[0-9a-f]{64}$")).match(id).hasMatch());
    }

    void qosClass_data()
    {
        QTest::addColumn<QJsonObject>("resources");
        QTest::addColumn<QString>("expected");
        const auto quantities = [](const char *cpu, const char *memory) {
            QJsonObject q;
            if (cpu)
                q.insert(QStringLiteral("cpu"), QString::fromLatin1(cpu));
            if (memory)
                q.insert(QStringLiteral("memory"), QString::fromLatin1(memory));
            return q;
        };
        // "Configure Quality of Service for Pods" (kubernetes.io).
        QTest::newRow("nothing") << QJsonObject() << "BestEffort";
        QTest::newRow("limits only (requests default to them)")
            << QJsonObject{{QStringLiteral("limits"), quantities("500m", "1Gi")}} << "Guaranteed";
        QTest::newRow("requests equal limits")
            << QJsonObject{{QStringLiteral("limits"), quantities("1", "1Gi")},
                           {QStringLiteral("requests"), quantities("1", "1Gi")}}
            << "Guaranteed";
        QTest::newRow("requests below limits")
            << QJsonObject{{QStringLiteral("limits"), quantities("1", "1Gi")},
                           {QStringLiteral("requests"), quantities("250m", "1Gi")}}
            << "Burstable";
        QTest::newRow("memory request only")
            << QJsonObject{{QStringLiteral("requests"), quantities(nullptr, "256Mi")}}
            << "Burstable";
    }

    void qosClass()
    {
        QFETCH(QJsonObject, resources);
        const QJsonObject pod{
            {QStringLiteral("spec"),
             QJsonObject{{QStringLiteral("containers"),
                          QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("app")},
                                                 {QStringLiteral("image"), QStringLiteral("nginx")},
                                                 {QStringLiteral("resources"), resources}}}}}}};
        const QJsonObject status =
            creatingPodStatus(pod, QStringLiteral("192.168.0.10"), QStringLiteral("10.100.0.2"),
                              QDateTime::currentDateTimeUtc());
        QTEST(status.value(u"qosClass").toString(), "expected");
    }

    void nodeHeartbeat()
    {
        Node n;
        n.run(0);
        const auto node = n.store.get(nodesType(), QString(), QStringLiteral("idc-node-1"));
        QVERIFY(!conditionOf(*node, QStringLiteral("Ready"))
                     .value(u"lastHeartbeatTime")
                     .toString()
                     .isEmpty());
        QCOMPARE(node->value(u"status")
                     .toObject()
                     .value(u"capacity")
                     .toObject()
                     .value(u"cpu")
                     .toString(),
                 QStringLiteral("4"));
    }
};

QTEST_GUILESS_MAIN(tst_KubeletSimulator)
#include "tst_kubeletsimulator.moc"
