#include "core/burst/shapechecks.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace core;
using namespace core::burst;
using namespace Qt::StringLiterals;

// Expected values come from SPEC.md section 4 and the guide it restates: section 1.1's constraints
// (volume types, EmptyDir without sub-paths, DaemonSet/HostNetwork, ClusterIP only, LoadBalancer
// health-check port and auto/enforce only, log policies 50MB + 5MB, network interconnection
// sidecar), 3.3 (sysctl allow-list) and 3.4 (/dev/shm: Memory emptyDir of 50% of pod memory, the
// example with 8Gi and sizeLimit 4Gi; SYS_ADMIN).
class tst_ShapeChecks : public QObject
{
    Q_OBJECT

private slots:
    void sysctlAllowList_data();
    void sysctlAllowList();
    void checkPodShape_data();
    void checkPodShape();
    void logPolicyReservation_data();
    void logPolicyReservation();
};

void tst_ShapeChecks::sysctlAllowList_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("allowed");

    QTest::newRow("kernel.shmmax (kernel.shm*)") << u"kernel.shmmax"_s << true;
    QTest::newRow("kernel.shm_rmid_forced (kernel.shm*)") << u"kernel.shm_rmid_forced"_s << true;
    QTest::newRow("kernel.msgmax (kernel.msg*)") << u"kernel.msgmax"_s << true;
    QTest::newRow("kernel.msgmnb (kernel.msg*)") << u"kernel.msgmnb"_s << true;
    QTest::newRow("kernel.sem exactly") << u"kernel.sem"_s << true;
    QTest::newRow("kernel.semx is not kernel.sem") << u"kernel.semx"_s << false;
    QTest::newRow("fs.mqueue.msg_max (fs.mqueue.*)") << u"fs.mqueue.msg_max"_s << true;
    QTest::newRow("guide: net.core.somaxconn") << u"net.core.somaxconn"_s << true;
    QTest::newRow("guide: net.ipv4.tcp_tw_reuse") << u"net.ipv4.tcp_tw_reuse"_s << true;
    QTest::newRow("net.ipv4.ip_local_port_range") << u"net.ipv4.ip_local_port_range"_s << true;
    QTest::newRow("net.netfilter.x excluded") << u"net.netfilter.nf_conntrack_max"_s << false;
    QTest::newRow("net.ipv4.vs.x excluded") << u"net.ipv4.vs.conn_reuse_mode"_s << false;
    QTest::newRow("kernel.pid_max not listed") << u"kernel.pid_max"_s << false;
    QTest::newRow("kernel.shm prefix needs kernel.") << u"shmmax"_s << false;
    QTest::newRow("vm.swappiness not listed") << u"vm.swappiness"_s << false;
    QTest::newRow("fs.file-max not listed") << u"fs.file-max"_s << false;
    QTest::newRow("empty name") << QString() << false;
}

void tst_ShapeChecks::sysctlAllowList()
{
    QFETCH(QString, name);
    QFETCH(bool, allowed);
    QCOMPARE(isSysctlAllowed(name), allowed);
}

static QJsonValue json(const char *text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(text), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

// The pod spec wrapped in an object of `kind`; pods carry the label app=web.
static QJsonObject workloadObject(const QString &kind, const QJsonObject &spec)
{
    const QJsonObject labels{{u"app"_s, u"web"_s}};
    if (kind == u"Pod")
        return {{u"apiVersion"_s, u"v1"_s},
                {u"kind"_s, kind},
                {u"metadata"_s, QJsonObject{{u"name"_s, u"web"_s}, {u"labels"_s, labels}}},
                {u"spec"_s, spec}};
    const QJsonObject podTemplate{{u"metadata"_s, QJsonObject{{u"labels"_s, labels}}},
                                  {u"spec"_s, spec}};
    return {{u"apiVersion"_s, u"apps/v1"_s},
            {u"kind"_s, kind},
            {u"metadata"_s, QJsonObject{{u"name"_s, u"web"_s}, {u"namespace"_s, u"default"_s}}},
            {u"spec"_s, QJsonObject{{u"selector"_s, QJsonObject{{u"matchLabels"_s, labels}}},
                                    {u"template"_s, podTemplate}}}};
}

// Everything a row may vary; the defaults describe a plain Pod with strategy auto, 1 CPU / 2Gi,
// no Services, network interconnection off and no log policies, so a row sees only its finding.
struct Row
{
    QString kind = u"Pod"_s;
    QString strategy = u"auto"_s;
    qint64 memory = 2 * kGi;
    QStringList replaced = {};
    const char *services = "[]";
    bool interconnect = false;
    int logPolicies = 0;
};

static void addRow(const char *name, const char *spec, const QStringList &expected,
                   const Row &row = {})
{
    QTest::newRow(name) << workloadObject(row.kind, json(spec).toObject()) << row.strategy
                        << row.memory << row.replaced << json(row.services).toArray()
                        << row.interconnect << row.logPolicies << expected;
}

static const char *kNodePort =
    R"([{"kind":"Service","metadata":{"name":"web","namespace":"default"},
    "spec":{"type":"NodePort","selector":{"app":"web"}}}])";
