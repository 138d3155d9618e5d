#include "core/kube/podlogoptions.h"

#include <QTest>

// Expected values: what kubectl 1.32 sends for --since (checked against a recording server:
// --since=1.5s -> sinceSeconds=2, --since=500ms -> 1) and Go's time.ParseDuration grammar.

class tst_podlogoptions : public QObject
{
    Q_OBJECT

private slots:
    void sinceDuration_data();
    void sinceDuration();
    void sortableTimestamp_data();
    void sortableTimestamp();
};

void tst_podlogoptions::sinceDuration_data()
{
    // Go's time.ParseDuration, then kubectl's Round(time.Second) (halves away from zero).
    QTest::addColumn<QString>("since");
    QTest::addColumn<qint64>("seconds");
    QTest::newRow("5m") << QStringLiteral("5m") << qint64(300);
    QTest::newRow("1h30m") << QStringLiteral("1h30m") << qint64(5400);
    QTest::newRow("90s") << QStringLiteral("90s") << qint64(90);
    QTest::newRow("1.5s rounds up") << QStringLiteral("1.5s") << qint64(2);
    QTest::newRow("1.4s rounds down") << QStringLiteral("1.4s") << qint64(1);
    QTest::newRow("500ms") << QStringLiteral("500ms") << qint64(1);
    QTest::newRow("1.5h") << QStringLiteral("1.5h") << qint64(5400);
    QTest::newRow("0") << QStringLiteral("0") << qint64(0);
    QTest::newRow("no unit") << QStringLiteral("5") << qint64(-1);
    QTest::newRow("unknown unit") << QStringLiteral("5d") << qint64(-1);
    QTest::newRow("negative") << QStringLiteral("-5m") << qint64(-1);
    QTest::newRow("empty") << QString() << qint64(-1);
}

void tst_podlogoptions::sinceDuration()
{
    QFETCH(QString, since);
    QFETCH(qint64, seconds);
    QCOMPARE(core::kube::parseSinceSeconds(since).value_or(-1), seconds);
}

void tst_podlogoptions::sortableTimestamp_data()
{
    // RFC3339Nano as the kubelet writes it trims trailing zeros; padded, text order is time order.
    QTest::addColumn<QString>("timestamp");
    QTest::addColumn<QString>("sortable");
    QTest::newRow("whole second") << QStringLiteral("2026-11-25T10:00:02Z")
                                  << QStringLiteral("2026-11-25T10:00:02.000000000Z");
    QTest::newRow("trimmed fraction") << QStringLiteral("2026-11-25T10:00:02.5Z")
                                      << QStringLiteral("2026-11-25T10:00:02.500000000Z");
    QTest::newRow("nanoseconds") << QStringLiteral("2026-11-25T10:00:02.123456789Z")
                                 << QStringLiteral("2026-11-25T10:00:02.123456789Z");
    QTest::newRow("offset is no kubelet time")
        << QStringLiteral("2026-11-25T18:00:02+08:00") << QString();
    QTest::newRow("no timestamp") << QStringLiteral("hello") << QString();
}

void tst_podlogoptions::sortableTimestamp()
{
    QFETCH(QString, timestamp);
    QFETCH(QString, sortable);
    QCOMPARE(core::kube::sortableTimestamp(timestamp), sortable);
}

QTEST_GUILESS_MAIN(tst_podlogoptions)
#include "tst_podlogoptions.moc"
