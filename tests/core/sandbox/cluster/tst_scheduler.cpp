#include "core/sandbox/cluster/scheduler.h"

#include "core/burst/cciconventions.h"

#include "schedulertesthelpers.h"

#include <QElapsedTimer>
#include <QTest>

#include <algorithm>

using namespace core::sandbox;
using namespace Qt::StringLiterals;
using namespace schedulertest;

// Expected placements follow SPEC.md section 2 and the guide's examples 02 and 03; unschedulable
// messages follow kube-scheduler's FitError text as kubectl describe shows it ("0/4 nodes are
// available: 1 node(s) had untolerated taint {k: v}, 3 Insufficient cpu. preemption: ...").
class tst_Scheduler : public QObject
{
    Q_OBJECT

private slots:
    void placement_data();
    void placement();
    void taints_data();
    void taints();
    void deletionFreesCapacity();
    void noWritesWhileNothingChanges();
    void tolerationAloneDoesNotBurst();
    void profileStrategy_data();
    void profileStrategy();
    void labelOverridesProfile();
    void localMaxNum();
    void cciMaxNum();
    void resyncAfterStoppedWatch();
    void severalVirtualNodes();
    void zoneVirtualNodes();
    void manyPods();
};

static const QString kVk = u"virtual-kubelet"_s;

void tst_Scheduler::placement_data()
{
    QTest::addColumn<QString>("strategy");
    QTest::addColumn<QString>("cpu");
    QTest::addColumn<QString>("memory");
    QTest::addColumn<QString>("node"); // "" = stays Pending
    QTest::addColumn<QString>("message");

    // All three IDC nodes are empty: first by name wins for localPrefer, least-allocated ties go
    // to the first too.
    QTest::newRow("enforce") << u"enforce"_s << u"250m"_s << u"512Mi"_s << kVk << QString();
    QTest::newRow("localPrefer fits")
        << u"localPrefer"_s << u"250m"_s << u"512Mi"_s << u"idc-node-1"_s << QString();
    QTest::newRow("auto fits") << u"auto"_s << u"250m"_s << u"512Mi"_s << u"idc-node-1"_s
                               << QString();
    QTest::newRow("off fits") << u"off"_s << u"250m"_s << u"512Mi"_s << u"idc-node-1"_s
                              << QString();
    QTest::newRow("no label fits")
        << QString() << u"250m"_s << u"512Mi"_s << u"idc-node-1"_s << QString();
    QTest::newRow("localPrefer too large")
        << u"localPrefer"_s << u"5"_s << u"4Gi"_s << kVk << QString();
    QTest::newRow("auto too large") << u"auto"_s << u"5"_s << u"4Gi"_s << kVk << QString();
    QTest::newRow("off too large: cpu") << u"off"_s << u"5"_s << u"4Gi"_s << QString()
                                        << fitError(kTaintedVk + u", 3 Insufficient cpu"_s, 1, 3);
    QTest::newRow("no label too large: memory")
        << QString() << u"1"_s << u"9Gi"_s << QString()
        << fitError(kTaintedVk + u", 3 Insufficient memory"_s, 1, 3);
    QTest::newRow("no label too large: both")
        << QString() << u"5"_s << u"9Gi"_s << QString()
        << fitError(kTaintedVk + u", 3 Insufficient cpu, 3 Insufficient memory"_s, 1, 3);
}

