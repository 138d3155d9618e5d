#include "burstctlprocess.h"
#include "sandboxprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

// burstctl advise against a burst-sandbox started with a scenario (guide 1.1): an ARM node, a
// localPrefer workload behind a LoadBalancer that names a health-check port and keeps traffic
// local, and the exit statuses the advice gives.
class tst_BurstctlAdvise : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;

    BurstctlRun advise(const QStringList &args)
    {
        return runBurstctl(QStringList{u"advise"_s, u"--kubeconfig"_s, m_sandbox.kubeconfig()} +
                           args);
    }

    // "code OBJECT" of every finding of a JSON answer.
    static QSet<QString> findings(const QByteArray &json, QJsonObject *root = nullptr)
    {
        const QJsonObject o = QJsonDocument::fromJson(json).object();
        if (root)
            *root = o;
        QSet<QString> out;
        for (const QJsonValue &v : o.value(u"advice").toArray()) {
            const QJsonObject a = v.toObject();
            QString object = a.value(u"kind").toString();
            if (!a.value(u"namespace").toString().isEmpty())
                object += u' ' + a.value(u"namespace").toString() + u'/';
            else if (!object.isEmpty())
                object += u' ';
            out.insert(a.value(u"code").toString() + u' ' + object + a.value(u"name").toString());
        }
        return out;
    }

