#include "core/kube/apistatuserror.h"
#include "core/kube/podwait.h"

#include <QTest>

// Expected values: the Status bodies the API server sends for a pod's log and exec requests
// (pod/strategy.go LogLocation and streamLocation, the kubelet's exec), and what each means for
// a viewer opened on a pod that is starting.

namespace {

QByteArray status(int code, const char *reason, const QString &message)
{
    return QStringLiteral(R"({"kind":"Status","apiVersion":"v1","status":"Failure",)"
                          R"("message":"%1","reason":"%2","code":%3})")
        .arg(QString(message).replace(u'"', QLatin1String("\\\"")), QLatin1String(reason))
        .arg(code)
        .toUtf8();
}

} // namespace

class tst_podwait : public QObject
{
    Q_OBJECT

private slots:
    void classifies_data();
    void classifies();
    void retryDelays();
};

void tst_podwait::classifies_data()
{
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("waits");
    QTest::newRow("pod not created yet")
        << 404 << status(404, "NotFound", QStringLiteral(R"(pods "web-0" not found)")) << true;
    QTest::newRow("container creating")
        << 400
        << status(400, "BadRequest",
                  QStringLiteral(R"(container "app" in pod "web-0" is waiting to start: )"
                                 R"(ContainerCreating)"))
        << true;
    QTest::newRow("init containers running")
        << 400
        << status(400, "BadRequest",
                  QStringLiteral(R"(container "app" in pod "web-0" is waiting to start: )"
                                 R"(PodInitializing)"))
        << true;
    QTest::newRow("not scheduled")
        << 400
        << status(400, "BadRequest", QStringLiteral("pod web-0 does not have a host assigned"))
        << true;
    QTest::newRow("exec before the container runs")
        << 400 << status(400, "BadRequest", QStringLiteral(R"(container not found ("app"))"))
        << true;
    QTest::newRow("unknown container name")
        << 400
        << status(400, "BadRequest", QStringLiteral("container sidecar is not valid for pod web-0"))
        << false;
    QTest::newRow("no previous container")
        << 400
        << status(400, "BadRequest",
                  QStringLiteral(R"(previous terminated container "app" in pod "web-0" not found)"))
        << false;
    QTest::newRow("several containers, none named")
        << 400
        << status(400, "BadRequest",
                  QStringLiteral("a container name must be specified for pod web-0, choose one "
                                 "of: [app sidecar]"))
        << false;
    QTest::newRow("forbidden")
        << 403
        << status(403, "Forbidden",
                  QStringLiteral(R"(pods "web-0" is forbidden: User "u" cannot get resource )"
                                 R"("pods/log")"))
        << false;
    QTest::newRow("server error") << 500 << QByteArray("oops") << false;
}

void tst_podwait::classifies()
{
    QFETCH(int, httpStatus);
    QFETCH(QByteArray, body);
    QFETCH(bool, waits);
    const core::Error error =
        core::kube::ApiStatusError::fromResponse(httpStatus, body).toError();
    QCOMPARE(core::kube::meansPodNotStartedYet(error), waits);
    // Only the API's own words count: a transport failure never waits.
    QVERIFY(!core::kube::meansPodNotStartedYet(core::Error{
        QStringLiteral("kube.transport"), QStringLiteral("is waiting to start"), {}}));
}

void tst_podwait::retryDelays()
{
    const QList<int> expected{500, 1000, 2000, 4000, 5000, 5000};
    for (int attempt = 0; attempt < expected.size(); ++attempt)
        QCOMPARE(core::kube::podStartRetryDelayMs(attempt), expected.at(attempt));
}

QTEST_GUILESS_MAIN(tst_podwait)
#include "tst_podwait.moc"
