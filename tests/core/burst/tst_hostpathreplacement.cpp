#include "core/burst/hostpathreplacement.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace core;
using namespace core::burst;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(core::burst::HostPathRule)

// Expected values come from SPEC.md section 5 and the guide's section 1.2.1 (HostPath to localDir,
// emptyDir or flexVolume); the annotation texts are the guide's, with its line breaks removed.
class tst_HostPathReplacement : public QObject
{
    Q_OBJECT

private slots:
    void parseValid_data();
    void parseValid();
    void parseInvalid_data();
    void parseInvalid();
    void apply_data();
    void apply();
    void pathsCountDroppedEntries();
};

static const QString kGuideLocalDir =
    uR"([{"name":"source-hostpath-volume","policyType":"replaceByLocalDir","localDir":{"sizeLimit":"1Gi"}}])"_s;
static const QString kGuideFlexVolume =
    uR"([{"name":"source-hostpath-volume","policyType":"replaceByFlexVolume","flexVolume":{"driver": "huawei.com/fuxidisk", "fsType": "ext4", "options": {"volumeType": "sata", "volumeSize": "10Gi"}}}])"_s;
static const QString kGuideRemoveAll = uR"([{"name":"*","policyType":"remove"}])"_s;
static const QString kGuideDifferentiated =
    uR"([{"name":"source-hostpath-volume-1","policyType":"remove"},{"name":"source-hostpath-volume-2","policyType":"replaceByLocalDir","localDir":{"sizeLimit":"1Gi"}},{"name":"source-hostpath-volume-3","policyType":"replaceByEmptyDir","emptyDir":{"sizeLimit":"10Gi"}}])"_s;
static const QString kGuideDeployment =
    uR"([{"name": "test-log2", "policyType": "remove"}, {"name": "test-log", "policyType": "replaceByEmptyDir", "emptyDir":{"sizeLimit":"10Gi"}}, {"name": "test-log1", "policyType": "replaceByLocalDir", "localDir":{"sizeLimit":"1Gi"}}])"_s;

static HostPathRule sized(const QString &name, HostPathPolicy policy, const QString &size)
{
    HostPathRule rule;
    rule.name = name;
    rule.policy = policy;
    rule.sizeLimit = size;
    return rule;
}

static HostPathRule removal(const QString &name)
{
    return sized(name, HostPathPolicy::Remove, {});
}

static HostPathRule flex(const QString &name, const QString &volumeType, const QString &size)
{
    HostPathRule rule = sized(name, HostPathPolicy::ReplaceByFlexVolume, {});
    rule.driver = u"huawei.com/fuxidisk"_s;
    rule.fsType = u"ext4"_s;
    rule.volumeType = volumeType;
    rule.volumeSize = size;
    return rule;
}

void tst_HostPathReplacement::parseValid_data()
{
    QTest::addColumn<QString>("annotation");
    QTest::addColumn<QList<HostPathRule>>("rules");

    QTest::newRow("guide: single localDir")
        << kGuideLocalDir
        << QList{sized(u"source-hostpath-volume"_s, HostPathPolicy::ReplaceByLocalDir, u"1Gi"_s)};
    QTest::newRow("guide: single flexVolume, EVS sata 10Gi")
        << kGuideFlexVolume << QList{flex(u"source-hostpath-volume"_s, u"sata"_s, u"10Gi"_s)};
    QTest::newRow("guide: remove every hostPath with *")
        << kGuideRemoveAll << QList{removal(u"*"_s)};
    QTest::newRow("guide: three volumes, differentiated")
        << kGuideDifferentiated
        << QList{
               removal(u"source-hostpath-volume-1"_s),
               sized(u"source-hostpath-volume-2"_s, HostPathPolicy::ReplaceByLocalDir, u"1Gi"_s),
               sized(u"source-hostpath-volume-3"_s, HostPathPolicy::ReplaceByEmptyDir, u"10Gi"_s)};
    QTest::newRow("guide: example Deployment annotation")
        << kGuideDeployment
        << QList{removal(u"test-log2"_s),
                 sized(u"test-log"_s, HostPathPolicy::ReplaceByEmptyDir, u"10Gi"_s),
                 sized(u"test-log1"_s, HostPathPolicy::ReplaceByLocalDir, u"1Gi"_s)};
    QTest::newRow("flexVolume sas (high I/O)")
        << uR"([{"name":"d","policyType":"replaceByFlexVolume","flexVolume":{"driver":"huawei.com/fuxidisk","fsType":"ext4","options":{"volumeType":"sas","volumeSize":"20Gi"}}}])"_s
        << QList{flex(u"d"_s, u"sas"_s, u"20Gi"_s)};
    QTest::newRow("flexVolume ssd (ultra-high I/O)")
        << uR"([{"name":"d","policyType":"replaceByFlexVolume","flexVolume":{"driver":"huawei.com/fuxidisk","fsType":"ext4","options":{"volumeType":"ssd","volumeSize":"100G"}}}])"_s
        << QList{flex(u"d"_s, u"ssd"_s, u"100G"_s)};
    QTest::newRow("named rule next to *")
        << uR"([{"name":"*","policyType":"remove"},{"name":"a","policyType":"replaceByEmptyDir","emptyDir":{"sizeLimit":"500Mi"}}])"_s
        << QList{removal(u"*"_s), sized(u"a"_s, HostPathPolicy::ReplaceByEmptyDir, u"500Mi"_s)};
    QTest::newRow("empty array") << u"[]"_s << QList<HostPathRule>{};
}

