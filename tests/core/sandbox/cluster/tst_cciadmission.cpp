#include "core/sandbox/cluster/cciadmission.h"
#include "core/sandbox/cluster/ccibackoff.h"

#include "schedulertesthelpers.h"

#include <QTest>

#include <algorithm>
#include <chrono>

using namespace core::sandbox;
using namespace Qt::StringLiterals;
using namespace schedulertest;
using namespace std::chrono_literals;

// Expected CCI resources come from SPEC.md section 3's worked examples; the lock from SPEC 7
// (30 minutes after a failed scheduling to CCI) and example 08 (33 cores is rejected).
class tst_CciAdmission : public QObject
{
    Q_OBJECT

private slots:
    void admitted_data();
    void admitted();
    void withoutInterconnect();
    void statusMirrored();
    void deletedWithCcePod();
    void nameTakenInAnotherNamespace();
    void rejectedLocksNode();
    void lockExpires();
    void unlockThroughAnnotation();
    void backoffDelays_data();
    void backoffDelays();
    void othersBurstAfterUnlock_data();
    void othersBurstAfterUnlock();
    void retryWaitsForBackoff();
    void backoffGrowsToCap();
};

namespace {

const QString kVk = u"virtual-kubelet"_s;
const QString kCciNs = u"cce-burst-test"_s;

QJsonObject cciPod(const Cluster &c, const QString &name)
{
    const auto p = c.cci.get(kPods, kCciNs, name);
    return p ? *p : QJsonObject();
}

QJsonArray containers(const QJsonObject &pod)
{
    return pod.value(u"spec").toObject().value(u"containers").toArray();
}

QJsonObject annotations(const QJsonObject &object)
{
    return object.value(u"metadata").toObject().value(u"annotations").toObject();
}

bool hasLockTaint(const QJsonObject &node)
{
    for (const QJsonValue &t : node.value(u"spec").toObject().value(u"taints").toArray()) {
        const QJsonObject taint = t.toObject();
        if (taint.value(u"key").toString() == u"virtual-kubelet.io/locked")
            return taint.value(u"value").toString() == u"true" &&
                   taint.value(u"effect").toString() == u"NoSchedule";
    }
    return false;
}

// Example 08 as its controllers would create it: Deployment (label enforce), ReplicaSet, pod.
void createOversized(Cluster &c)
{
    const QList<QJsonObject> objects = loadExample(u"08-rejected-too-large.yaml"_s);
    const auto d = c.cce.create(kDeployments, u"payments"_s, firstOfKind(objects, u"Deployment"_s));
    QVERIFY(d);
    const auto rs = c.cce.create(kReplicaSets, u"payments"_s, replicaSetFor(*d));
    QVERIFY(rs);
    QVERIFY(c.cce.create(kPods, u"payments"_s, podFromTemplate(*d, u"batch-oversized-x1"_s, *rs)));
}

const QString kOversized = u"batch-oversized-x1"_s;

// How many times the event (object `name`, `reason`) happened: the recorder folds repeats.
int eventCount(const Cluster &c, const QString &ns, const QString &name, const QString &reason)
{
    int n = 0;
    for (const QJsonObject &e : c.events(ns, name, reason))
        n += e.value(u"count").toInt(1);
    return n;
}

// The newest back-off event of the oversized pod.
QString lastBackoffMessage(const Cluster &c)
{
    QString newest;
    QString message;
    for (const QJsonObject &e : c.events(u"payments"_s, kOversized, u"ProviderCreateBackOff"_s)) {
        const QString at = e.value(u"lastTimestamp").toString();
        if (at >= newest) {
            newest = at;
            message = e.value(u"message").toString();
        }
    }
    return message;
}

QString backoffMessage(int seconds, const QDateTime &nextRetry)
{
    return u"Back-off %1s before retrying CCI admission; next retry at %2"_s.arg(seconds).arg(
        nextRetry.toUTC().toString(Qt::ISODate));
}

// What `kubectl annotate node virtual-kubelet burst.sandbox/locked-until-` sends.
bool unlockWithKubectl(Cluster &c)
{
    return bool(c.cce.patch(kNodes, QString(), kVk, PatchType::MergePatch,
                            R"({"metadata":{"annotations":{"burst.sandbox/locked-until":null}}})"));
}

} // namespace

