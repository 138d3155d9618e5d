#include "core/burst/placementsimulator.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace core;
using namespace core::burst;
using namespace Qt::StringLiterals;

// Expected counts are worked out by hand from SPEC.md section 2 ("Placement under a profile",
// "Scale-down") and the guide's ScheduleProfiles (local maxNum 20 / scaleDownPriority 10, cci
// maxNum 20). Every pod is the guide's nginx pod (requests = limits = 250m / 512Mi); a node is
// described by how many such pods it fits, so node-1 with capacity 16 has 4000m / 8Gi free.
class tst_PlacementSimulator : public QObject
{
    Q_OBJECT

private slots:
    void counts_data();
    void counts();
    void events_data();
    void events();
    void rampSteps_data();
    void rampSteps();
    void stepJson();
    void virtualNodes_data();
    void virtualNodes();

private:
    static void addColumns();
    static QList<SimStep> run();
};

namespace {

constexpr qint64 kPodCpu = 250;
constexpr qint64 kPodMemory = qint64(512) << 20;

// Guide profile 1: local {maxNum: 20, scaleDownPriority: 10}, cci {}.
const QString kGuideLocal = uR"({"local":{"maxNum":20,"scaleDownPriority":10},"cci":{}})"_s;
// Guide profile 2: local {}, cci {maxNum: 20, scaleDownPriority: 10}.
const QString kGuideCci = uR"({"local":{},"cci":{"maxNum":20,"scaleDownPriority":10}})"_s;

Strategy strategyFromName(const QString &name)
{
    if (name == u"auto")
        return Strategy::Auto;
    if (name == u"localPrefer")
        return Strategy::LocalPrefer;
    if (name == u"enforce")
        return Strategy::Enforce;
    if (name == u"off")
        return Strategy::Off;
    return Strategy::None;
}

LocationLimits limits(const QJsonObject &location, const QString &key)
{
    LocationLimits l;
    const QJsonObject o = location.value(key).toObject();
    l.present = location.contains(key);
    if (o.contains(u"maxNum"))
        l.maxNum = o.value(u"maxNum").toInteger();
    if (o.contains(u"scaleDownPriority"))
        l.scaleDownPriority = o.value(u"scaleDownPriority").toInteger();
    return l;
}

QString countsOf(const SimStep &s)
{
    return u"%1/%2/%3"_s.arg(s.local).arg(s.cci).arg(s.pending);
}

QString describe(const SimEvent &e)
{
    return u"%1 %2 %3 @%4"_s.arg(e.action).arg(e.pod).arg(locationName(e.location), e.node);
}

} // namespace

void tst_PlacementSimulator::addColumns()
{
    QTest::addColumn<QString>("strategy");
    QTest::addColumn<QList<int>>("nodes"); // pods each node fits: node-1, node-2, ...
    QTest::addColumn<QString>("location"); // the profile's spec.location
    QTest::addColumn<bool>("cciAvailable");
    QTest::addColumn<QList<int>>("steps");
    QTest::addColumn<QStringList>("expected");
}

QList<SimStep> tst_PlacementSimulator::run()
{
    QFETCH(QString, strategy);
    QFETCH(QList<int>, nodes);
    QFETCH(QString, location);
    QFETCH(bool, cciAvailable);
    QFETCH(QList<int>, steps);
    SimulationInput in;
    for (qsizetype i = 0; i < nodes.size(); ++i)
        in.nodes << SimNode{u"node-%1"_s.arg(i + 1), nodes.at(i) * kPodCpu,
                            nodes.at(i) * kPodMemory};
    in.podRequest = PodTotals{kPodCpu, kPodMemory};
    in.strategy = strategyFromName(strategy);
    const QJsonObject loc = QJsonDocument::fromJson(location.toUtf8()).object();
    in.local = limits(loc, u"local"_s);
    in.cci = limits(loc, u"cci"_s);
    in.cciAvailable = cciAvailable;
    in.replicaSteps = steps;
    const QList<SimStep> result = simulatePlacement(in);
    if (result.size() != steps.size())
        qFatal("one result per replica step expected");
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const SimStep &s = result.at(i);
        if (s.replicas != steps.at(i) || s.local + s.cci + s.pending != steps.at(i))
            qFatal("step %d does not account for %d replicas", int(i), steps.at(i));
    }
    return result;
}

