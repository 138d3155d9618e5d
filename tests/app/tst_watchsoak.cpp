#include "watchsoak.h"

#include <QTest>

// The watch soak at CI scale (bench/watch-soak.sh runs it at any size; docs/soak.md has the
// figures): the console's pod informer against a burst-sandbox process whose 2,000 preloaded
// pods churn through 6,000 events with every fault on (429, 500, latency, streams cut, 410 on
// resume, streams stalled past the client's deadline, short watch timeouts). At the end the
// informer's cache equals the server uid by uid and resourceVersion by resourceVersion, no
// (uid, resourceVersion) was reported twice, resourceVersions only rose per object and every
// deletion was reported (tests/app/watchsoak.h).
class tst_WatchSoak : public QObject
{
    Q_OBJECT

private slots:
    void everyEventThroughEveryFault()
    {
        WatchSoakOptions options;
        options.pods = 2000;
        options.events = 6000;
        options.churnRate = 2000;
        options.dropEvery = 1000;
        options.goneEvery = 4;
        // A fixed seed: the sandbox's nth resource request meets the same fault every run, so
        // 429 and 500 both hit among the first requests (the run makes dozens).
        options.rate429 = 0.1;
        options.rate500 = 0.1;
        options.seed = 4; // a 500 on the first resource request, a 429 on the second
        // Every 3rd stream goes silent for 6 s, longer than its 2-4 s timeout plus the client's
        // 1 s margin: the client must give it up and resume (the 100k bench's stalls are
        // shorter than the deadline and only delay). A stream whose backlog reaches the cut
        // before the stall begins never shows it, so cuts are rarer here than in the bench.
        options.stallEvery = 3;
        options.stallMs = 6000;
        options.watchTimeoutSeconds = 2;
        options.watchDeadlineMarginSeconds = 1;
        options.startSeconds = 30;
        options.catchUpSeconds = 30;
        // 410 and the client's own deadline depend on how many streams it opened, which a fast
        // churn leaves to chance: keep the quiet watch until both were met.
        options.waitForEveryFault = true;
        WatchSoak soak(options);
        const bool ok = soak.run();
        qInfo().noquote() << soak.report();
        QVERIFY2(ok, qPrintable(soak.violations().join(u'\n')));
        // Every fault hit at least once, and the client cut a stalled stream by its deadline.
        const QList<qint64> faults = soak.faultsInjected();
        QCOMPARE(faults.size(), 6);
        for (qsizetype i = 0; i < faults.size(); ++i)
            QVERIFY2(faults.at(i) > 0, qPrintable(QString::number(i)));
        QVERIFY(soak.warnings().value(QStringLiteral("timeout")) > 0);
    }
};

QTEST_GUILESS_MAIN(tst_WatchSoak)
#include "tst_watchsoak.moc"