void tst_HostPathReplacement::parseValid()
{
    QFETCH(QString, annotation);
    QFETCH(QList<HostPathRule>, rules);

    const HostPathRules parsed = parseHostPathRules(annotation);
    QVERIFY2(parsed.diagnostics.isEmpty(), qPrintable(parsed.diagnostics.value(0).message));
    QCOMPARE(parsed.rules, rules);
    // Writing the rules back gives an annotation that reads as the same rules.
    QCOMPARE(parseHostPathRules(hostPathRulesToAnnotation(rules)).rules, rules);
}

// One entry with a fixed name and policy, and `sub` spliced in after the policyType.
static QString entry(const char *policy, const char *sub)
{
    return uR"([{"name":"logs","policyType":"%1"%2}])"_s.arg(QLatin1String(policy),
                                                             QLatin1String(sub));
}

// A replaceByFlexVolume entry with the guide's driver and fsType and the given options body.
static QString flexEntry(const char *options)
{
    return uR"([{"name":"logs","policyType":"replaceByFlexVolume","flexVolume":{"driver":"huawei.com/fuxidisk","fsType":"ext4","options":{%1}}}])"_s
        .arg(QLatin1String(options));
}

void tst_HostPathReplacement::parseInvalid_data()
{
    QTest::addColumn<QString>("annotation");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("keptRules");

    QTest::newRow("malformed JSON")
        << uR"([{"name":"logs","policyType":)"_s << u"annotation.hostPath.json"_s << QString() << 0;
    QTest::newRow("not an array: a single object")
        << uR"({"name":"logs","policyType":"remove"})"_s << u"annotation.hostPath.json"_s
        << QString() << 0;
    QTest::newRow("entry is not an object") << uR"([{"name":"a","policyType":"remove"},"b"])"_s
                                            << u"annotation.hostPath.type"_s << u"[1]"_s << 1;
    QTest::newRow("entry without a name")
        << uR"([{"policyType":"remove"}])"_s << u"annotation.hostPath.missingField"_s
        << u"[0].name"_s << 0;
    QTest::newRow("unknown policyType at index 1")
        << uR"([{"name":"a","policyType":"remove"},{"name":"b","policyType":"replaceByHostPath"}])"_s
        << u"annotation.hostPath.policyType"_s << u"[1].policyType"_s << 1;
    QTest::newRow("policyType is case-sensitive")
        << entry("Remove", "") << u"annotation.hostPath.policyType"_s << u"[0].policyType"_s << 0;
    QTest::newRow("policyType missing")
        << uR"([{"name":"a"}])"_s << u"annotation.hostPath.policyType"_s << u"[0].policyType"_s
        << 0;
    QTest::newRow("replaceByLocalDir without localDir")
        << entry("replaceByLocalDir", "") << u"annotation.hostPath.missingField"_s
        << u"[0].localDir"_s << 0;
    QTest::newRow("replaceByEmptyDir with a localDir object instead")
        << entry("replaceByEmptyDir", R"(,"localDir":{"sizeLimit":"1Gi"})")
        << u"annotation.hostPath.missingField"_s << u"[0].emptyDir"_s << 0;
    QTest::newRow("replaceByFlexVolume without flexVolume")
        << entry("replaceByFlexVolume", "") << u"annotation.hostPath.missingField"_s
        << u"[0].flexVolume"_s << 0;
    QTest::newRow("localDir is a string, not an object")
        << entry("replaceByLocalDir", R"(,"localDir":"1Gi")")
        << u"annotation.hostPath.missingField"_s << u"[0].localDir"_s << 0;
    QTest::newRow("localDir without sizeLimit")
        << entry("replaceByLocalDir", R"(,"localDir":{})") << u"annotation.hostPath.missingField"_s
        << u"[0].localDir.sizeLimit"_s << 0;
    QTest::newRow("sizeLimit 1.5.5Gi")
        << entry("replaceByLocalDir", R"(,"localDir":{"sizeLimit":"1.5.5Gi"})")
        << u"annotation.hostPath.quantity"_s << u"[0].localDir.sizeLimit"_s << 0;
    QTest::newRow("sizeLimit -1") << entry("replaceByEmptyDir", R"(,"emptyDir":{"sizeLimit":"-1"})")
                                  << u"annotation.hostPath.quantity"_s
                                  << u"[0].emptyDir.sizeLimit"_s << 0;
    QTest::newRow("sizeLimit 1e400 overflows")
        << entry("replaceByEmptyDir", R"(,"emptyDir":{"sizeLimit":"1e400"})")
        << u"annotation.hostPath.quantity"_s << u"[0].emptyDir.sizeLimit"_s << 0;
    QTest::newRow("sizeLimit with unit GB")
        << entry("replaceByLocalDir", R"(,"localDir":{"sizeLimit":"10GB"})")
        << u"annotation.hostPath.quantity"_s << u"[0].localDir.sizeLimit"_s << 0;
    QTest::newRow("sizeLimit is a boolean")
        << entry("replaceByLocalDir", R"(,"localDir":{"sizeLimit":true})")
        << u"annotation.hostPath.quantity"_s << u"[0].localDir.sizeLimit"_s << 0;
    QTest::newRow("flexVolume volumeSize 1.5.5Gi")
        << flexEntry(R"("volumeType":"sata","volumeSize":"1.5.5Gi")")
        << u"annotation.hostPath.quantity"_s << u"[0].flexVolume.options.volumeSize"_s << 0;
    QTest::newRow("flexVolume without volumeSize")
        << flexEntry(R"("volumeType":"ssd")") << u"annotation.hostPath.missingField"_s
        << u"[0].flexVolume.options.volumeSize"_s << 0;
    QTest::newRow("volumeType nvme is not an EVS type")
        << flexEntry(R"("volumeType":"nvme","volumeSize":"10Gi")")
        << u"annotation.hostPath.volumeType"_s << u"[0].flexVolume.options.volumeType"_s << 0;
    QTest::newRow("volumeType upper-case SATA")
        << flexEntry(R"("volumeType":"SATA","volumeSize":"10Gi")")
        << u"annotation.hostPath.volumeType"_s << u"[0].flexVolume.options.volumeType"_s << 0;
    QTest::newRow("flexVolume without driver")
        << entry(
               "replaceByFlexVolume",
               R"(,"flexVolume":{"fsType":"ext4","options":{"volumeType":"sata","volumeSize":"10Gi"}})")
        << u"annotation.hostPath.missingField"_s << u"[0].flexVolume.driver"_s << 0;
    QTest::newRow("duplicate volume name: second rule dropped")
        << uR"([{"name":"a","policyType":"remove"},{"name":"a","policyType":"replaceByEmptyDir","emptyDir":{"sizeLimit":"1Gi"}}])"_s
        << u"annotation.hostPath.duplicate"_s << u"[1].name"_s << 1;
    QTest::newRow("duplicate *")
        << uR"([{"name":"*","policyType":"remove"},{"name":"b","policyType":"remove"},{"name":"*","policyType":"remove"}])"_s
        << u"annotation.hostPath.duplicate"_s << u"[2].name"_s << 2;
}

