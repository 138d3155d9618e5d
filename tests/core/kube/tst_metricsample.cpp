#include "core/kube/metricsample.h"

#include <QJsonDocument>
#include <QTest>

using namespace core::kube;

class TestMetricSample : public QObject
{
    Q_OBJECT
private slots:
    void pod_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error"); // the error code, empty when it parses
        QTest::addColumn<qint64>("cpuMilli");
        QTest::addColumn<qint64>("memoryBytes");
        QTest::addColumn<int>("containers");
        QTest::newRow("metrics-server") << QByteArray(R"({"kind":"PodMetrics","timestamp":"2026-01-01T10:00:00Z","window":"10.5s",
            "containers":[{"name":"app","usage":{"cpu":"150000000n","memory":"52428800"}},
                          {"name":"sidecar","usage":{"cpu":"5m","memory":"10Mi"}}]})")
                                        << QString() << qint64(155) << qint64(62914560) << 2;
        QTest::newRow("sub-millicore rounds up") << QByteArray(R"({"timestamp":"2026-01-01T10:00:00Z",
            "containers":[{"name":"a","usage":{"cpu":"1n","memory":"1Ki"}}]})")
                                                 << QString() << qint64(1) << qint64(1024) << 1;
        QTest::newRow("no containers") << QByteArray(R"({"timestamp":"2026-01-01T10:00:00.123Z","containers":[]})")
                                       << QString() << qint64(0) << qint64(0) << 0;
        QTest::newRow("no timestamp") << QByteArray(R"({"containers":[]})")
                                      << QStringLiteral("metrics.timestamp") << qint64(0) << qint64(0) << 0;
        QTest::newRow("bad quantity") << QByteArray(R"({"timestamp":"2026-01-01T10:00:00Z",
            "containers":[{"name":"a","usage":{"cpu":"lots"}}]})")
                                      << QStringLiteral("metrics.field") << qint64(0) << qint64(0) << 0;
        QTest::newRow("number, not text") << QByteArray(R"({"timestamp":"2026-01-01T10:00:00Z",
            "containers":[{"name":"a","usage":{"memory":5}}]})")
                                          << QStringLiteral("metrics.field") << qint64(0) << qint64(0) << 0;
        QTest::newRow("negative") << QByteArray(R"({"timestamp":"2026-01-01T10:00:00Z",
            "containers":[{"name":"a","usage":{"memory":"-1"}}]})")
                                  << QStringLiteral("metrics.field") << qint64(0) << qint64(0) << 0;
    }
    void pod()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        const auto sample = parsePodMetrics(QJsonDocument::fromJson(json).object());
        QCOMPARE(sample.ok(), error.isEmpty());
        if (!error.isEmpty()) {
            QCOMPARE(sample.error().code, error);
            if (error == u"metrics.field")
                QVERIFY2(sample.error().message.contains(QStringLiteral("containers[0].usage.")),
                         qPrintable(sample.error().message));
            return;
        }
        QTEST(sample.value().total.cpuMilli, "cpuMilli");
        QTEST(sample.value().total.memoryBytes, "memoryBytes");
        QTEST(int(sample.value().containers.size()), "containers");
        QVERIFY(sample.value().timestamp.isValid());
    }

    void node()
    {
        const auto sample = parseNodeMetrics(QJsonDocument::fromJson(
            R"({"kind":"NodeMetrics","timestamp":"2026-01-01T10:00:00Z","window":"20s",
                "usage":{"cpu":"1500m","memory":"4Gi"}})").object());
        QVERIFY(sample.ok());
        QCOMPARE(sample.value().total, (ResourceUsage{1500, qint64(4) << 30}));
        QVERIFY(sample.value().containers.isEmpty());
        QVERIFY(!parseNodeMetrics(QJsonDocument::fromJson(
                                      R"({"timestamp":"x","usage":{}})").object())
                     .ok());
    }
};

QTEST_APPLESS_MAIN(TestMetricSample)
#include "tst_metricsample.moc"
