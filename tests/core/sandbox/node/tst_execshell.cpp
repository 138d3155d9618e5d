#include "core/sandbox/node/execshell.h"

#include <QTest>

using namespace core::sandbox;

// The simulated container shell: command lines in, stdout/stderr/status out. Expected output is
// what busybox sh (the shell of most slim images) prints for the same line.
class tst_ExecShell : public QObject
{
    Q_OBJECT

private:
    static ExecContext context()
    {
        ExecContext c;
        c.podName = QStringLiteral("web-7d4b9c-x2x9q");
        c.nameSpace = QStringLiteral("payments");
        c.podIp = QStringLiteral("172.16.0.9");
        c.image = QStringLiteral("alpine:3.19");
        c.env = {{QStringLiteral("GREETING"), QStringLiteral("hello")},
                 {QStringLiteral("MODE"), QStringLiteral("burst")}};
        c.now = QDateTime(QDate(2026, 11, 5), QTime(9, 4, 7), Qt::UTC);
        return c;
    }

private slots:
    void lines_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QByteArray>("out");
        QTest::addColumn<QByteArray>("err");
        QTest::addColumn<int>("status");
        QTest::newRow("echo") << "echo hello world" << QByteArray("hello world\n") << QByteArray()
                              << 0;
        QTest::newRow("echo -n") << "echo -n hi" << QByteArray("hi") << QByteArray() << 0;
        QTest::newRow("env var") << "echo $GREETING ${MODE}!" << QByteArray("hello burst!\n")
                                 << QByteArray() << 0;
        QTest::newRow("single quotes keep $")
            << "echo '$GREETING'" << QByteArray("$GREETING\n") << QByteArray() << 0;
        QTest::newRow("double quotes expand")
            << "echo \"a  $MODE\"" << QByteArray("a  burst\n") << QByteArray() << 0;
        QTest::newRow("unset var") << "echo x${NOPE}y" << QByteArray("xy\n") << QByteArray() << 0;
        QTest::newRow("hostname") << "hostname" << QByteArray("web-7d4b9c-x2x9q\n") << QByteArray()
                                  << 0;
        QTest::newRow("printenv one")
            << "printenv MODE" << QByteArray("burst\n") << QByteArray() << 0;
        QTest::newRow("printenv missing") << "printenv NOPE" << QByteArray() << QByteArray() << 1;
        QTest::newRow("cat hostname")
            << "cat /etc/hostname" << QByteArray("web-7d4b9c-x2x9q\n") << QByteArray() << 0;
        QTest::newRow("cat missing")
            << "cat /nope" << QByteArray()
            << QByteArray("cat: can't open '/nope': No such file or directory\n") << 1;
        QTest::newRow("ls /etc") << "ls /etc"
                                 << QByteArray("hostname\nhosts\nos-release\npasswd\nresolv.conf\n")
                                 << QByteArray() << 0;
        QTest::newRow("ls missing") << "ls /nope" << QByteArray()
                                    << QByteArray("ls: /nope: No such file or directory\n") << 1;
        QTest::newRow("pwd") << "pwd" << QByteArray("/\n") << QByteArray() << 0;
        QTest::newRow("whoami") << "whoami" << QByteArray("root\n") << QByteArray() << 0;
        QTest::newRow("id") << "id"
                            << QByteArray("uid=0(root) gid=0(root) groups=0(root),10(wheel)\n")
                            << QByteArray() << 0;
        QTest::newRow("date") << "date" << QByteArray("Thu Nov  5 09:04:07 UTC 2026\n")
                              << QByteArray() << 0;
        QTest::newRow("true") << "true" << QByteArray() << QByteArray() << 0;
        QTest::newRow("false") << "false" << QByteArray() << QByteArray() << 1;
        QTest::newRow("exit 3") << "exit 3" << QByteArray() << QByteArray() << 3;
        QTest::newRow("exit stops the list")
            << "echo a; exit 4; echo b" << QByteArray("a\n") << QByteArray() << 4;
        QTest::newRow("sequence") << "echo a; echo b" << QByteArray("a\nb\n") << QByteArray() << 0;
        QTest::newRow("and short-circuits")
            << "false && echo no" << QByteArray() << QByteArray() << 1;
        QTest::newRow("or runs on failure")
            << "false || echo yes" << QByteArray("yes\n") << QByteArray() << 0;
        QTest::newRow("and runs on success")
            << "true && echo yes" << QByteArray("yes\n") << QByteArray() << 0;
        QTest::newRow("status variable")
            << "false; echo $?" << QByteArray("1\n") << QByteArray() << 0;
        QTest::newRow("not found")
            << "kubectl get pods" << QByteArray() << QByteArray("sh: kubectl: not found\n") << 127;
        QTest::newRow("sh -c nests")
            << "sh -c 'echo in; exit 5'; echo $?" << QByteArray("in\n5\n") << QByteArray() << 0;
        QTest::newRow("comment") << "echo a # echo b" << QByteArray("a\n") << QByteArray() << 0;
        QTest::newRow("unterminated quote")
            << "echo 'oops" << QByteArray()
            << QByteArray("sh: syntax error: unterminated quoted string\n") << 2;
        QTest::newRow("sleep bad")
            << "sleep x" << QByteArray() << QByteArray("sleep: invalid number 'x'\n") << 1;
    }

    void lines()
    {
        QFETCH(QString, line);
        QFETCH(QByteArray, out);
        QFETCH(QByteArray, err);
        QFETCH(int, status);
        ExecShell shell(context());
        const ExecResult r = shell.runLine(line);
        QCOMPARE(r.out, out);
        QCOMPARE(r.err, err);
        QCOMPARE(r.exitCode, status);
    }

    void argvWithoutShell_data()
    {
        QTest::addColumn<QStringList>("argv");
        QTest::addColumn<QByteArray>("out");
        QTest::addColumn<int>("status");
        // kubectl exec POD -- echo '$GREETING': no shell, so nothing is expanded.
        QTest::newRow("echo literal")
            << QStringList{QStringLiteral("echo"), QStringLiteral("$GREETING")}
            << QByteArray("$GREETING\n") << 0;
        QTest::newRow("sh -c exit 3")
            << QStringList{QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("exit 3")}
            << QByteArray() << 3;
        QTest::newRow("/bin/sh -c echo")
            << QStringList{QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                           QStringLiteral("echo $MODE")}
            << QByteArray("burst\n") << 0;
        QTest::newRow("full path") << QStringList{QStringLiteral("/bin/hostname")}
                                   << QByteArray("web-7d4b9c-x2x9q\n") << 0;
    }

    void argvWithoutShell()
    {
        QFETCH(QStringList, argv);
        QFETCH(QByteArray, out);
        QFETCH(int, status);
        ExecShell shell(context());
        const ExecResult r = shell.runArgv(argv);
        QCOMPARE(r.out, out);
        QCOMPARE(r.exitCode, status);
    }

    void sleepAndExit()
    {
        ExecShell shell(context());
        const ExecResult slept = shell.runLine(QStringLiteral("sleep 2; sleep 0.5; date"));
        QCOMPARE(slept.sleepMs, 2500);
        QCOMPARE(slept.out, QByteArray("Thu Nov  5 09:04:09 UTC 2026\n")); // after the sleeps
        QVERIFY(!slept.exited);
        const ExecResult exited = shell.runLine(QStringLiteral("exit"));
        QVERIFY(exited.exited);
        QCOMPARE(exited.exitCode, 0);
    }

    void files()
    {
        ExecShell shell(context());
        const QByteArray hosts = shell.runLine(QStringLiteral("cat /etc/hosts")).out;
        QVERIFY(hosts.startsWith("# Kubernetes-managed hosts file.\n"));
        QVERIFY(hosts.endsWith("172.16.0.9\tweb-7d4b9c-x2x9q\n"));
        QCOMPARE(shell.runLine(QStringLiteral("cat /etc/resolv.conf")).out.split('\n').at(0),
                 QByteArray("search payments.svc.cluster.local svc.cluster.local cluster.local"));
        QVERIFY(shell.runLine(QStringLiteral("cat /etc/os-release")).out.contains("ID=alpine"));
        QVERIFY(shell.runLine(QStringLiteral("cat /proc/cpuinfo")).out.contains("processor\t: 1"));
        const QByteArray env = shell.runLine(QStringLiteral("env")).out;
        QVERIFY(env.contains("HOSTNAME=web-7d4b9c-x2x9q\n"));
        QVERIFY(env.contains("GREETING=hello\n"));
    }

    void interactiveShells_data()
    {
        QTest::addColumn<QStringList>("argv");
        QTest::addColumn<bool>("interactive");
        QTest::newRow("sh") << QStringList{QStringLiteral("sh")} << true;
        QTest::newRow("/bin/bash") << QStringList{QStringLiteral("/bin/bash")} << true;
        QTest::newRow("sh -c") << QStringList{QStringLiteral("sh"), QStringLiteral("-c"),
                                              QStringLiteral("ls")}
                               << false;
        QTest::newRow("echo") << QStringList{QStringLiteral("echo")} << false;
    }

    void interactiveShells()
    {
        QFETCH(QStringList, argv);
        QFETCH(bool, interactive);
        QCOMPARE(ExecShell::isInteractiveShell(argv), interactive);
    }
};

QTEST_GUILESS_MAIN(tst_ExecShell)
#include "tst_execshell.moc"