void tst_Scheduler::placement()
{
    QFETCH(QString, strategy);
    QFETCH(QString, cpu);
    QFETCH(QString, memory);
    QFETCH(QString, node);
    QFETCH(QString, message);

    Cluster c;
    QVERIFY(c.cce.create(kPods, u"default"_s, makePod(u"p"_s, cpu, memory, strategy)));
    c.scheduler.reconcile();
    const QJsonObject pod = c.pod(u"default"_s, u"p"_s);
    QCOMPARE(c.nodeOf(u"default"_s, u"p"_s), node);
    if (!node.isEmpty()) {
        QCOMPARE(scheduledStatus(pod), u"True"_s);
        const auto scheduled = c.events(u"default"_s, u"p"_s, u"Scheduled"_s);
        QCOMPARE(scheduled.size(), 1);
        QCOMPARE(scheduled.first().value(u"message").toString(),
                 u"Successfully assigned default/p to %1"_s.arg(node));
        QCOMPARE(scheduled.first().value(u"source").toObject().value(u"component").toString(),
                 u"default-scheduler"_s);
        return;
    }
    QCOMPARE(scheduledStatus(pod), u"False"_s);
    QCOMPARE(scheduledMessage(pod), message);
    const auto failed = c.events(u"default"_s, u"p"_s, u"FailedScheduling"_s);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().value(u"type").toString(), u"Warning"_s);
    QCOMPARE(failed.first().value(u"message").toString(), message);
}

void tst_Scheduler::taints_data()
{
    QTest::addColumn<QJsonArray>("tolerations");
    QTest::addColumn<QString>("node");

    const auto toleration = [](const QString &op, const QString &value, const QString &effect) {
        QJsonObject t{{u"key"_s, u"dedicated"_s}, {u"operator"_s, op}};
        if (!value.isEmpty())
            t.insert(u"value"_s, value);
        if (!effect.isEmpty())
            t.insert(u"effect"_s, effect);
        return QJsonArray{t};
    };
    // idc-node-1 carries dedicated=gpu:NoSchedule; the least-allocated tie goes to the first
    // node that passes the filters.
    QTest::newRow("no toleration") << QJsonArray() << u"idc-node-2"_s;
    QTest::newRow("Equal") << toleration(u"Equal"_s, u"gpu"_s, u"NoSchedule"_s) << u"idc-node-1"_s;
    QTest::newRow("Exists") << toleration(u"Exists"_s, QString(), QString()) << u"idc-node-1"_s;
    QTest::newRow("wrong value") << toleration(u"Equal"_s, u"cpu"_s, u"NoSchedule"_s)
                                 << u"idc-node-2"_s;
    QTest::newRow("wrong effect") << toleration(u"Equal"_s, u"gpu"_s, u"NoExecute"_s)
                                  << u"idc-node-2"_s;
}

void tst_Scheduler::taints()
{
    QFETCH(QJsonArray, tolerations);
    QFETCH(QString, node);

    Cluster c;
    QJsonObject n = c.node(u"idc-node-1"_s);
    QJsonObject spec = n.value(u"spec").toObject();
    spec.insert(u"taints"_s, QJsonArray{QJsonObject{{u"key"_s, u"dedicated"_s},
                                                    {u"value"_s, u"gpu"_s},
                                                    {u"effect"_s, u"NoSchedule"_s}}});
    n.insert(u"spec"_s, spec);
    QVERIFY(c.cce.update(kNodes, QString(), u"idc-node-1"_s, n));
    QVERIFY(c.cce.create(kPods, u"default"_s,
                         makePod(u"p"_s, u"100m"_s, u"128Mi"_s, QString(), {}, tolerations)));
    c.scheduler.reconcile();
    QCOMPARE(c.nodeOf(u"default"_s, u"p"_s), node);
}

