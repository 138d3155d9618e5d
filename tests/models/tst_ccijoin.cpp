#include "models/ccijoin.h"
#include "models/eventtablemodel.h"
#include "models/podtablemodel.h"

#include "liveobjects.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using models::CciJoin;
using models::EventTableModel;
using models::PodTableModel;
using namespace Qt::StringLiterals;
using namespace liveobjects;

namespace {

const QString kVk = u"virtual-kubelet"_s;
const QString kCciNs = u"cce-burst-c1"_s;

QJsonObject withAnnotations(QJsonObject object, const QJsonObject &annotations)
{
    QJsonObject meta = object.value(u"metadata").toObject();
    meta.insert(u"annotations"_s, annotations);
    object.insert(u"metadata"_s, meta);
    return object;
}

QJsonObject withPhase(QJsonObject pod, const QString &phase, int restarts = 0)
{
    pod.insert(u"status"_s,
               QJsonObject{{u"phase"_s, phase},
                           {u"containerStatuses"_s,
                            QJsonArray{QJsonObject{{u"name"_s, u"app"_s},
                                                   {u"ready"_s, phase == u"Running"},
                                                   {u"state"_s,
                                                    phase == u"Running"
                                                        ? QJsonObject{{u"running"_s, QJsonObject{}}}
                                                        : QJsonObject{}},
                                                   {u"restartCount"_s, restarts}}}}});
    return pod;
}

// A burst pod's CCI side: in the cluster's CCI namespace, naming its CCE pod by uid (`cceUid`
// "" leaves the back-reference off: a name join).
QJsonObject cciPod(const QString &name, const QString &cceUid, const QString &phase = u"Running"_s,
                   const QString &ns = kCciNs)
{
    QJsonObject pod = withPhase(liveobjects::pod(ns, name, QString()), phase);
    pod.insert(u"spec"_s, QJsonObject{{u"containers"_s,
                                       QJsonArray{QJsonObject{{u"name"_s, u"app"_s}}}}});
    if (!cceUid.isEmpty())
        pod = withAnnotations(pod, {{u"burst.sandbox/cce-uid"_s, cceUid}});
    return pod;
}

QJsonObject podEvent(const QString &uid, const QString &ns, const QString &podName,
                  const QString &podUid, const QString &reason, const QString &at)
{
    return QJsonObject{
        {u"metadata"_s, QJsonObject{{u"name"_s, uid}, {u"namespace"_s, ns}, {u"uid"_s, uid}}},
        {u"involvedObject"_s, QJsonObject{{u"kind"_s, u"Pod"_s},
                                          {u"name"_s, podName},
                                          {u"namespace"_s, ns},
                                          {u"uid"_s, podUid}}},
        {u"type"_s, u"Normal"_s},
        {u"reason"_s, reason},
        {u"message"_s, QString(reason + u" message"_s)},
        {u"lastTimestamp"_s, at}};
}

core::kube::ChangeSet modified(const QList<QJsonObject> &objects)
{
    core::kube::ChangeSet set;
    set.modified = objects;
    return set;
}

QString cell(const QAbstractItemModel &model, int row, int column)
{
    return model.index(row, column).data().toString();
}

// A CCE cluster with one burst pod (payments/web-1 on the virtual node) and a local one, a CCI
// endpoint, and the join between them, as the main window wires them.
struct Hybrid
{
    PodTableModel cce;
    PodTableModel cci;
    EventTableModel cceEvents;
    EventTableModel cciEvents;
    CciJoin join;
    QAbstractItemModelTester cceTester{&cce};
    QAbstractItemModelTester cciTester{&cci};
    QAbstractItemModelTester eventsTester{&cceEvents};

    Hybrid()
    {
        cce.setVirtualNodes({kVk});
        cce.setNow(QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC));
        cceEvents.setContext(u"cce"_s);
        cciEvents.setContext(u"cci"_s);
        cce.applyChanges(added({withPhase(pod(u"payments"_s, u"web-1"_s, kVk), u"Running"_s),
                                withPhase(pod(u"payments"_s, u"db-1"_s, u"idc-1"_s),
                                          u"Running"_s)}));
        cce.setCciJoin(&join);
        cce.setEvents(&cceEvents);
        cceEvents.mergeCci(&join, &cce);
        join.addSource(u"cci"_s, &cci, &cciEvents);
    }
    int web() const { return cce.rowOf(u"payments/web-1"_s); }
    int db() const { return cce.rowOf(u"payments/db-1"_s); }
};

} // namespace

