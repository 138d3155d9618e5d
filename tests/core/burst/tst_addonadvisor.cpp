#include "core/burst/addonadvisor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace core;
using namespace core::burst;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(core::burst::ClusterFacts)

// Guide 1.1's add-on advisor: the node size table and its boundaries, subnets against
// 10.247.0.0/16, ARM nodes, LoadBalancer Services in front of burst pods, log policies and the
// scale-to-zero reminder, each with the decision taken where the guide is silent.
class tst_AddonAdvisor : public QObject
{
    Q_OBJECT

private slots:
    void nodeSize_data();
    void nodeSize();
    void armNode_data();
    void armNode();
    void advise_data();
    void advise();
    void counts_data();
    void counts();
    void json();
};

namespace {

QJsonObject obj(const QString &text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s: %s", qPrintable(error.errorString()), qPrintable(text));
    return doc.object();
}

// An x86 node unless `labels` / `spec` / `status` say otherwise.
QJsonObject node(const QString &name, const QString &labels = u"\"kubernetes.io/arch\":\"amd64\""_s,
                 const QString &spec = {}, const QString &status = {})
{
    return obj(uR"({"kind":"Node","metadata":{"name":"%1","labels":{%2}},"spec":{%3},
        "status":{"capacity":{"cpu":"4","memory":"8Gi"},"nodeInfo":{"architecture":"amd64"}%4}})"_s
                   .arg(name, labels, spec, status.isEmpty() ? QString() : u',' + status));
}

QJsonObject virtualNode()
{
    return obj(uR"({"kind":"Node","metadata":{"name":"virtual-kubelet",
        "labels":{"type":"virtual-kubelet","kubernetes.io/arch":"arm64"}},
        "spec":{"taints":[{"key":"virtual-kubelet.io/provider","value":"huawei","effect":"NoSchedule"}],
                "podCIDR":"10.247.3.0/24"}})"_s);
}

// A Deployment `name` in `ns`, pod labels app=<name> plus `strategy` as the burst label
// (none when empty).
QJsonObject deployment(const QString &name, int replicas, const QString &strategy = u"auto"_s,
                       const QString &ns = u"default"_s)
{
    const QString burst = strategy.isEmpty()
                              ? QString()
                              : uR"(,"virtual-kubelet.io/burst-to-cci":"%1")"_s.arg(strategy);
    return obj(
        uR"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"%1","namespace":"%2"},
        "spec":{"replicas":%3,"selector":{"matchLabels":{"app":"%1"}},
        "template":{"metadata":{"labels":{"app":"%1"%4}},"spec":{"containers":[{"name":"c","image":"nginx"}]}}}})"_s
            .arg(name, ns)
            .arg(replicas)
            .arg(burst));
}

// A LoadBalancer Service selecting app=<app> with `extra` metadata and spec members.
QJsonObject loadBalancer(const QString &app, const QString &annotations = {},
                         const QString &spec = {})
{
    return obj(
        uR"({"kind":"Service","metadata":{"name":"%1-lb","namespace":"default","annotations":{%2}},
        "spec":{"type":"LoadBalancer","selector":{"app":"%1"},"ports":[{"port":80}]%3}})"_s.arg(
            app, annotations, spec.isEmpty() ? QString() : u',' + spec));
}

QJsonObject logPolicy(const QString &name, const QString &ns)
{
    return obj(
        uR"({"kind":"LogConfig","metadata":{"name":"%1","namespace":"%2"}})"_s.arg(name, ns));
}

// The baseline every row with one x86 node and one burst Deployment "web" gets.
ClusterFacts base(int replicas = 2, const QString &strategy = u"auto"_s)
{
    ClusterFacts f;
    f.nodes = {node(u"n1"_s), virtualNode()};
    f.workloads = {deployment(u"web"_s, replicas, strategy)};
    f.logPolicies = QList<QJsonObject>();
    return f;
}