void tst_CciAdmission::admitted_data()
{
    QTest::addColumn<QString>("cpu");
    QTest::addColumn<QString>("memory");
    QTest::addColumn<QString>("cciCpu");
    QTest::addColumn<QString>("cciMemory");

    QTest::newRow("guide 250m/512Mi") << u"250m"_s << u"512Mi"_s << u"250m"_s << u"1Gi"_s;
    QTest::newRow("100m/100Mi") << u"100m"_s << u"100Mi"_s << u"250m"_s << u"1Gi"_s;
    QTest::newRow("4/1Gi") << u"4"_s << u"1Gi"_s << u"4"_s << u"8Gi"_s;
    QTest::newRow("250m/4Gi") << u"250m"_s << u"4Gi"_s << u"500m"_s << u"4Gi"_s;
    QTest::newRow("1100m/3Gi") << u"1100m"_s << u"3Gi"_s << u"1250m"_s << u"3Gi"_s;
    QTest::newRow("48/96Gi") << u"48"_s << u"96Gi"_s << u"48"_s << u"96Gi"_s;
}

void tst_CciAdmission::admitted()
{
    QFETCH(QString, cpu);
    QFETCH(QString, memory);
    QFETCH(QString, cciCpu);
    QFETCH(QString, cciMemory);

    Cluster c;
    const auto created =
        c.cce.create(kPods, u"default"_s, makePod(u"web"_s, cpu, memory, u"enforce"_s));
    QVERIFY(created);
    c.scheduler.reconcile();
    QCOMPARE(c.nodeOf(u"default"_s, u"web"_s), kVk);

    const QJsonObject pod = cciPod(c, u"web"_s);
    QVERIFY(!pod.isEmpty());
    const QJsonArray list = containers(pod);
    QCOMPARE(list.size(), 2);
    const QJsonObject resources = list.at(0).toObject().value(u"resources").toObject();
    const QJsonObject expected{{u"cpu"_s, cciCpu}, {u"memory"_s, cciMemory}};
    QCOMPARE(resources.value(u"requests").toObject(), expected);
    QCOMPARE(resources.value(u"limits").toObject(), expected);
    QCOMPARE(list.at(1).toObject().value(u"name").toString(), CciAdmission::sidecarName());

    const QJsonObject a = annotations(pod);
    QCOMPARE(a.value(CciAdmission::sourceNamespaceAnnotation()).toString(), u"default"_s);
    QCOMPARE(a.value(CciAdmission::sourceNameAnnotation()).toString(), u"web"_s);
    QCOMPARE(a.value(CciAdmission::sourceUidAnnotation()).toString(),
             created->value(u"metadata").toObject().value(u"uid").toString());
    QVERIFY(!a.value(u"topology.kubernetes.io/region"_s).toString().isEmpty());
    QVERIFY(!a.value(u"topology.kubernetes.io/zone"_s).toString().isEmpty());
    QVERIFY(pod.value(u"spec").toObject().value(u"nodeName").isUndefined());

    // The add-on writes the normalized size on the CCE pod (vendor docs), CCI its Scheduled event.
    const QJsonObject ccePod = annotations(c.pod(u"default"_s, u"web"_s));
    QCOMPARE(ccePod.value(u"virtual-kubelet.cci.io/burst-pod-cpu"_s).toString(), cciCpu);
    QCOMPARE(ccePod.value(u"virtual-kubelet.cci.io/burst-pod-memory"_s).toString(), cciMemory);
    QCOMPARE(c.cciEvents(kCciNs, u"web"_s, u"Scheduled"_s).size(), 1);
}

