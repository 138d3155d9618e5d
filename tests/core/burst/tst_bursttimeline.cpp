#include "core/burst/bursttimeline.h"

#include <QJsonArray>
#include <QTimeZone>
#include <QJsonDocument>
#include <QTest>

using namespace core::burst;
using Counts = PlacementTimeline::Counts;
using Sample = PlacementTimeline::Sample;

Q_DECLARE_METATYPE(std::optional<core::burst::PodPlace>)

namespace {

const QStringList kVirtual{QStringLiteral("virtual-kubelet")};

QJsonObject json(const char *text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(text), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return doc.object();
}

qint64 ms(const char *text)
{
    return QDateTime::fromString(QString::fromLatin1(text), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

} // namespace

class TestBurstTimeline : public QObject
{
    Q_OBJECT
private slots:
    void place_data()
    {
        QTest::addColumn<QJsonObject>("pod");
        QTest::addColumn<std::optional<PodPlace>>("place");
        QTest::newRow("unbound") << json(R"({"metadata":{"name":"a"},"status":{"phase":"Pending"}})")
                                 << std::optional<PodPlace>(PodPlace::Pending);
        QTest::newRow("local") << json(R"({"spec":{"nodeName":"idc-1"},"status":{"phase":"Running"}})")
                               << std::optional<PodPlace>(PodPlace::Local);
        QTest::newRow("cci") << json(R"({"spec":{"nodeName":"virtual-kubelet"}})")
                             << std::optional<PodPlace>(PodPlace::Cci);
        QTest::newRow("succeeded") << json(R"({"spec":{"nodeName":"virtual-kubelet"},"status":{"phase":"Succeeded"}})")
                                   << std::optional<PodPlace>();
        QTest::newRow("failed") << json(R"({"spec":{"nodeName":"idc-1"},"status":{"phase":"Failed"}})")
                                << std::optional<PodPlace>();
        QTest::newRow("terminating") << json(R"({"metadata":{"deletionTimestamp":"2026-01-01T00:00:00Z"},"spec":{"nodeName":"idc-1"}})")
                                     << std::optional<PodPlace>();
    }
    void place()
    {
        QFETCH(QJsonObject, pod);
        QFETCH(std::optional<PodPlace>, place);
        QCOMPARE(podPlace(pod, kVirtual), place);
    }

    void past_data()
    {
        QTest::addColumn<QJsonObject>("pod");
        QTest::addColumn<QString>("placed");
        QTest::addColumn<std::optional<PodPlace>>("place");
        QTest::addColumn<QString>("ended");
        QTest::newRow("scheduled condition")
            << json(R"({"metadata":{"creationTimestamp":"2026-01-01T10:00:00Z"},
                        "spec":{"nodeName":"virtual-kubelet"},
                        "status":{"phase":"Running","startTime":"2026-01-01T10:00:09Z",
                                  "conditions":[{"type":"Ready","status":"True","lastTransitionTime":"2026-01-01T10:00:30Z"},
                                                {"type":"PodScheduled","status":"True","lastTransitionTime":"2026-01-01T10:00:05Z"}]}})")
            << QStringLiteral("2026-01-01T10:00:05Z") << std::optional<PodPlace>(PodPlace::Cci) << QStringLiteral("");
        QTest::newRow("start time when no condition time")
            << json(R"({"metadata":{"creationTimestamp":"2026-01-01T10:00:00Z"},
                        "spec":{"nodeName":"idc-1"},
                        "status":{"startTime":"2026-01-01T10:00:09Z","conditions":[{"type":"PodScheduled","status":"True"}]}})")
            << QStringLiteral("2026-01-01T10:00:09Z") << std::optional<PodPlace>(PodPlace::Local) << QStringLiteral("");
        QTest::newRow("creation when nothing else")
            << json(R"({"metadata":{"creationTimestamp":"2026-01-01T10:00:00Z"},"spec":{"nodeName":"idc-1"}})")
            << QStringLiteral("2026-01-01T10:00:00Z") << std::optional<PodPlace>(PodPlace::Local) << QStringLiteral("");
        QTest::newRow("still pending")
            << json(R"({"metadata":{"creationTimestamp":"2026-01-01T10:00:00Z"},
                        "status":{"conditions":[{"type":"PodScheduled","status":"False","lastTransitionTime":"2026-01-01T10:00:01Z"}]}})")
            << QStringLiteral("") << std::optional<PodPlace>() << QStringLiteral("");
        QTest::newRow("succeeded at its last finish")
            << json(R"({"metadata":{"creationTimestamp":"2026-01-01T10:00:00Z"},
                        "spec":{"nodeName":"virtual-kubelet"},
                        "status":{"phase":"Succeeded","startTime":"2026-01-01T10:00:02Z",
                                  "containerStatuses":[{"state":{"terminated":{"finishedAt":"2026-01-01T10:05:00Z"}}},
                                                       {"state":{"terminated":{"finishedAt":"2026-01-01T10:07:00Z"}}}]}})")
            << QStringLiteral("2026-01-01T10:00:02Z") << std::optional<PodPlace>(PodPlace::Cci)
            << QStringLiteral("2026-01-01T10:07:00Z");
    }
    void past()
    {
        QFETCH(QJsonObject, pod);
        QFETCH(QString, placed);
        QFETCH(std::optional<PodPlace>, place);
        QFETCH(QString, ended);
        const PodPast p = podPast(pod, kVirtual);
        QCOMPARE(p.created, QDateTime::fromString(QStringLiteral("2026-01-01T10:00:00Z"), Qt::ISODate));
        QCOMPARE(p.placed, QDateTime::fromString(placed, Qt::ISODate));
        QCOMPARE(p.place, place);
        QCOMPARE(p.ended, QDateTime::fromString(ended, Qt::ISODate));
    }

    void markers_data()
    {
        QTest::addColumn<QJsonObject>("event");
        QTest::addColumn<bool>("marked");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("time");
        QTest::newRow("scale") << json(R"({"reason":"ScalingReplicaSet","message":"Scaled up replica set web-1 to 5",
                                             "lastTimestamp":"2026-01-01T10:00:00Z","firstTimestamp":"2026-01-01T09:00:00Z",
                                             "involvedObject":{"kind":"Deployment","namespace":"shop","name":"web"}})")
                               << true << int(TimelineMarker::Kind::Scale) << QStringLiteral("2026-01-01T10:00:00Z");
        QTest::newRow("refusal, eventTime only")
            << json(R"({"reason":"FailedCreate","eventTime":"2026-01-01T10:00:01.500000Z",
                        "involvedObject":{"kind":"ReplicaSet","namespace":"shop","name":"web-1"}})")
            << true << int(TimelineMarker::Kind::Refusal) << QStringLiteral("2026-01-01T10:00:01.500Z");
        QTest::newRow("lock, creation time only")
            << json(R"({"reason":"VirtualKubeletLocked","metadata":{"creationTimestamp":"2026-01-01T10:00:02Z"},
                        "involvedObject":{"kind":"Node","name":"virtual-kubelet"}})")
            << true << int(TimelineMarker::Kind::Lock) << QStringLiteral("2026-01-01T10:00:02Z");
        QTest::newRow("unlock") << json(R"({"reason":"VirtualKubeletUnlocked","lastTimestamp":"2026-01-01T10:30:02Z"})")
                                << true << int(TimelineMarker::Kind::Unlock) << QStringLiteral("2026-01-01T10:30:02Z");
        QTest::newRow("other reason") << json(R"({"reason":"Pulled","lastTimestamp":"2026-01-01T10:00:00Z"})")
                                      << false << 0 << QStringLiteral("");
        QTest::newRow("no time") << json(R"({"reason":"FailedCreate"})") << false << 0 << QStringLiteral("");
    }
    void markers()
    {
        QFETCH(QJsonObject, event);
        QFETCH(bool, marked);
        const auto marker = markerFromEvent(event);
        QCOMPARE(marker.has_value(), marked);
        if (!marked)
            return;
        QTEST(int(marker->kind), "kind");
        QFETCH(QString, time);
        QCOMPARE(marker->msecs, QDateTime::fromString(time, Qt::ISODateWithMs).toMSecsSinceEpoch());
        QCOMPARE(marker->reason, event.value(QStringLiteral("reason")).toString());
    }

    void liveChanges()
    {
        PlacementTimeline t(1000);
        const qint64 t0 = ms("2026-01-01T10:00:00Z");
        t.setPod(QStringLiteral("a"), PodPlace::Pending, t0);
        t.setPod(QStringLiteral("b"), PodPlace::Pending, t0 + 300); // same bucket
        t.setPod(QStringLiteral("a"), PodPlace::Local, t0 + 2000);
        t.setPod(QStringLiteral("a"), PodPlace::Local, t0 + 2500); // unchanged: ignored
        t.setPod(QStringLiteral("b"), PodPlace::Cci, t0 + 3100);
        t.setPod(QStringLiteral("a"), std::nullopt, t0 + 5000);
        t.setPod(QStringLiteral("zz"), std::nullopt, t0 + 5000); // unknown, gone: nothing
        const QList<Sample> expected{{t0, {2, 0, 0}},
                                     {t0 + 2000, {1, 1, 0}},
                                     {t0 + 3000, {0, 1, 1}},
                                     {t0 + 5000, {0, 0, 1}}};
        QCOMPARE(t.samples(), expected);
        QCOMPARE(t.countsNow(), (Counts{0, 0, 1}));
        QCOMPARE(t.podCount(), 1);
        // A change and its undo inside one bucket leave no sample.
        t.setPod(QStringLiteral("c"), PodPlace::Pending, t0 + 9100);
        t.setPod(QStringLiteral("c"), std::nullopt, t0 + 9900);
        QCOMPARE(t.samples(), expected);
    }

    void pastThenLive()
    {
        PlacementTimeline t(1000);
        PodPast past;
        past.created = QDateTime::fromString(QStringLiteral("2026-01-01T09:00:00Z"), Qt::ISODate);
        past.placed = past.created.addSecs(10);
        past.place = PodPlace::Cci;
        t.addPast(QStringLiteral("a"), past);
        t.addPast(QStringLiteral("a"), past); // known: ignored
        PodPast done = past;
        done.ended = past.created.addSecs(60);
        t.addPast(QStringLiteral("b"), done);
        const qint64 t0 = past.created.toMSecsSinceEpoch();
        QCOMPARE(t.samples(), (QList<Sample>{{t0, {2, 0, 0}},
                                             {t0 + 10000, {0, 0, 2}},
                                             {t0 + 60000, {0, 0, 1}}}));
        // The informer's first report of "a" at its current place changes nothing.
        t.setPod(QStringLiteral("a"), PodPlace::Cci, t0 + 3'600'000);
        QCOMPARE(t.samples().size(), 3);
        QCOMPARE(t.podCount(), 1);
    }

    void trimKeepsCounts()
    {
        PlacementTimeline t(1000);
        const qint64 t0 = 1'000'000;
        for (int i = 0; i < 10; ++i)
            t.setPod(QString::number(i), PodPlace::Local, t0 + i * 1000);
        t.addMarker({t0 + 1000, TimelineMarker::Kind::Scale, {}, {}, {}});
        t.addMarker({t0 + 8000, TimelineMarker::Kind::Lock, {}, {}, {}});
        t.trimBefore(t0 + 5500);
        const QList<Sample> s = t.samples();
        QCOMPARE(s.first(), (Sample{t0 + 5000, {0, 6, 0}}));
        QCOMPARE(s.last(), (Sample{t0 + 9000, {0, 10, 0}}));
        QCOMPARE(t.markers().size(), 1);
        QCOMPARE(t.countsNow(), (Counts{0, 10, 0}));
    }

    void saveLoadContinue()
    {
        PlacementTimeline t(1000);
        t.setObservedSince(5000);
        t.setPod(QStringLiteral("a"), PodPlace::Local, 5000);
        t.setPod(QStringLiteral("b"), PodPlace::Cci, 6000);
        t.addMarker({6000, TimelineMarker::Kind::Refusal, QStringLiteral("ReplicaSet/shop/web-1"),
                     QStringLiteral("FailedCreate"), QStringLiteral("=1+1, \"quoted\"")});
        t.closeAt(9000);
        QCOMPARE(t.countsNow(), Counts{});
        const QByteArray saved = QJsonDocument(t.toJson()).toJson();
        const auto loaded = PlacementTimeline::fromJson(QJsonDocument::fromJson(saved).object());
        QVERIFY(loaded.has_value());
        QCOMPARE(loaded->samples(), t.samples());
        QCOMPARE(loaded->markers(), t.markers());
        QCOMPARE(loaded->observedSince(), 5000);
        QCOMPARE(loaded->floorMsecs(), 9000);
        // After the restart, a pod's reconstructed past before the saved end lands at the end.
        PlacementTimeline again = *loaded;
        PodPast past;
        past.created = QDateTime::fromMSecsSinceEpoch(5000, QTimeZone::utc());
        past.placed = past.created;
        past.place = PodPlace::Local;
        again.addPast(QStringLiteral("a"), past);
        QCOMPARE(again.samples().last(), (Sample{9000, {0, 1, 0}}));
        // CSV: samples, then markers with a formula-looking message defused and quoted.
        const QByteArray csv = t.toCsv();
        QVERIFY2(csv.startsWith("time,pending,local,cci\r\n1970-01-01T00:00:05.000Z,0,1,0\r\n"), csv.constData());
        QVERIFY2(csv.contains(",marker,refusal,ReplicaSet/shop/web-1,FailedCreate,\"'=1+1, \"\"quoted\"\"\"\r\n"),
                 csv.constData());
    }

    void refusesMalformedJson_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("no resolution") << QByteArray(R"({"observedSince":0})");
        QTest::newRow("zero resolution") << QByteArray(R"({"resolutionMs":0,"observedSince":0})");
        QTest::newRow("fractional time") << QByteArray(R"({"resolutionMs":1000,"observedSince":0.5})");
        QTest::newRow("short sample") << QByteArray(R"({"resolutionMs":1000,"observedSince":0,"samples":[[1,2,3]]})");
        QTest::newRow("negative count") << QByteArray(R"({"resolutionMs":1000,"observedSince":0,"samples":[[1,-2,3,4]]})");
        QTest::newRow("out of order") << QByteArray(R"({"resolutionMs":1000,"observedSince":0,"samples":[[2,0,0,0],[1,0,0,0]]})");
        QTest::newRow("unknown marker") << QByteArray(R"({"resolutionMs":1000,"observedSince":0,"markers":[{"msecs":1,"kind":"boom"}]})");
        QTest::newRow("huge number") << QByteArray(R"({"resolutionMs":1e300,"observedSince":0})");
    }
    void refusesMalformedJson()
    {
        QFETCH(QByteArray, text);
        QVERIFY(!PlacementTimeline::fromJson(QJsonDocument::fromJson(text).object()).has_value());
    }
};

QTEST_APPLESS_MAIN(TestBurstTimeline)
#include "tst_bursttimeline.moc"
