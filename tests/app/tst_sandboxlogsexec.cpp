#include "sandboxprocess.h"

#include <QDateTime>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

// kubectl logs, exec, top and authentication against burst-sandbox --tls (kubectl sends
// credentials over TLS only). Expected output is kubectl's own wording for each case.
class tst_SandboxLogsExec : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;
    using Run = SandboxProcess::Run;

    Run kubectl(const QStringList &args) { return m_sandbox.kubectl(args); }

    // kubectl with bytes on its standard input (exec -i).
    Run kubectlWithInput(const QStringList &args, const QByteArray &input)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KUBECONFIG"), m_sandbox.kubeconfig());
        p.setProcessEnvironment(env);
        p.start(SandboxProcess::kubectlPath(), args);
        if (!p.waitForStarted())
            return {};
        p.write(input);
        p.closeWriteChannel();
        if (!p.waitForFinished(30000)) {
            p.kill();
            p.waitForFinished();
            return {};
        }
        return Run{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                   QString::fromUtf8(p.readAllStandardError())};
    }

    void startKubectl(QProcess &p, const QStringList &args)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KUBECONFIG"), m_sandbox.kubeconfig());
        p.setProcessEnvironment(env);
        p.start(SandboxProcess::kubectlPath(), args);
    }

    static QString manifest()
    {
        // 50 lines per second so a follow sees new lines within a fraction of a second.
        return QStringLiteral(R"(apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations:
    sandbox.burst.io/log-lines-per-second: "50"
spec:
  nodeName: idc-node-1
  containers:
  - name: app
    image: nginx:1.25
    env: [{name: MODE, value: burst}]
  - name: side
    image: busybox:1.36
)");
    }

    static QString statusPatch(const QString &started)
    {
        return QStringLiteral(
                   R"({"status":{"phase":"Running","containerStatuses":[)"
                   R"({"name":"app","restartCount":0,"state":{"running":{"startedAt":"%1"}}},)"
                   R"({"name":"side","restartCount":1,"state":{"running":{"startedAt":"%1"}},)"
                   R"("lastState":{"terminated":{"startedAt":"2026-11-25T10:00:00Z",)"
                   R"("finishedAt":"2026-11-25T10:00:05Z","exitCode":1}}}]}})")
            .arg(started);
    }