void tst_Scheduler::deletionFreesCapacity()
{
    Cluster c;
    // 3 cpu each: least-allocated spreads them over the three nodes, leaving 1 cpu per node.
    for (const QString &name : {u"big-1"_s, u"big-2"_s, u"big-3"_s})
        QVERIFY(c.cce.create(kPods, u"default"_s, makePod(name, u"3"_s, u"1Gi"_s)));
    c.scheduler.reconcile();
    const QStringList nodes{c.nodeOf(u"default"_s, u"big-1"_s), c.nodeOf(u"default"_s, u"big-2"_s),
                            c.nodeOf(u"default"_s, u"big-3"_s)};
    QCOMPARE(QSet<QString>(nodes.cbegin(), nodes.cend()),
             (QSet<QString>{u"idc-node-1"_s, u"idc-node-2"_s, u"idc-node-3"_s}));

    QVERIFY(c.cce.create(kPods, u"default"_s, makePod(u"waiting"_s, u"2"_s, u"1Gi"_s)));
    c.scheduler.reconcile();
    QCOMPARE(c.nodeOf(u"default"_s, u"waiting"_s), QString());
    QCOMPARE(scheduledMessage(c.pod(u"default"_s, u"waiting"_s)),
             fitError(kTaintedVk + u", 3 Insufficient cpu"_s, 1, 3));

    const QString freed = c.nodeOf(u"default"_s, u"big-2"_s);
    QVERIFY(c.cce.remove(kPods, u"default"_s, u"big-2"_s));
    c.scheduler.reconcile();
    QCOMPARE(c.nodeOf(u"default"_s, u"waiting"_s), freed);
    QCOMPARE(scheduledStatus(c.pod(u"default"_s, u"waiting"_s)), u"True"_s);
}

void tst_Scheduler::noWritesWhileNothingChanges()
{
    Cluster c;
    QVERIFY(c.cce.create(kPods, u"default"_s, makePod(u"huge"_s, u"64"_s, u"1Gi"_s)));
    c.scheduler.reconcile();
    c.scheduler.reconcile(); // sees its own condition write
    const QString before = c.cce.resourceVersion();
    for (int i = 0; i < 20; ++i)
        c.scheduler.reconcile();
    QCOMPARE(c.cce.resourceVersion(), before);
    const auto failed = c.events(u"default"_s, u"huge"_s, u"FailedScheduling"_s);
    QCOMPARE(failed.first().value(u"count").toInt(), 1);
}

void tst_Scheduler::tolerationAloneDoesNotBurst()
{
    // Tolerating virtual-kubelet's taint is not a burst strategy (SPEC 1: none = never CCI).
    Cluster c;
    const QJsonArray tolerations{
        QJsonObject{{u"key"_s, u"virtual-kubelet.io/provider"_s}, {u"operator"_s, u"Exists"_s}}};
    QVERIFY(c.cce.create(kPods, u"default"_s,
                         makePod(u"p"_s, u"5"_s, u"4Gi"_s, QString(), {}, tolerations)));
    c.scheduler.reconcile();
    QCOMPARE(c.nodeOf(u"default"_s, u"p"_s), QString());
    QCOMPARE(scheduledStatus(c.pod(u"default"_s, u"p"_s)), u"False"_s);
    QCOMPARE(c.cci.count(kPods), 0);
}

void tst_Scheduler::profileStrategy_data()
{
    QTest::addColumn<QString>("strategy");
    QTest::addColumn<QString>("cpu");
    QTest::addColumn<QString>("node");

    // No label on the pod: the associated profile's strategy decides (SPEC 2).
    QTest::newRow("enforce") << u"enforce"_s << u"250m"_s << kVk;
    QTest::newRow("localPrefer fits") << u"localPrefer"_s << u"250m"_s << u"idc-node-1"_s;
    QTest::newRow("localPrefer too large") << u"localPrefer"_s << u"5"_s << kVk;
    QTest::newRow("auto too large") << u"auto"_s << u"5"_s << kVk;
}

void tst_Scheduler::profileStrategy()
{
    QFETCH(QString, strategy);
    QFETCH(QString, cpu);
    QFETCH(QString, node);

    Cluster c;
    const QJsonObject profile{
        {u"apiVersion"_s, u"scheduling.cci.io/v1"_s},
        {u"kind"_s, u"ScheduleProfile"_s},
        {u"metadata"_s, QJsonObject{{u"name"_s, u"web"_s}}},
        {u"spec"_s,
         QJsonObject{{u"objectLabels"_s,
                      QJsonObject{{u"matchLabels"_s, QJsonObject{{u"app"_s, u"web"_s}}}}},
                     {u"strategy"_s, strategy}}}};
    QVERIFY(c.cce.create(kProfiles, u"default"_s, profile));
    QVERIFY(
        c.cce.create(kPods, u"default"_s,
                     makePod(u"p"_s, cpu, u"4Gi"_s, QString(), QJsonObject{{u"app"_s, u"web"_s}})));
    c.scheduler.reconcile();
    QCOMPARE(c.nodeOf(u"default"_s, u"p"_s), node);
}

