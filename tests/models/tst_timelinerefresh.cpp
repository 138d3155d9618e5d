#include "models/bursthistory.h"
#include "models/timelinerefresh.h"

#include "core/kube/informer.h"
#include "tests/models/burstpods.h"

#include <QSignalSpy>
#include <QTest>

using namespace models;
using Request = TimelineRefresh::Request;
using Result = TimelineRefresh::Result;

namespace {

const QString kVk = QStringLiteral("virtual-kubelet");
const QDateTime kNow = QDateTime::fromString(QStringLiteral("2026-01-01T12:00:00Z"), Qt::ISODate);
constexpr int kPods = BurstHistory::kBackgroundList * 3; // read on the history's worker too
constexpr int kPerWorkload = 50;
constexpr qint64 kHour = 3'600'000;

// Pod i: Deployment "app-<i/50>" in "ns-<(i/50) % 4>", running since 11:00 + i s, on CCI when
// `burst`, else on idc-1.
QJsonObject pod(int i, bool burst)
{
    const QString started = kNow.addSecs(-3600 + i % 3600).toString(Qt::ISODate);
    return bursttesting::pod(QStringLiteral("uid-%1").arg(i), started,
                             burst ? kVk : QStringLiteral("idc-1"), started,
                             QStringLiteral("ns-%1").arg((i / kPerWorkload) % 4),
                             QStringLiteral("app-%1").arg(i / kPerWorkload));
}

// A history of kPods pods, a third on CCI, at kNow, and a refresh over it (tests check
// QTest::currentTestFailed() after making one).
struct Fixture
{
    Fixture()
    {
        history.setClock([] { return kNow; });
        history.setVirtualNodes({kVk});
        core::kube::ChangeSet list;
        for (int i = 0; i < kPods; ++i)
            list.added.append(pod(i, i % 3 == 0));
        QSignalSpy applied(&history, &BurstHistory::listApplied);
        history.applyPods(list);
        QVERIFY(applied.wait(30000));
    }
    BurstHistory history{QString{}};
    TimelineRefresh refresh{&history};
    QSignalSpy ready{&refresh, &TimelineRefresh::ready};
};

Request cluster24h()
{
    Request request;
    request.windowMs = 24 * kHour;
    request.prices.perVcpuHour = 0.5;
    return request;
}

// What the worker gave is what the synchronous computation gives from the history as it is now.
void compareWithSync(const Result &shown, const BurstHistory &history, const Request &request)
{
    const Result expected = TimelineRefresh::compute(history.snapshot(), request, kNow);
    QCOMPARE(shown.request, request);
    QCOMPARE(shown.workloadKeys, expected.workloadKeys);
    QCOMPARE(shown.observedSince, expected.observedSince);
    QCOMPARE(shown.chart, expected.chart);
    QCOMPARE(core::burst::usageCsv(shown.usage), core::burst::usageCsv(expected.usage));
}

} // namespace

class TestTimelineRefresh : public QObject
{
    Q_OBJECT
private slots:
    // request() hands a snapshot to a worker and returns: nothing is computed on the calling
    // (GUI) thread, the result arrives through the event loop, equal to the synchronous
    // computation.
    void resultArrivesAsynchronously_data()
    {
        QTest::addColumn<QString>("scope");
        QTest::addColumn<qint64>("rangeMs");
        QTest::addColumn<int>("pointsAtLeast"); // per series
        QTest::newRow("cluster, since the first change") << QString() << qint64(0) << 3;
        QTest::newRow("cluster, last hour") << QString() << kHour << 3;
        QTest::newRow("one workload, last 6 hours")
            << QStringLiteral("ns-3/Deployment/app-3") << 6 * kHour << 3;
        QTest::newRow("a workload that is not there")
            << QStringLiteral("ns-0/Deployment/gone") << kHour << 0;
    }

    void resultArrivesAsynchronously()
    {
        QFETCH(QString, scope);
        QFETCH(qint64, rangeMs);
        QFETCH(int, pointsAtLeast);
        Fixture f;
        if (QTest::currentTestFailed())
            return;
        Request request = cluster24h();
        request.scope = scope;
        request.rangeMs = rangeMs;
        f.refresh.request(request);
        // Returned at once: the work is on a worker, nothing shown yet.
        QVERIFY(!f.refresh.isIdle());
        QCOMPARE(f.refresh.result().generation, quint64(0));
        QCOMPARE(f.ready.size(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(f.refresh.isIdle(), 30000);
        QCOMPARE(f.ready.size(), 1);
        QCOMPARE(f.refresh.result().generation, quint64(1));
        compareWithSync(f.refresh.result(), f.history, request);
        const Result &result = f.refresh.result();
        QCOMPARE(result.workloadKeys.size(), kPods / kPerWorkload);
        QCOMPARE(result.usage.total.pods, kPods / 3);
        QVERIFY(result.usage.total.cost.has_value());
        for (const QList<QPointF> &series : result.chart.points)
            QVERIFY(series.size() >= pointsAtLeast);
    }

    // Requests made while one computes: one waits (the newest replaces it) and starts with a
    // fresh snapshot when the running one is done; what changed meanwhile is in the last result.
    void requestsWhileComputingCoalesce()
    {
        Fixture f;
        if (QTest::currentTestFailed())
            return;
        const Request request = cluster24h();
        f.refresh.request(request);
        QCOMPARE(f.refresh.computations(), 1);
        // A pod moves to CCI (a small change: applied on this thread at once) and three more
        // refreshes are asked for while the first computes.
        core::kube::ChangeSet moved;
        moved.modified = {pod(1, true)};
        f.history.applyPods(moved);
        QCOMPARE(f.history.cluster().countsNow().cci, kPods / 3 + 1);
        for (int i = 0; i < 3; ++i)
            f.refresh.request(request);
        QCOMPARE(f.refresh.computations(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(f.refresh.isIdle(), 30000);
        QCOMPARE(f.refresh.computations(), 2);
        QCOMPARE(f.ready.size(), 2); // the same view: the first result shows, then the newer one
        QCOMPARE(f.refresh.result().generation, quint64(2));
        compareWithSync(f.refresh.result(), f.history, request);
        QCOMPARE(f.refresh.result().chart.points[2].last().y(), double(kPods / 3 + 1));
        QCOMPARE(f.refresh.result().usage.total.pods, kPods / 3 + 1);
    }

    // A result for a view the user has already left (another scope asked for meanwhile) is not
    // shown: the pending request's result is.
    void resultForAnotherViewIsDropped()
    {
        Fixture f;
        if (QTest::currentTestFailed())
            return;
        f.refresh.request(cluster24h());
        Request workload = cluster24h();
        workload.scope = QStringLiteral("ns-2/Deployment/app-2");
        f.refresh.request(workload);
        QTRY_VERIFY_WITH_TIMEOUT(f.refresh.isIdle(), 30000);
        QCOMPARE(f.refresh.computations(), 2);
        QCOMPARE(f.ready.size(), 1);
        QCOMPARE(f.refresh.result().generation, quint64(2));
        compareWithSync(f.refresh.result(), f.history, workload);
        QCOMPARE(f.refresh.result().chart.points[2].last().y() +
                     f.refresh.result().chart.points[1].last().y(),
                 double(kPerWorkload));
    }
};

QTEST_GUILESS_MAIN(TestTimelineRefresh)
#include "tst_timelinerefresh.moc"
