#include "sandboxprocess.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// burst-sandbox driven by the real kubectl: the proof that the sandbox speaks the Kubernetes API.
class tst_SandboxKubectl : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;
    using Run = SandboxProcess::Run;

    Run kubectl(const QStringList &args, const QString &kubeconfig = {})
    {
        return m_sandbox.kubectl(args, kubeconfig);
    }
    static QString examples() { return SandboxProcess::examples(); }

private slots:
    void initTestCase()
    {
        if (SandboxProcess::kubectlPath().isEmpty())
            QSKIP("kubectl is not installed");
        QVERIFY(m_sandbox.start({QStringLiteral("--no-examples")})); // this file applies them itself
    }

    void cleanupTestCase()
    {
        QCOMPARE(m_sandbox.stop(), 0); // SIGTERM is a clean shutdown
    }

    void versionAndNodesTable()
    {
        const Run version = kubectl({QStringLiteral("version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.contains(u"Server Version: v1.30.0-burst-sandbox"));
        const Run nodes = kubectl({QStringLiteral("get"), QStringLiteral("nodes")});
        QCOMPARE(nodes.exitCode, 0);
        const QStringList lines = nodes.out.trimmed().split(u'\n');
        QCOMPARE(lines.size(), 5); // header + 3 IDC nodes + virtual-kubelet
        QVERIFY(lines.first().contains(u"STATUS"));
        QVERIFY(lines.first().contains(u"ROLES"));
        QVERIFY(nodes.out.contains(u"virtual-kubelet   Ready"));
    }

    void applyExamplesAndPaginate()
    {
        const Run apply = kubectl({QStringLiteral("apply"), QStringLiteral("-f"), examples()});
        QVERIFY2(apply.exitCode == 0, qPrintable(apply.err));
        QVERIFY(apply.out.contains(u"deployment.apps/test-vk created"));
        QVERIFY(apply.out.contains(u"scheduleprofile.scheduling.cci.io/test-cci-profile created"));
        const Run again =
            kubectl({QStringLiteral("apply"), QStringLiteral("-f"),
                     examples() + QStringLiteral("/06-image-replacement-one-rule.yaml")});
        QCOMPARE(again.exitCode, 0);
        QVERIFY(again.out.contains(u"unchanged") || again.out.contains(u"configured"));
        const Run chunked = kubectl({QStringLiteral("get"), QStringLiteral("deployments"),
                                     QStringLiteral("-A"), QStringLiteral("--chunk-size=2"),
                                     QStringLiteral("-o"), QStringLiteral("name")});
        QCOMPARE(chunked.exitCode, 0);
        QCOMPARE(chunked.out.trimmed().split(u'\n').size(), 6);
        const Run profiles = kubectl({QStringLiteral("get"), QStringLiteral("scheduleprofiles"),
                                      QStringLiteral("-A"), QStringLiteral("--no-headers")});
        QCOMPARE(profiles.out.trimmed().split(u'\n').size(), 2);
    }

    void patchLabelSelectorAndConflict()
    {
        QCOMPARE(kubectl({QStringLiteral("patch"), QStringLiteral("deployment"),
                          QStringLiteral("test-vk"), QStringLiteral("-p"),
                          QStringLiteral("{\"spec\":{\"replicas\":5}}")})
                     .exitCode,
                 0);
        QCOMPARE(
            kubectl(
                {QStringLiteral("patch"), QStringLiteral("deployment"), QStringLiteral("test-vk"),
                 QStringLiteral("--type=json"), QStringLiteral("-p"),
                 QStringLiteral("[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":3}]")})
                .exitCode,
            0);
        const Run replicas =
            kubectl({QStringLiteral("get"), QStringLiteral("deployment"), QStringLiteral("test-vk"),
                     QStringLiteral("-o"), QStringLiteral("jsonpath={.spec.replicas}")});
        QCOMPARE(replicas.out, QStringLiteral("3"));
        const Run selected = kubectl({QStringLiteral("get"), QStringLiteral("deployments"),
                                      QStringLiteral("-A"), QStringLiteral("-l"),
                                      QStringLiteral("virtual-kubelet.io/burst-to-cci=enforce"),
                                      QStringLiteral("-o"), QStringLiteral("name")});
        QCOMPARE(selected.out.trimmed().split(u'\n').size(), 2); // test (04) and batch-oversized
        // replace with a stale resourceVersion: 409, as client-go sees it
        const Run json =
            kubectl({QStringLiteral("get"), QStringLiteral("deployment"), QStringLiteral("test-vk"),
                     QStringLiteral("-o"), QStringLiteral("json")});
        QJsonObject object = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QJsonObject meta = object.value(u"metadata").toObject();
        meta.insert(QStringLiteral("resourceVersion"), QStringLiteral("1"));
        object.insert(QStringLiteral("metadata"), meta);
        const QString stale = m_sandbox.tempPath(QStringLiteral("stale.json"));
        QFile f(stale);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(object).toJson());
        f.close();
        const Run conflict = kubectl({QStringLiteral("replace"), QStringLiteral("-f"), stale});
        QVERIFY(conflict.exitCode != 0);
        QVERIFY2(conflict.err.contains(u"Conflict") || conflict.err.contains(u"modified"),
                 qPrintable(conflict.err));
    }

    // --dry-run=server sends dryRun=All: kubectl shows what the sandbox would store and nothing
    // changes (apply of a new and of an existing object, patch of each type, delete).
    void serverDryRunChangesNothing()
    {
        const QString manifest = m_sandbox.tempPath(QStringLiteral("dry.yaml"));
        QFile f(manifest);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: dry-web\n"
                "  labels: {virtual-kubelet.io/burst-to-cci: enforce}\nspec:\n  replicas: 2\n"
                "  selector: {matchLabels: {app: dry-web}}\n  template:\n"
                "    metadata: {labels: {app: dry-web}}\n"
                "    spec: {containers: [{name: app, image: nginx}]}\n");
        f.close();
        const Run created = kubectl({QStringLiteral("apply"), QStringLiteral("--dry-run=server"),
                                     QStringLiteral("-f"), manifest});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        QVERIFY2(created.out.contains(u"deployment.apps/dry-web created (server dry run)"),
                 qPrintable(created.out));
        const Run absent = kubectl(
            {QStringLiteral("get"), QStringLiteral("deployment"), QStringLiteral("dry-web")});
        QVERIFY2(absent.err.contains(u"NotFound"), qPrintable(absent.err));

        const auto deployment = [this](const QString &jsonPath) {
            return kubectl({QStringLiteral("get"), QStringLiteral("deployment"),
                            QStringLiteral("test-vk"), QStringLiteral("-o"),
                            QStringLiteral("jsonpath={") + jsonPath + u'}'})
                .out;
        };
        const QString replicas = deployment(QStringLiteral(".spec.replicas"));
        const QString version = deployment(QStringLiteral(".metadata.generation"));
        for (const QStringList &patch :
             {QStringList{QStringLiteral("--type=strategic"), QStringLiteral("-p"),
                          QStringLiteral("{\"spec\":{\"replicas\":9}}")},
              QStringList{QStringLiteral("--type=merge"), QStringLiteral("-p"),
                          QStringLiteral("{\"spec\":{\"replicas\":9}}")},
              QStringList{QStringLiteral("--type=json"), QStringLiteral("-p"),
                          QStringLiteral(
                              "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":9}]")}}) {
            const Run patched = kubectl(
                QStringList{QStringLiteral("patch"), QStringLiteral("deployment"),
                            QStringLiteral("test-vk"), QStringLiteral("--dry-run=server"),
                            QStringLiteral("-o"), QStringLiteral("jsonpath={.spec.replicas}")} +
                patch);
            QVERIFY2(patched.exitCode == 0, qPrintable(patched.err));
            QCOMPARE(patched.out, QStringLiteral("9"));
        }
        const Run existing = kubectl(
            {QStringLiteral("apply"), QStringLiteral("--dry-run=server"), QStringLiteral("-f"),
             examples() + QStringLiteral("/06-image-replacement-one-rule.yaml")});
        QVERIFY2(existing.exitCode == 0, qPrintable(existing.err));
        QVERIFY2(existing.out.contains(u"(server dry run)"), qPrintable(existing.out));
        const Run deleted =
            kubectl({QStringLiteral("delete"), QStringLiteral("deployment"),
                     QStringLiteral("test-vk"), QStringLiteral("--dry-run=server")});
        QVERIFY2(deleted.exitCode == 0, qPrintable(deleted.err));
        QVERIFY2(deleted.out.contains(u"deployment.apps \"test-vk\" deleted (server dry run)"),
                 qPrintable(deleted.out));
        QCOMPARE(deployment(QStringLiteral(".spec.replicas")), replicas);
        QCOMPARE(deployment(QStringLiteral(".metadata.generation")), version);
    }

    void watchSeesCreateAndDelete()
    {
        QProcess watch;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KUBECONFIG"), m_sandbox.kubeconfig());
        watch.setProcessEnvironment(env);
        watch.start(SandboxProcess::kubectlPath(), {QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-w"),
                                QStringLiteral("--output-watch-events"), QStringLiteral("-n"),
                                QStringLiteral("payments")});
        QVERIFY(watch.waitForStarted());
        QTest::qWait(800);
        QCOMPARE(kubectl({QStringLiteral("run"), QStringLiteral("watched"),
                          QStringLiteral("--image=nginx"), QStringLiteral("-n"),
                          QStringLiteral("payments")})
                     .exitCode,
                 0);
        QCOMPARE(
            kubectl({QStringLiteral("delete"), QStringLiteral("pod"), QStringLiteral("watched"),
                     QStringLiteral("-n"), QStringLiteral("payments")})
                .exitCode,
            0);
        QString seen;
        for (int i = 0; i < 100 && !seen.contains(u"DELETED"); ++i) {
            watch.waitForReadyRead(100);
            seen += QString::fromUtf8(watch.readAllStandardOutput());
        }
        watch.kill();
        watch.waitForFinished();
        QVERIFY2(seen.contains(u"ADDED") && seen.contains(u"watched"), qPrintable(seen));
        QVERIFY2(seen.contains(u"DELETED"), qPrintable(seen));
        const Run gone =
            kubectl({QStringLiteral("get"), QStringLiteral("pod"), QStringLiteral("watched"),
                     QStringLiteral("-n"), QStringLiteral("payments")});
        QVERIFY(gone.err.contains(u"NotFound"));
    }

    void createInMissingNamespaceFails()
    {
        const Run r =
            kubectl({QStringLiteral("run"), QStringLiteral("x"), QStringLiteral("--image=nginx"),
                     QStringLiteral("-n"), QStringLiteral("nowhere")});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(u"not found"), qPrintable(r.err));
    }

    void tlsWithTokenAndClientCertificate()
    {
        QProcess tls;
        const QString kubeconfig = m_sandbox.tempPath(QStringLiteral("tls-kubeconfig"));
        tls.start(QStringLiteral(BURST_SANDBOX_PATH),
                  {QStringLiteral("--tls"), QStringLiteral("--port"), QStringLiteral("0"),
                   QStringLiteral("--kubeconfig-out"), kubeconfig});
        QVERIFY(tls.waitForStarted());
        for (int i = 0; i < 200 && !QFile::exists(kubeconfig); ++i)
            QTest::qWait(50);
        QTest::qWait(100);
        const Run token = kubectl({QStringLiteral("get"), QStringLiteral("ns")}, kubeconfig);
        QVERIFY2(token.exitCode == 0, qPrintable(token.err));
        QVERIFY(token.out.contains(u"cce-burst-sandbox"));
        const Run cert = kubectl({QStringLiteral("--context"), QStringLiteral("sandbox-cert"),
                                  QStringLiteral("get"), QStringLiteral("nodes"),
                                  QStringLiteral("-o"), QStringLiteral("name")},
                                 kubeconfig);
        QVERIFY2(cert.exitCode == 0, qPrintable(cert.err));
        QCOMPARE(cert.out.trimmed().split(u'\n').size(), 4);
        // kubectl auth whoami: the certificate's CN and O, and the restricted user by its token.
        const Run certUser = kubectl({QStringLiteral("--context"), QStringLiteral("sandbox-cert"),
                                      QStringLiteral("auth"), QStringLiteral("whoami")},
                                     kubeconfig);
        QVERIFY2(certUser.exitCode == 0, qPrintable(certUser.err));
        QVERIFY2(certUser.out.contains(u"Username    sandbox-admin"), qPrintable(certUser.out));
        QVERIFY2(certUser.out.contains(u"[system:masters system:authenticated]"),
                 qPrintable(certUser.out));
        const Run restricted =
            kubectl({QStringLiteral("--context"), QStringLiteral("sandbox-restricted"),
                     QStringLiteral("auth"), QStringLiteral("whoami")},
                    kubeconfig);
        QVERIFY2(restricted.exitCode == 0, qPrintable(restricted.err));
        QVERIFY2(restricted.out.contains(u"Username    sandbox-restricted"),
                 qPrintable(restricted.out));
        QVERIFY2(restricted.out.contains(u"[system:authenticated]"), qPrintable(restricted.out));
        tls.terminate();
        QVERIFY(tls.waitForFinished(10000));
    }
};

QTEST_GUILESS_MAIN(tst_SandboxKubectl)
#include "tst_sandboxkubectl.moc"