void tst_HostPathReplacement::parseInvalid()
{
    QFETCH(QString, annotation);
    QFETCH(QString, code);
    QFETCH(QString, path);
    QFETCH(int, keptRules);

    const HostPathRules parsed = parseHostPathRules(annotation);
    QCOMPARE(parsed.diagnostics.size(), 1);
    const Diagnostic &d = parsed.diagnostics.constFirst();
    QCOMPARE(d.severity, Severity::Error);
    QCOMPARE(d.code, code);
    QCOMPARE(d.path, path);
    QVERIFY(!d.message.isEmpty());
    QCOMPARE(parsed.rules.size(), keptRules);
}

static QJsonObject jsonObject(const char *text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(text), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return doc.object();
}

static QJsonArray jsonArray(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).array();
}

// "container:volume:mountPath" for every mount of every container, init containers first.
static QStringList mounts(const QJsonObject &podSpec)
{
    QStringList out;
    for (const QString &key : {u"initContainers"_s, u"containers"_s}) {
        for (const QJsonValue &c : podSpec.value(key).toArray()) {
            for (const QJsonValue &m : c.toObject().value(u"volumeMounts").toArray())
                out << c.toObject().value(u"name").toString() + u':' +
                           m.toObject().value(u"name").toString() + u':' +
                           m.toObject().value(u"mountPath").toString();
        }
    }
    return out;
}

