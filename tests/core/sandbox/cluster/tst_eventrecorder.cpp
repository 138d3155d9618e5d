#include "core/sandbox/apiserver/sandboxclock.h"
#include "core/sandbox/cluster/eventrecorder.h"
#include "core/sandbox/store/objectstore.h"

#include <QTest>

using namespace core::sandbox;
using namespace std::chrono_literals;

// The event recorder, which reports on the sandbox clock and counts repeats as kubelet and the
// scheduler do.
class tst_EventRecorder : public QObject
{
    Q_OBJECT

private slots:
    void repeatedEventsAreCounted()
    {
        ObjectStore store;
        const ResourceType namespaces{QString(), QStringLiteral("v1"), QStringLiteral("namespaces"),
                                      QStringLiteral("Namespace")};
        QVERIFY(store.create(
            namespaces, QString(),
            QJsonObject{{QStringLiteral("metadata"),
                         QJsonObject{{QStringLiteral("name"), QStringLiteral("payments")}}}}));
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
                const QDateTime firstSeen =
                    QDateTime::fromString(event.value(u"firstTimestamp").toString(), Qt::ISODate);
                const QDateTime lastSeen =
                    QDateTime::fromString(event.value(u"lastTimestamp").toString(), Qt::ISODate);
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

QTEST_GUILESS_MAIN(tst_EventRecorder)
#include "tst_eventrecorder.moc"