// "severity code OBJECT|path" per finding, in order.
QStringList summary(const AddonAdvice &a)
{
    QStringList out;
    for (const Advice &advice : a.advice)
        out.append(severityName(advice.diagnostic.severity) + u' ' + advice.diagnostic.code + u' ' +
                   adviceObject(advice) + u'|' + advice.diagnostic.path);
    return out;
}

const QString kSize = u"info addon.nodeSize |"_s;
const QString kScaleWeb = u"info addon.scaleToZero Deployment default/web|spec.replicas"_s;

} // namespace

void tst_AddonAdvisor::nodeSize_data()
{
    QTest::addColumn<qint64>("pods");
    QTest::addColumn<qint64>("configMaps");
    QTest::addColumn<QString>("size");
    QTest::addColumn<bool>("beyond");
    QTest::newRow("nothing bursts") << 0LL << 0LL << u"2U4G"_s << false;
    QTest::newRow("999 pods") << 999LL << 0LL << u"2U4G"_s << false;
    QTest::newRow("1000 + 1000") << 1000LL << 1000LL << u"2U4G"_s << false;
    QTest::newRow("1001 pods") << 1001LL << 10LL << u"4U8G"_s << false;
    // decided: the larger count picks the row
    QTest::newRow("1000 pods, 1001 ConfigMaps") << 1000LL << 1001LL << u"4U8G"_s << false;
    QTest::newRow("10 pods, 1999 ConfigMaps") << 10LL << 1999LL << u"4U8G"_s << false;
    QTest::newRow("2000 + 2000") << 2000LL << 2000LL << u"4U8G"_s << false;
    QTest::newRow("2001 pods") << 2001LL << 0LL << u"8U16G"_s << false;
    QTest::newRow("4000 + 4000") << 4000LL << 4000LL << u"8U16G"_s << false;
    // decided: above the table, the largest row and a warning
    QTest::newRow("4001 pods") << 4001LL << 0LL << u"8U16G"_s << true;
    QTest::newRow("4001 ConfigMaps") << 0LL << 4001LL << u"8U16G"_s << true;
    QTest::newRow("100000 pods") << 100000LL << 100000LL << u"8U16G"_s << true;
}

void tst_AddonAdvisor::nodeSize()
{
    QFETCH(qint64, pods);
    QFETCH(qint64, configMaps);
    QFETCH(QString, size);
    QFETCH(bool, beyond);
    const AddonSizeChoice choice = recommendAddonNodeSize(pods, configMaps);
    QCOMPARE(choice.size.name(), size);
    QCOMPARE(choice.beyondGuide, beyond);
}

void tst_AddonAdvisor::armNode_data()
{
    QTest::addColumn<QJsonObject>("node");
    QTest::addColumn<bool>("arm");
    QTest::addColumn<QString>("path");
    QTest::newRow("amd64") << node(u"a"_s) << false << QString();
    QTest::newRow("arch label arm64") << node(u"a"_s, u"\"kubernetes.io/arch\":\"arm64\""_s) << true
                                      << u"metadata.labels[\"kubernetes.io/arch\"]"_s;
    QTest::newRow("beta label arm") << node(u"a"_s, u"\"beta.kubernetes.io/arch\":\"arm\""_s)
                                    << true << u"metadata.labels[\"beta.kubernetes.io/arch\"]"_s;
    QTest::newRow("no label, nodeInfo aarch64")
        << obj(uR"({"kind":"Node","metadata":{"name":"a"},"status":{"nodeInfo":{"architecture":"AArch64"}}})"_s)
        << true << u"status.nodeInfo.architecture"_s;
    // decided: the label, when there is one, is what the scheduler sees
    QTest::newRow("label amd64 wins over nodeInfo arm64")
        << obj(uR"({"kind":"Node","metadata":{"name":"a","labels":{"kubernetes.io/arch":"amd64"}},
                    "status":{"nodeInfo":{"architecture":"arm64"}}})"_s)
        << false << QString();
}

