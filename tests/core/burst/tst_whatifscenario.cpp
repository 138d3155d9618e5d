#include "core/burst/whatifscenario.h"
#include "core/kube/manifestloader.h"

#include <QTest>

using namespace core::burst;

namespace {

// A Deployment (unless `kind` says otherwise) with one container and the given labels,
// replicas and resources; `extra` is appended as further YAML documents.
QByteArray workload(const QByteArray &labels, const QByteArray &replicas,
                    const QByteArray &resources, const QByteArray &extra = {},
                    const QByteArray &kind = "Deployment")
{
    const bool pod = kind == "Pod";
    QByteArray podSpec = "containers:\n- name: c\n  image: nginx\n  resources: " + resources + "\n";
    QByteArray yaml = "apiVersion: " + QByteArray(pod ? "v1" : "apps/v1") + "\nkind: " + kind +
                      "\nmetadata:\n  name: w\n  labels: " + labels + "\n";
    if (pod) {
        yaml += "spec:\n";
        for (const QByteArray &line : podSpec.split('\n'))
            yaml += "  " + line + "\n";
    } else {
        yaml +=
            "spec:\n" + (replicas.isEmpty() ? QByteArray() : "  replicas: " + replicas + "\n") +
            "  selector: {matchLabels: {app: web}}\n  template:\n    metadata:\n      labels: " +
            labels + "\n    spec:\n";
        for (const QByteArray &line : podSpec.split('\n'))
            yaml += "      " + line + "\n";
    }
    return extra.isEmpty() ? yaml : yaml + "---\n" + extra;
}

const QByteArray kProfile = "apiVersion: scheduling.cci.io/v1\nkind: ScheduleProfile\n"
                            "metadata: {name: p, namespace: default}\n"
                            "spec:\n  objectLabels: {matchLabels: {app: web}}\n"
                            "  strategy: localPrefer\n  location: {local: {maxNum: 2}, cci: {}}\n";

} // namespace

class tst_WhatIfScenario : public QObject
{
    Q_OBJECT

private slots:
    void scenario_data();
    void scenario();
};

