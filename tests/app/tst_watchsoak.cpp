#include "watchsoak.h"

#include <QTest>

// The watch soak at CI scale (bench/watch-soak.sh runs it at any size, up to 1,000,000 events
// over 100,000 pods): the console's pod informer against a burst-sandbox process whose 2,000
// preloaded pods churn through 10,000 events with every fault on (429, 500, latency, streams
// cut, 410 on resume, stalled streams, and short watch timeouts). At the end the informer's
// cache equals the server uid by uid and resourceVersion by resourceVersion, no (uid,
// resourceVersion) was reported twice, resourceVersions only rose per object and every
// deletion was reported (tests/app/watchsoak.h).
class tst_WatchSoak : public QObject
{
    Q_OBJECT

private slots:
    void everyEventThroughEveryFault()
    {
        WatchSoakOptions options;
        options.pods = 2000;
        options.events = 10000;
        options.churnRate = 2000;
        options.dropEvery = 300;
        options.goneEvery = 10;
        options.stallEvery = 5;
        options.stallMs = 2000;
        options.watchTimeoutSeconds = 5;
        options.startSeconds = 30;
        options.catchUpSeconds = 30;
        WatchSoak soak(options);
        const bool ok = soak.run();
        qInfo().noquote() << soak.report();
        QVERIFY2(ok, qPrintable(soak.violations().join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(tst_WatchSoak)
#include "tst_watchsoak.moc"