void tst_Scheduler::labelOverridesProfile()
{
    // Example 02's localPrefer profile; a pod label `enforce` wins (SPEC 1: label > profile) and
    // the pod still counts for the profile it belongs to.
    Cluster c;
    const QList<QJsonObject> objects = loadExample(u"02-profile-local-maxnum.yaml"_s);
    QVERIFY(c.cce.create(kProfiles, u"default"_s, firstOfKind(objects, u"ScheduleProfile"_s)));
    QVERIFY(c.cce.create(
        kPods, u"default"_s,
        makePod(u"p"_s, u"250m"_s, u"512Mi"_s, u"enforce"_s, QJsonObject{{u"app"_s, u"nginx"_s}})));
    c.scheduler.reconcile();
    QCOMPARE(c.nodeOf(u"default"_s, u"p"_s), kVk);
    c.scheduler.reconcile();
    const QJsonObject used =
        profileStatus(c, u"default"_s, u"test-cci-profile"_s).value(u"used").toObject();
    QCOMPARE(used.value(u"local").toInt(), 0);
    QCOMPARE(used.value(u"cci").toInt(), 1);
}

void tst_Scheduler::localMaxNum()
{
    // Example 02: localPrefer, local.maxNum 20 (scaleDownPriority 10). 25 pods of 250m/512Mi:
    // 48 would fit locally, the cap keeps 20 there and the other 5 go to CCI.
    Cluster c;
    const QList<QJsonObject> objects = loadExample(u"02-profile-local-maxnum.yaml"_s);
    QVERIFY(c.cce.create(kProfiles, u"default"_s, firstOfKind(objects, u"ScheduleProfile"_s)));
    const QJsonObject deployment = firstOfKind(objects, u"Deployment"_s);
    const auto d = c.cce.create(kDeployments, u"default"_s, deployment);
    QVERIFY(d);
    const auto rs = c.cce.create(kReplicaSets, u"default"_s, replicaSetFor(*d));
    QVERIFY(rs);
    QStringList names;
    for (int i = 0; i < 25; ++i) {
        names.append(u"nginx-%1"_s.arg(i, 2, 10, QChar(u'0')));
        QVERIFY(c.cce.create(kPods, u"default"_s, podFromTemplate(*d, names.last(), *rs)));
    }
    c.scheduler.reconcile();
    c.scheduler.reconcile();
    QCOMPARE(countOn(c, u"default"_s, names, false), 20);
    QCOMPARE(countOn(c, u"default"_s, names, true), 5);
    QCOMPARE(
        annotationOf(c.pod(u"default"_s, u"nginx-00"_s), Scheduler::scaleDownPriorityAnnotation()),
        u"10"_s);
    const QJsonObject status = profileStatus(c, u"default"_s, u"test-cci-profile"_s);
    QCOMPARE(status.value(u"phase").toString(), u"Active"_s);
    QCOMPARE(status.value(u"used").toObject(), (QJsonObject{{u"local"_s, 20}, {u"cci"_s, 5}}));
    QCOMPARE(status.value(u"restrict").toObject(), (QJsonObject{{u"local"_s, 20}}));

    // Five local pods go away: the numbers follow and nothing is pending to take their place.
    for (int i = 0; i < 5; ++i)
        QVERIFY(c.cce.remove(kPods, u"default"_s, names.at(i)));
    c.scheduler.reconcile();
    QCOMPARE(profileStatus(c, u"default"_s, u"test-cci-profile"_s).value(u"used").toObject(),
             (QJsonObject{{u"local"_s, 15}, {u"cci"_s, 5}}));
}

