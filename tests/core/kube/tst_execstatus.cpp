#include "core/kube/execstatus.h"

#include <QStringList>
#include <QTest>

// Expected values: the channel-3 metav1.Status shapes the kubelet sends (remotecommand: Success;
// Failure/NonZeroExitCode with details.causes[reason=ExitCode]; other reasons are errors).

namespace {

const QByteArray kSuccess = R"({"metadata":{},"status":"Success"})";

QByteArray nonZeroExit(const QStringList &command, int code)
{
    return QStringLiteral(
               R"({"metadata":{},"status":"Failure","message":"command terminated with non-zero )"
               R"(exit code: error executing command [%1], exit code %2","reason":)"
               R"("NonZeroExitCode","details":{"causes":[{"reason":"ExitCode","message":"%2"}]}})")
        .arg(command.join(u' '))
        .arg(code)
        .toUtf8();
}

} // namespace

class tst_execstatus : public QObject
{
    Q_OBJECT

private slots:
    void decodesStatus_data();
    void decodesStatus();
};

void tst_execstatus::decodesStatus_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("errorCode");
    QTest::newRow("success") << kSuccess << 0 << QString();
    QTest::newRow("exit 127") << nonZeroExit({QStringLiteral("nope")}, 127) << 127 << QString();
    QTest::newRow("internal error")
        << QByteArray(R"json({"metadata":{},"status":"Failure","message":"container not )json"
                      R"json(found (\"app\")","reason":"InternalError","code":500})json")
        << -1 << QStringLiteral("kube.InternalError");
    QTest::newRow("not JSON") << QByteArray("boom") << -1 << QStringLiteral("exec.badStatus");
}

void tst_execstatus::decodesStatus()
{
    QFETCH(QByteArray, payload);
    QFETCH(int, exitCode);
    QFETCH(QString, errorCode);
    const core::Result<core::kube::ExecExit> exit = core::kube::decodeExecStatus(payload);
    QCOMPARE(exit.ok(), errorCode.isEmpty());
    if (exit)
        QCOMPARE(exit->exitCode, exitCode);
    else
        QCOMPARE(exit.error().code, errorCode);
}

QTEST_GUILESS_MAIN(tst_execstatus)
#include "tst_execstatus.moc"
