#include "core/burst/preview.h"
#include "core/burst/scheduleprofile.h"
#include "core/kube/manifestloader.h"

#include <QDirIterator>
#include <QTest>

using namespace core;
using namespace core::burst;

// Every diagnostic carries the field area where it is made, so the workbench shows the form that
// edits the field without reading codes. One row per code family: a manifest that produces a code
// of the family, and the area that code must carry.
namespace {

// A Deployment; `podLabels`, `annotations` (the pod template's) and `metadata` are flow maps,
// `podSpec` is the pod spec as block YAML without its indent.
QByteArray deployment(const QByteArray &podLabels, const QByteArray &annotations,
                      const QByteArray &podSpec, const QByteArray &metadata = "{name: w}")
{
    QByteArray yaml = "apiVersion: apps/v1\nkind: Deployment\nmetadata: " + metadata +
                      "\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: web}}\n  template:\n"
                      "    metadata:\n      labels: " +
                      podLabels + "\n      annotations: " + annotations + "\n    spec:\n";
    for (const QByteArray &line : podSpec.split('\n')) {
        if (!line.isEmpty())
            yaml += "      " + line + "\n";
    }
    return yaml;
}

const QByteArray kContainer = "containers:\n- name: c\n  image: nginx\n"
                              "  resources: {limits: {cpu: 500m, memory: 1Gi}}";
const QByteArray kEnforce = "{app: web, virtual-kubelet.io/burst-to-cci: enforce}";

QByteArray profile(const QByteArray &spec)
{
    return "---\napiVersion: scheduling.cci.io/v1\nkind: ScheduleProfile\n"
           "metadata: {name: p, namespace: default}\nspec:\n" +
           spec;
}

// The diagnostics of every workload's preview and every profile's validation in `yaml`.
Diagnostics diagnosticsOf(const QByteArray &yaml, const QString &file = QStringLiteral("t.yaml"))
{
    const kube::LoadResult loaded = kube::loadManifests(yaml, file);
    QList<QJsonObject> objects;
    for (const kube::ManifestObject &o : loaded.objects)
        objects.append(o.object);
    Diagnostics out;
    for (const PreviewResult &r : previewObjects(objects, {}))
        out += r.diagnostics;
    for (const QJsonObject &o : objects) {
        if (isScheduleProfile(o))
            out += validateScheduleProfile(scheduleProfileFromJson(o));
    }
    return out;
}

// The families and their areas, as the workbench's forms divide the policy.
FieldArea familyArea(const QString &code)
{
    const QList<std::pair<QString, FieldArea>> families = {
        {QStringLiteral("strategy."), FieldArea::Strategy},
        {QStringLiteral("labels."), FieldArea::Strategy},
        {QStringLiteral("annotation.image."), FieldArea::ImageReplacement},
        {QStringLiteral("annotation.hostPath."), FieldArea::HostPath},
        {QStringLiteral("volume.hostPath"), FieldArea::HostPath},
        {QStringLiteral("profile."), FieldArea::Profile},
        {QStringLiteral("selector."), FieldArea::Profile},
        {QStringLiteral("resources."), FieldArea::Resources},
        {QStringLiteral("gpu."), FieldArea::Resources},
        {QStringLiteral("pod."), FieldArea::Shape},
        {QStringLiteral("volume."), FieldArea::Shape},
        {QStringLiteral("container."), FieldArea::Shape},
        {QStringLiteral("service."), FieldArea::Shape},
    };
    for (const auto &[prefix, area] : families) {
        if (code.startsWith(prefix))
            return area;
    }
    return FieldArea::Other;
}

} // namespace

class tst_DiagnosticArea : public QObject
{
    Q_OBJECT

private slots:
    void codeFamilyArea_data();
    void codeFamilyArea();
    void everyFindingOfTheCorpusHasItsFamilyArea();
};