void tst_Scheduler::cciMaxNum()
{
    // Example 03: localPrefer, cci.maxNum 20 (scaleDownPriority 10). 250m/512Mi pods fill the
    // three nodes at 16 each (4 cpu and 8Gi): 70 pods -> 48 local, 20 CCI, 2 Pending.
    Cluster c;
    const QList<QJsonObject> objects = loadExample(u"03-profile-cci-maxnum.yaml"_s);
    QVERIFY(c.cce.create(kProfiles, u"payments"_s, firstOfKind(objects, u"ScheduleProfile"_s)));
    const auto d = c.cce.create(kDeployments, u"payments"_s, firstOfKind(objects, u"Deployment"_s));
    QVERIFY(d);
    const auto rs = c.cce.create(kReplicaSets, u"payments"_s, replicaSetFor(*d));
    QVERIFY(rs);
    QStringList names;
    for (int i = 0; i < 70; ++i) {
        names.append(u"nginx-%1"_s.arg(i, 2, 10, QChar(u'0')));
        QVERIFY(c.cce.create(kPods, u"payments"_s, podFromTemplate(*d, names.last(), *rs)));
    }
    c.scheduler.reconcile();
    c.scheduler.reconcile();
    QCOMPARE(countOn(c, u"payments"_s, names, false), 48);
    QCOMPARE(countOn(c, u"payments"_s, names, true), 20);
    const QJsonObject status = profileStatus(c, u"payments"_s, u"test-cci-profile"_s);
    QCOMPARE(status.value(u"used").toObject(), (QJsonObject{{u"local"_s, 48}, {u"cci"_s, 20}}));
    QCOMPARE(status.value(u"restrict").toObject(), (QJsonObject{{u"cci"_s, 20}}));
    for (const QString &name : names) {
        const QJsonObject pod = c.pod(u"payments"_s, name);
        if (pod.value(u"spec").toObject().value(u"nodeName").toString() != kVk)
            continue;
        QCOMPARE(annotationOf(pod, Scheduler::scaleDownPriorityAnnotation()), u"10"_s);
    }

    // A CCI pod goes: one Pending pod takes its place on CCI.
    QString gone;
    for (const QString &name : names) {
        if (c.nodeOf(u"payments"_s, name) == kVk) {
            gone = name;
            break;
        }
    }
    QVERIFY(c.cce.remove(kPods, u"payments"_s, gone));
    c.scheduler.reconcile();
    names.removeOne(gone);
    QCOMPARE(countOn(c, u"payments"_s, names, true), 20);
    QCOMPARE(countOn(c, u"payments"_s, names, false), 48);
}

void tst_Scheduler::resyncAfterStoppedWatch()
{
    // The store stops a watch that has more than 5 unread events; the scheduler lists again.
    Cluster c({}, StoreOptions{10000, 5});
    c.scheduler.reconcile(); // lists the empty cluster and starts watching
    QStringList names;
    for (int i = 0; i < 8; ++i) {
        names.append(u"p-%1"_s.arg(i));
        QVERIFY(c.cce.create(kPods, u"default"_s, makePod(names.last(), u"100m"_s, u"128Mi"_s)));
    }
    c.scheduler.reconcile();
    QCOMPARE(countOn(c, u"default"_s, names, false), 8);
}

namespace {

// A copy of the node `from` as `kubectl create` would add it under `name`.
QJsonObject copyNode(const Cluster &c, const QString &from, const QString &name)
{
    QJsonObject node = c.node(from);
    QJsonObject meta = node.value(u"metadata").toObject();
    for (const QString &key : {u"uid"_s, u"resourceVersion"_s, u"creationTimestamp"_s})
        meta.remove(key);
    meta.insert(u"name"_s, name);
    QJsonObject labels = meta.value(u"labels").toObject();
    labels.insert(u"kubernetes.io/hostname"_s, name);
    meta.insert(u"labels"_s, labels);
    node.insert(u"metadata"_s, meta);
    return node;
}

bool lockedNode(const QJsonObject &node)
{
    return !node.value(u"metadata")
                .toObject()
                .value(u"annotations")
                .toObject()
                .value(u"burst.sandbox/locked-until"_s)
                .toString()
                .isEmpty();
}

} // namespace