void tst_PlacementSimulator::counts_data()
{
    addColumns();
    const QString none = u"{}"_s;
    using L = QList<int>;
    using S = QStringList;
    // Each expected entry is "local/cci/pending" after the matching replica step.
    QTest::newRow("enforce: every pod to CCI, free nodes ignored")
        << u"enforce"_s << L{16} << none << true << L{5} << S{u"0/5/0"_s};
    QTest::newRow("enforce: cci.maxNum 3, rest Pending")
        << u"enforce"_s << L{16} << uR"({"cci":{"maxNum":3}})"_s << true << L{5} << S{u"0/3/2"_s};
    QTest::newRow("enforce: virtual-kubelet locked -> Pending")
        << u"enforce"_s << L{16} << none << false << L{4} << S{u"0/0/4"_s};
    QTest::newRow("localPrefer: local capacity first, then CCI")
        << u"localPrefer"_s << L{2, 3} << none << true << L{7} << S{u"5/2/0"_s};
    QTest::newRow("localPrefer: node too small for one pod is skipped")
        << u"localPrefer"_s << L{0, 1} << none << true << L{3} << S{u"1/2/0"_s};
    QTest::newRow("localPrefer guide local maxNum 20: 25 replicas -> 20 local, 5 CCI")
        << u"localPrefer"_s << L{16, 16} << kGuideLocal << true << L{25} << S{u"20/5/0"_s};
    QTest::newRow("localPrefer guide cci maxNum 20: 16 local + 20 CCI, 4 Pending")
        << u"localPrefer"_s << L{16} << kGuideCci << true << L{40} << S{u"16/20/4"_s};
    QTest::newRow("localPrefer: local.maxNum 0 sends every pod to CCI")
        << u"localPrefer"_s << L{16} << uR"({"local":{"maxNum":0}})"_s << true << L{3}
        << S{u"0/3/0"_s};
    QTest::newRow("localPrefer: cci.maxNum 0 -> Pending once local is full")
        << u"localPrefer"_s << L{2} << uR"({"cci":{"maxNum":0}})"_s << true << L{4}
        << S{u"2/0/2"_s};
    QTest::newRow("localPrefer: virtual-kubelet locked -> Pending")
        << u"localPrefer"_s << L{2} << none << false << L{4} << S{u"2/0/2"_s};
    QTest::newRow("localPrefer: local.maxNum reached, CCI locked -> Pending")
        << u"localPrefer"_s << L{16} << uR"({"local":{"maxNum":3}})"_s << false << L{5}
        << S{u"3/0/2"_s};
    QTest::newRow("auto guide local maxNum 20: 25 replicas -> 20 local, 5 CCI")
        << u"auto"_s << L{16, 16} << kGuideLocal << true << L{25} << S{u"20/5/0"_s};
    QTest::newRow("auto guide cci maxNum 20: 16 local + 20 CCI, 4 Pending")
        << u"auto"_s << L{16} << kGuideCci << true << L{40} << S{u"16/20/4"_s};
    QTest::newRow("auto: CCI only when no local node fits")
        << u"auto"_s << L{2, 3} << none << true << L{7} << S{u"5/2/0"_s};
    QTest::newRow("auto: virtual-kubelet locked -> Pending")
        << u"auto"_s << L{2} << none << false << L{3} << S{u"2/0/1"_s};
    QTest::newRow("off: never CCI, Pending when full")
        << u"off"_s << L{2} << none << true << L{4} << S{u"2/0/2"_s};
    QTest::newRow("off: no nodes -> all Pending")
        << u"off"_s << L{} << none << true << L{3} << S{u"0/0/3"_s};
    QTest::newRow("none: local, then Pending")
        << u"none"_s << L{1, 1} << none << true << L{3} << S{u"2/0/1"_s};

    QTest::newRow("scale-down guide local priority 10 > cci 0: local pods go first")
        << u"localPrefer"_s << L{16, 16} << kGuideLocal << true << L{25, 22}
        << S{u"20/5/0"_s, u"17/5/0"_s};
    QTest::newRow("scale-down guide cci priority 10 > local 0: CCI pods go first")
        << u"localPrefer"_s << L{16} << kGuideCci << true << L{20, 18, 14}
        << S{u"16/4/0"_s, u"16/2/0"_s, u"14/0/0"_s};
    QTest::newRow("scale-down tie (no priorities): CCI first")
        << u"localPrefer"_s << L{2} << none << true << L{4, 3, 1}
        << S{u"2/2/0"_s, u"2/1/0"_s, u"1/0/0"_s};
    QTest::newRow("scale-down tie (5 and 5): CCI first")
        << u"auto"_s << L{2}
        << uR"({"local":{"scaleDownPriority":5},"cci":{"scaleDownPriority":5}})"_s << true
        << L{4, 2} << S{u"2/2/0"_s, u"2/0/0"_s};
    QTest::newRow("scale-down local 100 > cci -100: local first")
        << u"auto"_s << L{2}
        << uR"({"local":{"scaleDownPriority":100},"cci":{"scaleDownPriority":-100}})"_s << true
        << L{4, 3} << S{u"2/2/0"_s, u"1/2/0"_s};
    QTest::newRow("scale-down local -100 < cci 100: CCI first")
        << u"auto"_s << L{2}
        << uR"({"local":{"scaleDownPriority":-100},"cci":{"scaleDownPriority":100}})"_s << true
        << L{4, 3} << S{u"2/2/0"_s, u"2/1/0"_s};
    QTest::newRow("scale-down local -1 < cci unset (0): CCI first")
        << u"localPrefer"_s << L{2} << uR"({"local":{"scaleDownPriority":-1}})"_s << true << L{4, 3}
        << S{u"2/2/0"_s, u"2/1/0"_s};
    QTest::newRow("scale-down enforce: Pending removed before CCI")
        << u"enforce"_s << L{} << uR"({"cci":{"maxNum":2}})"_s << true << L{4, 3, 1}
        << S{u"0/2/2"_s, u"0/2/1"_s, u"0/1/0"_s};
    QTest::newRow("scale-down: Pending first, then the higher-priority local")
        << u"auto"_s << L{2} << uR"({"local":{"scaleDownPriority":10},"cci":{"maxNum":1}})"_s
        << true << L{5, 2} << S{u"2/1/2"_s, u"1/1/0"_s};
    QTest::newRow("freed local capacity reused (local priority 10)")
        << u"localPrefer"_s << L{2} << uR"({"local":{"scaleDownPriority":10}})"_s << true
        << L{3, 2, 3} << S{u"2/1/0"_s, u"1/1/0"_s, u"2/1/0"_s};
    QTest::newRow("freed local capacity reused (tie)")
        << u"localPrefer"_s << L{2} << none << true << L{3, 1, 3}
        << S{u"2/1/0"_s, u"1/0/0"_s, u"2/1/0"_s};
    QTest::newRow("guide local maxNum 20 counts again after scale-down")
        << u"localPrefer"_s << L{16, 16} << kGuideLocal << true << L{25, 18, 25}
        << S{u"20/5/0"_s, u"13/5/0"_s, u"20/5/0"_s};
    QTest::newRow("guide cci maxNum 20 counts again after scale-down")
        << u"enforce"_s << L{} << kGuideCci << true << L{25, 10, 30}
        << S{u"0/20/5"_s, u"0/10/0"_s, u"0/20/10"_s};
    QTest::newRow("ramp 3 enforce")
        << u"enforce"_s << L{} << none << true << L{0, 1, 2, 3, 2, 1, 0}
        << S{u"0/0/0"_s, u"0/1/0"_s, u"0/2/0"_s, u"0/3/0"_s, u"0/2/0"_s, u"0/1/0"_s, u"0/0/0"_s};
    QTest::newRow("ramp 4 localPrefer on a 2-pod node")
        << u"localPrefer"_s << L{2} << none << true << L{0, 1, 2, 3, 4, 3, 2, 1, 0}
        << S{u"0/0/0"_s, u"1/0/0"_s, u"2/0/0"_s, u"2/1/0"_s, u"2/2/0"_s,
             u"2/1/0"_s, u"2/0/0"_s, u"1/0/0"_s, u"0/0/0"_s};
}