static const char *kLoadBalancer = R"([{"kind":"Service","metadata":{"name":"web"},
    "spec":{"type":"LoadBalancer","selector":{"app":"web"}}}])";
static const char *kLoadBalancerMonitorPort = R"([{"kind":"Service","metadata":{"name":"web",
    "annotations":{"kubernetes.io/elb.health-check-flag":"on","kubernetes.io/elb.health-check-option":
    "{\"protocol\":\"TCP\",\"delay\":\"5\",\"timeout\":\"10\",\"max_retries\":\"3\",\"monitor_port\":\"22\"}"}},
    "spec":{"type":"LoadBalancer","selector":{"app":"web"}}}])";
static const char *kLoadBalancerNoPort = R"([{"kind":"Service","metadata":{"name":"web",
    "annotations":{"kubernetes.io/elb.health-check-flag":"on","kubernetes.io/elb.health-check-option":
    "{\"protocol\":\"TCP\",\"delay\":\"5\",\"timeout\":\"10\",\"max_retries\":\"3\"}"}},
    "spec":{"type":"LoadBalancer","selector":{"app":"web"}}}])";

void tst_ShapeChecks::checkPodShape_data()
{
    QTest::addColumn<QJsonObject>("object");
    QTest::addColumn<QString>("strategy");
    QTest::addColumn<qint64>("podMemory");
    QTest::addColumn<QStringList>("replacedVolumes");
    QTest::addColumn<QJsonArray>("services");
    QTest::addColumn<bool>("networkInterconnect");
    QTest::addColumn<int>("logPolicies");
    QTest::addColumn<QStringList>("expected"); // "severity code path", any order

    addRow("supported volume types pass", R"({"containers":[{"name":"app"}],"volumes":[
        {"name":"a","configMap":{"name":"cm"}},{"name":"b","secret":{"secretName":"s"}},
        {"name":"c","emptyDir":{}},{"name":"d","downwardAPI":{"items":[]}},
        {"name":"e","projected":{"sources":[{"configMap":{"name":"cm"}}]}},{"name":"f"}]})",
           {});
    // Errors
    addRow("nfs volume unsupported", R"({"containers":[{"name":"app"}],"volumes":[
        {"name":"c","configMap":{"name":"cm"}},{"name":"n","nfs":{"server":"10.0.0.1","path":"/x"}}]})",
           {u"error volume.unsupported volumes[1].nfs"_s});
    addRow("gcePersistentDisk unsupported", R"({"containers":[{"name":"app"}],"volumes":[
        {"name":"g","gcePersistentDisk":{"pdName":"disk"}}]})",
           {u"error volume.unsupported volumes[0].gcePersistentDisk"_s});
    addRow("hostPath without replacement", R"({"containers":[{"name":"app"}],"volumes":[
        {"name":"logs","hostPath":{"path":"/var/log"}}]})",
           {u"error volume.hostPath volumes[0].hostPath"_s});
    addRow(
        "localDir not produced by replacement is unsupported",
        R"({"containers":[{"name":"app"}],"volumes":[{"name":"logs","localDir":{"sizeLimit":"1Gi"}}]})",
        {u"error volume.unsupported volumes[0].localDir"_s});
    addRow(
        "replaced volume (localDir) not reported",
        R"({"containers":[{"name":"app"}],"volumes":[{"name":"logs","localDir":{"sizeLimit":"1Gi"}}]})",
        {}, {.replaced = {u"logs"_s}});
    addRow("replaced volume (flexVolume) not reported", R"({"containers":[{"name":"app"}],
        "volumes":[{"name":"d","flexVolume":{"driver":"huawei.com/fuxidisk","fsType":"ext4",
        "options":{"volumeType":"sata","volumeSize":"10Gi"}}},{"name":"h","hostPath":{"path":"/h"}}]})",
           {u"error volume.hostPath volumes[1].hostPath"_s}, {.replaced = {u"d"_s}});
    addRow("emptyDir mounted with subPath", R"({"containers":[{"name":"app","volumeMounts":[
        {"name":"cfg","mountPath":"/etc/x","subPath":"x"},{"name":"tmp","mountPath":"/t","subPath":"a"}]}],
        "volumes":[{"name":"cfg","configMap":{"name":"cm"}},{"name":"tmp","emptyDir":{}}]})",
           {u"error volume.emptyDirSubPath containers[0].volumeMounts[1].subPath"_s});
    addRow("emptyDir mounted with subPathExpr", R"j({"containers":[{"name":"app","volumeMounts":[
        {"name":"tmp","mountPath":"/t","subPathExpr":"$(POD_NAME)"}]}],"volumes":[{"name":"tmp","emptyDir":{}}]})j",
           {u"error volume.emptyDirSubPath containers[0].volumeMounts[0].subPathExpr"_s});
    addRow("emptyDir with subPath in an init container", R"({"initContainers":[{"name":"i",
        "volumeMounts":[{"name":"tmp","mountPath":"/t","subPath":"a"}]}],"containers":[{"name":"app",
        "volumeMounts":[{"name":"tmp","mountPath":"/t"}]}],"volumes":[{"name":"tmp","emptyDir":{}}]})",
           {u"error volume.emptyDirSubPath initContainers[0].volumeMounts[0].subPath"_s});
    addRow("emptyDir with an empty subPath mounts the volume root", R"({"containers":[{"name":"app",
        "volumeMounts":[{"name":"tmp","mountPath":"/t","subPath":"","subPathExpr":""}]}],
        "volumes":[{"name":"tmp","emptyDir":{}}]})",
           {});
    const char *plain = R"({"containers":[{"name":"app"}]})";
    addRow("DaemonSet with auto", plain, {u"error strategy.daemonSet @kind"_s},
           {.kind = u"DaemonSet"_s});
    addRow("DaemonSet with enforce", plain, {u"error strategy.daemonSet @kind"_s},
           {.kind = u"DaemonSet"_s, .strategy = u"enforce"_s});
    addRow("DaemonSet with localPrefer", plain, {u"error strategy.daemonSet @kind"_s},
           {.kind = u"DaemonSet"_s, .strategy = u"localPrefer"_s});
    addRow("DaemonSet with off", plain, {}, {.kind = u"DaemonSet"_s, .strategy = u"off"_s});
    addRow("Deployment with auto is not a DaemonSet", plain, {}, {.kind = u"Deployment"_s});
    addRow("hostNetwork true", R"({"hostNetwork":true,"containers":[{"name":"app"}]})",
           {u"error pod.hostNetwork hostNetwork"_s});
    addRow("hostNetwork false", R"({"hostNetwork":false,"containers":[{"name":"app"}]})", {});
    addRow("guide sysctls allowed, net.netfilter rejected", R"({"securityContext":{"sysctls":[
        {"name":"net.core.somaxconn","value":"65536"},{"name":"net.ipv4.tcp_tw_reuse","value":"1"},
        {"name":"net.netfilter.nf_conntrack_max","value":"1"}]},"containers":[{"name":"app"}]})",
           {u"error pod.sysctl securityContext.sysctls[2].name"_s});
    addRow("sysctls net.ipv4.vs and kernel.semx rejected", R"({"securityContext":{"sysctls":[
        {"name":"net.ipv4.vs.conn_reuse_mode","value":"0"},{"name":"kernel.sem","value":"1 2 3 4"},
        {"name":"kernel.semx","value":"1"}]},"containers":[{"name":"app"}]})",
           {u"error pod.sysctl securityContext.sysctls[0].name"_s,
            u"error pod.sysctl securityContext.sysctls[2].name"_s});
    const char *memory3Gi =
        R"({"containers":[{"name":"app","volumeMounts":[{"name":"m","mountPath":"/cache"}]}],
        "volumes":[{"name":"m","emptyDir":{"medium":"Memory","sizeLimit":"3Gi"}}]})";
    addRow("Memory emptyDir sizeLimit above pod memory", memory3Gi,
           {u"error volume.memoryEmptyDir volumes[0].emptyDir.sizeLimit"_s});
    addRow("Memory emptyDir sizeLimit equal to pod memory", memory3Gi, {}, {.memory = 3 * kGi});
    addRow("disk emptyDir sizeLimit above pod memory", R"({"containers":[{"name":"app"}],
        "volumes":[{"name":"d","emptyDir":{"sizeLimit":"100Gi"}}]})",
           {});
    // Warnings
    addRow(
        "projected serviceAccountToken", R"({"containers":[{"name":"app"}],"volumes":[
        {"name":"t","projected":{"sources":[{"configMap":{"name":"cm"}},
        {"serviceAccountToken":{"audience":"api","expirationSeconds":3600,"path":"token"}}]}}]})",
        {u"warning volume.serviceAccountToken volumes[0].projected.sources[1].serviceAccountToken"_s});
    addRow("SYS_ADMIN capability", R"({"containers":[{"name":"app","securityContext":
        {"capabilities":{"add":["NET_ADMIN","SYS_ADMIN"]}}}]})",
           {u"warning container.sysAdmin containers[0].securityContext.capabilities.add[1]"_s});
    addRow("PVC storage class cannot be checked", R"({"containers":[{"name":"app"}],"volumes":[
        {"name":"data","persistentVolumeClaim":{"claimName":"sfs-data"}}]})",
           {u"warning volume.pvcStorageClass volumes[0].persistentVolumeClaim"_s});
    const char *shm4Gi = R"({"containers":[{"name":"container-0","volumeMounts":[
        {"name":"volume-emptydir1","mountPath":"/dev/shm"}]}],
        "volumes":[{"emptyDir":{"medium":"Memory","sizeLimit":"4Gi"},"name":"volume-emptydir1"}]})";
    // The shm rules are core/burst/shmrules.cpp (tst_shmrules); checkPodShape runs them.
    addRow("guide /dev/shm 4Gi of 8Gi is 50%", shm4Gi,
           {u"info shm.countedInMemory containers[0].volumeMounts[0]"_s}, {.memory = 8 * kGi});
    addRow("/dev/shm 4Gi of 6Gi is above 50%", shm4Gi,
           {u"warning volume.shmLarge containers[0].volumeMounts[0]"_s,
            u"info shm.countedInMemory containers[0].volumeMounts[0]"_s},
           {.memory = 6 * kGi});
    addRow("/dev/shm Memory emptyDir without sizeLimit", R"({"containers":[{"name":"app",
        "volumeMounts":[{"name":"shm","mountPath":"/dev/shm"}]}],
        "volumes":[{"name":"shm","emptyDir":{"medium":"Memory"}}]})",
           {u"warning volume.shmLarge containers[0].volumeMounts[0]"_s}, {.memory = 8 * kGi});
    addRow("Memory emptyDir above 50% not at /dev/shm", memory3Gi, {}, {.memory = 4 * kGi});
    addRow("NodePort Service selecting the pod", plain,
           {u"warning service.notClusterIP @metadata.labels"_s}, {.services = kNodePort});
    addRow("NodePort Service selecting a Deployment's pods", plain,
           {u"warning service.notClusterIP @spec.template.metadata.labels"_s},
           {.kind = u"Deployment"_s, .services = kNodePort});
    addRow("NodePort Service selecting other pods", plain, {}, {.services = R"([{"kind":"Service",
        "metadata":{"name":"db"},"spec":{"type":"NodePort","selector":{"app":"db"}}}])"});
    addRow("NodePort Service in another namespace", plain, {}, {.services = R"([{"kind":"Service",
        "metadata":{"name":"web","namespace":"prod"},"spec":{"type":"NodePort","selector":{"app":"web"}}}])"});
    addRow("ClusterIP Service selecting the pod", plain, {}, {.services = R"([{"kind":"Service",
        "metadata":{"name":"web"},"spec":{"type":"ClusterIP","selector":{"app":"web"}}},
        {"kind":"Service","metadata":{"name":"web2"},"spec":{"selector":{"app":"web"}}}])"});
    addRow("LoadBalancer Service with auto", plain,
           {u"warning service.notClusterIP @metadata.labels"_s}, {.services = kLoadBalancer});
    addRow("LoadBalancer Service with a health-check port", plain,
           {u"warning service.notClusterIP @metadata.labels"_s,
            u"warning service.healthCheckPort @metadata.labels"_s},
           {.services = kLoadBalancerMonitorPort});
    addRow("LoadBalancer Service with a health check but no port", plain,
           {u"warning service.notClusterIP @metadata.labels"_s}, {.services = kLoadBalancerNoPort});
    addRow("LoadBalancer Service with localPrefer", plain,
           {u"warning service.notClusterIP @metadata.labels"_s,
            u"warning service.strategy @metadata.labels"_s},
           {.strategy = u"localPrefer"_s, .services = kLoadBalancer});
    addRow("LoadBalancer Service with enforce", plain,
           {u"warning service.notClusterIP @metadata.labels"_s},
           {.strategy = u"enforce"_s, .services = kLoadBalancer});
    // Info
    addRow("network interconnection adds a sidecar", plain, {u"info pod.sidecar containers"_s},
           {.interconnect = true});
    addRow("no sidecar without network interconnection", plain, {}, {.interconnect = false});
    addRow("log policy reservation", plain, {u"warning pod.logPolicies containers"_s},
           {.logPolicies = 1});
}