// The guide's example Deployment, pod template spec.
static const char *kGuideDeploymentSpec = R"({
  "containers": [{"name": "container-1", "image": "nginx", "volumeMounts": [
    {"name": "test-log", "mountPath": "/tmp/log"},
    {"name": "test-log1", "mountPath": "/tmp/log1"},
    {"name": "test-log2", "mountPath": "/tmp/log2"}]}],
  "volumes": [
    {"hostPath": {"path": "/var/paas/sys/log/virtual-kubelet", "type": ""}, "name": "test-log"},
    {"hostPath": {"path": "/var/paas/sys/log", "type": ""}, "name": "test-log1"},
    {"hostPath": {"path": "/var/paas/sys/log2", "type": ""}, "name": "test-log2"}]})";

static const char *kOneVolumeSpec = R"({
  "containers": [{"name": "app", "volumeMounts": [
    {"name": "source-hostpath-volume", "mountPath": "/data"}]}],
  "volumes": [{"name": "source-hostpath-volume", "hostPath": {"path": "/data"}}]})";

static const char *kThreeVolumeSpec = R"({
  "initContainers": [{"name": "init", "volumeMounts": [
    {"name": "source-hostpath-volume-1", "mountPath": "/v1"}]}],
  "containers": [{"name": "app", "volumeMounts": [
    {"name": "source-hostpath-volume-1", "mountPath": "/v1"},
    {"name": "source-hostpath-volume-2", "mountPath": "/v2"},
    {"name": "source-hostpath-volume-3", "mountPath": "/v3"},
    {"name": "config", "mountPath": "/etc/app"}]},
    {"name": "sidecar", "volumeMounts": [{"name": "source-hostpath-volume-1", "mountPath": "/s"}]}],
  "volumes": [
    {"name": "source-hostpath-volume-1", "hostPath": {"path": "/a"}},
    {"name": "source-hostpath-volume-2", "hostPath": {"path": "/b"}},
    {"name": "source-hostpath-volume-3", "hostPath": {"path": "/c"}},
    {"name": "config", "configMap": {"name": "app-config"}}]})";

