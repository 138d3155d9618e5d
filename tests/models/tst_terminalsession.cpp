#include "models/terminalsession.h"

#include "core/kube/apiclient.h"
#include "tests/common/signalbytes.h"
#include "tests/models/execsandbox.h"

#include <QSignalSpy>
#include <QTest>

using models::TerminalSession;

namespace {

using tests::joined;

} // namespace

// An interactive shell against the sandbox's exec (core/sandbox/node/README.md: images with
// alpine or busybox have no bash and answer as runc does, exit code 126).
class tst_TerminalSession : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_sandbox.started()); }

    void shellFallback_data()
    {
        QTest::addColumn<QString>("pod");
        QTest::addColumn<QString>("container");
        QTest::addColumn<QString>("shell");
        QTest::addColumn<QByteArray>("prompt");
        QTest::newRow("bash present") << "web" << "" << "bash" << QByteArray("root@web:/# ");
        QTest::newRow("bash missing: sh") << "tiny" << "" << "sh" << QByteArray("/ # ");
        QTest::newRow("a container of two") << "two" << "sidecar" << "sh" << QByteArray("/ # ");
    }

    void shellFallback()
    {
        QFETCH(QString, pod);
        QFETCH(QString, container);
        QFETCH(QString, shell);
        QFETCH(QByteArray, prompt);
        core::kube::ApiClient client(m_sandbox.connection());
        TerminalSession session(&client, QStringLiteral("shop"), pod, container);
        QSignalSpy output(&session, &TerminalSession::output);
        QSignalSpy started(&session, &TerminalSession::started);
        session.start();
        QTRY_VERIFY(joined(output).endsWith(prompt));
        QCOMPARE(session.shell(), shell);
        QCOMPARE(started.constLast().constFirst().toString(), shell);
        // Nothing of the failed bash attempt reaches the terminal.
        QVERIFY2(!joined(output).contains("OCI runtime"), joined(output).constData());
        QCOMPARE(joined(output), prompt);
        session.write("echo hello\r");
        QTRY_VERIFY(joined(output).contains(QByteArray(QByteArray("hello\r\n") + prompt)));
    }

    void exitCode_data()
    {
        QTest::addColumn<QByteArray>("typed");
        QTest::addColumn<int>("code");
        QTest::newRow("exit 3") << QByteArray("exit 3\r") << 3;
        QTest::newRow("exit") << QByteArray("exit\r") << 0;
        QTest::newRow("Ctrl+D after false") << QByteArray("false\r\x04") << 1;
    }

    void exitCode()
    {
        QFETCH(QByteArray, typed);
        QFETCH(int, code);
        core::kube::ApiClient client(m_sandbox.connection());
        TerminalSession session(&client, QStringLiteral("shop"), QStringLiteral("web"), {});
        QSignalSpy finished(&session, &TerminalSession::finished);
        session.start();
        session.write(typed); // before the exec opened: sent once it does
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.constFirst().at(0).toInt(), code);
        QCOMPARE(session.exitCode(), code);
        QCOMPARE(session.state(), TerminalSession::State::Finished);
        QCOMPARE(session.shell(), QStringLiteral("bash")); // a user's exit is no fallback
    }

    void resizeReachesTheSandbox()
    {
        core::kube::ApiClient client(m_sandbox.connection());
        TerminalSession session(&client, QStringLiteral("shop"), QStringLiteral("web"), {});
        QSignalSpy output(&session, &TerminalSession::output);
        session.resize(120, 30); // before it opened
        session.start();
        QTRY_VERIFY(joined(output).endsWith("# "));
        session.write("stty size\r");
        QTRY_VERIFY(joined(output).contains("30 120\r\n"));
        session.resize(90, 25);
        session.write("tput cols; tput lines\r");
        QTRY_VERIFY(joined(output).contains("90\r\n25\r\n"));
    }

    void refusal()
    {
        core::kube::ApiClient client(m_sandbox.connection());
        TerminalSession session(&client, QStringLiteral("shop"), QStringLiteral("two"),
                                QStringLiteral("db"));
        QSignalSpy failed(&session, &TerminalSession::failed);
        session.start();
        QTRY_COMPARE(failed.size(), 1);
        QVERIFY2(failed.constFirst().constFirst().toString().contains(u"container db is not valid"),
                 qPrintable(failed.constFirst().constFirst().toString()));
        QCOMPARE(session.state(), TerminalSession::State::Failed);
    }

    // Opened on a pod that does not exist yet (--exec on a pod being created): the session
    // waits, says why, and opens the shell once the pod runs.
    void waitsForAPodThatIsStarting()
    {
        core::kube::ApiClient client(m_sandbox.connection());
        TerminalSession session(&client, QStringLiteral("shop"), QStringLiteral("late"), {});
        QSignalSpy output(&session, &TerminalSession::output);
        QSignalSpy failed(&session, &TerminalSession::failed);
        session.start();
        QTRY_COMPARE(session.state(), TerminalSession::State::Waiting);
        QVERIFY2(session.waitReason().contains(u"not found"), qPrintable(session.waitReason()));
        QTest::qWait(1200); // retries meanwhile keep it waiting
        QCOMPARE(session.state(), TerminalSession::State::Waiting);
        m_sandbox.addPod(QStringLiteral("late"),
                         {{QStringLiteral("app"), QStringLiteral("nginx:1.25")}});
        QTRY_VERIFY_WITH_TIMEOUT(joined(output).endsWith("root@late:/# "), 10000);
        QCOMPARE(session.state(), TerminalSession::State::Running);
        QCOMPARE(session.shell(), QStringLiteral("bash"));
        QVERIFY(session.waitReason().isEmpty());
        QCOMPARE(failed.size(), 0);
    }

    void missingProgram_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::addColumn<bool>("missing");
        QTest::newRow("126") << 126 << QString() << true;
        QTest::newRow("127") << 127 << QString() << true;
        QTest::newRow("exit 1") << 1 << QString() << false;
        QTest::newRow("containerd, no tty")
            << -1
            << "Internal error occurred: error executing command in container: failed to exec "
               "in container: failed to start exec \"f0\": OCI runtime exec failed: exec failed: "
               "unable to start container process: exec: \"bash\": executable file not found "
               "in $PATH: unknown"
            << true;
        QTest::newRow("old runc") << -1
                                  << "exec: \"/bin/bash\": stat /bin/bash: no such file or "
                                     "directory"
                                  << true;
        QTest::newRow("forbidden") << -1 << "pods \"x\" is forbidden" << false;
    }

    void missingProgram()
    {
        QFETCH(int, code);
        QFETCH(QString, message);
        QFETCH(bool, missing);
        QCOMPARE(TerminalSession::isMissingProgram(code, message, {}), missing);
    }

private:
    ExecSandbox m_sandbox;
};

QTEST_GUILESS_MAIN(tst_TerminalSession)
#include "tst_terminalsession.moc"