// The Burst pods pane's CCI side: each burst pod joined with the pod CCI runs for it, from a
// connected CCI endpoint, and the CCI endpoint's events merged into the cluster's.
class tst_CciJoin : public QObject
{
    Q_OBJECT

private slots:
    void joinsByBackReference()
    {
        Hybrid h;
        QCOMPARE(cell(h.cce, h.web(), PodTableModel::CciPod), QString());
        QSignalSpy changed(&h.cce, &QAbstractItemModel::dataChanged);
        h.cci.applyChanges(added({cciPod(u"web-1"_s, u"payments/web-1"_s, u"Pending"_s)}));
        QVERIFY(!changed.isEmpty());
        QCOMPARE(changed.constLast().at(0).toModelIndex().row(), h.web());
        QCOMPARE(cell(h.cce, h.web(), PodTableModel::CciPod), u"cce-burst-c1/web-1"_s);
        QCOMPARE(cell(h.cce, h.web(), PodTableModel::CciStatus), u"Pending"_s);
        QCOMPARE(cell(h.cce, h.web(), PodTableModel::CciReady), u"0/1"_s);

        // The CCI side runs, restarts: the burst pod's row follows.
        QJsonObject running = cciPod(u"web-1"_s, u"payments/web-1"_s);
        running = withPhase(running, u"Running"_s, 2);
        h.cci.applyChanges(modified({running}));
        QCOMPARE(cell(h.cce, h.web(), PodTableModel::CciStatus), u"Running"_s);
        QCOMPARE(cell(h.cce, h.web(), PodTableModel::CciReady), u"1/1"_s);
        QCOMPARE(cell(h.cce, h.web(), PodTableModel::CciRestarts), u"2"_s);
        QCOMPARE(h.cce.index(h.web(), PodTableModel::CciRestarts).data(PodTableModel::SortRole),
                 QVariant(qint64(2)));

        // A local pod never shows a CCI side, even one of the same name.
        QCOMPARE(cell(h.cce, h.db(), PodTableModel::CciPod), QString());

        h.cci.applyChanges(deleted({running}));
        QCOMPARE(cell(h.cce, h.web(), PodTableModel::CciPod), QString());
        QCOMPARE(cell(h.cce, h.web(), PodTableModel::CciStatus), QString());
    }

    void joinsByName_data()
    {
        QTest::addColumn<QStringList>("cciNamespaces"); // one pod web-1 in each
        QTest::addColumn<QString>("expected");
        QTest::newRow("guide's namespace") << QStringList{kCciNs} << u"cce-burst-c1/web-1"_s;
        QTest::newRow("CCI 2.0's namespace")
            << QStringList{u"bursting-c1"_s} << u"bursting-c1/web-1"_s;
        QTest::newRow("not a burst namespace") << QStringList{u"web"_s} << QString();
        QTest::newRow("two clusters' pods share the name")
            << QStringList{kCciNs, u"cce-burst-c2"_s} << QString();
    }
    void joinsByName()
    {
        QFETCH(QStringList, cciNamespaces);
        QFETCH(QString, expected);
        Hybrid h;
        QList<QJsonObject> pods;
        for (const QString &ns : cciNamespaces)
            pods.append(cciPod(u"web-1"_s, QString(), u"Running"_s, ns));
        h.cci.applyChanges(added(pods));
        QCOMPARE(cell(h.cce, h.web(), PodTableModel::CciPod), expected);
    }

    void backReferenceWinsOverName()
    {
        Hybrid h;
        // Another cluster's web-1 without a back-reference, and ours with one under a new name.
        h.cci.applyChanges(added({cciPod(u"web-1"_s, QString(), u"Running"_s, u"cce-burst-c2"_s),
                                  cciPod(u"web-1-x1"_s, u"payments/web-1"_s, u"Pending"_s)}));
        QCOMPARE(cell(h.cce, h.web(), PodTableModel::CciPod), u"cce-burst-c1/web-1-x1"_s);
    }

    void sourceGoesAway()
    {
        Hybrid h;
        h.cci.applyChanges(added({cciPod(u"web-1"_s, u"payments/web-1"_s)}));
        QVERIFY(!cell(h.cce, h.web(), PodTableModel::CciPod).isEmpty());
        h.join.removeSource(&h.cci);
        QCOMPARE(cell(h.cce, h.web(), PodTableModel::CciPod), QString());
        QVERIFY(h.join.sources().isEmpty());
    }

