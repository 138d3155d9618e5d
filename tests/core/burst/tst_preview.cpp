#include "core/burst/preview.h"
#include "core/burst/previewjson.h"
#include "core/kube/manifestloader.h"

#include "bursttesthelpers.h"

#include <QJsonArray>
#include <QTest>

using namespace core::burst;

namespace {

using bursttest::previewText;

QList<PreviewResult> previewExample(const QString &name)
{
    const QString path =
        qEnvironmentVariable("BURST_SOURCE_DIR") + QStringLiteral("/resources/examples/") + name;
    const core::kube::LoadResult loaded = core::kube::loadManifestFile(path);
    QList<QJsonObject> objects;
    for (const core::kube::ManifestObject &o : loaded.objects)
        objects.append(o.object);
    return previewObjects(objects, {});
}

QStringList codes(const PreviewResult &r, core::Severity severity)
{
    QStringList out;
    for (const core::Diagnostic &d : r.diagnostics) {
        if (d.severity == severity)
            out.append(d.code);
    }
    return out;
}

const core::Diagnostic *find(const PreviewResult &r, const QString &code)
{
    for (const core::Diagnostic &d : r.diagnostics) {
        if (d.code == code)
            return &d;
    }
    return nullptr;
}

QJsonArray cciVolumes(const PreviewResult &r)
{
    return r.cciPod.value(u"spec").toObject().value(u"volumes").toArray();
}

QByteArray deployment(const QByteArray &labels, const QByteArray &podLabels,
                      const QByteArray &podExtra = {}, const QByteArray &annotations = {})
{
    return "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n  labels:\n" + labels +
           "spec:\n  template:\n    metadata:\n      annotations:\n" + annotations +
           "      labels:\n" + podLabels +
           "    spec:\n      containers:\n        - name: c\n          image: nginx\n"
           "          resources: {limits: {cpu: 500m, memory: 1Gi}}\n" +
           podExtra;
}

} // namespace

class tst_Preview : public QObject
{
    Q_OBJECT

private slots:
    void guideLabelDeployment();
    void guideProfiles_data();
    void guideProfiles();
    void guideHostPathDeployment();
    void guideFlexVolumeAndWildcard();
    void guideImageScenarios_data();
    void guideImageScenarios();
    void rejectedTooLarge();
    void unquotedOffIsAnError();
    void invalidStrategyNeverOff();
    void badAnnotations_data();
    void badAnnotations();
    void notBurstingDemotesCciFindings();
    void daemonSetAndHostNetwork();
    void misplacedAnnotation();
    void jsonShape();
    void wrongTypes_data();
    void wrongTypes();
    void jsonAbsentIsNull_data();
    void jsonAbsentIsNull();
};

void tst_Preview::guideLabelDeployment()
{
    const QList<PreviewResult> results = previewExample(QStringLiteral("01-burst-label-auto.yaml"));
    QCOMPARE(results.size(), 1);
    const PreviewResult &r = results.first();
    QCOMPARE(r.strategy.value, Strategy::Auto);
    QCOMPARE(r.strategy.source, StrategySource::WorkloadLabel);
    QVERIFY(r.admissible);
    QVERIFY(r.normalized);
    QCOMPARE(r.containers.first().memoryBefore, QStringLiteral("512Mi"));
    QCOMPARE(r.containers.first().memory, QStringLiteral("1Gi"));
    QCOMPARE(r.containers.first().cpu, QStringLiteral("250m"));
    const QJsonObject res = r.cciPod.value(u"spec")
                                .toObject()
                                .value(u"containers")
                                .toArray()
                                .first()
                                .toObject()
                                .value(u"resources")
                                .toObject();
    QCOMPARE(res.value(u"requests").toObject().value(u"memory").toString(), QStringLiteral("1Gi"));
    QCOMPARE(res.value(u"limits").toObject().value(u"memory").toString(), QStringLiteral("1Gi"));
    QVERIFY(codes(r, core::Severity::Error).isEmpty());
}

void tst_Preview::guideProfiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("ns");
    QTest::addColumn<bool>("maxSurgeWarning");
    QTest::newRow("local maxNum (guide, default maxSurge)") << "02-profile-local-maxnum.yaml"
                                                            << "default" << true;
    QTest::newRow("cci maxNum with maxSurge 0") << "03-profile-cci-maxnum.yaml"
                                                << "payments" << false;
}

