#include "sandboxprocess.h"

#include <QProcess>
#include <QTest>

// Where burst-sandbox's CCI runs a burst pod, through the real kubectl: the CCI namespace's
// flavour (--cci-namespace-flavor, general-computing by default) refuses or admits a GPU pod,
// and the pod's Downward API env reads the region (--cci-region) and the zone of the AZ-level
// virtual node (--cci-zones) that CCI writes on its pod.
class tst_SandboxCciPlacement : public QObject
{
    Q_OBJECT

private:
    using Run = SandboxProcess::Run;

    // A pod with the guide's Downward API env (guide 3.2), bursting by its label.
    static QString podManifest(const QString &name, const QString &resources,
                               const QString &extraSpec = {})
    {
        return QStringLiteral(R"(apiVersion: v1
kind: Pod
metadata:
  name: %1
  labels: {virtual-kubelet.io/burst-to-cci: enforce}
  annotations: {cri.cci.io/gpu-driver: gpu-418.126}
spec:
%3  containers:
  - name: app
    image: tensorflow/tensorflow:1.15.0-gpu
    resources:
      limits: %2
    env:
    - name: REGION
      valueFrom: {fieldRef: {fieldPath: "metadata.annotations['topology.kubernetes.io/region']"}}
    - name: ZONE
      valueFrom: {fieldRef: {fieldPath: "metadata.annotations['topology.kubernetes.io/zone']"}}
    - name: MY_POD_NAME
      valueFrom: {fieldRef: {fieldPath: metadata.name}}
)")
            .arg(name, resources, extraSpec);
    }

    static QString gpuLimits()
    {
        return QStringLiteral("{cpu: '4', memory: 32Gi, nvidia.com/gpu: '1'}");
    }

    static bool apply(SandboxProcess &sandbox, const QString &manifest)
    {
        const QString file = sandbox.tempPath(QStringLiteral("pod.yaml"));
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            out.write(manifest.toUtf8()) < 0)
            return false;
        out.close();
        const Run run = sandbox.kubectl({QStringLiteral("apply"), QStringLiteral("-f"), file});
        if (run.exitCode != 0)
            qWarning("%s", qPrintable(run.err));
        return run.exitCode == 0;
    }

    static QString jsonPath(SandboxProcess &sandbox, const QString &pod, const QString &path)
    {
        return sandbox
            .kubectl({QStringLiteral("get"), QStringLiteral("pod"), pod, QStringLiteral("-o"),
                      QStringLiteral("jsonpath={") + path + u'}'})
            .out;
    }

    static bool waitRunning(SandboxProcess &sandbox, const QString &pod)
    {
        for (int i = 0; i < 200; ++i) {
            if (jsonPath(sandbox, pod, QStringLiteral(".status.phase")) == u"Running")
                return true;
            QTest::qWait(100);
        }
        return false;
    }

    static QStringList envOf(SandboxProcess &sandbox, const QString &pod)
    {
        const Run env =
            sandbox.kubectl({QStringLiteral("exec"), pod, QStringLiteral("--"),
                             QStringLiteral("env")});
        return env.out.split(u'\n');
    }