    void eventsMerged()
    {
        Hybrid h;
        h.cci.applyChanges(added({cciPod(u"web-1"_s, u"payments/web-1"_s)}));
        h.cceEvents.applyChanges(added({podEvent(u"e1"_s, u"payments"_s, u"web-1"_s,
                                              u"payments/web-1"_s, u"Scheduled"_s,
                                              u"2026-03-01T11:50:00Z"_s)}));
        QCOMPARE(cell(h.cce, h.web(), PodTableModel::LastEvent),
                 u"Scheduled (10m ago): Scheduled message"_s);

        // CCI's own event about its pod arrives on the CCI endpoint.
        h.cciEvents.applyChanges(added({podEvent(u"c1"_s, kCciNs, u"web-1"_s, kCciNs + u"/web-1"_s,
                                              u"Started"_s, u"2026-03-01T11:58:00Z"_s)}));
        h.cceEvents.updateMerged(); // (it follows by itself after a short delay)
        QCOMPARE(h.cceEvents.rowCount(), 2);
        const int merged = h.cceEvents.rowOf(u"cci:cci:c1"_s);
        QVERIFY(merged >= 0);
        // About the burst pod itself, so namespace scoping and the details pane work.
        QCOMPARE(cell(h.cceEvents, merged, EventTableModel::Object), u"pod/web-1"_s);
        QCOMPARE(cell(h.cceEvents, merged, EventTableModel::Namespace), u"payments"_s);
        QCOMPARE(cell(h.cceEvents, merged, EventTableModel::Cluster), u"cci"_s);
        QCOMPARE(cell(h.cceEvents, h.cceEvents.rowOf(u"e1"_s), EventTableModel::Cluster),
                 u"cce"_s);
        QVERIFY(h.cceEvents.index(merged, EventTableModel::Object)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(u"cce-burst-c1/web-1"_s));
        QCOMPARE(h.cceEvents.index(merged, 0).data(models::ObjectRefRole).value<models::ObjectRef>(),
                 (models::ObjectRef{u"pods"_s, u"payments"_s, u"web-1"_s, QString()}));
        // The newest of both sides is the pod's last event.
        QCOMPARE(cell(h.cce, h.web(), PodTableModel::LastEvent),
                 u"Started (2m ago): Started message"_s);

        // The CCI pod goes (its Killing event comes after): its events stay joined.
        h.cci.applyChanges(deleted({cciPod(u"web-1"_s, u"payments/web-1"_s)}));
        h.cciEvents.applyChanges(added({podEvent(u"c2"_s, kCciNs, u"web-1"_s, kCciNs + u"/web-1"_s,
                                              u"Killing"_s, u"2026-03-01T11:59:00Z"_s)}));
        h.cceEvents.updateMerged();
        QCOMPARE(h.cceEvents.rowCount(), 3);
        QCOMPARE(cell(h.cce, h.web(), PodTableModel::LastEvent),
                 u"Killing (60s ago): Killing message"_s);

        // Events that expire on the CCI side leave the merged table; others are never merged.
        h.cciEvents.applyChanges(
            added({podEvent(u"c3"_s, kCciNs, u"other"_s, kCciNs + u"/other"_s, u"Started"_s,
                         u"2026-03-01T11:59:00Z"_s)}));
        h.cciEvents.applyChanges(deleted({podEvent(u"c1"_s, kCciNs, u"web-1"_s,
                                                kCciNs + u"/web-1"_s, u"Started"_s, {})}));
        h.cceEvents.updateMerged();
        QCOMPARE(h.cceEvents.rowCount(), 2);
        QVERIFY(h.cceEvents.rowOf(u"cci:cci:c1"_s) < 0);
        QVERIFY(h.cceEvents.rowOf(u"cci:cci:c2"_s) >= 0);

        // No CCI endpoint any more: only the cluster's own events.
        h.join.removeSource(&h.cci);
        h.cceEvents.updateMerged();
        QCOMPARE(h.cceEvents.rowCount(), 1);
        QCOMPARE(cell(h.cce, h.web(), PodTableModel::LastEvent),
                 u"Scheduled (10m ago): Scheduled message"_s);
    }

    void mergeFollowsByItself()
    {
        Hybrid h;
        h.cci.applyChanges(added({cciPod(u"web-1"_s, u"payments/web-1"_s)}));
        h.cciEvents.applyChanges(added({podEvent(u"c1"_s, kCciNs, u"web-1"_s, kCciNs + u"/web-1"_s,
                                              u"Started"_s, u"2026-03-01T11:58:00Z"_s)}));
        QTRY_COMPARE(h.cceEvents.rowCount(), 1);
    }

    // A user who may not read nodes: the pod's own annotation says it runs on CCI.
    void locationWithoutNodes()
    {
        PodTableModel model;
        QAbstractItemModelTester tester(&model);
        const QJsonObject burst = withAnnotations(
            pod(u"payments"_s, u"web-1"_s, kVk),
            {{u"virtual-kubelet.cci.io/burst-pod-cpu"_s, u"500m"_s}});
        model.applyChanges(added({burst, pod(u"payments"_s, u"db-1"_s, u"idc-1"_s),
                                  withAnnotations(pod(u"payments"_s, u"new"_s, QString()),
                                                  {{u"virtual-kubelet.cci.io/burst-pod-cpu"_s,
                                                    u"1"_s}})}));
        QCOMPARE(cell(model, 0, PodTableModel::Location), u"local"_s); // nodes not read yet
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setVirtualNodesKnown(false);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(cell(model, 0, PodTableModel::Location), u"CCI"_s);
        QCOMPARE(cell(model, 1, PodTableModel::Location), u"local"_s);
        QCOMPARE(cell(model, 2, PodTableModel::Location), u"unscheduled"_s);
        model.setVirtualNodesKnown(true);
        QCOMPARE(cell(model, 0, PodTableModel::Location), u"local"_s); // the node list decides
    }
};

QTEST_GUILESS_MAIN(tst_CciJoin)
#include "tst_ccijoin.moc"