void tst_CciAdmission::withoutInterconnect()
{
    SchedulerOptions options;
    options.cci.networkInterconnect = false;
    Cluster c(options);
    QVERIFY(
        c.cce.create(kPods, u"default"_s, makePod(u"web"_s, u"250m"_s, u"512Mi"_s, u"enforce"_s)));
    c.scheduler.reconcile();
    QCOMPARE(containers(cciPod(c, u"web"_s)).size(), 1);
}

void tst_CciAdmission::statusMirrored()
{
    Cluster c;
    QVERIFY(
        c.cce.create(kPods, u"default"_s, makePod(u"web"_s, u"250m"_s, u"512Mi"_s, u"enforce"_s)));
    c.scheduler.reconcile();
    // What the kubelet simulator writes once the pod runs.
    QJsonObject pod = c.pod(u"default"_s, u"web"_s);
    QJsonObject status = pod.value(u"status").toObject();
    status.insert(u"phase"_s, u"Running"_s);
    status.insert(u"podIP"_s, u"192.168.10.7"_s);
    status.insert(u"startTime"_s, u"2026-01-01T00:00:00Z"_s);
    status.insert(
        u"containerStatuses"_s,
        QJsonArray{QJsonObject{{u"name"_s, u"app"_s}, {u"ready"_s, true}, {u"restartCount"_s, 0}}});
    pod.insert(u"status"_s, status);
    QVERIFY(c.cce.update(kPods, u"default"_s, u"web"_s, pod));
    c.scheduler.reconcile();

    const QJsonObject mirrored = cciPod(c, u"web"_s).value(u"status").toObject();
    QCOMPARE(mirrored.value(u"phase").toString(), u"Running"_s);
    QCOMPARE(mirrored.value(u"podIP").toString(), u"192.168.10.7"_s);
    const QJsonArray statuses = mirrored.value(u"containerStatuses").toArray();
    QCOMPARE(statuses.size(), 2); // one more than defined: the sidecar (SPEC 4)
    QCOMPARE(statuses.at(0).toObject().value(u"name").toString(), u"app"_s);
    QCOMPARE(statuses.at(1).toObject().value(u"name").toString(), CciAdmission::sidecarName());
    QCOMPARE(statuses.at(1).toObject().value(u"ready").toBool(), true);
    const QList<QJsonObject> started = c.cciEvents(kCciNs, u"web"_s, u"Started"_s);
    QCOMPARE(started.size(), 1);
    QVERIFY(started.first().value(u"message").toString().contains(CciAdmission::sidecarName()));
    c.scheduler.reconcile(); // no phase change, no second event
    QCOMPARE(c.cciEvents(kCciNs, u"web"_s, u"Started"_s).size(), 1);
}

void tst_CciAdmission::deletedWithCcePod()
{
    Cluster c;
    QVERIFY(
        c.cce.create(kPods, u"default"_s, makePod(u"web"_s, u"250m"_s, u"512Mi"_s, u"enforce"_s)));
    c.scheduler.reconcile();
    QVERIFY(!cciPod(c, u"web"_s).isEmpty());
    QVERIFY(c.cce.remove(kPods, u"default"_s, u"web"_s));
    c.scheduler.reconcile();
    QVERIFY(cciPod(c, u"web"_s).isEmpty());
    QCOMPARE(c.cci.count(kPods), 0);
    QCOMPARE(c.cciEvents(kCciNs, u"web"_s, u"Killing"_s).size(), 1);
}

void tst_CciAdmission::nameTakenInAnotherNamespace()
{
    Cluster c;
    QVERIFY(
        c.cce.create(kPods, u"default"_s, makePod(u"web"_s, u"250m"_s, u"512Mi"_s, u"enforce"_s)));
    c.scheduler.reconcile();
    const auto second =
        c.cce.create(kPods, u"payments"_s, makePod(u"web"_s, u"250m"_s, u"512Mi"_s, u"enforce"_s));
    QVERIFY(second);
    c.scheduler.reconcile();
    const QString uid = second->value(u"metadata").toObject().value(u"uid").toString();
    const QString suffixed = u"web-"_s + uid.left(5);
    QCOMPARE(annotations(cciPod(c, suffixed)).value(CciAdmission::sourceNamespaceAnnotation()),
             QJsonValue(u"payments"_s));
    QCOMPARE(annotations(cciPod(c, u"web"_s)).value(CciAdmission::sourceNamespaceAnnotation()),
             QJsonValue(u"default"_s));
    QCOMPARE(c.scheduler.cciPodName(uid), suffixed);
}

