#include "models/bursthistory.h"
#include "models/usagetablemodel.h"
#include "tests/models/burstpods.h"

#include "core/kube/informer.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace models;
using core::burst::PlacementTimeline;

namespace {

const QString kVk = QStringLiteral("virtual-kubelet");
using bursttesting::pod;

QDateTime at(const char *text)
{
    return QDateTime::fromString(QString::fromLatin1(text), Qt::ISODateWithMs);
}

// The event of Deployment shop/web scaled up at 12:00 (a scale marker).
core::kube::ChangeSet scaledUp()
{
    core::kube::ChangeSet events;
    events.added = {QJsonObject{
            {QStringLiteral("reason"), QStringLiteral("ScalingReplicaSet")},
            {QStringLiteral("lastTimestamp"), QStringLiteral("2026-01-01T12:00:00Z")},
            {QStringLiteral("involvedObject"),
             QJsonObject{{QStringLiteral("kind"), QStringLiteral("Deployment")},
                         {QStringLiteral("namespace"), QStringLiteral("shop")},
                         {QStringLiteral("name"), QStringLiteral("web")}}}}};
    return events;
}

core::kube::ChangeSet added(const QList<QJsonObject> &pods)
{
    core::kube::ChangeSet changes;
    changes.added = pods;
    return changes;
}

} // namespace

class TestBurstHistory : public QObject
{
    Q_OBJECT
private slots:
    void pastLiveAndUsage()
    {
        QDateTime clock = at("2026-01-01T12:00:00Z");
        BurstHistory history(QString{});
        history.setClock([&clock] { return clock; });
        QSignalSpy changed(&history, &BurstHistory::changed);

        // Pods listed before the nodes are known are skipped (the session replays them).
        history.applyPods(added({pod(QStringLiteral("x"), QStringLiteral("2026-01-01T11:00:00Z"),
                                     kVk, QStringLiteral("2026-01-01T11:00:05Z"))}));
        QCOMPARE(history.cluster().podCount(), 0);

        history.setVirtualNodes({kVk});
        // Two pods that existed before: one burst to CCI at 11:00:05, one local since 11:30.
        history.applyPods(added(
            {pod(QStringLiteral("a"), QStringLiteral("2026-01-01T11:00:00Z"), kVk,
                 QStringLiteral("2026-01-01T11:00:05Z")),
             pod(QStringLiteral("b"), QStringLiteral("2026-01-01T11:30:00Z"),
                 QStringLiteral("idc-1"), QStringLiteral("2026-01-01T11:30:00Z"))}));
        const qint64 t11 = at("2026-01-01T11:00:00Z").toMSecsSinceEpoch();
        QCOMPARE(history.cluster().samples(),
                 (QList<PlacementTimeline::Sample>{{t11, {1, 0, 0}},
                                                   {t11 + 5000, {0, 0, 1}},
                                                   {t11 + 1'800'000, {0, 1, 1}}}));
        const PlacementTimeline *web = history.workload(QStringLiteral("shop/Deployment/web"));
        QVERIFY(web);
        QCOMPARE(web->countsNow(), (PlacementTimeline::Counts{0, 1, 1}));
        QCOMPARE(history.workloadKeys(), QStringList{QStringLiteral("shop/Deployment/web")});

        // Live: a new pod pending at 12:00, burst at 12:00:30; "a" deleted at 12:30.
        history.applyPods(added({pod(QStringLiteral("c"), QStringLiteral("2026-01-01T12:00:00Z"),
                                     QString())}));
        clock = at("2026-01-01T12:00:30Z");
        core::kube::ChangeSet bound;
        bound.modified = {pod(QStringLiteral("c"), QStringLiteral("2026-01-01T12:00:00Z"), kVk,
                              QStringLiteral("2026-01-01T12:00:30Z"))};
        history.applyPods(bound);
        clock = at("2026-01-01T12:30:00Z");
        core::kube::ChangeSet gone;
        gone.deleted = {pod(QStringLiteral("a"), QStringLiteral("2026-01-01T11:00:00Z"), kVk,
                            QStringLiteral("2026-01-01T11:00:05Z"))};
        history.applyPods(gone);
        QCOMPARE(history.cluster().countsNow(), (PlacementTimeline::Counts{0, 1, 1}));
        QCOMPARE(history.cluster().samples().last().msecs,
                 at("2026-01-01T12:30:00Z").toMSecsSinceEpoch());

        // Usage at 13:00: "a" ran 11:00:05-12:30 (1 vCPU, 2 GiB), "c" 12:00:30-now.
        clock = at("2026-01-01T13:00:00Z");
        const auto report = history.usage(at("2026-01-01T00:00:00Z"), at("2026-01-02T00:00:00Z"));
        const double hours = (5395.0 + 3570.0) / 3600.0;
        QVERIFY2(qAbs(report.total.vcpuHours - hours) < 1e-9,
                 qPrintable(QString::number(report.total.vcpuHours)));
        QVERIFY(qAbs(report.total.gibHours - 2 * hours) < 1e-9);
        QCOMPARE(report.total.pods, 2);

        // Events: a scale-up marker lands on the cluster and on its workload.
        history.applyEvents(scaledUp());
        QCOMPARE(history.cluster().markers().size(), 1);
        QCOMPARE(web->markers().size(), 1);
        QTRY_VERIFY(changed.count() >= 1);
    }

