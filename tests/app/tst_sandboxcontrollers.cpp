#include "sandboxprocess.h"

#include <QFile>
#include <QProcess>
#include <QTest>

// burst-sandbox's controllers and kubelets, driven by the real kubectl: what a user does after
// `kubectl apply` (rollout status, set image, history, scale, delete, wait for a Job) works the
// way it does on a real cluster. The sandbox clock runs 20x so pods start within ~0.1 s.
class tst_SandboxControllers : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;
    using Run = SandboxProcess::Run;

    Run kubectl(const QStringList &args) { return m_sandbox.kubectl(args); }

    QString writeFile(const QString &name, const QByteArray &text)
    {
        const QString path = m_sandbox.tempPath(name);
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(text);
        return path;
    }

    int runningPods(const QString &selector)
    {
        const Run pods = kubectl({QStringLiteral("get"), QStringLiteral("pods"),
                                  QStringLiteral("-l"), selector, QStringLiteral("--no-headers")});
        int running = 0;
        for (const QString &line : pods.out.split(u'\n', Qt::SkipEmptyParts))
            running += line.contains(u" Running ") ? 1 : 0;
        return running;
    }

    int podLines(const QString &selector)
    {
        const Run pods = kubectl({QStringLiteral("get"), QStringLiteral("pods"),
                                  QStringLiteral("-l"), selector, QStringLiteral("--no-headers")});
        return int(pods.out.split(u'\n', Qt::SkipEmptyParts).size());
    }

    // `kubectl scale` PATCHes the autoscaling/v1 Scale of the workload (the /scale subresource).
    bool scaleTo(const QString &workload, int replicas, const QString &scaledLine)
    {
        const Run scaled = kubectl(
            {QStringLiteral("scale"), workload, QStringLiteral("--replicas=%1").arg(replicas)});
        if (scaled.exitCode != 0)
            qWarning("kubectl scale: %s", qPrintable(scaled.err));
        return scaled.exitCode == 0 && scaled.out.contains(scaledLine);
    }