void tst_CciAdmission::rejectedLocksNode()
{
    Cluster c;
    createOversized(c);
    const QDateTime now = c.clock.now();
    c.scheduler.reconcile();

    const auto failed = c.events(u"payments"_s, u"batch-oversized-x1"_s, u"ProviderCreateFailed"_s);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().value(u"type").toString(), u"Warning"_s);
    QVERIFY(!failed.first().value(u"message").toString().isEmpty());
    QCOMPARE(c.cci.count(kPods), 0);
    // enforce keeps it off the IDC nodes; with virtual-kubelet locked it stays Pending.
    QCOMPARE(c.nodeOf(u"payments"_s, u"batch-oversized-x1"_s), QString());

    const QJsonObject node = c.node(kVk);
    QVERIFY(hasLockTaint(node));
    const QDateTime until = QDateTime::fromString(
        annotations(node).value(u"burst.sandbox/locked-until"_s).toString(), Qt::ISODate);
    QVERIFY(until.isValid());
    QVERIFY(qAbs(now.secsTo(until) - 30 * 60) <= 1);
    QVERIFY(c.scheduler.isLocked());
    QVERIFY(!c.events(QStringLiteral("default"), kVk, u"VirtualKubeletLocked"_s).isEmpty());

    // While locked nothing goes to CCI, not even a pod CCI would take.
    QVERIFY(c.cce.create(kPods, u"default"_s,
                         makePod(u"small"_s, u"250m"_s, u"512Mi"_s, u"enforce"_s)));
    c.scheduler.reconcile();
    QCOMPARE(c.nodeOf(u"default"_s, u"small"_s), QString());
    QCOMPARE(c.cci.count(kPods), 0);
    // A localPrefer pod that fits still runs locally.
    QVERIFY(c.cce.create(kPods, u"default"_s,
                         makePod(u"local"_s, u"250m"_s, u"512Mi"_s, u"localPrefer"_s)));
    c.scheduler.reconcile();
    QCOMPARE(c.nodeOf(u"default"_s, u"local"_s), u"idc-node-1"_s);
}

void tst_CciAdmission::lockExpires()
{
    Cluster c;
    createOversized(c);
    c.scheduler.reconcile();
    QVERIFY(c.cce.remove(kPods, u"payments"_s, u"batch-oversized-x1"_s));
    QVERIFY(c.cce.create(kPods, u"default"_s,
                         makePod(u"small"_s, u"250m"_s, u"512Mi"_s, u"enforce"_s)));
    c.scheduler.reconcile();
    QCOMPARE(c.nodeOf(u"default"_s, u"small"_s), QString());

    c.clock.advance(29min);
    c.scheduler.reconcile();
    QVERIFY(c.scheduler.isLocked());
    QCOMPARE(c.nodeOf(u"default"_s, u"small"_s), QString());

    c.clock.advance(1min + 1s);
    c.scheduler.reconcile();
    QVERIFY(!c.scheduler.isLocked());
    QVERIFY(!hasLockTaint(c.node(kVk)));
    QCOMPARE(c.nodeOf(u"default"_s, u"small"_s), kVk);
    QVERIFY(!cciPod(c, u"small"_s).isEmpty());
}