void tst_Preview::guideProfiles()
{
    QFETCH(QString, file);
    QFETCH(QString, ns);
    QFETCH(bool, maxSurgeWarning);
    const QList<PreviewResult> results = previewExample(file);
    QCOMPARE(results.size(), 1); // the profile is not a pod-bearing object
    const PreviewResult &r = results.first();
    QCOMPARE(r.nameSpace, ns);
    QCOMPARE(r.strategy.value, Strategy::LocalPrefer);
    QCOMPARE(r.strategy.source, StrategySource::Profile);
    QCOMPARE(r.strategy.profile, QStringLiteral("test-cci-profile"));
    QVERIFY(r.admissible);
    QCOMPARE(codes(r, core::Severity::Warning).contains(QStringLiteral("profile.maxSurge")),
             maxSurgeWarning);
}

void tst_Preview::guideHostPathDeployment()
{
    const PreviewResult r = previewExample(QStringLiteral("04-hostpath-replacement.yaml")).first();
    QCOMPARE(r.strategy.value, Strategy::Enforce);
    QVERIFY2(r.admissible, qPrintable(codes(r, core::Severity::Error).join(u',')));
    const QJsonArray volumes = cciVolumes(r);
    QCOMPARE(volumes.size(), 2); // test-log2 removed
    QCOMPARE(volumes.at(0).toObject().value(u"name").toString(), QStringLiteral("test-log"));
    QCOMPARE(volumes.at(0).toObject().value(u"emptyDir").toObject().value(u"sizeLimit").toString(),
             QStringLiteral("10Gi"));
    QCOMPARE(volumes.at(1).toObject().value(u"localDir").toObject().value(u"sizeLimit").toString(),
             QStringLiteral("1Gi"));
    const QJsonArray mounts = r.cciPod.value(u"spec")
                                  .toObject()
                                  .value(u"containers")
                                  .toArray()
                                  .first()
                                  .toObject()
                                  .value(u"volumeMounts")
                                  .toArray();
    QCOMPARE(mounts.size(), 2);
    for (const QJsonValue &m : mounts)
        QVERIFY(m.toObject().value(u"name").toString() != u"test-log2");
    // the original pod keeps its hostPath volumes
    QCOMPARE(r.originalPod.value(u"spec").toObject().value(u"volumes").toArray().size(), 3);
}

void tst_Preview::guideFlexVolumeAndWildcard()
{
    const QList<PreviewResult> results =
        previewExample(QStringLiteral("05-hostpath-flexvolume-and-wildcard.yaml"));
    QCOMPARE(results.size(), 2);
    const QJsonObject flex =
        cciVolumes(results.at(0)).first().toObject().value(u"flexVolume").toObject();
    QCOMPARE(flex.value(u"driver").toString(), QStringLiteral("huawei.com/fuxidisk"));
    QCOMPARE(flex.value(u"options").toObject().value(u"volumeType").toString(),
             QStringLiteral("sata"));
    QVERIFY(results.at(0).admissible);
    QVERIFY(cciVolumes(results.at(1)).isEmpty()); // "*" removed both hostPath volumes
    QVERIFY(results.at(1).admissible);
}

void tst_Preview::guideImageScenarios_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("images");
    const QString swr = QStringLiteral("swr.cn-north-4.myhuaweicloud.com/");
    QTest::newRow("scenario 1") << "06-image-replacement-one-rule.yaml"
                                << QStringList{swr + u"org/ubuntu:latest",
                                               swr + u"org/nginx:latest"};
    QTest::newRow("scenario 2") << "07-image-replacement-three-rules.yaml"
                                << QStringList{swr + u"org1/ubuntu:latest",
                                               swr + u"org1/nginx:latest",
                                               swr + u"org2/redis:latest"};
}

void tst_Preview::guideImageScenarios()
{
    QFETCH(QString, file);
    QFETCH(QStringList, images);
    const PreviewResult r = previewExample(file).first();
    QStringList got;
    for (const QJsonValue &c : r.cciPod.value(u"spec").toObject().value(u"containers").toArray())
        got.append(c.toObject().value(u"image").toString());
    QCOMPARE(got, images);
    QVERIFY(r.admissible);
    // scenario 1: two containers of 500m / 1024Mi -> 1 / 2Gi, valid as is (SPEC 3 example)
    if (images.size() == 2) {
        QVERIFY(!r.normalized);
        QCOMPARE(r.podAfter.cpuMilli, 1000);
        QCOMPARE(r.podAfter.memoryBytes, 2 * kGi);
    }
}