    void keptAcrossRestarts()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("timelines/ctx.json"));
        QDateTime clock = at("2026-01-01T12:00:00Z");
        QList<PlacementTimeline::Sample> before;
        {
            BurstHistory history(file);
            history.setClock([&clock] { return clock; });
            history.setVirtualNodes({kVk});
            history.applyPods(added({pod(QStringLiteral("a"),
                                         QStringLiteral("2026-01-01T11:00:00Z"), kVk,
                                         QStringLiteral("2026-01-01T11:00:05Z"))}));
            clock = at("2026-01-01T12:10:00Z");
            QVERIFY(history.save());
            before = history.cluster().samples();
        }
        QVERIFY(QFile::exists(file));
        clock = at("2026-01-01T13:00:00Z");
        BurstHistory again(file);
        again.setClock([&clock] { return clock; });
        // The saved series, closed at the save: the pod leaves the count at 12:10.
        const QList<PlacementTimeline::Sample> loaded = again.cluster().samples();
        QCOMPARE(loaded.mid(0, before.size()), before);
        QCOMPARE(loaded.last().counts, PlacementTimeline::Counts{});
        // Seeing the pod again puts it back from the saved end, not twice in the past: the
        // close and the return cancel out, and the series reads as before the restart.
        again.setVirtualNodes({kVk});
        again.applyPods(added({pod(QStringLiteral("a"), QStringLiteral("2026-01-01T11:00:00Z"),
                                   kVk, QStringLiteral("2026-01-01T11:00:05Z"))}));
        QCOMPARE(again.cluster().countsNow(), (PlacementTimeline::Counts{0, 0, 1}));
        QCOMPARE(again.cluster().samples(), before);
        QVERIFY(again.workload(QStringLiteral("shop/Deployment/web")));
    }

    // A large list (the first, or the replay once the nodes are known) is applied on a worker to
    // a copy of the timelines and spans, which the GUI thread swaps in; what arrives meanwhile
    // follows it in order: a few changes on the GUI thread, events, a second large change set
    // on the worker again. The result is the same as applying it all in small synchronous
    // pieces, and the usage table follows with inserts and dataChanged, never a reset.
    void largeListReadOnWorker_data()
    {
        QTest::addColumn<bool>("smallChanges"); // a status change and two deletions
        QTest::addColumn<bool>("events");       // a scale-up marker for the list's workload
        QTest::addColumn<bool>("largeChanges"); // every pod moved to CCI: a second round
        QTest::newRow("list alone") << false << false << false;
        QTest::newRow("small changes meanwhile") << true << false << false;
        QTest::newRow("events meanwhile") << false << true << false;
        QTest::newRow("large changes meanwhile") << false << false << true;
        QTest::newRow("all of them meanwhile") << true << true << true;
    }

    void largeListReadOnWorker()
    {
        QFETCH(bool, smallChanges);
        QFETCH(bool, events);
        QFETCH(bool, largeChanges);
        QDateTime clock = at("2026-01-01T12:00:00Z");
        QList<QJsonObject> pods;
        QList<QJsonObject> onCci;
        for (int i = 0; i < BurstHistory::kBackgroundList + 500; ++i) {
            const QString created = at("2026-01-01T11:00:00Z").addSecs(i).toString(Qt::ISODate);
            const QString uid = QStringLiteral("p%1").arg(i);
            pods.append(pod(uid, created,
                            i % 3 == 0 ? kVk : (i % 3 == 1 ? QStringLiteral("idc-1") : QString()),
                            i % 3 == 2 ? QString() : created));
            onCci.append(pod(uid, created, kVk, QStringLiteral("2026-01-01T12:00:00Z")));
        }
        // What arrives while the list is read, in order: the changes, whether they are events,
        // and when they arrive.
        struct Arrival
        {
            core::kube::ChangeSet changes;
            bool events = false;
            QDateTime at;
        };
        QList<Arrival> meanwhile;
        if (smallChanges) {
            core::kube::ChangeSet later;
            later.modified = {onCci.at(2)};
            core::kube::ChangeSet gone;
            gone.deleted = {pods.at(0), pods.at(3)};
            meanwhile.append({later, false, clock});
            meanwhile.append({gone, false, clock});
        }
        if (events)
            meanwhile.append({scaledUp(), true, clock});
        if (largeChanges) {
            core::kube::ChangeSet moved;
            moved.modified = onCci;
            if (smallChanges) { // the deleted pods stay deleted
                moved.modified.remove(3);
                moved.modified.remove(0);
            }
            meanwhile.append({moved, false, at("2026-01-01T12:30:00Z")});
        }
        const auto feed = [&clock](BurstHistory &history, const Arrival &arrival,
                                   const core::kube::ChangeSet &changes) {
            clock = arrival.at;
            if (arrival.events)
                history.applyEvents(changes);
            else
                history.applyPods(changes);
        };

        BurstHistory background(QString{});
        background.setClock([&clock] { return clock; });
        background.setVirtualNodes({kVk});
        QSignalSpy applied(&background, &BurstHistory::listApplied);
        QSignalSpy changed(&background, &BurstHistory::changed);
        // The usage table follows the history as the timeline pane's does, under the tester.
        models::UsageTableModel table;
        QAbstractItemModelTester tester(&table,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&table, &QAbstractItemModel::modelReset);
        QSignalSpy inserts(&table, &QAbstractItemModel::rowsInserted);
        QSignalSpy updates(&table, &QAbstractItemModel::dataChanged);
        connect(&background, &BurstHistory::changed, &table, [&] {
            table.setReport(background.usage(at("2026-01-01T00:00:00Z"), clock));
        });
        background.applyPods(added(pods));
        QVERIFY(background.isReadingList());
        for (const Arrival &arrival : std::as_const(meanwhile))
            feed(background, arrival, arrival.changes);
        // Nothing yet: the GUI thread's timelines change only when the worker's are swapped in.
        QCOMPARE(background.cluster().podCount(), 0);
        QVERIFY(background.cluster().markers().isEmpty());
        QVERIFY(applied.wait(20000));
        QVERIFY(!background.isReadingList());
        QCOMPARE(applied.size(), 1); // once, when all that came meanwhile is in too
        // Once per turn that changed something: the swap, and the second round's swap.
        QTRY_COMPARE(changed.size(), largeChanges ? 2 : 1);
        QVERIFY(table.rowCount() > 0);
        QCOMPARE(resets.size(), 0);
        QVERIFY(inserts.size() >= 1);
        QCOMPARE(updates.isEmpty(), !largeChanges); // more pods on CCI: the rows' figures grow

        clock = at("2026-01-01T12:00:00Z");
        BurstHistory piecewise(QString{});
        piecewise.setClock([&clock] { return clock; });
        piecewise.setVirtualNodes({kVk});
        for (qsizetype first = 0; first < pods.size(); first += 500)
            piecewise.applyPods(added(pods.mid(first, 500)));
        for (const Arrival &arrival : std::as_const(meanwhile)) {
            for (qsizetype first = 0; first < arrival.changes.modified.size(); first += 500) {
                core::kube::ChangeSet piece;
                piece.modified = arrival.changes.modified.mid(first, 500);
                feed(piecewise, arrival, piece);
            }
            core::kube::ChangeSet rest = arrival.changes;
            rest.modified.clear();
            feed(piecewise, arrival, rest);
        }
        QVERIFY(!piecewise.isReadingList());

        const qsizetype counted = pods.size() - (smallChanges ? 2 : 0);
        QCOMPARE(background.cluster().podCount(), counted);
        QCOMPARE(background.cluster().samples(), piecewise.cluster().samples());
        QCOMPARE(background.cluster().countsNow(), piecewise.cluster().countsNow());
        QCOMPARE(background.cluster().countsNow().cci,
                 largeChanges ? counted : piecewise.cluster().countsNow().cci);
        QCOMPARE(background.cluster().markers(), piecewise.cluster().markers());
        QCOMPARE(background.cluster().markers().size(), events ? 1 : 0);
        QCOMPARE(background.workloadKeys(), piecewise.workloadKeys());
        const QString web = QStringLiteral("shop/Deployment/web");
        QCOMPARE(background.workload(web)->samples(), piecewise.workload(web)->samples());
        QCOMPARE(background.workload(web)->markers(), piecewise.workload(web)->markers());
        clock = at("2026-01-01T13:00:00Z");
        const auto a = background.usage(at("2026-01-01T00:00:00Z"), clock);
        const auto b = piecewise.usage(at("2026-01-01T00:00:00Z"), clock);
        QVERIFY(a.total.vcpuHours > 0);
        QCOMPARE(a.total.vcpuHours, b.total.vcpuHours);
        QCOMPARE(a.total.pods, b.total.pods);
    }

    // Small change sets that arrive while a list is on the worker are applied after it, in
    // order, over several turns of the event loop (here one change set a turn); what arrives
    // in between still waits its turn.
    void smallChangesFollowInOrder()
    {
        QDateTime clock = at("2026-01-01T12:00:00Z");
        BurstHistory history(QString{});
        history.setClock([&clock] { return clock; });
        history.setVirtualNodes({kVk});
        history.setSliceMs(0);
        QSignalSpy applied(&history, &BurstHistory::listApplied);
        QSignalSpy changed(&history, &BurstHistory::changed);
        const int n = BurstHistory::kBackgroundList;
        QList<QJsonObject> pods;
        for (int i = 0; i < n; ++i)
            pods.append(pod(QStringLiteral("p%1").arg(i), QStringLiteral("2026-01-01T12:00:00Z"),
                            QString()));
        history.applyPods(added(pods)); // to the worker: what follows waits
        QVERIFY(history.isReadingList());
        // Pod i is bound at 12:0i (i = 1, 2, 3): p1, p2 locally, p3 to CCI.
        const auto bind = [&](int i, const QString &node) {
            clock = at("2026-01-01T12:00:00Z").addSecs(60 * i);
            core::kube::ChangeSet bound;
            bound.modified = {pod(QStringLiteral("p%1").arg(i),
                                  QStringLiteral("2026-01-01T12:00:00Z"), node,
                                  clock.toString(Qt::ISODate))};
            history.applyPods(bound);
        };
        bind(1, QStringLiteral("idc-1"));
        bind(2, QStringLiteral("idc-1"));
        // The list is swapped in with p1's change in one turn (its changed() follows); p2's
        // change waits for the next turn, and p3's, arriving in between, after it.
        bool waitedAfterSwap = false;
        connect(&history, &BurstHistory::changed, this, [&] {
            if (changed.size() != 1)
                return;
            waitedAfterSwap = history.isReadingList() && history.cluster().podCount() == n;
            bind(3, kVk);
        });
        QVERIFY(applied.wait(20000));
        QVERIFY(waitedAfterSwap);
        QVERIFY(!history.isReadingList());
        QCOMPARE(applied.size(), 1);
        QTRY_COMPARE(changed.size(), 3); // one turn each: swap + p1, p2, p3
        const qint64 t12 = at("2026-01-01T12:00:00Z").toMSecsSinceEpoch();
        QCOMPARE(history.cluster().samples(),
                 (QList<PlacementTimeline::Sample>{{t12, {n, 0, 0}},
                                                   {t12 + 60'000, {n - 1, 1, 0}},
                                                   {t12 + 120'000, {n - 2, 2, 0}},
                                                   {t12 + 180'000, {n - 3, 2, 1}}}));
    }

    void damagedFileIsIgnored()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("bad.json"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("{\"version\":1,\"cluster\":{\"resolutionMs\":-5}}");
        out.close();
        BurstHistory history(file);
        QVERIFY(history.cluster().samples().isEmpty());
        QVERIFY(history.save());
    }
};

QTEST_MAIN(TestBurstHistory)
#include "tst_bursthistory.moc"
