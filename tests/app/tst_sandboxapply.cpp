#include "sandboxprocess.h"

#include <QFile>
#include <QTest>

// Server-side apply and `kubectl auth whoami` against burst-sandbox with the real kubectl; the
// ownership rules themselves are tabled in tst_managedfields.
class tst_SandboxApply : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;
    using Run = SandboxProcess::Run;

    Run kubectl(const QStringList &args) { return m_sandbox.kubectl(args); }

    QString manifest(const QString &name, const QByteArray &text)
    {
        const QString path = m_sandbox.tempPath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(text) != text.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    static QByteArray configMap(const QByteArray &data)
    {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa\n  namespace: default\n"
               "data:\n" +
               data;
    }

    QString data()
    {
        return kubectl({QStringLiteral("get"), QStringLiteral("configmap"), QStringLiteral("ssa"),
                        QStringLiteral("-o"), QStringLiteral("jsonpath={.data}")})
            .out;
    }

    Run apply(const QString &file, const QStringList &extra = {})
    {
        return kubectl(QStringList{QStringLiteral("apply"), QStringLiteral("--server-side"),
                                   QStringLiteral("-f"), file} +
                       extra);
    }

private slots:
    void initTestCase()
    {
        if (SandboxProcess::kubectlPath().isEmpty())
            QSKIP("kubectl is not installed");
        QVERIFY(m_sandbox.start({QStringLiteral("--no-examples")}));
    }

    void cleanupTestCase() { QCOMPARE(m_sandbox.stop(), 0); }

    void applyCreatesUpdatesAndPrunes()
    {
        const QString file =
            manifest(QStringLiteral("cm.yaml"), configMap("  a: \"1\"\n  b: \"2\"\n"));
        const Run created = apply(file);
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        QCOMPARE(created.out.trimmed(), QStringLiteral("configmap/ssa serverside-applied"));
        QCOMPARE(data(), QStringLiteral("{\"a\":\"1\",\"b\":\"2\"}"));
        const Run managed = kubectl({QStringLiteral("get"), QStringLiteral("configmap"),
                                     QStringLiteral("ssa"), QStringLiteral("-o"),
                                     QStringLiteral("jsonpath={.metadata.managedFields[0].manager} "
                                                    "{.metadata.managedFields[0].operation}")});
        QCOMPARE(managed.out, QStringLiteral("kubectl Apply"));

        manifest(QStringLiteral("cm.yaml"), configMap("  a: \"1\"\n  b: \"3\"\n"));
        QVERIFY(apply(file).exitCode == 0);
        QCOMPARE(data(), QStringLiteral("{\"a\":\"1\",\"b\":\"3\"}"));

        // Left out of the configuration: removed, as nobody else owns it.
        manifest(QStringLiteral("cm.yaml"), configMap("  a: \"1\"\n"));
        QVERIFY(apply(file).exitCode == 0);
        QCOMPARE(data(), QStringLiteral("{\"a\":\"1\"}"));
    }

    void secondManagerConflictsUntilForced()
    {
        const QString file =
            manifest(QStringLiteral("other.yaml"), configMap("  a: \"changed\"\n"));
        const Run refused = apply(file, {QStringLiteral("--field-manager=other")});
        QVERIFY(refused.exitCode != 0);
        QVERIFY2(refused.err.contains(
                     u"Apply failed with 1 conflict: conflict with \"kubectl\": .data.a"),
                 qPrintable(refused.err));
        QVERIFY2(refused.err.contains(u"--force-conflicts"), qPrintable(refused.err));
        QCOMPARE(data(), QStringLiteral("{\"a\":\"1\"}"));

        const Run forced = apply(
            file, {QStringLiteral("--field-manager=other"), QStringLiteral("--force-conflicts")});
        QVERIFY2(forced.exitCode == 0, qPrintable(forced.err));
        QCOMPARE(data(), QStringLiteral("{\"a\":\"changed\"}"));
    }

    void serverDryRunChangesNothing()
    {
        const QString file =
            manifest(QStringLiteral("dry.yaml"), configMap("  a: \"changed\"\n  d: \"dry\"\n"));
        const Run dry = apply(file, {QStringLiteral("--field-manager=other"),
                                     QStringLiteral("--dry-run=server"), QStringLiteral("-o"),
                                     QStringLiteral("jsonpath={.data.d}")});
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.err));
        QCOMPARE(dry.out, QStringLiteral("dry"));
        QCOMPARE(data(), QStringLiteral("{\"a\":\"changed\"}"));
        const QString absent =
            manifest(QStringLiteral("absent.yaml"),
                     "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: never\ndata:\n  x: y\n");
        const Run created = apply(absent, {QStringLiteral("--dry-run=server")});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        QVERIFY2(created.out.contains(u"(server dry run)"), qPrintable(created.out));
        const Run never =
            kubectl({QStringLiteral("get"), QStringLiteral("configmap"), QStringLiteral("never")});
        QVERIFY2(never.err.contains(u"NotFound"), qPrintable(never.err));
    }

    void clientSideThenServerSideApply()
    {
        const QString file = manifest(QStringLiteral("csa.yaml"),
                                      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: csa\n"
                                      "data:\n  k: \"1\"\n");
        const Run client = kubectl({QStringLiteral("apply"), QStringLiteral("-f"), file});
        QVERIFY2(client.exitCode == 0, qPrintable(client.err));
        const Run owner =
            kubectl({QStringLiteral("get"), QStringLiteral("configmap"), QStringLiteral("csa"),
                     QStringLiteral("-o"),
                     QStringLiteral("jsonpath={.metadata.managedFields[*].manager}")});
        QCOMPARE(owner.out, QStringLiteral("kubectl-client-side-apply"));
        // kubectl takes over what its client-side apply set, even with another value.
        manifest(QStringLiteral("csa.yaml"),
                 "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: csa\ndata:\n  k: \"2\"\n");
        const Run server = apply(file);
        QVERIFY2(server.exitCode == 0, qPrintable(server.err));
        const Run value =
            kubectl({QStringLiteral("get"), QStringLiteral("configmap"), QStringLiteral("csa"),
                     QStringLiteral("-o"), QStringLiteral("jsonpath={.data.k}")});
        QCOMPARE(value.out, QStringLiteral("2"));
    }

    void deploymentAppliedServerSideRollsOut()
    {
        const QByteArray head =
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ssa-web\n"
            "spec:\n  replicas: 2\n  selector: {matchLabels: {app: ssa-web}}\n"
            "  template:\n    metadata: {labels: {app: ssa-web}}\n"
            "    spec: {containers: [{name: app, image: ";
        const QString file = manifest(QStringLiteral("web.yaml"), head + "nginx}]}\n");
        QVERIFY(apply(file).exitCode == 0);
        const QStringList status = {QStringLiteral("rollout"), QStringLiteral("status"),
                                    QStringLiteral("deployment/ssa-web"),
                                    QStringLiteral("--timeout=60s")};
        Run rolled = kubectl(status);
        QVERIFY2(rolled.exitCode == 0, qPrintable(rolled.err));
        QVERIFY(rolled.out.contains(u"successfully rolled out"));
        manifest(QStringLiteral("web.yaml"), head + "nginx:1.27}]}\n");
        QVERIFY(apply(file).exitCode == 0);
        rolled = kubectl(status);
        QVERIFY2(rolled.exitCode == 0, qPrintable(rolled.err));
        const Run image = kubectl({QStringLiteral("get"), QStringLiteral("deployment"),
                                   QStringLiteral("ssa-web"), QStringLiteral("-o"),
                                   QStringLiteral("jsonpath={.spec.template.spec.containers[0]."
                                                  "image} {.status.updatedReplicas}")});
        QCOMPARE(image.out, QStringLiteral("nginx:1.27 2"));
    }

    void whoamiNamesTheAdmin()
    {
        const Run whoami = kubectl({QStringLiteral("auth"), QStringLiteral("whoami")});
        QVERIFY2(whoami.exitCode == 0, qPrintable(whoami.err));
        QVERIFY2(whoami.out.contains(u"sandbox-admin"), qPrintable(whoami.out));
        QVERIFY2(whoami.out.contains(u"system:masters"), qPrintable(whoami.out));
    }
};

QTEST_GUILESS_MAIN(tst_SandboxApply)
#include "tst_sandboxapply.moc"