void tst_PlacementSimulator::counts()
{
    QFETCH(QStringList, expected);
    QStringList actual;
    for (const SimStep &s : run())
        actual << countsOf(s);
    QCOMPARE(actual, expected);
}

void tst_PlacementSimulator::events_data()
{
    addColumns();
    const QString none = u"{}"_s;
    using L = QList<int>;
    using S = QStringList;
    // "action ordinal location @node", all steps in order; "@" alone means no node.
    QTest::newRow("localPrefer fills node-1 before node-2, then CCI")
        << u"localPrefer"_s << L{2, 2} << none << true << L{5}
        << S{u"create 0 local @node-1"_s, u"create 1 local @node-1"_s, u"create 2 local @node-2"_s,
             u"create 3 local @node-2"_s, u"create 4 cci @virtual-kubelet"_s};
    QTest::newRow("localPrefer takes the first fitting node even if smaller")
        << u"localPrefer"_s << L{2, 8} << none << true << L{3}
        << S{u"create 0 local @node-1"_s, u"create 1 local @node-1"_s, u"create 2 local @node-2"_s};
    // Least-allocated score = free cpu share + free memory share after placing the pod:
    // node-1 fits 3, node-2 fits 4 -> 2/3 vs 3/4: node-2; 2/3 vs 2/4: node-1; 1/3 vs 2/4: node-2;
    // 1/3 vs 1/4: node-1; 0/3 vs 1/4: node-2.
    QTest::newRow("auto spreads to the least-allocated node")
        << u"auto"_s << L{3, 4} << none << true << L{5}
        << S{u"create 0 local @node-2"_s, u"create 1 local @node-1"_s, u"create 2 local @node-2"_s,
             u"create 3 local @node-1"_s, u"create 4 local @node-2"_s};
    QTest::newRow("auto prefers the emptier node over the first one")
        << u"auto"_s << L{2, 8} << none << true << L{3}
        << S{u"create 0 local @node-2"_s, u"create 1 local @node-2"_s, u"create 2 local @node-2"_s};
    QTest::newRow("enforce events name virtual-kubelet")
        << u"enforce"_s << L{4} << none << true << L{2}
        << S{u"create 0 cci @virtual-kubelet"_s, u"create 1 cci @virtual-kubelet"_s};
    QTest::newRow("Pending pods have no node")
        << u"enforce"_s << L{} << uR"({"cci":{"maxNum":1}})"_s << true << L{2}
        << S{u"create 0 cci @virtual-kubelet"_s, u"create 1 pending @"_s};
    QTest::newRow("locked virtual-kubelet: Pending instead of CCI")
        << u"localPrefer"_s << L{1} << none << false << L{2}
        << S{u"create 0 local @node-1"_s, u"create 1 pending @"_s};
    QTest::newRow("scale-down tie: CCI newest first, then local newest first")
        << u"localPrefer"_s << L{2} << none << true << L{4, 1}
        << S{u"create 0 local @node-1"_s,        u"create 1 local @node-1"_s,
             u"create 2 cci @virtual-kubelet"_s, u"create 3 cci @virtual-kubelet"_s,
             u"delete 3 cci @virtual-kubelet"_s, u"delete 2 cci @virtual-kubelet"_s,
             u"delete 1 local @node-1"_s};
    QTest::newRow("scale-down: Pending newest first")
        << u"enforce"_s << L{} << uR"({"cci":{"maxNum":1}})"_s << true << L{3, 1}
        << S{u"create 0 cci @virtual-kubelet"_s, u"create 1 pending @"_s, u"create 2 pending @"_s,
             u"delete 2 pending @"_s, u"delete 1 pending @"_s};
    QTest::newRow("guide local priority 10: local pod deleted, its slot reused")
        << u"localPrefer"_s << L{1, 1} << kGuideLocal << true << L{3, 2, 3}
        << S{u"create 0 local @node-1"_s, u"create 1 local @node-2"_s,
             u"create 2 cci @virtual-kubelet"_s, u"delete 1 local @node-2"_s,
             u"create 3 local @node-2"_s};
}

