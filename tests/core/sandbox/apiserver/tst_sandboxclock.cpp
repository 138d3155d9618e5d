#include "core/sandbox/cluster/eventrecorder.h"
#include "core/sandbox/store/objectstore.h"
#include "core/sandbox/apiserver/sandboxclock.h"

#include <QTest>

using namespace core::sandbox;
using namespace std::chrono_literals;

// The speedable clock the simulation reads, and the event recorder that reports on it.
class tst_SandboxClock : public QObject
{
    Q_OBJECT

private slots:
    void advanceJumpsExactly_data()
    {
        QTest::addColumn<qint64>("advanceMs");
        QTest::newRow("one second") << qint64(1000);
        QTest::newRow("thirty minutes (the VK node lock)") << qint64(30 * 60 * 1000);
        QTest::newRow("a day") << qint64(24 * 3600 * 1000);
    }
    void advanceJumpsExactly()
    {
        QFETCH(qint64, advanceMs);
        SandboxClock clock(1e-9); // practically stopped, so only advance() moves it
        const QDateTime before = clock.now();
        const qint64 elapsedBefore = clock.elapsedMs();
        clock.advance(std::chrono::milliseconds(advanceMs));
        QVERIFY(qAbs(before.msecsTo(clock.now()) - advanceMs) <= 1);
        QVERIFY(qAbs(clock.elapsedMs() - elapsedBefore - advanceMs) <= 1);
    }

    void negativeAdvanceIsIgnored()
    {
        SandboxClock clock(1e-9);
        const qint64 before = clock.elapsedMs();
        clock.advance(-5000ms);
        QVERIFY(clock.elapsedMs() >= before);
    }

    void speedScalesRealTime()
    {
        SandboxClock clock(1000.0); // one real millisecond = one sandbox second
        const QDateTime start = clock.now();
        QTRY_VERIFY_WITH_TIMEOUT(start.msecsTo(clock.now()) >= 60 * 1000, 2000);
        clock.setSpeed(1e-9);
        const QDateTime frozen = clock.now();
        QTest::qWait(20);
        QVERIFY(frozen.msecsTo(clock.now()) <= 1);
        QCOMPARE(clock.speed(), 1e-9);
    }

    void invalidSpeedKeepsTheOldOne()
    {
        SandboxClock clock(2.0);
        clock.setSpeed(0);
        QCOMPARE(clock.speed(), 2.0);
        clock.setSpeed(-1);
        QCOMPARE(clock.speed(), 2.0);
    }

    void repeatedEventsAreCounted()
    {
        ObjectStore store;
        const ResourceType namespaces{QString(), QStringLiteral("v1"), QStringLiteral("namespaces"),
                                      QStringLiteral("Namespace")};
        QVERIFY(store.create(namespaces, QString(),
                             QJsonObject{{QStringLiteral("metadata"),
                                          QJsonObject{{QStringLiteral("name"),
                                                       QStringLiteral("payments")}}}}));
        const ResourceType events{QString(), QStringLiteral("v1"), QStringLiteral("events"),
                                  QStringLiteral("Event")};
        const QJsonObject pod{
            {QStringLiteral("kind"), QStringLiteral("Pod")},
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("web-1")},
                         {QStringLiteral("namespace"), QStringLiteral("payments")},
                         {QStringLiteral("uid"), QStringLiteral("u-1")}}}};
        SandboxClock clock(1e-9);
        EventRecorder recorder(store, QStringLiteral("default-scheduler"));
        const QDateTime first = clock.now();
        recorder.record(pod, QStringLiteral("Normal"), QStringLiteral("Scheduled"),
                        QStringLiteral("Successfully assigned payments/web-1 to idc-node-1"),
                        first);
        clock.advance(5s);
        recorder.record(pod, QStringLiteral("Normal"), QStringLiteral("Scheduled"),
                        QStringLiteral("Successfully assigned payments/web-1 to idc-node-1"),
                        clock.now());
        recorder.record(pod, QStringLiteral("Warning"), QStringLiteral("FailedScheduling"),
                        QStringLiteral("0/4 nodes are available"), clock.now());
        ListOptions options;
        options.namespaceName = QStringLiteral("payments");
        const auto listed = store.list(events, options);
        QVERIFY(listed);
        QCOMPARE(listed->items.size(), 2);
        bool sawRepeat = false;
        for (const QJsonObject &event : listed->items) {
            QCOMPARE(event.value(u"involvedObject").toObject().value(u"uid").toString(),
                     QStringLiteral("u-1"));
            QCOMPARE(event.value(u"involvedObject").toObject().value(u"namespace").toString(),
                     QStringLiteral("payments"));
            if (event.value(u"reason").toString() == u"Scheduled") {
                sawRepeat = true;
                QCOMPARE(event.value(u"count").toInt(), 2);
                const QDateTime firstSeen = QDateTime::fromString(
                    event.value(u"firstTimestamp").toString(), Qt::ISODate);
                const QDateTime lastSeen = QDateTime::fromString(
                    event.value(u"lastTimestamp").toString(), Qt::ISODate);
                QCOMPARE(firstSeen.secsTo(lastSeen), 5);
                QCOMPARE(event.value(u"source").toObject().value(u"component").toString(),
                         QStringLiteral("default-scheduler"));
            } else {
                QCOMPARE(event.value(u"type").toString(), QStringLiteral("Warning"));
                QCOMPARE(event.value(u"count").toInt(), 1);
            }
        }
        QVERIFY(sawRepeat);
    }
};

QTEST_GUILESS_MAIN(tst_SandboxClock)
#include "tst_sandboxclock.moc"