private slots:
    void initTestCase()
    {
        if (SandboxProcess::kubectlPath().isEmpty())
            QSKIP("kubectl is not installed");
        QVERIFY(m_sandbox.start(
            {QStringLiteral("--tls"), QStringLiteral("--token"), QStringLiteral("extra-token")}));
        QFile file(m_sandbox.tempPath(QStringLiteral("web.yaml")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(manifest().toUtf8());
        file.close();
        const Run created =
            kubectl({QStringLiteral("create"), QStringLiteral("-f"), file.fileName()});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        const QString started = QDateTime::currentDateTimeUtc().addSecs(-10).toString(Qt::ISODate);
        const Run patched =
            kubectl({QStringLiteral("patch"), QStringLiteral("pod"), QStringLiteral("web"),
                     QStringLiteral("--subresource=status"), QStringLiteral("--type=merge"),
                     QStringLiteral("-p"), statusPatch(started)});
        QVERIFY2(patched.exitCode == 0, qPrintable(patched.err));
    }

    void cleanupTestCase() { QCOMPARE(m_sandbox.stop(), 0); }

    void logs_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("lines");
        QTest::addColumn<QString>("pattern");
        const QString access =
            QStringLiteral(R"(^\S+ - - \[[^\]]+\] "[A-Z]+ \S+ HTTP/1\.1" \d{3} \d+ )");
        QTest::newRow("tail") << QStringList{QStringLiteral("--tail=3")} << 3 << access;
        QTest::newRow("-c side, timestamps")
            << QStringList{QStringLiteral("-c"), QStringLiteral("side"), QStringLiteral("--tail=2"),
                           QStringLiteral("--timestamps")}
            << 2 << QStringLiteral(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z \S)");
        QTest::newRow("previous instance") // 5 s at 50 lines/s, both ends included
            << QStringList{QStringLiteral("-c"), QStringLiteral("side"),
                           QStringLiteral("--previous")}
            << 251 << QStringLiteral("^2026-11-25T10:00:0");
        QTest::newRow("limit bytes")
            << QStringList{QStringLiteral("--limit-bytes=12")} << 1 << QStringLiteral("^.{12}$");
    }

    void logs()
    {
        QFETCH(QStringList, args);
        QFETCH(int, lines);
        QFETCH(QString, pattern);
        const Run r = kubectl(QStringList{QStringLiteral("logs"), QStringLiteral("web")} + args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QStringList got = r.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(got.size(), lines);
        const QRegularExpression re(pattern);
        for (const QString &line : got)
            QVERIFY2(re.match(line).hasMatch(), qPrintable(line));
    }

    void logsErrors()
    {
        const Run previous =
            kubectl({QStringLiteral("logs"), QStringLiteral("web"), QStringLiteral("-c"),
                     QStringLiteral("app"), QStringLiteral("--previous")});
        QCOMPARE(previous.exitCode, 1);
        QVERIFY2(previous.err.contains(u"Error from server (BadRequest): previous terminated "
                                       u"container \"app\" in pod \"web\" not found"),
                 qPrintable(previous.err));
        // Without -c kubectl picks the first container itself and says so.
        const Run defaulted =
            kubectl({QStringLiteral("logs"), QStringLiteral("web"), QStringLiteral("--tail=1")});
        QCOMPARE(defaulted.exitCode, 0);
        QVERIFY(defaulted.err.contains(u"Defaulted container \"app\" out of: app, side"));
    }

    void logsFollow()
    {
        QProcess follow;
        startKubectl(follow,
                     {QStringLiteral("logs"), QStringLiteral("-f"), QStringLiteral("web"),
                      QStringLiteral("-c"), QStringLiteral("app"), QStringLiteral("--tail=0")});
        QVERIFY(follow.waitForStarted());
        QByteArray seen;
        for (int i = 0; i < 100 && seen.count('\n') < 20; ++i) {
            follow.waitForReadyRead(100);
            seen += follow.readAllStandardOutput();
        }
        const qsizetype first = seen.count('\n');
        QVERIFY2(first >= 20, seen.constData());
        for (int i = 0; i < 20 && seen.count('\n') < first + 10; ++i) {
            follow.waitForReadyRead(100);
            seen += follow.readAllStandardOutput();
        }
        QVERIFY(seen.count('\n') >= first + 10); // still arriving
        QCOMPARE(follow.state(), QProcess::Running);
        follow.kill();
        follow.waitForFinished();
    }

    void exec_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("out");
        QTest::addColumn<QString>("err");
        QTest::newRow("echo hello")
            << QStringList{QStringLiteral("echo"), QStringLiteral("hello")} << 0 << "hello\n"
            << QString();
        QTest::newRow("exit 3") << QStringList{QStringLiteral("sh"), QStringLiteral("-c"),
                                               QStringLiteral("exit 3")}
                                << 3 << QString() << "command terminated with exit code 3";
        QTest::newRow("env") << QStringList{QStringLiteral("sh"), QStringLiteral("-c"),
                                            QStringLiteral("echo $MODE")}
                             << 0 << "burst\n"
                             << QString();
        QTest::newRow("not found")
            << QStringList{QStringLiteral("nope")} << 127 << QString() << "sh: nope: not found";
    }

    void exec()
    {
        QFETCH(QStringList, command);
        QFETCH(int, exitCode);
        QFETCH(QString, out);
        QFETCH(QString, err);
        const Run r =
            kubectl(QStringList{QStringLiteral("exec"), QStringLiteral("web"), QStringLiteral("-c"),
                                QStringLiteral("app"), QStringLiteral("--")} +
                    command);
        QCOMPARE(r.exitCode, exitCode);
        if (!out.isEmpty())
            QCOMPARE(r.out, out);
        QVERIFY2(r.err.contains(err), qPrintable(r.err));
    }

    void execInteractive()
    {
        const Run r =
            kubectlWithInput({QStringLiteral("exec"), QStringLiteral("-i"), QStringLiteral("web"),
                              QStringLiteral("-c"), QStringLiteral("app"), QStringLiteral("--"),
                              QStringLiteral("sh")},
                             "echo one\nhostname\ncat /etc/hostname\n");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out, QStringLiteral("one\nweb\nweb\n"));
    }

    // `kubectl run -i --rm`: the pod is created, kubectl attaches to its main process once it
    // runs, then deletes it. A shell reads the input; a command the shell knows runs once.
    void runAttach_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("out");
        QTest::newRow("a shell") << QStringList{QStringLiteral("dbg"),
                                                QStringLiteral("--image=busybox:1.36"),
                                                QStringLiteral("--"), QStringLiteral("sh")}
                                 << QByteArray("echo hello from $HOSTNAME\nexit\n")
                                 << QStringLiteral("hello from dbg\n");
        QTest::newRow("a command")
            << QStringList{QStringLiteral("once"),      QStringLiteral("--image=busybox"),
                           QStringLiteral("--command"), QStringLiteral("--"),
                           QStringLiteral("echo"),      QStringLiteral("hi")}
            << QByteArray() << QStringLiteral("hi\n");
        QTest::newRow("the image's shell")
            << QStringList{QStringLiteral("plain"), QStringLiteral("--image=alpine")}
            << QByteArray("hostname\n") << QStringLiteral("plain\n");
    }

    void runAttach()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, input);
        QFETCH(QString, out);
        const Run r = kubectlWithInput(QStringList{QStringLiteral("run"), QStringLiteral("-i"),
                                                   QStringLiteral("--rm"),
                                                   QStringLiteral("--pod-running-timeout=60s")} +
                                           args,
                                       input);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(!r.err.contains(u"falling back"), qPrintable(r.err)); // attached, not logs
        QVERIFY2(r.out.startsWith(out), qPrintable(r.out));
        QVERIFY2(r.out.contains(u"pod \"" + args.first() + u"\" deleted"), qPrintable(r.out));
    }

    // kubectl debug: an ephemeral container joins the running pod, starts, and its shell
    // reads the input; the pod keeps it; a second one with a taken name is refused.
    void debugWithAnEphemeralContainer()
    {
        const Run debug = kubectlWithInput(
            {QStringLiteral("debug"), QStringLiteral("-i"), QStringLiteral("web"),
             QStringLiteral("--image=busybox:1.36"), QStringLiteral("--container=dbg"),
             QStringLiteral("--profile=general")},
            "echo debugging $HOSTNAME\nexit\n");
        QVERIFY2(debug.exitCode == 0, qPrintable(debug.err));
        QVERIFY2(debug.out.contains(u"debugging web\n"), qPrintable(debug.out + debug.err));
        const Run pod = kubectl({QStringLiteral("get"), QStringLiteral("pod"),
                                 QStringLiteral("web"), QStringLiteral("-o"),
                                 QStringLiteral("jsonpath={.spec.ephemeralContainers[0].name} "
                                                "{.status.ephemeralContainerStatuses[0].name}")});
        QCOMPARE(pod.out, QStringLiteral("dbg dbg"));
        const Run taken = kubectl(
            {QStringLiteral("debug"), QStringLiteral("web"), QStringLiteral("--image=busybox"),
             QStringLiteral("--container=app"), QStringLiteral("--profile=general")});
        QCOMPARE(taken.exitCode, 1);
        QVERIFY2(taken.err.contains(u"Duplicate value: \"app\""), qPrintable(taken.err));
    }

    void top()
    {
        const Run pods =
            kubectl({QStringLiteral("top"), QStringLiteral("pods"), QStringLiteral("-A")});
        QVERIFY2(pods.exitCode == 0, qPrintable(pods.err));
        QVERIFY(pods.out.startsWith(u"NAMESPACE"));
        QVERIFY(pods.out.contains(u"CPU(cores)"));
        QVERIFY(QRegularExpression(QStringLiteral(R"(default\s+web\s+\d+m\s+\d+Mi)"))
                    .match(pods.out)
                    .hasMatch());
        const Run nodes = kubectl({QStringLiteral("top"), QStringLiteral("nodes")});
        QVERIFY2(nodes.exitCode == 0, qPrintable(nodes.err));
        const QStringList rows = nodes.out.trimmed().split(u'\n');
        QCOMPARE(rows.size(), 5); // header + 3 IDC nodes + virtual-kubelet
        QVERIFY(rows.first().contains(u"CPU%"));
    }

    void authentication()
    {
        const Run wrong = kubectl(
            {QStringLiteral("--token=wrong"), QStringLiteral("get"), QStringLiteral("pods")});
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY2(wrong.err.contains(u"error: You must be logged in to the server (Unauthorized)"),
                 qPrintable(wrong.err));
        const Run extra = kubectl(
            {QStringLiteral("--token=extra-token"), QStringLiteral("get"), QStringLiteral("pods")});
        QVERIFY2(extra.exitCode == 0, qPrintable(extra.err));
        QVERIFY(extra.out.contains(u"web"));
    }

    void watchWithAuthentication()
    {
        QProcess watch;
        startKubectl(watch, {QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-w"),
                             QStringLiteral("--output-watch-events")});
        QVERIFY(watch.waitForStarted());
        QTest::qWait(800);
        QCOMPARE(kubectl({QStringLiteral("run"), QStringLiteral("watched"),
                          QStringLiteral("--image=nginx")})
                     .exitCode,
                 0);
        QString seen;
        for (int i = 0; i < 100 && !seen.contains(u"watched"); ++i) {
            watch.waitForReadyRead(100);
            seen += QString::fromUtf8(watch.readAllStandardOutput());
        }
        watch.kill();
        watch.waitForFinished();
        QVERIFY2(seen.contains(u"ADDED") && seen.contains(u"watched"), qPrintable(seen));
    }
};

QTEST_GUILESS_MAIN(tst_SandboxLogsExec)
#include "tst_sandboxlogsexec.moc"