static QStringList summary(const Diagnostics &diagnostics)
{
    QStringList out;
    for (const Diagnostic &d : diagnostics) {
        out << severityName(d.severity) + u' ' + d.code + u' ' + d.path;
        if (d.message.isEmpty())
            out << u"(no message for %1)"_s.arg(d.code);
    }
    out.sort();
    return out;
}

void tst_ShapeChecks::checkPodShape()
{
    QFETCH(QJsonObject, object);
    QFETCH(QString, strategy);
    QFETCH(qint64, podMemory);
    QFETCH(QStringList, replacedVolumes);
    QFETCH(QJsonArray, services);
    QFETCH(bool, networkInterconnect);
    QFETCH(int, logPolicies);
    QFETCH(QStringList, expected);

    Diagnostics parseDiagnostics;
    const std::optional<kube::Workload> workload =
        kube::workloadFromObject(object, &parseDiagnostics);
    QVERIFY(workload);
    QVERIFY(parseDiagnostics.isEmpty());
    const std::optional<Strategy> parsed = parseStrategy(strategy);
    QVERIFY(parsed);

    ShapeInput input;
    input.workload = &*workload;
    input.podSpec = workload->podSpec();
    input.strategy = *parsed;
    input.podTotals = PodTotals{1000, podMemory};
    input.replacedVolumes = replacedVolumes;
    for (const QJsonValue &s : services)
        input.services.append(s.toObject());
    input.networkInterconnect = networkInterconnect;
    input.logPolicies = logPolicies;

    expected.sort();
    QCOMPARE(summary(core::burst::checkPodShape(input)), expected);
}