void tst_DiagnosticArea::codeFamilyArea_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("area");

    const auto row = [](const char *name, const QByteArray &yaml, const char *code,
                        const char *area) {
        QTest::newRow(name) << yaml << QString::fromLatin1(code) << QString::fromLatin1(area);
    };
    // strategy.* and labels.*: the burst label, edited in the strategy form.
    row("strategy.invalidValue",
        deployment("{app: web, virtual-kubelet.io/burst-to-cci: sometimes}", "{}", kContainer),
        "strategy.invalidValue", "strategy");
    row("strategy.podLabelWins",
        deployment(kEnforce, "{}", kContainer,
                   "{name: w, labels: {virtual-kubelet.io/burst-to-cci: auto}}"),
        "strategy.podLabelWins", "strategy");
    row("strategy.labelOverridesProfile",
        deployment(kEnforce, "{}", kContainer) +
            profile("  objectLabels: {matchLabels: {app: web}}\n  strategy: auto\n"),
        "strategy.labelOverridesProfile", "strategy");
    row("strategy.daemonSet",
        "apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: d}\nspec:\n  template:\n"
        "    metadata:\n      labels: {virtual-kubelet.io/burst-to-cci: enforce}\n    spec:\n"
        "      containers: [{name: c, image: nginx}]\n",
        "strategy.daemonSet", "strategy");
    row("labels.notString",
        deployment("{app: web, virtual-kubelet.io/burst-to-cci: off}", "{}", kContainer),
        "labels.notString", "strategy");
    // annotation.image.*: the image replacement form.
    row("annotation.image.json",
        deployment(kEnforce, "{coordinator.cci.io/image-replacement: 'not json'}", kContainer),
        "annotation.image.json", "imageReplacement");
    row("annotation.image.trailingSlash",
        deployment(kEnforce,
                   "{coordinator.cci.io/image-replacement: '[{\"repositoryPrefix\":\"a/\","
                   "\"replaceWith\":\"b\"}]'}",
                   kContainer),
        "annotation.image.trailingSlash", "imageReplacement");
    row("annotation.image.duplicatePrefix",
        deployment(kEnforce,
                   "{coordinator.cci.io/image-replacement: '[{\"repositoryPrefix\":\"a\","
                   "\"replaceWith\":\"b\"},{\"repositoryPrefix\":\"a\",\"replaceWith\":\"c\"}]'}",
                   kContainer),
        "annotation.image.duplicatePrefix", "imageReplacement");
    // annotation.hostPath.* and a hostPath volume without a rule: the hostPath form.
    row("annotation.hostPath.json",
        deployment(kEnforce, "{coordinator.cci.io/hostpath-replacement: '{}'}", kContainer),
        "annotation.hostPath.json", "hostPath");
    row("annotation.hostPath.policyType",
        deployment(kEnforce,
                   "{coordinator.cci.io/hostpath-replacement: '[{\"name\":\"v\","
                   "\"policyType\":\"burn\"}]'}",
                   kContainer),
        "annotation.hostPath.policyType", "hostPath");
    row("annotation.hostPath.notHostPath",
        deployment(kEnforce,
                   "{coordinator.cci.io/hostpath-replacement: '[{\"name\":\"nope\","
                   "\"policyType\":\"remove\"}]'}",
                   kContainer),
        "annotation.hostPath.notHostPath", "hostPath");
    row("volume.hostPath",
        deployment(kEnforce, "{}", kContainer + "\nvolumes:\n- {name: v, hostPath: {path: /x}}"),
        "volume.hostPath", "hostPath");
    // profile.* and the selector of a profile: the ScheduleProfile form.
    row("profile.maxNum.both",
        profile("  objectLabels: {matchLabels: {app: web}}\n"
                "  strategy: auto\n"
                "  location: {local: {maxNum: 1}, cci: {maxNum: 1}}\n"),
        "profile.maxNum.both", "profile");
    row("profile.strategy", profile("  objectLabels: {matchLabels: {app: web}}\n  strategy: x\n"),
        "profile.strategy", "profile");
    row("profile.type",
        profile("  objectLabels: {matchLabels: {app: web}}\n  strategy: auto\n"
                "  location: {local: {maxNum: many}}\n"),
        "profile.type", "profile");
    row("profile.maxSurge",
        deployment("{app: web}", "{}", kContainer) +
            profile("  objectLabels: {matchLabels: {app: web}}\n  strategy: auto\n"
                    "  location: {cci: {maxNum: 1}}\n"),
        "profile.maxSurge", "profile");
    row("selector.operator",
        profile("  objectLabels: {matchExpressions: [{key: app, operator: Like}]}\n"
                "  strategy: auto\n"),
        "selector.operator", "profile");
    // resources.*: the resources form.
    row("resources.quantity",
        deployment(kEnforce, "{}",
                   "containers:\n- name: c\n  image: nginx\n"
                   "  resources: {limits: {cpu: lots, memory: 1Gi}}"),
        "resources.quantity", "resources");
    row("resources.type",
        deployment(kEnforce, "{}",
                   "containers:\n- name: c\n  image: nginx\n"
                   "  resources: {limits: {cpu: [1], memory: 1Gi}}"),
        "resources.type", "resources");
    row("resources.tooLarge",
        deployment(kEnforce, "{}",
                   "containers:\n- name: c\n  image: nginx\n"
                   "  resources: {limits: {cpu: '33', memory: 66Gi}}"),
        "resources.tooLarge", "resources");
    row("resources.normalized",
        deployment(kEnforce, "{}",
                   "containers:\n- name: c\n  image: nginx\n"
                   "  resources: {limits: {cpu: 1100m, memory: 3Gi}}"),
        "resources.normalized", "resources");
    // gpu.*: the GPUs a pod asks for, a resource (chapter 4).
    row("gpu.count",
        deployment(kEnforce, "{cri.cci.io/gpu-driver: gpu-418.126}",
                   "containers:\n- name: c\n  image: nginx\n"
                   "  resources: {limits: {cpu: '4', memory: 32Gi, nvidia.com/gpu: '3'}}"),
        "gpu.count", "resources");
    row("gpu.driver",
        deployment(kEnforce, "{}",
                   "containers:\n- name: c\n  image: nginx\n"
                   "  resources: {limits: {cpu: '4', memory: 32Gi, nvidia.com/gpu: '1'}}"),
        "gpu.driver", "resources");
    // pod.*, volume.*, container.*, service.*: the pod's shape, which no form edits.
    row("pod.hostNetwork", deployment(kEnforce, "{}", kContainer + "\nhostNetwork: true"),
        "pod.hostNetwork", "shape");
    row("pod.type", deployment(kEnforce, "{}", "containers: {}"), "pod.type", "shape");
    row("volume.unsupported",
        deployment(kEnforce, "{}", kContainer + "\nvolumes:\n- {name: v, nfs: {server: s}}"),
        "volume.unsupported", "shape");
    row("container.sysAdmin",
        deployment(kEnforce, "{}",
                   kContainer + "\n  securityContext: {capabilities: {add: [SYS_ADMIN]}}"),
        "container.sysAdmin", "shape");
    row("service.notClusterIP",
        deployment(kEnforce, "{}", kContainer) +
            "---\napiVersion: v1\nkind: Service\nmetadata: {name: s}\n"
            "spec: {type: NodePort, selector: {app: web}, ports: [{port: 80}]}\n",
        "service.notClusterIP", "shape");
    // No form edits these.
    row("annotation.misplaced",
        deployment(kEnforce, "{}", kContainer,
                   "{name: w, annotations: {coordinator.cci.io/image-replacement: '[]'}}"),
        "annotation.misplaced", "other");
    row("workload.noTemplate", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: w}\n",
        "workload.noTemplate", "other");
}