private slots:
    void initTestCase()
    {
        const QString scenario = m_sandbox.tempPath(u"advise-scenario.yaml"_s);
        QFile file(scenario);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"(apiVersion: v1
kind: Node
metadata:
  name: arm-1
  labels:
    kubernetes.io/hostname: arm-1
    kubernetes.io/arch: arm64
spec:
  podCIDR: 10.90.0.0/24
status:
  capacity: {cpu: "4", memory: 8Gi, pods: "110"}
  allocatable: {cpu: "4", memory: 8Gi, pods: "110"}
  addresses:
  - {type: InternalIP, address: 192.168.0.21}
  nodeInfo: {architecture: arm64, operatingSystem: linux}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
  namespace: default
spec:
  replicas: 2
  selector:
    matchLabels: {app: shop}
  template:
    metadata:
      labels:
        app: shop
        virtual-kubelet.io/burst-to-cci: localPrefer
    spec:
      containers:
      - name: shop
        image: nginx:1.25
        resources:
          requests: {cpu: 250m, memory: 256Mi}
---
apiVersion: v1
kind: Service
metadata:
  name: shop-lb
  namespace: default
  annotations:
    kubernetes.io/elb.health-check-flag: "on"
    kubernetes.io/elb.health-check-option: '{"protocol":"TCP","delay":"5","monitor_port":"8081"}'
spec:
  type: LoadBalancer
  externalTrafficPolicy: Local
  selector: {app: shop}
  ports:
  - {port: 80, targetPort: 80}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: shop-config
  namespace: default
data: {a: b}
)");
        // 2000 more ConfigMaps beside the burst workload: 2001 in its namespace pick the 8U16G
        // row, and the list is read in pages of 1000.
        for (int i = 0; i < 2000; ++i)
            file.write(QByteArrayLiteral(
                           "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bulk-") +
                       QByteArray::number(i) + QByteArrayLiteral("\n  namespace: default\n"));
        file.close();
        QVERIFY(m_sandbox.start({u"--no-examples"_s, u"--scenario"_s, scenario}));
    }

    void cleanupTestCase() { QCOMPARE(m_sandbox.stop(), 0); }

    void warningsOnly()
    {
        const BurstctlRun r = advise({u"-o"_s, u"json"_s});
        QVERIFY2(r.exitCode == 3, qPrintable(r.err + QString::fromUtf8(r.out)));
        QJsonObject root;
        const QSet<QString> got = findings(r.out, &root);
        const QSet<QString> expected{
            u"addon.nodeSize "_s,
            u"addon.armNode Node arm-1"_s,
            u"addon.lbHealthCheckPort Service default/shop-lb"_s,
            u"addon.lbLocalTraffic Service default/shop-lb"_s,
            u"addon.lbStrategy Service default/shop-lb"_s,
            u"addon.logPoliciesUnknown "_s, // the sandbox serves no log policies
            u"addon.scaleToZero Deployment default/shop"_s,
        };
        QCOMPARE(got, expected);
        QCOMPARE(root.value(u"burstWorkloads").toInt(), 1);
        QCOMPARE(root.value(u"burstPods").toInteger(), 2);
        // shop-config and bulk-*, and any the sandbox adds
        QVERIFY(root.value(u"configMaps").toInteger() >= 2001);
        QCOMPARE(root.value(u"recommendedNodeSize").toObject().value(u"name").toString(),
                 u"8U16G"_s);
        QCOMPARE(root.value(u"recommendedNodeSize").toObject().value(u"beyondGuide").toBool(),
                 false);
    }

    void subnetAndAddonNode()
    {
        // The VPC subnet is not in the API: named with --subnet. idc-node-1 (4 vCPUs, 8Gi) is
        // below the 8U16G the 2001 ConfigMaps need.
        const BurstctlRun r = advise({u"--subnet"_s, u"10.0.0.0/8"_s, u"--addon-node"_s,
                                      u"idc-node-1"_s, u"-o"_s, u"json"_s});
        QVERIFY2(r.exitCode == 4, qPrintable(r.err));
        QJsonObject root;
        const QSet<QString> got = findings(r.out, &root);
        QVERIFY(got.contains(u"addon.subnetOverlap "_s));
        QVERIFY(got.contains(u"addon.nodeUndersized Node idc-node-1"_s));
        QCOMPARE(root.value(u"addonNodes").toArray(), QJsonArray{u"idc-node-1"_s});

        const BurstctlRun missing =
            advise({u"--addon-node"_s, u"no-such-node"_s, u"-o"_s, u"json"_s});
        QCOMPARE(missing.exitCode, 3);
        QVERIFY(findings(missing.out).contains(u"addon.nodeNotFound "_s));
    }

    void text()
    {
        const BurstctlRun r = advise({});
        QCOMPARE(r.exitCode, 3);
        const QString out = QString::fromUtf8(r.out);
        QVERIFY2(out.contains(u"Recommended add-on node: 8U16G\n"), qPrintable(out));
        QVERIFY(out.contains(u"Burst workloads: 1 (2 pods)"));
        QVERIFY(out.contains(u"Service default/shop-lb spec.externalTrafficPolicy: warning: "
                             u"LoadBalancer Service \"shop-lb\" has externalTrafficPolicy Local"));
        QVERIFY(out.contains(u"Node arm-1 metadata.labels[\"kubernetes.io/arch\"]: warning: "));
        QVERIFY(out.contains(u"[addon.lbStrategy]"));
        QVERIFY(out.contains(u"0 errors, 4 warnings, 3 notes\n"));
    }

    void badArguments_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("err");
        QTest::newRow("bad subnet") << QStringList{u"--subnet"_s, u"10.247.0.0"_s}
                                    << u"burstctl advise: \"10.247.0.0\" is not an IPv4 CIDR"_s;
        QTest::newRow("bad output") << QStringList{u"-o"_s, u"yaml"_s} << u"Usage:"_s;
        QTest::newRow("positional") << QStringList{u"pods"_s} << u"Usage:"_s;
        QTest::newRow("unknown flag") << QStringList{u"--no-such-flag"_s}
                                      << u"burstctl advise: Unknown option 'no-such-flag'."_s;
    }

    void badArguments()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, err);
        const BurstctlRun r = advise(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains(err), qPrintable(r.err));
    }

    void cannotConnect()
    {
        const BurstctlRun r = runBurstctl({u"advise"_s, u"--server"_s, u"http://127.0.0.1:1"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
    }

    void helpAndCompletion()
    {
        const BurstctlRun help = runBurstctl({u"advise"_s, u"--help"_s});
        QCOMPARE(help.exitCode, 0);
        const QString text = QString::fromUtf8(help.out);
        for (const QString &flag :
             {u"--addon-node"_s, u"--subnet"_s, u"-o, --output"_s, u"--kubeconfig"_s,
              u"Exit status: 0 notes only"_s, u"Decided rules:"_s})
            QVERIFY2(text.contains(flag), qPrintable(flag));
        const BurstctlRun list = runBurstctl({u"--help"_s});
        QVERIFY(QString::fromUtf8(list.out).contains(u"\n  advise "));
        const BurstctlRun bash = runBurstctl({u"completion"_s, u"bash"_s});
        QCOMPARE(bash.exitCode, 0);
        QVERIFY(bash.out.contains("advise"));
        QVERIFY(bash.out.contains("--addon-node"));
    }
};

QTEST_GUILESS_MAIN(tst_BurstctlAdvise)
#include "tst_burstctladvise.moc"