void tst_ShapeChecks::logPolicyReservation_data()
{
    QTest::addColumn<int>("policies");
    QTest::addColumn<QString>("reserve");

    QTest::newRow("one policy: 50MB") << 1 << u"50MB"_s;
    QTest::newRow("two policies: 55MB") << 2 << u"55MB"_s;
    QTest::newRow("three policies: 60MB") << 3 << u"60MB"_s;
}

void tst_ShapeChecks::logPolicyReservation()
{
    QFETCH(int, policies);
    QFETCH(QString, reserve);

    const std::optional<kube::Workload> workload = kube::workloadFromObject(
        workloadObject(u"Pod"_s, json(R"({"containers":[{"name":"app"}]})").toObject()), nullptr);
    QVERIFY(workload);
    ShapeInput input;
    input.workload = &*workload;
    input.podSpec = workload->podSpec();
    input.strategy = Strategy::Auto;
    input.networkInterconnect = false;
    input.logPolicies = policies;
    const Diagnostics out = core::burst::checkPodShape(input);
    QCOMPARE(out.size(), 1);
    QCOMPARE(out.constFirst().severity, Severity::Warning); // SPEC 4 lists it under warnings
    QCOMPARE(out.constFirst().code, u"pod.logPolicies"_s);
    QVERIFY2(out.constFirst().message.contains(reserve), qPrintable(out.constFirst().message));
}

QTEST_GUILESS_MAIN(tst_ShapeChecks)
#include "tst_shapechecks.moc"