void tst_PlacementSimulator::events()
{
    QFETCH(QStringList, expected);
    QStringList actual;
    for (const SimStep &s : run()) {
        for (const SimEvent &e : s.events)
            actual << describe(e);
    }
    QCOMPARE(actual, expected);
}

// CCI 2.0: the CCI pods go to the first schedulable virtual node (the global one when it is
// schedulable, else the first AZ node); none schedulable means no CCI (decided).
void tst_PlacementSimulator::virtualNodes_data()
{
    QTest::addColumn<QStringList>("virtualNodes");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("default: the guide's node")
        << QStringList{u"virtual-kubelet"_s}
        << QStringList{u"create 0 cci @virtual-kubelet"_s, u"create 1 cci @virtual-kubelet"_s};
    QTest::newRow("global node first")
        << QStringList{u"bursting-node"_s, u"bursting-az1"_s}
        << QStringList{u"create 0 cci @bursting-node"_s, u"create 1 cci @bursting-node"_s};
    QTest::newRow("global unschedulable: the first AZ node")
        << QStringList{u"bursting-az2"_s}
        << QStringList{u"create 0 cci @bursting-az2"_s, u"create 1 cci @bursting-az2"_s};
    QTest::newRow("every AZ faulty: Pending")
        << QStringList{} << QStringList{u"create 0 pending @"_s, u"create 1 pending @"_s};
}