// Virtual nodes are the ones with label type=virtual-kubelet and the provider taint, whatever
// their name: a second one added with kubectl takes burst pods, and each has its own lock.
void tst_Scheduler::severalVirtualNodes()
{
    Cluster c;
    // Sorts before virtual-kubelet, so it is tried first.
    QVERIFY(c.cce.create(kNodes, QString(), copyNode(c, kVk, u"cci-node-b"_s)));
    // Named like one, but without the label and taint it is a local node.
    QVERIFY(c.cce.create(kNodes, QString(), copyNode(c, u"idc-node-1"_s, u"virtual-kubelet-0"_s)));

    QVERIFY(
        c.cce.create(kPods, u"default"_s, makePod(u"a"_s, u"250m"_s, u"512Mi"_s, u"enforce"_s)));
    c.scheduler.reconcile();
    QCOMPARE(c.nodeOf(u"default"_s, u"a"_s), u"cci-node-b"_s);
    QVERIFY(
        !c.scheduler
             .cciPodName(
                 c.pod(u"default"_s, u"a"_s).value(u"metadata").toObject().value(u"uid").toString())
             .isEmpty());

    // CCI refuses 33 cores: the node that asked is locked, the other virtual node is not.
    QVERIFY(
        c.cce.create(kPods, u"default"_s, makePod(u"huge"_s, u"33"_s, u"64Gi"_s, u"enforce"_s)));
    c.scheduler.reconcile();
    QCOMPARE(c.nodeOf(u"default"_s, u"huge"_s), QString());
    QVERIFY(lockedNode(c.node(u"cci-node-b"_s)));
    QVERIFY(!lockedNode(c.node(kVk)));
    const auto locked = c.events(u"default"_s, u"cci-node-b"_s, u"VirtualKubeletLocked"_s);
    QCOMPARE(locked.size(), 1);
    QCOMPARE(locked.first().value(u"source").toObject().value(u"host").toString(), u"cci-node-b"_s);
    QVERIFY(c.scheduler.isLocked());

    // The next enforce pod goes to the virtual node that is not locked, never to the local one.
    QVERIFY(
        c.cce.create(kPods, u"default"_s, makePod(u"b"_s, u"250m"_s, u"512Mi"_s, u"enforce"_s)));
    c.scheduler.reconcile();
    QCOMPARE(c.nodeOf(u"default"_s, u"b"_s), kVk);
    QCOMPARE(c.cci.count(kPods), 2);

    // A plain pod too large for the IDC nodes fits neither virtual node: kube-scheduler names
    // the first untolerated taint of each, the provider's.
    QVERIFY(c.cce.create(kPods, u"default"_s, makePod(u"big"_s, u"5"_s, u"1Gi"_s)));
    c.scheduler.reconcile();
    QCOMPARE(scheduledMessage(c.pod(u"default"_s, u"big"_s)),
             u"0/6 nodes are available: 2 node(s) had untolerated taint "
             u"{virtual-kubelet.io/provider: huawei}, 4 Insufficient cpu. preemption: 0/6 nodes "
             u"are available: 2 Preemption is not helpful for scheduling, 4 No preemption victims "
             u"found for incoming pod."_s);

    QVERIFY(c.scheduler.unlock());
    c.scheduler.reconcile();
    QVERIFY(!c.scheduler.isLocked());
    QVERIFY(!lockedNode(c.node(u"cci-node-b"_s)));
}

