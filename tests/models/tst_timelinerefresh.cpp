#include "models/bursthistory.h"
#include "models/timelinerefresh.h"

#include "core/kube/informer.h"

#include <QJsonArray>
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
    const QString owner = QStringLiteral("app-%1-5d9f").arg(i / kPerWorkload);
    const QString started = kNow.addSecs(-3600 + i % 3600).toString(Qt::ISODate);
    return QJsonObject{
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), QStringLiteral("%1-%2").arg(owner).arg(i)},
                     {QStringLiteral("namespace"), QStringLiteral("ns-%1").arg((i / kPerWorkload) % 4)},
                     {QStringLiteral("uid"), QStringLiteral("uid-%1").arg(i)},
                     {QStringLiteral("creationTimestamp"), started},
                     {QStringLiteral("labels"),
                      QJsonObject{{QStringLiteral("pod-template-hash"), QStringLiteral("5d9f")}}},
                     {QStringLiteral("ownerReferences"),
                      QJsonArray{QJsonObject{{QStringLiteral("kind"), QStringLiteral("ReplicaSet")},
                                             {QStringLiteral("name"), owner},
                                             {QStringLiteral("controller"), true}}}}}},
        {QStringLiteral("spec"),
         QJsonObject{{QStringLiteral("nodeName"), burst ? kVk : QStringLiteral("idc-1")},
                     {QStringLiteral("containers"),
                      QJsonArray{QJsonObject{
                          {QStringLiteral("name"), QStringLiteral("app")},
                          {QStringLiteral("resources"),
                           QJsonObject{{QStringLiteral("limits"),
                                        QJsonObject{{QStringLiteral("cpu"), QStringLiteral("1")},
                                                    {QStringLiteral("memory"),
                                                     QStringLiteral("2Gi")}}}}}}}}}},
        {QStringLiteral("status"),
         QJsonObject{{QStringLiteral("phase"), QStringLiteral("Running")},
                     {QStringLiteral("startTime"), started},
                     {QStringLiteral("containerStatuses"),
                      QJsonArray{QJsonObject{
                          {QStringLiteral("name"), QStringLiteral("app")},
                          {QStringLiteral("state"),
                           QJsonObject{{QStringLiteral("running"),
                                        QJsonObject{{QStringLiteral("startedAt"), started}}}}}}}}}}};
}

// A history of kPods pods, a third on CCI, at kNow.
void fill(BurstHistory &history)
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
        BurstHistory history(QString{});
        fill(history);
        if (QTest::currentTestFailed())
            return;
        TimelineRefresh refresh(&history);
        QSignalSpy ready(&refresh, &TimelineRefresh::ready);
        Request request = cluster24h();
        request.scope = scope;
        request.rangeMs = rangeMs;
        refresh.request(request);
        // Returned at once: the work is on a worker, nothing shown yet.
        QVERIFY(!refresh.isIdle());
        QCOMPARE(refresh.result().generation, quint64(0));
        QCOMPARE(ready.size(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(refresh.isIdle(), 30000);
        QCOMPARE(ready.size(), 1);
        QCOMPARE(refresh.result().generation, quint64(1));
        compareWithSync(refresh.result(), history, request);
        const Result &result = refresh.result();
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
        BurstHistory history(QString{});
        fill(history);
        if (QTest::currentTestFailed())
            return;
        TimelineRefresh refresh(&history);
        QSignalSpy ready(&refresh, &TimelineRefresh::ready);
        const Request request = cluster24h();
        refresh.request(request);
        QCOMPARE(refresh.computations(), 1);
        // A pod moves to CCI (a small change: applied on this thread at once) and three more
        // refreshes are asked for while the first computes.
        core::kube::ChangeSet moved;
        moved.modified = {pod(1, true)};
        history.applyPods(moved);
        QCOMPARE(history.cluster().countsNow().cci, kPods / 3 + 1);
        for (int i = 0; i < 3; ++i)
            refresh.request(request);
        QCOMPARE(refresh.computations(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(refresh.isIdle(), 30000);
        QCOMPARE(refresh.computations(), 2);
        QCOMPARE(ready.size(), 2); // the same view: the first result shows, then the newer one
        QCOMPARE(refresh.result().generation, quint64(2));
        compareWithSync(refresh.result(), history, request);
        QCOMPARE(refresh.result().chart.points[2].last().y(), double(kPods / 3 + 1));
        QCOMPARE(refresh.result().usage.total.pods, kPods / 3 + 1);
    }

    // A result for a view the user has already left (another scope asked for meanwhile) is not
    // shown: the pending request's result is.
    void resultForAnotherViewIsDropped()
    {
        BurstHistory history(QString{});
        fill(history);
        if (QTest::currentTestFailed())
            return;
        TimelineRefresh refresh(&history);
        QSignalSpy ready(&refresh, &TimelineRefresh::ready);
        refresh.request(cluster24h());
        Request workload = cluster24h();
        workload.scope = QStringLiteral("ns-2/Deployment/app-2");
        refresh.request(workload);
        QTRY_VERIFY_WITH_TIMEOUT(refresh.isIdle(), 30000);
        QCOMPARE(refresh.computations(), 2);
        QCOMPARE(ready.size(), 1);
        QCOMPARE(refresh.result().generation, quint64(2));
        compareWithSync(refresh.result(), history, workload);
        QCOMPARE(refresh.result().chart.points[2].last().y() +
                     refresh.result().chart.points[1].last().y(),
                 double(kPerWorkload));
    }
};

QTEST_GUILESS_MAIN(TestTimelineRefresh)
#include "tst_timelinerefresh.moc"