private slots:
    void initTestCase()
    {
        if (SandboxProcess::kubectlPath().isEmpty())
            QSKIP("kubectl is not installed");
        const QString scenario = writeFile(
            QStringLiteral("scenario.yaml"),
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-scenario\ndata:\n  a: b\n"
            "---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: scenario-ns\n");
        QVERIFY(m_sandbox.start({QStringLiteral("--clock-speed"), QStringLiteral("20"),
                                 QStringLiteral("--scenario"), scenario}));
    }

    void cleanupTestCase() { QCOMPARE(m_sandbox.stop(), 0); }

    void startsWithExamplesAndScenario()
    {
        QCOMPARE(kubectl({QStringLiteral("get"), QStringLiteral("configmap"),
                          QStringLiteral("from-scenario")})
                     .exitCode,
                 0);
        QCOMPARE(kubectl({QStringLiteral("get"), QStringLiteral("namespace"),
                          QStringLiteral("scenario-ns")})
                     .exitCode,
                 0);
        const Run rollout =
            kubectl({QStringLiteral("rollout"), QStringLiteral("status"),
                     QStringLiteral("deployment/test-vk"), QStringLiteral("--timeout=60s")});
        QVERIFY2(rollout.exitCode == 0, qPrintable(rollout.err));
        QVERIFY(rollout.out.contains(u"deployment \"test-vk\" successfully rolled out"));
    }

    void applyThenRolloutStatus()
    {
        const QString manifest = writeFile(
            QStringLiteral("web.yaml"),
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n"
            "  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      "
            "labels:\n"
            "        app: web\n    spec:\n      containers:\n      - name: app\n        image: "
            "nginx:1.25\n");
        const Run apply = kubectl({QStringLiteral("apply"), QStringLiteral("-f"), manifest});
        QVERIFY2(apply.exitCode == 0, qPrintable(apply.err));
        QVERIFY(apply.out.contains(u"deployment.apps/web created"));
        const Run rollout =
            kubectl({QStringLiteral("rollout"), QStringLiteral("status"),
                     QStringLiteral("deployment/web"), QStringLiteral("--timeout=60s")});
        QVERIFY2(rollout.exitCode == 0, qPrintable(rollout.err));
        QVERIFY(rollout.out.contains(u"deployment \"web\" successfully rolled out"));
        QCOMPARE(runningPods(QStringLiteral("app=web")), 3);
    }

    void setImageRolloutAndHistory()
    {
        const Run set =
            kubectl({QStringLiteral("set"), QStringLiteral("image"),
                     QStringLiteral("deployment/web"), QStringLiteral("app=nginx:1.26")});
        QVERIFY2(set.exitCode == 0, qPrintable(set.err));
        const Run rollout =
            kubectl({QStringLiteral("rollout"), QStringLiteral("status"),
                     QStringLiteral("deployment/web"), QStringLiteral("--timeout=60s")});
        QVERIFY2(rollout.exitCode == 0, qPrintable(rollout.err));
        const Run history = kubectl({QStringLiteral("rollout"), QStringLiteral("history"),
                                     QStringLiteral("deployment/web")});
        QVERIFY2(history.exitCode == 0, qPrintable(history.err));
        QVERIFY(history.out.contains(u"REVISION"));
        QVERIFY(history.out.contains(u"\n1 "));
        QVERIFY(history.out.contains(u"\n2 "));
        const Run images =
            kubectl({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-l"),
                     QStringLiteral("app=web"), QStringLiteral("-o"),
                     QStringLiteral("jsonpath={.items[*].spec.containers[0].image}")});
        QCOMPARE(images.out.split(u' ', Qt::SkipEmptyParts),
                 QStringList(3, QStringLiteral("nginx:1.26")));
        const Run undo = kubectl(
            {QStringLiteral("rollout"), QStringLiteral("undo"), QStringLiteral("deployment/web")});
        QVERIFY2(undo.exitCode == 0, qPrintable(undo.err));
        QCOMPARE(kubectl({QStringLiteral("rollout"), QStringLiteral("status"),
                          QStringLiteral("deployment/web"), QStringLiteral("--timeout=60s")})
                     .exitCode,
                 0);
        const Run after = kubectl({QStringLiteral("rollout"), QStringLiteral("history"),
                                   QStringLiteral("deployment/web")});
        QVERIFY(after.out.contains(u"\n3 ")); // revision 1 came back as 3
        QVERIFY(!after.out.contains(u"\n1 "));
    }

    void scale()
    {
        const QString web = QStringLiteral("deployment/web");
        const QString scaled = QStringLiteral("deployment.apps/web scaled");
        QVERIFY(scaleTo(web, 5, scaled));
        QTRY_COMPARE_WITH_TIMEOUT(runningPods(QStringLiteral("app=web")), 5, 30000);
        const Run replicas = kubectl({QStringLiteral("get"), web, QStringLiteral("-o"),
                                      QStringLiteral("jsonpath={.spec.replicas}")});
        QCOMPARE(replicas.out, QStringLiteral("5"));
        QVERIFY(scaleTo(web, 2, scaled));
        QTRY_COMPARE_WITH_TIMEOUT(podLines(QStringLiteral("app=web")), 2, 30000);
    }

    void statefulSetScaleAndRolloutStatus()
    {
        const QString manifest = writeFile(
            QStringLiteral("db.yaml"),
            "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n"
            "  serviceName: db\n  replicas: 2\n  selector:\n    matchLabels:\n      app: db\n"
            "  template:\n    metadata:\n      labels:\n        app: db\n    spec:\n"
            "      containers:\n      - name: db\n        image: redis:7\n");
        const Run apply = kubectl({QStringLiteral("apply"), QStringLiteral("-f"), manifest});
        QVERIFY2(apply.exitCode == 0, qPrintable(apply.err));
        // The API server's defaults: rollout status needs the RollingUpdate strategy type.
        const Run strategy =
            kubectl({QStringLiteral("get"), QStringLiteral("sts/db"), QStringLiteral("-o"),
                     QStringLiteral("jsonpath={.spec.updateStrategy.type}/"
                                    "{.spec.updateStrategy.rollingUpdate."
                                    "partition}/{.spec.podManagementPolicy}")});
        QCOMPARE(strategy.out, QStringLiteral("RollingUpdate/0/OrderedReady"));
        QVERIFY(scaleTo(QStringLiteral("sts/db"), 3, QStringLiteral("statefulset.apps/db scaled")));
        const Run rollout = kubectl({QStringLiteral("rollout"), QStringLiteral("status"),
                                     QStringLiteral("sts/db"), QStringLiteral("--timeout=60s")});
        QVERIFY2(rollout.exitCode == 0, qPrintable(rollout.err));
        // kubectl's StatefulSetStatusViewer with the defaulted partition 0.
        QVERIFY2(
            rollout.out.contains(u"partitioned roll out complete: 3 new pods have been updated"),
            qPrintable(rollout.out));
        QCOMPARE(runningPods(QStringLiteral("app=db")), 3);
        QCOMPARE(kubectl({QStringLiteral("delete"), QStringLiteral("sts/db")}).exitCode, 0);
    }

    void podsWideAndDescribe()
    {
        const Run wide =
            kubectl({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-l"),
                     QStringLiteral("app=web"), QStringLiteral("-o"), QStringLiteral("wide")});
        QCOMPARE(wide.exitCode, 0);
        QVERIFY(wide.out.contains(u"idc-node-"));
        QVERIFY(wide.out.contains(u" 10.1"));
        const Run name =
            kubectl({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-l"),
                     QStringLiteral("app=web"), QStringLiteral("-o"),
                     QStringLiteral("jsonpath={.items[0].metadata.name}")});
        const Run describe =
            kubectl({QStringLiteral("describe"), QStringLiteral("pod"), name.out.trimmed()});
        QVERIFY2(describe.exitCode == 0, qPrintable(describe.err));
        for (const QString &reason :
             {QStringLiteral("Scheduled"), QStringLiteral("Pulling"), QStringLiteral("Pulled"),
              QStringLiteral("Created"), QStringLiteral("Started")})
            QVERIFY2(describe.out.contains(reason), qPrintable(reason));
        QVERIFY(describe.out.contains(u"containerd://"));
    }

    void jobCompletes()
    {
        const QString manifest = writeFile(
            QStringLiteral("job.yaml"),
            "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\nspec:\n  completions: 2\n"
            "  template:\n    metadata:\n      annotations:\n        sandbox.burst.io/run-seconds: "
            "\"3\"\n"
            "    spec:\n      restartPolicy: Never\n      containers:\n      - name: pi\n"
            "        image: perl:5.34\n");
        QCOMPARE(kubectl({QStringLiteral("apply"), QStringLiteral("-f"), manifest}).exitCode, 0);
        const Run wait =
            kubectl({QStringLiteral("wait"), QStringLiteral("--for=condition=complete"),
                     QStringLiteral("job/pi"), QStringLiteral("--timeout=60s")});
        QVERIFY2(wait.exitCode == 0, qPrintable(wait.err));
        QVERIFY(wait.out.contains(u"job.batch/pi condition met"));
        const Run succeeded =
            kubectl({QStringLiteral("get"), QStringLiteral("job"), QStringLiteral("pi"),
                     QStringLiteral("-o"), QStringLiteral("jsonpath={.status.succeeded}")});
        QCOMPARE(succeeded.out, QStringLiteral("2"));
    }

    void deleteDeploymentRemovesPods()
    {
        const Run deleted = kubectl(
            {QStringLiteral("delete"), QStringLiteral("deployment"), QStringLiteral("web")});
        QVERIFY2(deleted.exitCode == 0, qPrintable(deleted.err));
        QTRY_COMPARE_WITH_TIMEOUT(podLines(QStringLiteral("app=web")), 0, 30000);
        const Run sets = kubectl({QStringLiteral("get"), QStringLiteral("rs"), QStringLiteral("-l"),
                                  QStringLiteral("app=web"), QStringLiteral("--no-headers")});
        QCOMPARE(sets.out.trimmed(), QString());
    }

    void badScenarioIsExitCode2()
    {
        const QString bad =
            writeFile(QStringLiteral("bad.yaml"),
                      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [oops\n");
        QProcess process;
        process.start(
            QStringLiteral(BURST_SANDBOX_PATH),
            {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--scenario"), bad});
        QVERIFY(process.waitForFinished(20000));
        QCOMPARE(process.exitCode(), 2);
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(err.contains(QRegularExpression(QStringLiteral("bad\\.yaml:\\d+:\\d+: "))),
                 qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(tst_SandboxControllers)
#include "tst_sandboxcontrollers.moc"