void tst_Preview::rejectedTooLarge()
{
    const PreviewResult r = previewExample(QStringLiteral("08-rejected-too-large.yaml")).first();
    QVERIFY(!r.admissible);
    QVERIFY(codes(r, core::Severity::Error).contains(QStringLiteral("resources.cpu.range")));
    QCOMPARE(find(r, QStringLiteral("resources.cpu.range"))->path,
             QStringLiteral("spec.template.spec"));
}

void tst_Preview::unquotedOffIsAnError()
{
    const PreviewResult r =
        previewText(deployment("    virtual-kubelet.io/burst-to-cci: off\n", "        app: x\n"))
            .first();
    const core::Diagnostic *d = find(r, QStringLiteral("labels.notString"));
    QVERIFY(d);
    QCOMPARE(d->severity, core::Severity::Error);
    QCOMPARE(d->path, QStringLiteral("metadata.labels[\"virtual-kubelet.io/burst-to-cci\"]"));
    QVERIFY(d->hint.contains(u"\"off\""));
    QCOMPARE(r.strategy.source, StrategySource::None);
}

void tst_Preview::invalidStrategyNeverOff()
{
    const PreviewResult r =
        previewText(deployment("    virtual-kubelet.io/burst-to-cci: enforce\n",
                               "        virtual-kubelet.io/burst-to-cci: 'Off'\n"))
            .first();
    const core::Diagnostic *d = find(r, QStringLiteral("strategy.invalidValue"));
    QVERIFY(d);
    QCOMPARE(d->path,
             QStringLiteral("spec.template.metadata.labels[\"virtual-kubelet.io/burst-to-cci\"]"));
    QCOMPARE(r.strategy.value, Strategy::Enforce); // falls through to the workload label
    QCOMPARE(r.strategy.source, StrategySource::WorkloadLabel);
}

void tst_Preview::badAnnotations_data()
{
    QTest::addColumn<QByteArray>("annotation");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("pathSuffix");
    QTest::newRow("unknown policyType")
        << QByteArray("coordinator.cci.io/hostpath-replacement: "
                      "'[{\"name\":\"*\",\"policyType\":\"drop\"}]'")
        << "annotation.hostPath.policyType"
        << "[0].policyType";
    QTest::newRow("malformed hostPath json")
        << QByteArray("coordinator.cci.io/hostpath-replacement: '[{\"name\":'")
        << "annotation.hostPath.json"
        << "\"]";
    QTest::newRow("duplicate image prefixes")
        << QByteArray("coordinator.cci.io/image-replacement: "
                      "'[{\"repositoryPrefix\":\"a.io\",\"replaceWith\":\"b.io\"},{"
                      "\"repositoryPrefix\":\"a.io\",\"replaceWith\":\"c.io\"}]'")
        << "annotation.image.duplicatePrefix"
        << "[1].repositoryPrefix";
    QTest::newRow("bad sizeLimit")
        << QByteArray("coordinator.cci.io/hostpath-replacement: "
                      "'[{\"name\":\"*\",\"policyType\":\"replaceByEmptyDir\",\"emptyDir\":{"
                      "\"sizeLimit\":\"1.5.5Gi\"}}]'")
        << "annotation.hostPath.quantity"
        << "[0].emptyDir.sizeLimit";
}

void tst_Preview::badAnnotations()
{
    QFETCH(QByteArray, annotation);
    QFETCH(QString, code);
    QFETCH(QString, pathSuffix);
    const PreviewResult r =
        previewText(deployment("    virtual-kubelet.io/burst-to-cci: auto\n", "        app: x\n",
                               {}, "        " + annotation + "\n"))
            .first();
    const core::Diagnostic *d = find(r, code);
    QVERIFY2(d, qPrintable(codes(r, core::Severity::Error).join(u',')));
    QCOMPARE(d->severity, core::Severity::Error);
    QVERIFY2(d->path.startsWith(u"spec.template.metadata.annotations[\"coordinator.cci.io/"),
             qPrintable(d->path));
    QVERIFY2(d->path.endsWith(pathSuffix), qPrintable(d->path));
    QVERIFY(!r.admissible);
}

