#include "models/eventtablemodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using models::BurstFailure;
using models::EventTableModel;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(BurstFailure)

namespace {

QJsonObject makeEvent(const QString &name, const QString &reason, const QString &message = {},
                  int count = 1, const QString &type = u"Warning"_s)
{
    return QJsonObject{
        {u"metadata"_s, QJsonObject{{u"name"_s, name},
                                   {u"namespace"_s, u"payments"_s},
                                   {u"uid"_s, QString(u"uid-"_s + name)}}},
        {u"involvedObject"_s, QJsonObject{{u"kind"_s, u"Pod"_s}, {u"name"_s, u"web-1"_s}}},
        {u"type"_s, type},
        {u"reason"_s, reason},
        {u"message"_s, message},
        {u"count"_s, count},
        {u"source"_s, QJsonObject{{u"component"_s, u"default-scheduler"_s}}},
        {u"lastTimestamp"_s, u"2026-03-01T11:59:00Z"_s}};
}

} // namespace

// The Events pane's model: kubectl's columns read from core/v1 Events of either recorder, burst
// failures marked with what to do, and a stream of batches applied without a reset.
class tst_EventTableModel : public QObject
{
    Q_OBJECT

private slots:
    void rowFrom_data()
    {
        QTest::addColumn<QJsonObject>("event");
        QTest::addColumn<QString>("lastSeen");
        QTest::addColumn<QString>("object");
        QTest::addColumn<QString>("count");
        QTest::addColumn<QString>("source");
        QJsonObject legacy = makeEvent(u"e"_s, u"Scheduled"_s, {}, 3);
        legacy.insert(u"source"_s, QJsonObject{{u"component"_s, u"kubelet"_s},
                                               {u"host"_s, u"idc-node-1"_s}});
        QTest::newRow("core/v1 recorder") << legacy << u"60s"_s << u"pod/web-1"_s << u"3"_s
                                          << u"kubelet, idc-node-1"_s;
        QJsonObject series = makeEvent(u"e"_s, u"BackOff"_s);
        series.remove(u"lastTimestamp"_s);
        series.remove(u"count"_s);
        series.remove(u"source"_s);
        series.insert(u"eventTime"_s, u"2026-03-01T11:00:00.000000Z"_s);
        series.insert(u"series"_s, QJsonObject{{u"count"_s, 12},
                                               {u"lastObservedTime"_s,
                                                u"2026-03-01T11:58:00.123456Z"_s}});
        series.insert(u"reportingComponent"_s, u"kubelet"_s);
        series.insert(u"reportingInstance"_s, u"idc-node-2"_s);
        QTest::newRow("events.k8s.io series") << series << u"119s"_s << u"pod/web-1"_s << u"12"_s
                                              << u"kubelet, idc-node-2"_s;
        QJsonObject bare = makeEvent(u"e"_s, u"Created"_s);
        bare.remove(u"lastTimestamp"_s);
        bare.remove(u"count"_s);
        bare.insert(u"firstTimestamp"_s, u"2026-03-01T11:00:00Z"_s);
        QTest::newRow("first timestamp only")
            << bare << u"60m"_s << u"pod/web-1"_s << u"1"_s << u"default-scheduler"_s;
    }
    void rowFrom()
    {
        QFETCH(QJsonObject, event);
        EventTableModel model;
        model.setNow(QDateTime::fromString(u"2026-03-01T12:00:00Z"_s, Qt::ISODate));
        core::kube::ChangeSet set;
        set.added = {event};
        model.applyChanges(set);
        QFETCH(QString, lastSeen);
        QFETCH(QString, object);
        QFETCH(QString, count);
        QFETCH(QString, source);
        QCOMPARE(model.index(0, EventTableModel::LastSeen).data().toString(), lastSeen);
        QCOMPARE(model.index(0, EventTableModel::Object).data().toString(), object);
        QCOMPARE(model.index(0, EventTableModel::Count).data().toString(), count);
        QCOMPARE(model.index(0, EventTableModel::Source).data().toString(), source);
        QCOMPARE(model.index(0, EventTableModel::Namespace).data().toString(), u"payments"_s);
    }