void tst_DiagnosticArea::codeFamilyArea()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, code);
    QFETCH(QString, area);
    const Diagnostics all = diagnosticsOf(yaml);
    const auto it =
        std::find_if(all.cbegin(), all.cend(), [&](const Diagnostic &d) { return d.code == code; });
    QStringList found;
    for (const Diagnostic &d : all)
        found.append(d.code);
    QVERIFY2(it != all.cend(), qPrintable(found.join(u", ")));
    QCOMPARE(fieldAreaName(it->area), area);
    QCOMPARE(it->area, familyArea(code));
}

// The same over the shipped examples and the Kubernetes examples corpus: whatever they produce
// carries its family's area.
void tst_DiagnosticArea::everyFindingOfTheCorpusHasItsFamilyArea()
{
    QStringList roots = {qEnvironmentVariable("BURST_SOURCE_DIR") +
                             QStringLiteral("/resources/examples"),
                         qEnvironmentVariable("BURST_TEST_DATA_DIR")};
    int checked = 0;
    for (const QString &root : roots) {
        QDirIterator it(root, {QStringLiteral("*.yaml"), QStringLiteral("*.yml")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            for (const Diagnostic &d : diagnosticsOf(f.readAll(), path)) {
                QVERIFY2(d.area == familyArea(d.code),
                         qPrintable(path + u": " + d.code + u" is in " + fieldAreaName(d.area)));
                ++checked;
            }
        }
    }
    QVERIFY(checked > 100);
}

QTEST_GUILESS_MAIN(tst_DiagnosticArea)
#include "tst_diagnosticarea.moc"