void tst_Preview::notBurstingDemotesCciFindings()
{
    const QByteArray extra = "      volumes:\n        - name: h\n          hostPath: {path: /x}\n";
    const PreviewResult off = previewText(deployment("    virtual-kubelet.io/burst-to-cci: 'off'\n",
                                                     "        a: b\n", extra))
                                  .first();
    QVERIFY(!off.admissible);
    QCOMPARE(find(off, QStringLiteral("volume.hostPath"))->severity, core::Severity::Info);
    const PreviewResult on =
        previewText(
            deployment("    virtual-kubelet.io/burst-to-cci: enforce\n", "        a: b\n", extra))
            .first();
    QCOMPARE(find(on, QStringLiteral("volume.hostPath"))->severity, core::Severity::Error);
    QCOMPARE(find(on, QStringLiteral("volume.hostPath"))->path,
             QStringLiteral("spec.template.spec.volumes[0].hostPath"));
}

void tst_Preview::daemonSetAndHostNetwork()
{
    const QByteArray ds =
        "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: ds\n  labels:\n"
        "    virtual-kubelet.io/burst-to-cci: auto\nspec:\n  template:\n"
        "    spec:\n      hostNetwork: true\n      containers:\n"
        "        - {name: c, image: x, resources: {limits: {cpu: 1, memory: 2Gi}}}\n";
    const PreviewResult r = previewText(ds).first();
    QCOMPARE(find(r, QStringLiteral("strategy.daemonSet"))->severity, core::Severity::Error);
    QCOMPARE(find(r, QStringLiteral("strategy.daemonSet"))->path, QStringLiteral("kind"));
    QCOMPARE(find(r, QStringLiteral("pod.hostNetwork"))->path,
             QStringLiteral("spec.template.spec.hostNetwork"));
    QVERIFY(!r.admissible);
}

void tst_Preview::misplacedAnnotation()
{
    const QByteArray y =
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n  annotations:\n"
        "    coordinator.cci.io/image-replacement: '[]'\nspec:\n  template:\n"
        "    spec:\n      containers: [{name: c, image: x}]\n";
    const PreviewResult r = previewText(y).first();
    QCOMPARE(find(r, QStringLiteral("annotation.misplaced"))->severity, core::Severity::Warning);
}

void tst_Preview::jsonShape()
{
    const QJsonObject o =
        previewToJson(previewExample(QStringLiteral("01-burst-label-auto.yaml")).first());
    for (const QString &key :
         {QStringLiteral("kind"), QStringLiteral("namespace"), QStringLiteral("name"),
          QStringLiteral("strategy"), QStringLiteral("admissible"), QStringLiteral("normalized"),
          QStringLiteral("podResources"), QStringLiteral("containers"), QStringLiteral("cciPod"),
          QStringLiteral("diagnostics")})
        QVERIFY2(o.contains(key), qPrintable(key));
    QCOMPARE(o.value(u"podResources").toObject().value(u"memory").toString(),
             QStringLiteral("1Gi"));
    QCOMPARE(o.value(u"strategy").toObject().value(u"source").toString(),
             QStringLiteral("workloadLabel"));
    QVERIFY(o.value(u"strategy").toObject().value(u"profile").isNull());
    const QJsonObject d = o.value(u"diagnostics").toArray().first().toObject();
    for (const QString &key : {QStringLiteral("severity"), QStringLiteral("code"),
                               QStringLiteral("path"), QStringLiteral("message")})
        QVERIFY(d.contains(key));
}

void tst_Preview::wrongTypes_data()
{
    QTest::addColumn<QByteArray>("spec");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("path");
    QTest::newRow("containers is a string") << QByteArray("  containers: oops\n") << "pod.type"
                                            << "spec.containers";
    QTest::newRow("cpu is a list")
        << QByteArray("  containers:\n    - name: c\n      resources: {limits: {cpu: [1]}}\n")
        << "resources.type" << "spec.containers[0].resources.limits.cpu";
    QTest::newRow("memory 1.5.5Gi")
        << QByteArray("  containers:\n    - name: c\n      resources: {limits: {memory: 1.5.5Gi}}\n")
        << "resources.quantity" << "spec.containers[0].resources.limits.memory";
    QTest::newRow("small pod with a bad cpu: not normalized")
        << QByteArray("  containers:\n    - name: c\n      image: nginx\n"
                      "      resources: {limits: {cpu: 1x, memory: 100Mi}}\n")
        << "resources.quantity" << "spec.containers[0].resources.limits.cpu";
}