    void burst_data()
    {
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("message");
        QTest::addColumn<BurstFailure>("failure");
        QTest::addColumn<QString>("hintMentions");
        QTest::newRow("CCI refused the pod")
            << u"ProviderCreateFailed"_s
            << u"CCI refused the pod: cci.cpu-size: 33 cores is not a CCI size"_s
            << BurstFailure::CciRefused << u"resources"_s;
        QTest::newRow("node locked") << u"VirtualKubeletLocked"_s
                                     << u"CCI refused a pod (x); no pods are sent to CCI until y"_s
                                     << BurstFailure::NodeLocked << u"unlock"_s;
        QTest::newRow("the lock taint is not tolerated")
            << u"FailedScheduling"_s
            << u"0/4 nodes are available: 1 node(s) had untolerated taint "
               u"{virtual-kubelet.io/locked: true}, 3 node(s) are local"_s
            << BurstFailure::WaitingForLock << u"locked"_s;
        QTest::newRow("waiting for the lock")
            << u"FailedScheduling"_s
            << u"0/4 nodes are available: 1 node(s) were locked after a failed CCI admission"_s
            << BurstFailure::WaitingForLock << u"locked"_s;
        QTest::newRow("other scheduling failure")
            << u"FailedScheduling"_s << u"0/4 nodes are available: 3 Insufficient cpu"_s
            << BurstFailure::None << QString();
        QTest::newRow("unlocked is no failure")
            << u"VirtualKubeletUnlocked"_s << u"the lock was cleared through the API"_s
            << BurstFailure::None << QString();
    }
    void burst()
    {
        QFETCH(QString, reason);
        QFETCH(QString, message);
        QFETCH(BurstFailure, failure);
        QFETCH(QString, hintMentions);
        EventTableModel model;
        core::kube::ChangeSet set;
        set.added = {makeEvent(u"e"_s, reason, message)};
        model.applyChanges(set);
        QCOMPARE(model.rowAt(0).burst, failure);
        const QModelIndex burst = model.index(0, EventTableModel::Burst);
        QCOMPARE(burst.data().toString(), models::burstFailureLabel(failure));
        QCOMPARE(burst.data().toString().isEmpty(), failure == BurstFailure::None);
        const QString hint = model.index(0, EventTableModel::Reason).data(Qt::ToolTipRole).toString();
        QCOMPARE(hint.isEmpty(), failure == BurstFailure::None);
        QVERIFY2(hint.contains(hintMentions, Qt::CaseInsensitive), qPrintable(hint));
    }

    // Batches of added, repeated (count goes up) and expired events, as the informer delivers
    // them, keep the model consistent and never reset it; the model holds what the cache holds.
    void streamsWithoutReset()
    {
        EventTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QHash<QString, QJsonObject> cache;
        QRandomGenerator random(7);
        int next = 0;
        for (int round = 0; round < 60; ++round) {
            core::kube::ChangeSet set;
            for (int i = 0; i < 5; ++i) {
                const QJsonObject e = makeEvent(u"e%1"_s.arg(next++), u"Pulled"_s, u"m"_s);
                cache.insert(e.value(u"metadata"_s).toObject().value(u"uid"_s).toString(), e);
                set.added.append(e);
            }
            const QStringList uids = cache.keys();
            for (int i = 0; i < 3 && !uids.isEmpty(); ++i) {
                const QString uid = uids.at(random.bounded(int(uids.size())));
                if (random.bounded(2) == 0) {
                    set.deleted.append(cache.take(uid));
                } else if (cache.contains(uid)) {
                    QJsonObject e = cache.value(uid);
                    e.insert(u"count"_s, e.value(u"count"_s).toInt() + 1);
                    cache.insert(uid, e);
                    set.modified.append(e);
                }
            }
            model.applyChanges(set);
            QCOMPARE(model.rowCount(), cache.size());
        }
        for (const models::EventRow &row : model.rows())
            QCOMPARE(row.count, cache.value(row.uid).value(u"count"_s).toInt());
        QCOMPARE(resets.count(), 0);
    }
};

QTEST_MAIN(tst_EventTableModel)
#include "tst_eventtablemodel.moc"
