#include "core/sandbox/apiserver/sandboxclock.h"

#include <QTest>

using namespace core::sandbox;
using namespace std::chrono_literals;

// The speedable clock the simulation reads.
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
};

QTEST_GUILESS_MAIN(tst_SandboxClock)
#include "tst_sandboxclock.moc"