void tst_Preview::wrongTypes()
{
    QFETCH(QByteArray, spec);
    QFETCH(QString, code);
    QFETCH(QString, path);
    const QList<PreviewResult> results =
        previewText("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n"
                    "    virtual-kubelet.io/burst-to-cci: enforce\nspec:\n" + spec);
    QCOMPARE(results.size(), 1);
    const core::Diagnostic *d = find(results.first(), code);
    QVERIFY2(d, qPrintable(codes(results.first(), core::Severity::Error).join(u',')));
    QCOMPARE(d->path, path);
    QCOMPARE(d->severity, core::Severity::Error);
    QVERIFY(!results.first().admissible);
    // Nothing normalized after an unreadable value: no resources.normalized, values as written.
    QVERIFY(!find(results.first(), QStringLiteral("resources.normalized")));
    QVERIFY(!results.first().normalized);
    QCOMPARE(results.first().cciPod.value(u"spec").toObject().value(u"containers"),
             results.first().originalPod.value(u"spec").toObject().value(u"containers"));
}

namespace {

// Every string in `value` that is "" (an absent value written as an empty string), by path.
void emptyStrings(const QJsonValue &value, const QString &path, QStringList *out)
{
    if (value.isString() && value.toString().isEmpty())
        out->append(path);
    if (value.isArray()) {
        const QJsonArray a = value.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            emptyStrings(a.at(i), path + u'[' + QString::number(i) + u']', out);
    }
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            emptyStrings(it.value(), path + u'.' + it.key(), out);
    }
}

} // namespace

void tst_Preview::jsonAbsentIsNull_data()
{
    QTest::addColumn<QByteArray>("containers");
    QTest::addColumn<QStringList>("nulls"); // fields of the preview element that must be null
    QTest::newRow("no profile, BestEffort container")
        << QByteArray("    - {name: c, image: nginx}\n"
                      "    - {name: d, image: nginx, resources: {limits: {cpu: '1', memory: "
                      "2Gi}}}\n")
        << QStringList{QStringLiteral("strategy.profile"), QStringLiteral("containers[0].cpu"),
                       QStringLiteral("containers[0].memory")};
    QTest::newRow("cpu only: before.memory")
        << QByteArray("    - {name: c, image: nginx, resources: {limits: {cpu: '1'}}}\n")
        << QStringList{QStringLiteral("containers[0].before.memory")};
    QTest::newRow("memory only: before.cpu")
        << QByteArray("    - {name: c, image: nginx, resources: {limits: {memory: 2Gi}}}\n")
        << QStringList{QStringLiteral("containers[0].before.cpu")};
    QTest::newRow("no image")
        << QByteArray("    - {name: c, resources: {limits: {cpu: '1', memory: 2Gi}}}\n")
        << QStringList{QStringLiteral("containers[0].image")};
}

void tst_Preview::jsonAbsentIsNull()
{
    QFETCH(QByteArray, containers);
    QFETCH(QStringList, nulls);
    const QList<PreviewResult> results =
        previewText("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n"
                    "    virtual-kubelet.io/burst-to-cci: enforce\nspec:\n  containers:\n" +
                    containers);
    QCOMPARE(results.size(), 1);
    const QJsonObject o = previewToJson(results.first());
    for (const QString &field : nulls) {
        QJsonValue v = o;
        for (const QString &part : field.split(u'.')) {
            const qsizetype bracket = part.indexOf(u'[');
            v = v.toObject().value(bracket < 0 ? part : part.left(bracket));
            if (bracket >= 0)
                v = v.toArray().at(part.mid(bracket + 1).chopped(1).toInt());
        }
        QVERIFY2(v.isNull(), qPrintable(field));
    }
    // Nowhere "" for an absent value (the CCI pod is the manifest's, left out).
    QStringList empty;
    QJsonObject element = o;
    element.remove(u"cciPod");
    emptyStrings(element, QString(), &empty);
    QVERIFY2(empty.isEmpty(), qPrintable(empty.join(u", ")));
}

QTEST_GUILESS_MAIN(tst_Preview)
#include "tst_preview.moc"