void tst_AddonAdvisor::armNode()
{
    QFETCH(QJsonObject, node);
    QFETCH(bool, arm);
    QFETCH(QString, path);
    QString where;
    QCOMPARE(isArmNode(node, &where), arm);
    QCOMPARE(where, path);
}

void tst_AddonAdvisor::advise_data()
{
    QTest::addColumn<ClusterFacts>("facts");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("plain cluster") << base() << QStringList{kSize, kScaleWeb};
    {
        ClusterFacts f = base();
        f.workloads = {deployment(u"web"_s, 2, QString())};
        QTest::newRow("nothing bursts: no reminders") << f << QStringList{kSize};
    }
    {
        ClusterFacts f = base(0);
        QTest::newRow("scaled to 0 already") << f << QStringList{kSize};
    }
    {
        ClusterFacts f = base(4001);
        QTest::newRow("beyond the guide")
            << f << QStringList{kSize, u"warning addon.nodeSizeBeyondGuide |"_s, kScaleWeb};
    }
    {
        ClusterFacts f = base();
        f.nodes.append(node(u"vk-host"_s));
        f.nodes.last()[u"status"_s] = obj(uR"({"capacity":{"cpu":"2","memory":"3900Mi"}})"_s);
        f.addonNode = u"vk-host"_s;
        // 3900Mi is above 90 % of 4 GiB (decided tolerance): right-sized
        QTest::newRow("named add-on node right-sized") << f << QStringList{kSize, kScaleWeb};
        f.nodes.last()[u"status"_s] = obj(uR"({"capacity":{"cpu":"2","memory":"3600Mi"}})"_s);
        QTest::newRow("named add-on node short of memory")
            << f
            << QStringList{kSize, u"warning addon.nodeUndersized Node vk-host|status.capacity"_s,
                           kScaleWeb};
        f.nodes.last()[u"status"_s] = obj(uR"({"capacity":{"cpu":"1500m","memory":"4Gi"}})"_s);
        QTest::newRow("named add-on node short of CPU")
            << f
            << QStringList{kSize, u"warning addon.nodeUndersized Node vk-host|status.capacity"_s,
                           kScaleWeb};
        f.addonNode = u"nowhere"_s;
        QTest::newRow("named add-on node missing")
            << f << QStringList{kSize, u"warning addon.nodeNotFound |--addon-node"_s, kScaleWeb};
    }
    {
        ClusterFacts f = base(1001);
        f.nodes.append(node(u"vk-host"_s)); // 4 CPUs, 8Gi: the 4U8G row
        f.pods = {obj(
            uR"({"kind":"Pod","metadata":{"name":"virtual-kubelet-7d9f","namespace":"kube-system",
            "ownerReferences":[{"kind":"ReplicaSet","name":"virtual-kubelet-7d","controller":true}]},
            "spec":{"nodeName":"vk-host"}})"_s)};
        QTest::newRow("add-on node found by its pod, 4U8G for 1001 pods")
            << f << QStringList{kSize, kScaleWeb};
        f.workloads = {deployment(u"web"_s, 2001)};
        QTest::newRow("add-on node found by its pod, too small for 2001")
            << f
            << QStringList{kSize, u"warning addon.nodeUndersized Node vk-host|status.capacity"_s,
                           kScaleWeb};
    }
    {
        ClusterFacts f = base();
        f.nodes = {
            node(u"n1"_s, u"\"kubernetes.io/arch\":\"amd64\""_s,
                 uR"("podCIDR":"10.247.1.0/24","podCIDRs":["10.247.1.0/24","10.0.0.0/24"])"_s,
                 uR"("addresses":[{"type":"Hostname","address":"10.247.0.9"},
                                         {"type":"InternalIP","address":"10.247.0.9"}])"_s),
            node(u"n2"_s, u"\"kubernetes.io/arch\":\"amd64\""_s,
                 uR"("podCIDRs":["10.246.0.0/16","10.0.0.0/8"])"_s,
                 uR"("addresses":[{"type":"InternalIP","address":"10.248.0.1"}])"_s),
            virtualNode()};
        f.subnets = {u"192.168.0.0/16"_s, u"10.0.0.0/8"_s};
        // 10.0.0.0/8 holds 10.247.0.0/16; 10.246.0.0/16 and 10.248.0.1 are just outside
        QTest::newRow("subnets overlapping 10.247.0.0/16")
            << f
            << QStringList{kSize,
                           u"error addon.subnetOverlap Node n1|spec.podCIDR"_s,
                           u"error addon.subnetOverlap Node n1|status.addresses[1].address"_s,
                           u"error addon.subnetOverlap Node n2|spec.podCIDRs[1]"_s,
                           u"error addon.subnetOverlap |--subnet"_s,
                           kScaleWeb};
    }
    {
        ClusterFacts f = base();
        f.nodes.append(node(u"arm-1"_s, u"\"kubernetes.io/arch\":\"arm64\""_s));
        QTest::newRow("one ARM node")
            << f
            << QStringList{
                   kSize,
                   u"warning addon.armNode Node arm-1|metadata.labels[\"kubernetes.io/arch\"]"_s,
                   kScaleWeb};
        f.nodes.removeFirst(); // the x86 one: left with arm-1 and the (ARM-labelled) virtual node
        QTest::newRow("ARM cluster")
            << f
            << QStringList{
                   kSize,
                   u"warning addon.armNode Node arm-1|metadata.labels[\"kubernetes.io/arch\"]"_s,
                   u"error addon.armCluster |"_s, kScaleWeb};
    }
    {
        ClusterFacts f = base();
        f.nodes = {
            node(u"n1"_s, u"\"kubernetes.io/arch\":\"amd64\""_s, u"\"unschedulable\":true"_s),
            virtualNode()};
        QTest::newRow("no schedulable node")
            << f << QStringList{kSize, u"warning addon.noSchedulableNode |"_s, kScaleWeb};
    }
    {
        ClusterFacts f = base();
        f.services = {loadBalancer(
            u"web"_s,
            uR"("kubernetes.io/elb.health-check-option":"{\"protocol\":\"TCP\",\"monitor_port\":\"22\"}")"_s)};
        QTest::newRow("health-check port")
            << f
            << QStringList{
                   kSize,
                   u"warning addon.lbHealthCheckPort Service default/web-lb|metadata.annotations[\"kubernetes.io/elb.health-check-option\"]"_s,
                   kScaleWeb};
        f.services = {loadBalancer(
            u"web"_s,
            uR"("kubernetes.io/elb.health-check-options":"[{\"target_service_port\":\"TCP:80\"}]")"_s)};
        QTest::newRow("target_service_port alone is no health-check port")
            << f << QStringList{kSize, kScaleWeb};
        f.services = {loadBalancer(u"web"_s, {}, u"\"externalTrafficPolicy\":\"Local\""_s)};
        QTest::newRow("externalTrafficPolicy Local")
            << f
            << QStringList{
                   kSize,
                   u"warning addon.lbLocalTraffic Service default/web-lb|spec.externalTrafficPolicy"_s,
                   kScaleWeb};
        f.services = {loadBalancer(u"web"_s, {}, u"\"healthCheckNodePort\":31000"_s)};
        QTest::newRow("healthCheckNodePort")
            << f
            << QStringList{
                   kSize,
                   u"warning addon.lbLocalTraffic Service default/web-lb|spec.externalTrafficPolicy"_s,
                   kScaleWeb};
        f.services = {loadBalancer(u"web"_s, u"\"kubernetes.io/elb.class\":\"union\""_s)};
        QTest::newRow("shared ELB")
            << f
            << QStringList{
                   kSize,
                   u"info addon.lbSharedElb Service default/web-lb|metadata.annotations[\"kubernetes.io/elb.class\"]"_s,
                   kScaleWeb};
        f.services = {loadBalancer(u"other"_s, {}, u"\"externalTrafficPolicy\":\"Local\""_s)};
        QTest::newRow("LoadBalancer in front of no burst pod")
            << f << QStringList{kSize, kScaleWeb};
        QJsonObject clusterIp =
            loadBalancer(u"web"_s, {}, u"\"externalTrafficPolicy\":\"Local\""_s);
        QJsonObject spec = clusterIp[u"spec"_s].toObject();
        spec[u"type"_s] = u"NodePort"_s;
        clusterIp[u"spec"_s] = spec;
        f.services = {clusterIp};
        QTest::newRow("not a LoadBalancer") << f << QStringList{kSize, kScaleWeb};
    }
    {
        ClusterFacts f = base(2, u"localPrefer"_s);
        f.services = {loadBalancer(u"web"_s)};
        QTest::newRow("LoadBalancer with localPrefer")
            << f
            << QStringList{kSize,
                           u"warning addon.lbStrategy Service default/web-lb|spec.selector"_s,
                           kScaleWeb};
        f.workloads = {deployment(u"web"_s, 2, u"enforce"_s)};
        QTest::newRow("LoadBalancer with enforce") << f << QStringList{kSize, kScaleWeb};
        f.workloads = {deployment(u"web"_s, 2, QString())};
        f.profiles = {obj(uR"({"apiVersion":"scheduling.cci.io/v1","kind":"ScheduleProfile",
            "metadata":{"name":"p","namespace":"default"},
            "spec":{"objectLabels":{"matchLabels":{"app":"web"}},"strategy":"localPrefer"}})"_s)};
        QTest::newRow("LoadBalancer with localPrefer from a profile")
            << f
            << QStringList{kSize,
                           u"warning addon.lbStrategy Service default/web-lb|spec.selector"_s,
                           kScaleWeb};
    }
    {
        ClusterFacts f = base();
        f.logPolicies.reset();
        QTest::newRow("log policies unknown")
            << f << QStringList{kSize, u"info addon.logPoliciesUnknown |"_s, kScaleWeb};
        f.workloads.clear();
        QTest::newRow("log policies unknown, nothing bursts") << f << QStringList{kSize};
        f = base();
        f.logPolicies =
            QList<QJsonObject>{logPolicy(u"a"_s, u"default"_s), logPolicy(u"b"_s, u"default"_s),
                               logPolicy(u"c"_s, u"other"_s)};
        QTest::newRow("log policies of its namespace")
            << f
            << QStringList{
                   kSize,
                   u"warning addon.logPolicies Deployment default/web|spec.template.spec.containers"_s,
                   kScaleWeb};
        f.logPolicies = QList<QJsonObject>{logPolicy(u"c"_s, u"other"_s)};
        QTest::newRow("log policy of another namespace") << f << QStringList{kSize, kScaleWeb};
    }
    {
        ClusterFacts f = base();
        f.workloads.append(obj(
            uR"({"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"j","namespace":"default"},
            "spec":{"parallelism":3,"template":{"metadata":{"labels":{"virtual-kubelet.io/burst-to-cci":"enforce"}},
            "spec":{"containers":[{"name":"c","image":"busybox"}]}}}})"_s));
        QTest::newRow("a Job is let finish")
            << f << QStringList{kSize, kScaleWeb, u"info addon.scaleToZero Job default/j|"_s};
        f.workloads.last()[u"status"_s] =
            obj(uR"({"conditions":[{"type":"Complete","status":"True"}]})"_s);
        QTest::newRow("a finished Job needs nothing") << f << QStringList{kSize, kScaleWeb};
    }
}

void tst_AddonAdvisor::advise()
{
    QFETCH(ClusterFacts, facts);
    QFETCH(QStringList, expected);
    const AddonAdvice advice = adviseAddon(facts);
    QCOMPARE(summary(advice), expected);
    for (const Advice &a : advice.advice) {
        QVERIFY2(!a.diagnostic.message.isEmpty(), qPrintable(a.diagnostic.code));
        QVERIFY2(!a.diagnostic.hint.isEmpty(), qPrintable(a.diagnostic.code));
    }
}

void tst_AddonAdvisor::counts_data()
{
    QTest::addColumn<ClusterFacts>("facts");
    QTest::addColumn<int>("workloads");
    QTest::addColumn<qint64>("pods");
    QTest::addColumn<qint64>("configMaps");

    ClusterFacts f = base(3);
    f.workloads.append(deployment(u"local"_s, 50, QString()));
    f.workloads.append(deployment(u"off"_s, 50, u"off"_s));
    f.workloads.append(deployment(u"pay"_s, 4, u"enforce"_s, u"payments"_s));
    f.configMaps = {{u"default"_s, 10}, {u"payments"_s, 5}, {u"idle"_s, 900}};
    // decided: only burst workloads' pods, only their namespaces' ConfigMaps
    QTest::newRow("burst workloads only") << f << 2 << 7LL << 15LL;

    f = base(1);
    for (int i = 0; i < 5; ++i)
        f.pods.append(obj(uR"({"kind":"Pod","metadata":{"name":"p%1","namespace":"default",
            "ownerReferences":[{"kind":"ReplicaSet","name":"web-1","controller":true}]},
            "spec":{"nodeName":"virtual-kubelet"}})"_s.arg(i)));
    // decided: the pods on virtual nodes now, when more than the workloads ask for
    QTest::newRow("pods on virtual nodes now") << f << 1 << 5LL << 0LL;

    f = base(0);
    f.pods.append(obj(uR"({"kind":"Pod","metadata":{"name":"bare","namespace":"default",
        "labels":{"virtual-kubelet.io/burst-to-cci":"auto"}},"spec":{"containers":[{"name":"c","image":"x"}]}})"_s));
    QTest::newRow("a bare burst pod is a workload") << f << 2 << 1LL << 0LL;
    f.pods.last()[u"status"_s] = obj(uR"({"phase":"Succeeded"})"_s);
    QTest::newRow("a pod that succeeded asks for none") << f << 2 << 0LL << 0LL;
}

void tst_AddonAdvisor::counts()
{
    QFETCH(ClusterFacts, facts);
    QFETCH(int, workloads);
    QFETCH(qint64, pods);
    QFETCH(qint64, configMaps);
    const AddonAdvice advice = adviseAddon(facts);
    QCOMPARE(advice.burstWorkloads, workloads);
    QCOMPARE(advice.burstPods, pods);
    QCOMPARE(advice.configMaps, configMaps);
}

void tst_AddonAdvisor::json()
{
    ClusterFacts f = base(1500);
    f.services = {loadBalancer(u"web"_s, {}, u"\"externalTrafficPolicy\":\"Local\""_s)};
    const QJsonObject j = addonAdviceToJson(adviseAddon(f));
    QCOMPARE(j.value(u"burstPods").toInteger(), 1500);
    QCOMPARE(j.value(u"recommendedNodeSize").toObject().value(u"name").toString(), u"4U8G"_s);
    QCOMPARE(j.value(u"recommendedNodeSize").toObject().value(u"cpu").toInt(), 4);
    const QJsonArray advice = j.value(u"advice").toArray();
    QCOMPARE(advice.size(), 3);
    const QJsonObject lb = advice.at(1).toObject();
    QCOMPARE(lb.value(u"code").toString(), u"addon.lbLocalTraffic"_s);
    QCOMPARE(lb.value(u"severity").toString(), u"warning"_s);
    QCOMPARE(lb.value(u"kind").toString(), u"Service"_s);
    QCOMPARE(lb.value(u"namespace").toString(), u"default"_s);
    QCOMPARE(lb.value(u"name").toString(), u"web-lb"_s);
    QCOMPARE(lb.value(u"path").toString(), u"spec.externalTrafficPolicy"_s);
    QVERIFY(!lb.value(u"hint").toString().isEmpty());
}

QTEST_GUILESS_MAIN(tst_AddonAdvisor)
#include "tst_addonadvisor.moc"