void tst_PlacementSimulator::virtualNodes()
{
    QFETCH(QStringList, virtualNodes);
    QFETCH(QStringList, expected);
    SimulationInput in;
    in.strategy = Strategy::Enforce;
    in.podRequest = PodTotals{kPodCpu, kPodMemory};
    in.replicaSteps = {2};
    in.virtualNodes = virtualNodes;
    QStringList actual;
    for (const SimStep &s : simulatePlacement(in)) {
        for (const SimEvent &e : s.events)
            actual << describe(e);
    }
    QCOMPARE(actual, expected);
}

void tst_PlacementSimulator::rampSteps_data()
{
    QTest::addColumn<int>("peak");
    QTest::addColumn<QList<int>>("expected");
    QTest::newRow("peak 0") << 0 << QList<int>{0};
    QTest::newRow("peak 1") << 1 << QList<int>{0, 1, 0};
    QTest::newRow("peak 3") << 3 << QList<int>{0, 1, 2, 3, 2, 1, 0};
}

void tst_PlacementSimulator::rampSteps()
{
    QFETCH(int, peak);
    QFETCH(QList<int>, expected);
    QCOMPARE(core::burst::rampSteps(peak), expected);
}

void tst_PlacementSimulator::stepJson()
{
    SimulationInput in;
    in.strategy = Strategy::Enforce;
    in.podRequest = PodTotals{kPodCpu, kPodMemory};
    in.replicaSteps = {1};
    const QList<SimStep> steps = simulatePlacement(in);
    QCOMPARE(steps.size(), 1);
    const QJsonObject expected = QJsonDocument::fromJson(R"({"replicas":1,"local":0,"cci":1,
        "pending":0,"events":[{"action":"create","pod":0,"location":"cci",
        "node":"virtual-kubelet"}]})")
                                     .object();
    QCOMPARE(simStepToJson(steps.first()), expected);
}

QTEST_GUILESS_MAIN(tst_PlacementSimulator)
#include "tst_placementsimulator.moc"