void tst_CciAdmission::unlockThroughAnnotation()
{
    Cluster c;
    createOversized(c);
    c.scheduler.reconcile();
    QVERIFY(c.cce.remove(kPods, u"payments"_s, u"batch-oversized-x1"_s));
    QVERIFY(c.cce.create(kPods, u"default"_s,
                         makePod(u"small"_s, u"250m"_s, u"512Mi"_s, u"enforce"_s)));
    c.scheduler.reconcile();
    QVERIFY(c.scheduler.isLocked());

    QVERIFY(unlockWithKubectl(c));
    c.scheduler.reconcile();
    QVERIFY(!c.scheduler.isLocked());
    QVERIFY(!hasLockTaint(c.node(kVk)));
    QCOMPARE(c.nodeOf(u"default"_s, u"small"_s), kVk);
}

// The retry rule itself: 10 s doubling to 5 min; a pod recreated under its name starts over.
void tst_CciAdmission::backoffDelays_data()
{
    QTest::addColumn<int>("refusals");
    QTest::addColumn<bool>("recreated"); // the last refusal is of a new pod with the same name
    QTest::addColumn<int>("delay");
    QTest::addColumn<bool>("first");

    QTest::newRow("first") << 1 << false << 10 << true;
    QTest::newRow("second") << 2 << false << 20 << false;
    QTest::newRow("fifth") << 5 << false << 160 << false;
    QTest::newRow("sixth reaches the cap") << 6 << false << 300 << false;
    QTest::newRow("tenth stays at the cap") << 10 << false << 300 << false;
    QTest::newRow("recreated pod") << 4 << true << 10 << true;
}

void tst_CciAdmission::backoffDelays()
{
    QFETCH(int, refusals);
    QFETCH(bool, recreated);
    QFETCH(int, delay);
    QFETCH(bool, first);

    CciBackoff backoff;
    QDateTime now = QDateTime::fromString(u"2026-01-01T00:00:00Z"_s, Qt::ISODate);
    CciBackoff::Refusal refusal;
    for (int i = 0; i < refusals; ++i) {
        const bool last = i == refusals - 1;
        refusal = backoff.refuse(u"ns/p"_s, last && recreated ? u"uid-2"_s : u"uid-1"_s, now);
        QVERIFY(backoff.backingOff(u"ns/p"_s, now));
        QVERIFY(backoff.due(now).isEmpty());
        now = refusal.nextRetry;
        QVERIFY(!backoff.backingOff(u"ns/p"_s, now));
        if (!last) {
            QCOMPARE(backoff.due(now), QStringList{u"ns/p"_s});
            QVERIFY(backoff.due(now).isEmpty()); // reported once
        }
    }
    QCOMPARE(refusal.delay.count(), delay);
    QCOMPARE(refusal.first, first);
    backoff.forget(u"ns/p"_s);
    QVERIFY(backoff.due(now).isEmpty());
}

// The refused pod no longer holds the lock: once the lock ends, however it ends, an enforce pod
// CCI takes bursts, while the refused pod stays Pending and the node stays unlocked.
void tst_CciAdmission::othersBurstAfterUnlock_data()
{
    QTest::addColumn<int>("waitSeconds");   // sandbox time before the lock is lifted
    QTest::addColumn<bool>("byAnnotation"); // else the 30 minutes run out

    QTest::newRow("annotation removed at once") << 0 << true;
    QTest::newRow("annotation removed after the back-off") << 60 << true;
    QTest::newRow("lock expired") << 30 * 60 + 1 << false;
}

