#include "core/burst/preview.h"
#include "core/burst/previewjson.h"

#include "bursttesthelpers.h"

#include <QJsonArray>
#include <QTest>

using namespace core::burst;
using namespace Qt::StringLiterals;
using bursttest::previewText;

// `burstctl preview`'s elements for guide 2.4's objects (a Namespace and a Network each get one,
// with their diagnostics) and chapter 4's GPU pods (their namespace's flavour from a Namespace of
// the same input; the GPU specification's normalization).
class tst_PreviewCci : public QObject
{
    Q_OBJECT

private:
    static QStringList codes(const PreviewResult &r)
    {
        QStringList out;
        for (const core::Diagnostic &d : r.diagnostics)
            out.append(d.code);
        return out;
    }

    static QByteArray gpuDeployment(const QByteArray &nameSpace, const QByteArray &gpus,
                                    const QByteArray &cpu, const QByteArray &memory)
    {
        return "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: train, namespace: " +
               nameSpace +
               ", labels: {virtual-kubelet.io/burst-to-cci: enforce}}\n"
               "spec:\n  selector: {matchLabels: {app: train}}\n  template:\n"
               "    metadata:\n      labels: {app: train}\n"
               "      annotations: {cri.cci.io/gpu-driver: gpu-418.126}\n"
               "    spec:\n      containers:\n      - name: train\n"
               "        image: tensorflow/tensorflow:1.15.0-gpu\n"
               "        resources:\n          limits: {cpu: '" +
               cpu + "', memory: " + memory + ", nvidia.com/gpu: '" + gpus + "'}\n";
    }

    static QByteArray nameSpace(const QByteArray &name, const QByteArray &flavor)
    {
        return "---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + name +
               "\n  annotations: {namespace.kubernetes.io/flavor: " + flavor + "}\n";
    }

private slots:
    void namespaceAndNetworkGetElements()
    {
        const QByteArray yaml = nameSpace("namespace-test", "gpu-accelerated") +
                                "---\napiVersion: networking.cci.io/v1beta1\nkind: Network\n"
                                "metadata:\n  name: test-network\n  namespace: namespace-test\n"
                                "  annotations:\n"
                                "    network.alpha.kubernetes.io/default-security-group: '{{sg}}'\n"
                                "    network.alpha.kubernetes.io/domain-id: "
                                "0123456789abcdef0123456789abcdef\n"
                                "    network.alpha.kubernetes.io/project-id: "
                                "0123456789abcdef0123456789abcdef\n"
                                "spec: {availableZone: cn-north-4a, cidr: 192.168.0.0/24,\n"
                                "  attachedVPC: 11111111-2222-3333-4444-555555555555,\n"
                                "  networkID: 11111111-2222-3333-4444-555555555556,\n"
                                "  subnetID: 11111111-2222-3333-4444-555555555557,\n"
                                "  networkType: underlay_neutron}\n" +
                                nameSpace("bad", "gpu");
        const QList<PreviewResult> results = previewText(yaml);
        QCOMPARE(results.size(), 3);
        QVERIFY(results.at(0).lintOnly);
        QCOMPARE(results.at(0).kind, u"Namespace");
        QVERIFY(results.at(0).diagnostics.isEmpty());
        QVERIFY(results.at(0).admissible);
        QCOMPARE(results.at(1).kind, u"Network");
        QCOMPARE(results.at(1).nameSpace, u"namespace-test");
        QCOMPARE(codes(results.at(1)), QStringList{u"network.securityGroup"_s});
        QVERIFY(!results.at(1).admissible);
        QCOMPARE(codes(results.at(2)), QStringList{u"namespace.flavor"_s});

        const QJsonObject json = previewToJson(results.at(1));
        QCOMPARE(json.value(u"kind").toString(), u"Network");
        QCOMPARE(json.value(u"apiVersion").toString(), u"networking.cci.io/v1beta1");
        QCOMPARE(json.value(u"admissible").toBool(), false);
        QCOMPARE(json.value(u"diagnostics").toArray().size(), 1);
        QVERIFY(!json.contains(u"cciPod"));
        QVERIFY(previewToJson(results.at(0)).value(u"namespace").isNull());
    }

    void gpuPods_data()
    {
        QTest::addColumn<QByteArray>("namespaces");
        QTest::addColumn<QByteArray>("gpus");
        QTest::addColumn<QByteArray>("cpu");
        QTest::addColumn<QByteArray>("memory");
        QTest::addColumn<QStringList>("codes");
        QTest::addColumn<bool>("admissible");
        QTest::addColumn<QString>("cpuAfter");
        QTest::addColumn<QString>("memoryAfter");
        const QByteArray gpuNs = nameSpace("ml", "gpu-accelerated");
        const QByteArray cpuNs = nameSpace("ml", "general-computing");
        const QStringList normal{u"resources.normalized"_s};
        QTest::newRow("gpu namespace, exact spec")
            << gpuNs << "1"_ba << "4"_ba << "32Gi"_ba << QStringList() << true << u"4"_s
            << u"32Gi"_s;
        QTest::newRow("gpu namespace, raised to spec")
            << gpuNs << "2"_ba << "1"_ba << "4Gi"_ba << normal << true << u"8"_s << u"64Gi"_s;
        QTest::newRow("general-computing namespace refuses GPUs")
            << cpuNs << "1"_ba << "4"_ba << "32Gi"_ba
            << QStringList{u"gpu.namespaceFlavor"_s} << false << u"4"_s << u"32Gi"_s;
        QTest::newRow("namespace not in the input: flavour unknown")
            << QByteArray() << "1"_ba << "4"_ba << "32Gi"_ba << QStringList() << true << u"4"_s
            << u"32Gi"_s;
        QTest::newRow("3 GPUs") << gpuNs << "3"_ba << "4"_ba << "32Gi"_ba
                                << QStringList{u"gpu.count"_s} << false << u"4"_s << u"32Gi"_s;
        QTest::newRow("larger than spec") << gpuNs << "1"_ba << "16"_ba << "64Gi"_ba
                                          << QStringList{u"gpu.shape"_s} << false << u"16"_s
                                          << u"64Gi"_s;
    }

    void gpuPods()
    {
        QFETCH(QByteArray, namespaces);
        QFETCH(QByteArray, gpus);
        QFETCH(QByteArray, cpu);
        QFETCH(QByteArray, memory);
        QFETCH(QStringList, codes);
        QFETCH(bool, admissible);
        QFETCH(QString, cpuAfter);
        QFETCH(QString, memoryAfter);
        const QList<PreviewResult> results =
            previewText(namespaces + gpuDeployment("ml", gpus, cpu, memory));
        const PreviewResult &r = results.constLast();
        QCOMPARE(r.kind, u"Deployment");
        QCOMPARE(r.gpus, gpus.toInt());
        QStringList got = tst_PreviewCci::codes(r);
        got.removeAll(u"pod.sidecar"_s);
        QCOMPARE(got, codes);
        QCOMPARE(r.admissible, admissible);
        QCOMPARE(r.containers.first().cpu, cpuAfter);
        QCOMPARE(r.containers.first().memory, memoryAfter);
        QCOMPARE(previewToJson(r).value(u"gpus").toInt(), gpus.toInt());
    }
};

QTEST_GUILESS_MAIN(tst_PreviewCci)
#include "tst_previewcci.moc"