void tst_HostPathReplacement::apply_data()
{
    QTest::addColumn<QJsonObject>("podSpec");
    QTest::addColumn<QString>("annotation");
    QTest::addColumn<QJsonArray>("volumes");
    QTest::addColumn<QStringList>("mountList");
    QTest::addColumn<QStringList>("handled");
    QTest::addColumn<QStringList>("unhandled");
    QTest::addColumn<QStringList>("errors"); // "code path"

    const QStringList threeMounts{u"init:source-hostpath-volume-1:/v1"_s,
                                  u"app:source-hostpath-volume-1:/v1"_s,
                                  u"app:source-hostpath-volume-2:/v2"_s,
                                  u"app:source-hostpath-volume-3:/v3"_s,
                                  u"app:config:/etc/app"_s,
                                  u"sidecar:source-hostpath-volume-1:/s"_s};
    const QJsonArray threeVolumes = jsonObject(kThreeVolumeSpec).value(u"volumes").toArray();
    const QStringList threeNames{u"source-hostpath-volume-1"_s, u"source-hostpath-volume-2"_s,
                                 u"source-hostpath-volume-3"_s};

    QTest::newRow("guide: single localDir")
        << jsonObject(kOneVolumeSpec) << kGuideLocalDir
        << jsonArray(R"([{"name":"source-hostpath-volume","localDir":{"sizeLimit":"1Gi"}}])")
        << QStringList{u"app:source-hostpath-volume:/data"_s}
        << QStringList{u"source-hostpath-volume"_s} << QStringList{} << QStringList{};
    QTest::newRow("guide: single flexVolume")
        << jsonObject(kOneVolumeSpec) << kGuideFlexVolume
        << jsonArray(
               R"([{"name":"source-hostpath-volume","flexVolume":{"driver":"huawei.com/fuxidisk",
                      "fsType":"ext4","options":{"volumeType":"sata","volumeSize":"10Gi"}}}])")
        << QStringList{u"app:source-hostpath-volume:/data"_s}
        << QStringList{u"source-hostpath-volume"_s} << QStringList{} << QStringList{};
    QTest::newRow("guide: * removes every hostPath and its mounts, keeps configMap")
        << jsonObject(kThreeVolumeSpec) << kGuideRemoveAll
        << jsonArray(R"([{"name":"config","configMap":{"name":"app-config"}}])")
        << QStringList{u"app:config:/etc/app"_s} << threeNames << QStringList{} << QStringList{};
    QTest::newRow("guide: three volumes, remove / localDir / emptyDir")
        << jsonObject(kThreeVolumeSpec) << kGuideDifferentiated
        << jsonArray(R"([{"name":"source-hostpath-volume-2","localDir":{"sizeLimit":"1Gi"}},
                         {"name":"source-hostpath-volume-3","emptyDir":{"sizeLimit":"10Gi"}},
                         {"name":"config","configMap":{"name":"app-config"}}])")
        << QStringList{u"app:source-hostpath-volume-2:/v2"_s, u"app:source-hostpath-volume-3:/v3"_s,
                       u"app:config:/etc/app"_s}
        << threeNames << QStringList{} << QStringList{};
    QTest::newRow("guide: example Deployment")
        << jsonObject(kGuideDeploymentSpec) << kGuideDeployment
        << jsonArray(R"([{"name":"test-log","emptyDir":{"sizeLimit":"10Gi"}},
                         {"name":"test-log1","localDir":{"sizeLimit":"1Gi"}}])")
        << QStringList{u"container-1:test-log:/tmp/log"_s, u"container-1:test-log1:/tmp/log1"_s}
        << QStringList{u"test-log"_s, u"test-log1"_s, u"test-log2"_s} << QStringList{}
        << QStringList{};
    QTest::newRow("* covers only volumes without a named rule")
        << jsonObject(kThreeVolumeSpec)
        << uR"([{"name":"*","policyType":"replaceByEmptyDir","emptyDir":{"sizeLimit":"2Gi"}},
                {"name":"source-hostpath-volume-1","policyType":"remove"}])"_s
        << jsonArray(R"([{"name":"source-hostpath-volume-2","emptyDir":{"sizeLimit":"2Gi"}},
                         {"name":"source-hostpath-volume-3","emptyDir":{"sizeLimit":"2Gi"}},
                         {"name":"config","configMap":{"name":"app-config"}}])")
        << QStringList{u"app:source-hostpath-volume-2:/v2"_s, u"app:source-hostpath-volume-3:/v3"_s,
                       u"app:config:/etc/app"_s}
        << threeNames << QStringList{} << QStringList{};
    QTest::newRow("hostPath volumes no rule covers are unhandled and kept")
        << jsonObject(kThreeVolumeSpec)
        << uR"([{"name":"source-hostpath-volume-2","policyType":"remove"}])"_s
        << jsonArray(R"([{"name":"source-hostpath-volume-1","hostPath":{"path":"/a"}},
                         {"name":"source-hostpath-volume-3","hostPath":{"path":"/c"}},
                         {"name":"config","configMap":{"name":"app-config"}}])")
        << QStringList{u"init:source-hostpath-volume-1:/v1"_s,
                       u"app:source-hostpath-volume-1:/v1"_s, u"app:source-hostpath-volume-3:/v3"_s,
                       u"app:config:/etc/app"_s, u"sidecar:source-hostpath-volume-1:/s"_s}
        << QStringList{u"source-hostpath-volume-2"_s}
        << QStringList{u"source-hostpath-volume-1"_s, u"source-hostpath-volume-3"_s}
        << QStringList{};
    QTest::newRow("no rules: every hostPath unhandled")
        << jsonObject(kThreeVolumeSpec) << u"[]"_s << threeVolumes << threeMounts << QStringList{}
        << threeNames << QStringList{};
    QTest::newRow("rule naming a configMap volume is an error")
        << jsonObject(kThreeVolumeSpec)
        << uR"([{"name":"*","policyType":"remove"},{"name":"config","policyType":"remove"}])"_s
        << jsonArray(R"([{"name":"config","configMap":{"name":"app-config"}}])")
        << QStringList{u"app:config:/etc/app"_s} << threeNames << QStringList{}
        << QStringList{u"annotation.hostPath.notHostPath [1].name"_s};
    QTest::newRow("rule naming a volume the pod does not have is an error")
        << jsonObject(kOneVolumeSpec) << uR"([{"name":"ghost","policyType":"remove"}])"_s
        << jsonArray(R"([{"name":"source-hostpath-volume","hostPath":{"path":"/data"}}])")
        << QStringList{u"app:source-hostpath-volume:/data"_s} << QStringList{}
        << QStringList{u"source-hostpath-volume"_s}
        << QStringList{u"annotation.hostPath.notHostPath [0].name"_s};
    QTest::newRow("pod without volumes: * is harmless")
        << jsonObject(R"({"containers":[{"name":"app"}]})") << kGuideRemoveAll << QJsonArray()
        << QStringList{} << QStringList{} << QStringList{} << QStringList{};
}