void tst_CciAdmission::othersBurstAfterUnlock()
{
    QFETCH(int, waitSeconds);
    QFETCH(bool, byAnnotation);

    Cluster c;
    createOversized(c);
    c.scheduler.reconcile();
    QVERIFY(c.scheduler.isLocked());
    QVERIFY(c.cce.create(kPods, u"default"_s,
                         makePod(u"small"_s, u"250m"_s, u"512Mi"_s, u"enforce"_s)));
    c.scheduler.reconcile();
    QCOMPARE(c.nodeOf(u"default"_s, u"small"_s), QString());

    c.clock.advance(std::chrono::seconds(waitSeconds));
    if (byAnnotation)
        QVERIFY(unlockWithKubectl(c));
    c.scheduler.reconcile();
    QVERIFY(!c.scheduler.isLocked());
    QVERIFY(!hasLockTaint(c.node(kVk)));
    QCOMPARE(c.nodeOf(u"default"_s, u"small"_s), kVk);
    QVERIFY(!cciPod(c, u"small"_s).isEmpty());
    QCOMPARE(c.nodeOf(u"payments"_s, kOversized), QString());
    QVERIFY(scheduledMessage(c.pod(u"payments"_s, kOversized))
                .contains(u"1 node(s) are backing off the pod after CCI refused it"_s));
    QCOMPARE(eventCount(c, u"default"_s, kVk, u"VirtualKubeletLocked"_s), 1);

    // Later pods burst too, however often the refused pod is retried meanwhile.
    c.clock.advance(10min);
    c.scheduler.reconcile();
    QVERIFY(c.cce.create(kPods, u"default"_s,
                         makePod(u"later"_s, u"250m"_s, u"512Mi"_s, u"enforce"_s)));
    c.scheduler.reconcile();
    QCOMPARE(c.nodeOf(u"default"_s, u"later"_s), kVk);
    QVERIFY(!c.scheduler.isLocked());
}

void tst_CciAdmission::retryWaitsForBackoff()
{
    Cluster c;
    const QDateTime start = c.clock.now();
    createOversized(c);
    c.scheduler.reconcile();
    QCOMPARE(eventCount(c, u"payments"_s, kOversized, u"ProviderCreateFailed"_s), 1);
    QCOMPARE(lastBackoffMessage(c), backoffMessage(10, start.addSecs(10)));
    QVERIFY(unlockWithKubectl(c));
    c.scheduler.reconcile();
    QVERIFY(!c.scheduler.isLocked());
    QCOMPARE(eventCount(c, u"payments"_s, kOversized, u"ProviderCreateFailed"_s), 1);

    c.clock.advance(9s);
    c.scheduler.reconcile();
    QCOMPARE(eventCount(c, u"payments"_s, kOversized, u"ProviderCreateFailed"_s), 1);

    c.clock.advance(1s); // the 10 s back-off ends: CCI is asked again, refuses, no new lock
    const QDateTime retried = c.clock.now();
    c.scheduler.reconcile();
    QCOMPARE(eventCount(c, u"payments"_s, kOversized, u"ProviderCreateFailed"_s), 2);
    QCOMPARE(lastBackoffMessage(c), backoffMessage(20, retried.addSecs(20)));
    QVERIFY(!c.scheduler.isLocked());
    QCOMPARE(eventCount(c, u"default"_s, kVk, u"VirtualKubeletLocked"_s), 1);
    QCOMPARE(c.nodeOf(u"payments"_s, kOversized), QString());
}

void tst_CciAdmission::backoffGrowsToCap()
{
    Cluster c;
    createOversized(c);
    c.scheduler.reconcile();
    QVERIFY(unlockWithKubectl(c));
    c.scheduler.reconcile();
    int refusals = 1;
    for (const int delay : {10, 20, 40, 80, 160, 300, 300}) {
        c.clock.advance(std::chrono::seconds(delay));
        const QDateTime now = c.clock.now();
        c.scheduler.reconcile();
        ++refusals;
        QCOMPARE(eventCount(c, u"payments"_s, kOversized, u"ProviderCreateFailed"_s), refusals);
        const int next = std::min(delay * 2, 300);
        QCOMPARE(lastBackoffMessage(c), backoffMessage(next, now.addSecs(next)));
        QVERIFY(!c.scheduler.isLocked());
    }
    // Deleting the pod forgets its back-off: nothing is retried for it any more.
    QVERIFY(c.cce.remove(kPods, u"payments"_s, kOversized));
    c.scheduler.reconcile();
    c.clock.advance(10min);
    c.scheduler.reconcile();
    QCOMPARE(eventCount(c, u"payments"_s, kOversized, u"ProviderCreateFailed"_s), refusals);
}

QTEST_GUILESS_MAIN(tst_CciAdmission)
#include "tst_cciadmission.moc"