private slots:
    void initTestCase()
    {
        if (SandboxProcess::kubectlPath().isEmpty())
            QSKIP("kubectl is not installed");
    }

    void gpuPodAndNamespaceFlavor_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<bool>("admitted");
        QTest::newRow("default: general-computing") << QStringList() << false;
        QTest::newRow("gpu-accelerated")
            << QStringList{QStringLiteral("--cci-namespace-flavor"),
                           QStringLiteral("gpu-accelerated")}
            << true;
    }

    void gpuPodAndNamespaceFlavor()
    {
        QFETCH(QStringList, args);
        QFETCH(bool, admitted);
        SandboxProcess sandbox;
        QVERIFY(sandbox.start(QStringList{QStringLiteral("--no-examples"),
                                          QStringLiteral("--clock-speed"), QStringLiteral("20")} +
                              args));
        QVERIFY(apply(sandbox, podManifest(QStringLiteral("trainer"), gpuLimits())));
        if (!admitted) {
            // Refused as every CCI refusal is: ProviderCreateFailed naming the rule.
            Run events;
            for (int i = 0; i < 100 && !events.out.contains(u"gpu.namespaceFlavor"); ++i) {
                events = sandbox.kubectl(
                    {QStringLiteral("get"), QStringLiteral("events"),
                     QStringLiteral("--field-selector"),
                     QStringLiteral("involvedObject.name=trainer,reason=ProviderCreateFailed"),
                     QStringLiteral("-o"), QStringLiteral("jsonpath={.items[*].message}")});
                if (!events.out.contains(u"gpu.namespaceFlavor"))
                    QTest::qWait(100);
            }
            QVERIFY2(events.out.contains(u"CCI refused the pod: gpu.namespaceFlavor: "),
                     qPrintable(events.out + events.err));
            QVERIFY(events.out.contains(u"general-computing"));
            QCOMPARE(jsonPath(sandbox, QStringLiteral("trainer"), QStringLiteral(".spec.nodeName")),
                     QString());
        } else {
            QVERIFY(waitRunning(sandbox, QStringLiteral("trainer")));
            QCOMPARE(jsonPath(sandbox, QStringLiteral("trainer"), QStringLiteral(".spec.nodeName")),
                     QStringLiteral("virtual-kubelet"));
            const Run smi = sandbox.kubectl({QStringLiteral("exec"), QStringLiteral("trainer"),
                                             QStringLiteral("--"), QStringLiteral("nvidia-smi")});
            QCOMPARE(smi.exitCode, 0);
            QVERIFY(smi.out.contains(u"Tesla P100-PCIE-16GB"));
            // The guide's node has no zone: the default one of the default region.
            const QStringList env = envOf(sandbox, QStringLiteral("trainer"));
            QVERIFY2(env.contains(u"REGION=cn-north-4"), qPrintable(env.join(u'|')));
            QVERIFY(env.contains(u"ZONE=cn-north-4a"));
            QVERIFY(env.contains(u"MY_POD_NAME=trainer"));
        }
        QCOMPARE(sandbox.stop(), 0);
    }

    // CCI 2.0's AZ-level node: the pod that selects its zone runs there, and its containers see
    // that zone and the configured region.
    void zoneOfTheVirtualNode()
    {
        SandboxProcess sandbox;
        QVERIFY(sandbox.start({QStringLiteral("--no-examples"), QStringLiteral("--clock-speed"),
                               QStringLiteral("20"), QStringLiteral("--cci-region"),
                               QStringLiteral("ap-southeast-1"), QStringLiteral("--cci-zones"),
                               QStringLiteral("ap-southeast-1b,ap-southeast-1c")}));
        QVERIFY(apply(sandbox, podManifest(QStringLiteral("web"),
                                           QStringLiteral("{cpu: 250m, memory: 1Gi}"),
                                           QStringLiteral("  nodeSelector: "
                                                          "{topology.kubernetes.io/zone: "
                                                          "ap-southeast-1c}\n"))));
        QVERIFY(waitRunning(sandbox, QStringLiteral("web")));
        QCOMPARE(jsonPath(sandbox, QStringLiteral("web"), QStringLiteral(".spec.nodeName")),
                 QStringLiteral("bursting-node-ap-southeast-1c"));
        const QStringList env = envOf(sandbox, QStringLiteral("web"));
        QVERIFY2(env.contains(u"REGION=ap-southeast-1"), qPrintable(env.join(u'|')));
        QVERIFY(env.contains(u"ZONE=ap-southeast-1c"));
        // The CCE pod itself carries no such annotation: they are the CCI pod's.
        QCOMPARE(jsonPath(sandbox, QStringLiteral("web"),
                          QStringLiteral(".metadata.annotations.topology\\.kubernetes\\.io/zone")),
                 QString());
        QCOMPARE(sandbox.stop(), 0);
    }

    void unknownRegionRefused()
    {
        QProcess p;
        p.start(QStringLiteral(BURST_SANDBOX_PATH),
                {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--cci-region"),
                 QStringLiteral("mars-1")});
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("unknown CCI region \"mars-1\""));
    }
};

QTEST_GUILESS_MAIN(tst_SandboxCciPlacement)
#include "tst_sandboxcciplacement.moc"
