#include "sandboxprocess.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;

// Every kubectl installed beside the dispatcher (1.27 ... 1.33) writes to the sandbox: kubectl
// 1.33 sends the bodies of built-in types as Kubernetes protobuf, the older ones JSON, and each
// must create what it asked for. One sandbox, one namespace per version.
class tst_SandboxKubectlVersions : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;
    using Run = SandboxProcess::Run;

    Run kubectl(const QString &program, const QStringList &args)
    {
        return m_sandbox.kubectl(args, {}, 60000, program);
    }

    static QString versionOf(const QString &program) { return program.section(u'/', -1).mid(8); }

private slots:
    void initTestCase()
    {
        if (SandboxProcess::kubectlVersions().isEmpty())
            QSKIP("no versioned kubectl (kubectl.1.NN) is installed beside kubectl");
        QVERIFY(m_sandbox.start({u"--no-examples"_s}));
    }

    void cleanupTestCase() { QCOMPARE(m_sandbox.stop(), 0); }

    void writes_data()
    {
        QTest::addColumn<QString>("program");
        for (const QString &program : SandboxProcess::kubectlVersions())
            QTest::newRow(qPrintable(versionOf(program))) << program;
    }

    void writes()
    {
        QFETCH(QString, program);
        const QString ns = u"v"_s + versionOf(program).remove(u'.');
        const auto ok = [&](const QStringList &args) {
            const Run run = kubectl(program, args);
            if (run.exitCode != 0)
                qWarning("%s %s: %s", qPrintable(program), qPrintable(args.join(u' ')),
                         qPrintable(run.err));
            return run.exitCode == 0 ? run.out : QString();
        };
        QVERIFY(!ok({u"create"_s, u"namespace"_s, ns}).isEmpty());
        // apply: kubectl 1.27 and 1.28 read /openapi/v2 first, the later ones /openapi/v3.
        const QString manifest = m_sandbox.tempPath(ns + u".yaml"_s);
        const auto write = [&](const QByteArray &value) {
            QFile file(manifest);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied\ndata:\n  k: " +
                       value + "\n");
        };
        write("one");
        QVERIFY(ok({u"apply"_s, u"-n"_s, ns, u"-f"_s, manifest}).contains(u"created"));
        write("two");
        QVERIFY(ok({u"apply"_s, u"-n"_s, ns, u"-f"_s, manifest}).contains(u"configured"));
        QCOMPARE(ok({u"get"_s, u"configmap"_s, u"applied"_s, u"-n"_s, ns, u"-o"_s,
                     u"jsonpath={.data.k}"_s}),
                 u"two"_s);
        // A replicas of 0 is a pointer's zero: it must arrive, not fall back to the default 1.
        QVERIFY(!ok({u"create"_s, u"deployment"_s, u"web"_s, u"-n"_s, ns, u"--image=nginx:1.25"_s,
                     u"--replicas=0"_s, u"--port=8080"_s})
                     .isEmpty());
        QCOMPARE(ok({u"get"_s, u"deployment"_s, u"web"_s, u"-n"_s, ns, u"-o"_s,
                     u"jsonpath={.spec.replicas} {.spec.template.spec.containers[0].image} "
                     "{.spec.template.spec.containers[0].ports[0].containerPort} "
                     "{.spec.template.spec.restartPolicy}"_s}),
                 u"0 nginx:1.25 8080 Always"_s);
        QVERIFY(!ok({u"create"_s, u"configmap"_s, u"cfg"_s, u"-n"_s, ns, u"--from-literal=a=b"_s})
                     .isEmpty());
        QVERIFY(!ok({u"create"_s, u"secret"_s, u"generic"_s, u"pw"_s, u"-n"_s, ns,
                     u"--from-literal=password=s3cr3t"_s})
                     .isEmpty());
        QCOMPARE(ok({u"get"_s, u"secret"_s, u"pw"_s, u"-n"_s, ns, u"-o"_s,
                     u"jsonpath={.data.password}"_s}),
                 QString::fromLatin1(QByteArrayLiteral("s3cr3t").toBase64()));
        QVERIFY(
            !ok({u"create"_s, u"job"_s, u"once"_s, u"-n"_s, ns, u"--image=busybox"_s}).isEmpty());
        QVERIFY(!ok({u"expose"_s, u"deployment"_s, u"web"_s, u"-n"_s, ns, u"--port=80"_s,
                     u"--target-port=8080"_s})
                     .isEmpty());
        QCOMPARE(ok({u"get"_s, u"service"_s, u"web"_s, u"-n"_s, ns, u"-o"_s,
                     u"jsonpath={.spec.ports[0].targetPort}"_s}),
                 u"8080"_s);
        QCOMPARE(ok({u"auth"_s, u"can-i"_s, u"create"_s, u"pods"_s, u"-n"_s, ns}).trimmed(),
                 u"yes"_s);
        // The admin may do anything: one rule on every resource.
        QVERIFY(ok({u"auth"_s, u"can-i"_s, u"--list"_s, u"-n"_s, ns}).contains(u"*.*"));
        QVERIFY(
            !ok({u"scale"_s, u"deployment"_s, u"web"_s, u"-n"_s, ns, u"--replicas=2"_s}).isEmpty());
        QVERIFY(
            !ok({u"rollout"_s, u"status"_s, u"deployment/web"_s, u"-n"_s, ns, u"--timeout=60s"_s})
                 .isEmpty());
        QVERIFY(!ok({u"delete"_s, u"namespace"_s, ns, u"--wait=false"_s}).isEmpty());
    }

    // drain deletes with a DeleteOptions body (protobuf from 1.33), then uncordon.
    void drainWithTheNewest()
    {
        const QString program = SandboxProcess::kubectlVersions().last();
        const Run drain =
            kubectl(program, {u"drain"_s, u"idc-node-2"_s, u"--ignore-daemonsets"_s,
                              u"--delete-emptydir-data"_s, u"--force"_s, u"--timeout=60s"_s});
        QVERIFY2(drain.exitCode == 0, qPrintable(drain.err));
        QVERIFY(drain.out.contains(u"node/idc-node-2 drained"));
        QCOMPARE(kubectl(program, {u"uncordon"_s, u"idc-node-2"_s}).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(tst_SandboxKubectlVersions)
#include "tst_sandboxkubectlversions.moc"