void tst_WhatIfScenario::scenario_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("strategy");
    QTest::addColumn<int>("localMaxNum"); // -1: not limited
    QTest::addColumn<int>("cciMaxNum");
    QTest::addColumn<qint64>("cpuMilli");
    QTest::addColumn<qint64>("memoryBytes");
    QTest::addColumn<bool>("cciAvailable");
    QTest::addColumn<int>("defaultPeak");

    const qint64 gi = kGi;
    QTest::newRow("enforce label, requests, 3 replicas")
        << workload("{app: web, virtual-kubelet.io/burst-to-cci: enforce}", "3",
                    "{requests: {cpu: 500m, memory: 1Gi}}")
        << "enforce" << -1 << -1 << qint64(500) << gi << true << 3;
    QTest::newRow("limits stand in for missing requests")
        << workload("{app: web, virtual-kubelet.io/burst-to-cci: auto}", "2",
                    "{limits: {cpu: '1', memory: 2Gi}}")
        << "auto" << -1 << -1 << qint64(1000) << 2 * gi << true << 2;
    QTest::newRow("requests, not limits, are what a local node reserves")
        << workload("{app: web, virtual-kubelet.io/burst-to-cci: auto}", "2",
                    "{requests: {cpu: 250m, memory: 512Mi}, limits: {cpu: '1', memory: 2Gi}}")
        << "auto" << -1 << -1 << qint64(250) << gi / 2 << true << 2;
    QTest::newRow("profile strategy and its location limits")
        << workload("{app: web}", "4", "{requests: {cpu: 500m, memory: 1Gi}}", kProfile)
        << "localPrefer" << 2 << -1 << qint64(500) << gi << true << 4;
    QTest::newRow("a label beats the profile's strategy, the limits stay")
        << workload("{app: web, virtual-kubelet.io/burst-to-cci: enforce}", "4",
                    "{requests: {cpu: 500m, memory: 1Gi}}", kProfile)
        << "enforce" << 2 << -1 << qint64(500) << gi << true << 4;
    QTest::newRow("CCI rejects the pod: no bursting")
        << workload("{app: web, virtual-kubelet.io/burst-to-cci: enforce}", "2",
                    "{limits: {cpu: '33', memory: 66Gi}}")
        << "enforce" << -1 << -1 << qint64(33000) << 66 * gi << false << 2;
    // burstctl simulate takes the same scenario (tst_burstctl::simulateFollowsWhatIf).
    QTest::newRow("CCI rejects an unreadable quantity: no bursting, the value counts as absent")
        << workload("{app: web, virtual-kubelet.io/burst-to-cci: auto}", "3",
                    "{limits: {cpu: 1x, memory: 2Gi}}")
        << "auto" << -1 << -1 << qint64(0) << 2 * gi << false << 3;
    QTest::newRow("no strategy") << workload("{app: web}", "5",
                                             "{requests: {cpu: 500m, memory: 1Gi}}")
                                 << "none" << -1 << -1 << qint64(500) << gi << true << 5;
    QTest::newRow("zero replicas still peak at 1")
        << workload("{app: web, virtual-kubelet.io/burst-to-cci: auto}", "0",
                    "{requests: {cpu: 500m, memory: 1Gi}}")
        << "auto" << -1 << -1 << qint64(500) << gi << true << 1;
    QTest::newRow("replicas unset: 1")
        << workload("{app: web, virtual-kubelet.io/burst-to-cci: auto}", "",
                    "{requests: {cpu: 500m, memory: 1Gi}}")
        << "auto" << -1 << -1 << qint64(500) << gi << true << 1;
    QTest::newRow("a bare pod") << workload("{app: web, virtual-kubelet.io/burst-to-cci: enforce}",
                                            "", "{requests: {cpu: '2', memory: 4Gi}}", {}, "Pod")
                                << "enforce" << -1 << -1 << qint64(2000) << 4 * gi << true << 1;
}

void tst_WhatIfScenario::scenario()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, strategy);
    QFETCH(int, localMaxNum);
    QFETCH(int, cciMaxNum);
    QFETCH(qint64, cpuMilli);
    QFETCH(qint64, memoryBytes);
    QFETCH(bool, cciAvailable);
    QFETCH(int, defaultPeak);

    const core::kube::LoadResult loaded = core::kube::loadManifests(yaml, QStringLiteral("w.yaml"));
    QVERIFY2(loaded.errors.isEmpty(), qPrintable(loaded.errors.value(0).toString()));
    QList<QJsonObject> objects;
    for (const core::kube::ManifestObject &o : loaded.objects)
        objects.append(o.object);
    const QList<PreviewResult> previews = previewObjects(objects, {});
    QCOMPARE(previews.size(), 1);
    const auto w = core::kube::workloadFromObject(objects.first(), nullptr);
    QVERIFY(w);

    const WhatIfScenario s = whatIfScenario(*w, previews.first());
    QCOMPARE(strategyName(s.input.strategy), strategy);
    QCOMPARE(int(s.input.local.maxNum.value_or(-1)), localMaxNum);
    QCOMPARE(int(s.input.cci.maxNum.value_or(-1)), cciMaxNum);
    QCOMPARE(s.input.podRequest.cpuMilli, cpuMilli);
    QCOMPARE(s.input.podRequest.memoryBytes, memoryBytes);
    QCOMPARE(s.input.cciAvailable, cciAvailable);
    QCOMPARE(s.defaultPeak, defaultPeak);
    // Nodes and replica steps are the chart's.
    QVERIFY(s.input.nodes.isEmpty());
    QVERIFY(s.input.replicaSteps.isEmpty());
}

QTEST_GUILESS_MAIN(tst_WhatIfScenario)
#include "tst_whatifscenario.moc"