void tst_HostPathReplacement::apply()
{
    QFETCH(QJsonObject, podSpec);
    QFETCH(QString, annotation);
    QFETCH(QJsonArray, volumes);
    QFETCH(QStringList, mountList);
    QFETCH(QStringList, handled);
    QFETCH(QStringList, unhandled);
    QFETCH(QStringList, errors);

    const HostPathRules rules = parseHostPathRules(annotation);
    QVERIFY(rules.diagnostics.isEmpty());
    const HostPathApplication result = applyHostPathRules(podSpec, rules.rules);

    QCOMPARE(result.podSpec.value(u"volumes").toArray(), volumes);
    QCOMPARE(mounts(result.podSpec), mountList);
    QCOMPARE(result.handled, handled);
    QCOMPARE(result.unhandled, unhandled);
    QStringList actual;
    for (const Diagnostic &d : result.diagnostics) {
        QCOMPARE(d.severity, Severity::Error);
        actual << d.code + u' ' + d.path;
    }
    QCOMPARE(actual, errors);
    // Everything except volumes and mounts is left alone.
    QJsonObject rest = result.podSpec;
    QJsonObject original = podSpec;
    for (QJsonObject *o : {&rest, &original}) {
        o->remove(u"volumes"_s);
        for (const QString &key : {u"containers"_s, u"initContainers"_s}) {
            QJsonArray containers = o->value(key).toArray();
            for (qsizetype i = 0; i < containers.size(); ++i) {
                QJsonObject c = containers.at(i).toObject();
                c.remove(u"volumeMounts"_s);
                containers.replace(i, c);
            }
            if (o->contains(key))
                o->insert(key, containers);
        }
    }
    QCOMPARE(rest, original);
}

// A rule after an invalid entry keeps its own index in the annotation for its diagnostics.
void tst_HostPathReplacement::pathsCountDroppedEntries()
{
    const HostPathRules rules = parseHostPathRules(
        uR"([{"name":"a","policyType":"bogus"},{"name":"ghost","policyType":"remove"}])"_s);
    QCOMPARE(rules.rules.size(), 1);
    const QJsonObject spec{{u"volumes"_s, QJsonArray{QJsonObject{{u"name"_s, u"a"_s},
                                                                 {u"hostPath"_s, QJsonObject{}}}}}};
    const HostPathApplication applied = applyHostPathRules(spec, rules.rules);
    QCOMPARE(applied.diagnostics.size(), 1);
    QCOMPARE(applied.diagnostics.first().code, u"annotation.hostPath.notHostPath"_s);
    QCOMPARE(applied.diagnostics.first().path, u"[1].name"_s);
}

QTEST_GUILESS_MAIN(tst_HostPathReplacement)
#include "tst_hostpathreplacement.moc"