// CCI 2.0 (vendor docs): the global bursting-node plus AZ-level nodes; a faulty AZ's node is
// unschedulable with a condition, and a user may set the global node unschedulable. Burst pods go
// to the schedulable virtual nodes only (the first by name that fits: sandbox choice).
void tst_Scheduler::zoneVirtualNodes()
{
    Cluster c;
    seedZoneVirtualNodes(c.cce, u"test"_s, {u"az-a"_s, u"az-b"_s}, {u"az-a"_s});
    QVERIFY(core::burst::isVirtualNode(c.node(u"bursting-node-az-a"_s)));
    QCOMPARE(core::burst::virtualNodeZone(c.node(u"bursting-node-az-b"_s)), u"az-b"_s);
    QCOMPARE(core::burst::virtualNodeFault(c.node(u"bursting-node-az-a"_s)),
             u"AZUnavailable: CCI availability zone az-a is unavailable"_s);
    QVERIFY(
        c.cce.create(kPods, u"default"_s, makePod(u"a"_s, u"250m"_s, u"512Mi"_s, u"enforce"_s)));
    c.scheduler.reconcile();
    QCOMPARE(c.nodeOf(u"default"_s, u"a"_s), u"bursting-node"_s);

    // The user stops random AZ placement: the healthy AZ node takes the next pod, never the
    // faulty one.
    QJsonObject global = c.node(u"bursting-node"_s);
    QJsonObject spec = global.value(u"spec").toObject();
    spec.insert(u"unschedulable"_s, true);
    global.insert(u"spec"_s, spec);
    QVERIFY(c.cce.update(kNodes, QString(), u"bursting-node"_s, global));
    QVERIFY(
        c.cce.create(kPods, u"default"_s, makePod(u"b"_s, u"250m"_s, u"512Mi"_s, u"enforce"_s)));
    c.scheduler.reconcile();
    QCOMPARE(c.nodeOf(u"default"_s, u"b"_s), u"bursting-node-az-b"_s);
}

// The reconcile cost with many running pods and one new pending pod (BURST_SCHEDULER_PODS, default
// 5000; the report's figure used 100000).
void tst_Scheduler::manyPods()
{
    const int count = qEnvironmentVariableIntValue("BURST_SCHEDULER_PODS") > 0
                          ? qEnvironmentVariableIntValue("BURST_SCHEDULER_PODS")
                          : 5000;
    Cluster c;
    // preloadPods puts 10m/16Mi on each IDC node; raise the nodes so they still have room.
    for (const QString &name : {u"idc-node-1"_s, u"idc-node-2"_s, u"idc-node-3"_s}) {
        QJsonObject n = c.node(name);
        QJsonObject status = n.value(u"status").toObject();
        const QJsonObject big{
            {u"cpu"_s, u"1000"_s}, {u"memory"_s, u"1000Gi"_s}, {u"pods"_s, u"100000"_s}};
        status.insert(u"allocatable"_s, big);
        n.insert(u"status"_s, status);
        QVERIFY(c.cce.update(kNodes, QString(), name, n));
    }
    preloadPods(c.cce, count);
    QElapsedTimer timer;
    timer.start();
    c.scheduler.reconcile();
    const qint64 initialMs = timer.elapsed();
    // The machine is shared: report the median of several rounds, not one sample.
    QList<qint64> oneUs;
    QList<qint64> idleUs;
    for (int i = 0; i < 21; ++i) {
        const QString name = u"new-%1"_s.arg(i);
        QVERIFY(c.cce.create(kPods, u"default"_s, makePod(name, u"100m"_s, u"128Mi"_s)));
        timer.restart();
        c.scheduler.reconcile();
        oneUs.append(timer.nsecsElapsed() / 1000);
        QVERIFY(!c.nodeOf(u"default"_s, name).isEmpty());
        timer.restart();
        c.scheduler.reconcile();
        idleUs.append(timer.nsecsElapsed() / 1000);
    }
    std::sort(oneUs.begin(), oneUs.end());
    std::sort(idleUs.begin(), idleUs.end());
    qInfo("%d pods: initial sync %lld ms; reconcile with 1 new pending pod: median %lld us (min "
          "%lld); idle reconcile: median %lld us",
          count, initialMs, oneUs.at(oneUs.size() / 2), oneUs.first(),
          idleUs.at(idleUs.size() / 2));
}

QTEST_GUILESS_MAIN(tst_Scheduler)
#include "tst_scheduler.moc"
