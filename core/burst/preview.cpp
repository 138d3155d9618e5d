#include "core/burst/preview.h"

#include "core/burst/ccigpu.h"
#include "core/burst/ccinetwork.h"
#include "core/burst/rolloutrules.h"
#include "core/burst/shapechecks.h"
#include "core/common/tr.h"
#include "core/kube/objectmeta.h"
#include "core/kube/quantity.h"

#include <QJsonArray>

namespace core::burst {

namespace {

using kube::Quantity;

QString cpuString(bool present, qint64 milli)
{
    return present ? kube::formatCpuMilli(milli) : QString();
}

QString memoryString(bool present, qint64 bytes)
{
    return present ? kube::formatMemoryBytes(bytes) : QString();
}

QString annotationPath(const kube::Workload &w, const QString &key)
{
    return w.podPath(QStringLiteral("metadata.annotations[\"")) + key + QStringLiteral("\"]");
}

// Paths from the shape checks: "@x" is object-relative, anything else pod-spec-relative.
Diagnostics toObjectPaths(Diagnostics diagnostics, const kube::Workload &w)
{
    for (Diagnostic &d : diagnostics)
        d.path = d.path.startsWith(u'@') ? d.path.mid(1)
                                         : joinPath(w.podPath(QStringLiteral("spec")), d.path);
    return diagnostics;
}

void warnMisplacedAnnotations(const kube::Workload &w, Diagnostics &out)
{
    if (w.isPod())
        return;
    const QJsonObject annotations = kube::annotationsOf(w.object);
    for (const QString &key : {kHostPathAnnotation, kImageAnnotation}) {
        // FieldArea::Other: the forms edit the pod template's annotation, not this one.
        if (annotations.contains(key) &&
            !w.podMetadata().value(u"annotations").toObject().contains(key))
            out.append(makeWarning(
                QStringLiteral("annotation.misplaced"),
                QStringLiteral("metadata.annotations[\"") + key + QStringLiteral("\"]"),
                Tr::tr("%1 is set on the %2, where virtual-kubelet does not read it")
                    .arg(key, w.kind),
                Tr::tr("Move it to %1.").arg(w.podPath(QStringLiteral("metadata.annotations")))));
    }
}

QString annotationText(const QJsonObject &annotations, const QString &key, bool *present)
{
    const QJsonValue v = annotations.value(key);
    *present = !v.isUndefined() && !v.isNull();
    return v.toString();
}

void writeResources(QJsonObject &podSpec, const QList<ContainerResources> &after)
{
    for (const QString &key : {QStringLiteral("containers"), QStringLiteral("initContainers")}) {
        if (!podSpec.value(key).isArray())
            continue;
        QJsonArray list = podSpec.value(key).toArray();
        for (const ContainerResources &c : after) {
            if (c.init != (key == u"initContainers") || c.index >= list.size() || c.bestEffort())
                continue;
            QJsonObject values;
            if (c.hasCpu || c.cpuMilli > 0)
                values.insert(QStringLiteral("cpu"), cpuString(true, c.cpuMilli));
            if (c.hasMemory || c.memoryBytes > 0)
                values.insert(QStringLiteral("memory"), memoryString(true, c.memoryBytes));
            QJsonObject container = list.at(c.index).toObject();
            QJsonObject resources = container.value(u"resources").toObject();
            resources.insert(QStringLiteral("requests"), values);
            resources.insert(QStringLiteral("limits"), values);
            container.insert(QStringLiteral("resources"), resources);
            list.replace(c.index, container);
        }
        podSpec.insert(key, list);
    }
}

QList<ContainerPreview> containerPreviews(const kube::Workload &w, const NormalizationResult &n,
                                          const QList<ImageChange> &images)
{
    QList<ContainerPreview> out;
    for (qsizetype i = 0; i < n.after.size(); ++i) {
        const ContainerResources &b = n.before.at(i);
        const ContainerResources &a = n.after.at(i);
        ContainerPreview p;
        p.name = a.name;
        p.init = a.init;
        p.path = w.podPath(QStringLiteral("spec.")) + a.path();
        p.cpuBefore = cpuString(b.hasCpu, b.cpuMilli);
        p.memoryBefore = memoryString(b.hasMemory, b.memoryBytes);
        p.cpu = cpuString(a.hasCpu || a.cpuMilli > 0, a.cpuMilli);
        p.memory = memoryString(a.hasMemory || a.memoryBytes > 0, a.memoryBytes);
        for (const ImageChange &img : images) {
            if (img.path == a.path() + QStringLiteral(".image")) {
                p.imageBefore = img.before;
                p.image = img.after;
            }
        }
        for (const ResourceChange &ch : n.changes) {
            if (ch.container != i)
                continue;
            for (NormalizationReason r : ch.reasons)
                p.reasons.append(reasonText(r));
        }
        p.changed = p.cpu != p.cpuBefore || p.memory != p.memoryBefore || p.image != p.imageBefore;
        out.append(p);
    }
    return out;
}

void warnMaxSurge(const kube::Workload &w, const ScheduleProfile &profile, Diagnostics &out)
{
    if (w.kind != u"Deployment" || !(profile.local.maxNum || profile.cci.maxNum))
        return;
    const QJsonObject strategy = w.object.value(u"spec").toObject().value(u"strategy").toObject();
    if (strategy.value(u"type").toString() == u"Recreate")
        return;
    const QJsonValue surge = strategy.value(u"rollingUpdate").toObject().value(u"maxSurge");
    const bool zero = (surge.isDouble() && surge.toInt() == 0) ||
                      (surge.isString() && (surge.toString() == u"0" || surge.toString() == u"0%"));
    if (!zero)
        out.append(inArea(
            makeWarning(QStringLiteral("profile.maxSurge"),
                        QStringLiteral("spec.strategy.rollingUpdate.maxSurge"),
                        Tr::tr("ScheduleProfile \"%1\" limits a location with maxNum; a rolling "
                               "update with maxSurge %2 can place fewer pods there than expected")
                            .arg(profile.name, surge.isUndefined() ? QStringLiteral("25%")
                                                                   : surge.toVariant().toString()),
                        Tr::tr("Set spec.strategy.rollingUpdate.maxSurge to 0.")),
            FieldArea::Profile));
}

QJsonObject podObject(const kube::Workload &w, const QJsonObject &spec)
{
    QJsonObject meta;
    const QJsonObject podMeta = w.podMetadata();
    if (w.isPod())
        meta.insert(QStringLiteral("name"), w.name);
    else
        meta.insert(QStringLiteral("generateName"), QString(w.name + u'-'));
    meta.insert(QStringLiteral("namespace"), w.nameSpace);
    for (const QString &key : {QStringLiteral("labels"), QStringLiteral("annotations")}) {
        if (podMeta.contains(key))
            meta.insert(key, podMeta.value(key));
    }
    return QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("kind"), QStringLiteral("Pod")},
                       {QStringLiteral("metadata"), meta},
                       {QStringLiteral("spec"), spec}};
}

// CCI-only findings say what would block or change a burst; when the pod never bursts they are
// information.
void demote(Diagnostics &diagnostics)
{
    for (Diagnostic &d : diagnostics) {
        if (d.severity != Severity::Info)
            d.severity = Severity::Info;
    }
}

} // namespace

PreviewResult preview(const kube::Workload &w, const PreviewScope &scope)
{
    PreviewResult r;
    r.kind = w.kind;
    r.apiVersion = w.apiVersion;
    r.nameSpace = w.nameSpace;
    r.name = w.name;
    const auto profileIndex = associateProfile(scope.profiles, w.nameSpace, w.podLabels);
    if (profileIndex)
        r.profile = scope.profiles.at(*profileIndex);
    r.strategy = resolveStrategy(w, r.profile ? r.profile->strategy : std::nullopt,
                                 r.profile ? r.profile->name : QString());
    r.diagnostics += r.strategy.diagnostics;
    r.bursts = canBurst(r.strategy.value);
    if (r.profile)
        warnMaxSurge(w, *r.profile, r.diagnostics);
    warnMisplacedAnnotations(w, r.diagnostics);

    const QJsonObject annotations = w.podMetadata().value(u"annotations").toObject();
    Diagnostics annotationDiagnostics;
    bool present = false;
    const QString hostPathText = annotationText(annotations, kHostPathAnnotation, &present);
    QJsonObject spec = w.podSpec();
    QStringList replacedVolumes;
    r.originalPod = podObject(w, spec);
    if (present) {
        const HostPathRules rules = parseHostPathRules(hostPathText);
        const HostPathApplication applied = applyHostPathRules(spec, rules.rules);
        const QString base = annotationPath(w, kHostPathAnnotation);
        annotationDiagnostics += prefixed(rules.diagnostics, base);
        annotationDiagnostics += prefixed(applied.diagnostics, base);
        spec = applied.podSpec;
        replacedVolumes = applied.handled;
    }
    const QString imageText = annotationText(annotations, kImageAnnotation, &present);
    QList<ImageChange> images;
    if (present) {
        const ImageRules rules = parseImageRules(imageText);
        annotationDiagnostics += prefixed(rules.diagnostics, annotationPath(w, kImageAnnotation));
        const ImageApplication applied = applyImageRules(spec, rules.rules);
        spec = applied.podSpec;
        images = applied.images;
    } else {
        images = applyImageRules(spec, {}).images;
    }

    Diagnostics resourceDiagnostics;
    const QList<ContainerResources> containers = readContainerResources(spec, &resourceDiagnostics);
    const GpuRequest gpu = readGpuRequest(spec);
    r.gpus = gpu.count;
    const NormalizationResult n = normalizeForCci(containers, gpu.count);
    const QString podSpecPath = w.podPath(QStringLiteral("spec"));
    Diagnostics cciDiagnostics = prefixed(resourceDiagnostics, podSpecPath);
    for (Diagnostic d : n.diagnostics) {
        d.path = d.path.isEmpty() ? podSpecPath : joinPath(podSpecPath, d.path);
        cciDiagnostics.append(d);
    }
    if (!n.invalidInput) // an unreadable quantity stays as written, next to its error
        writeResources(spec, n.after);
    r.podBefore = n.podBefore;
    r.podAfter = n.podAfter;
    r.normalized = n.normalized();
    r.containers = containerPreviews(w, n, images);

    ShapeInput shape{&w,
                     spec,
                     r.strategy.value,
                     n.podAfter,
                     replacedVolumes,
                     scope.services,
                     scope.networkInterconnect,
                     scope.logPolicies};
    cciDiagnostics += toObjectPaths(checkPodShape(shape), w);
    cciDiagnostics += checkGracefulRollout(w, scope.services); // guide 3.1: rolloutrules.cpp
    cciDiagnostics += toObjectPaths(
        inArea(checkGpuPod(gpu, annotations,
                           scope.namespaceFlavors.value(w.nameSpace, NamespaceFlavor::Unknown),
                           w.podPath(QStringLiteral("metadata.annotations"))),
               FieldArea::Resources),
        w);
    r.admissible = !hasError(cciDiagnostics) && !hasError(annotationDiagnostics);
    if (!r.bursts)
        demote(cciDiagnostics);
    r.diagnostics += annotationDiagnostics;
    r.diagnostics += cciDiagnostics;
    r.cciPod = podObject(w, spec);
    r.downwardEnv = resolveDownwardEnv(w); // guide 3.2: podhelpers.cpp
    r.diagnostics += downwardEnvDiagnostics(w, r.downwardEnv, r.strategy.value == Strategy::Enforce);
    return r;
}

} // namespace core::burst

namespace core::burst {

QList<PreviewResult> previewObjects(const QList<QJsonObject> &objects, PreviewScope scope)
{
    for (const QJsonObject &o : objects) {
        if (isScheduleProfile(o))
            scope.profiles.append(scheduleProfileFromJson(o));
        else if (o.value(u"kind").toString() == u"Service")
            scope.services.append(o);
    }
    addNamespaceFlavors(scope, objects);
    QList<PreviewResult> results;
    for (const QJsonObject &o : objects) {
        if (auto lint = lintObject(o)) {
            results.append(*lint);
            continue;
        }
        Diagnostics readDiagnostics;
        const auto workload = kube::workloadFromObject(o, &readDiagnostics);
        if (!workload)
            continue;
        PreviewResult r = preview(*workload, scope);
        r.diagnostics = readDiagnostics + r.diagnostics;
        results.append(r);
    }
    return results;
}

std::optional<PreviewResult> lintObject(const QJsonObject &object)
{
    PreviewResult r;
    if (isNamespaceObject(object))
        r.diagnostics = checkCciNamespace(object);
    else if (isCciNetworkObject(object))
        r.diagnostics = checkCciNetwork(object);
    else
        return std::nullopt;
    r.lintOnly = true;
    r.kind = object.value(u"kind").toString();
    r.apiVersion = object.value(u"apiVersion").toString();
    r.name = kube::nameOf(object);
    r.nameSpace = isNamespaceObject(object) ? QString() : kube::namespaceOf(object);
    if (!isNamespaceObject(object) && r.nameSpace.isEmpty())
        r.nameSpace = QStringLiteral("default");
    r.admissible = !hasError(r.diagnostics);
    return r;
}

void addNamespaceFlavors(PreviewScope &scope, const QList<QJsonObject> &objects)
{
    scope.namespaceFlavors.insert(namespaceFlavors(objects));
}

} // namespace core::burst

namespace core::burst {

QStringList decidedRules()
{
    return {
        Tr::tr("Precedence: pod-template label > workload label > ScheduleProfile > none."),
        Tr::tr("An invalid label value is an error and is ignored, never read as off."),
        Tr::tr("A ScheduleProfile with an empty selector captures no pods."),
        Tr::tr("The hostPath rule \"*\" covers every hostPath volume no named rule covers."),
        Tr::tr("When an init container dominates a resource, the first app container is raised "
               "just enough for the pod to reach the normalized value."),
        Tr::tr("The pod cpu must be a multiple of 250m."),
        Tr::tr("When the strategy is off or unset, CCI findings are reported as info."),
        Tr::tr("Quantities above 2^63-1 (for example 1e400) are errors, not capped."),
        Tr::tr("The auto strategy is simulated as an approximation of the real scheduler: the "
               "least-allocated local node, else CCI."),
        Tr::tr("Scale-down: the location with the higher scaleDownPriority loses pods first; on a "
               "tie, CCI pods go first."),
        Tr::tr("When virtual-kubelet.io/burst-to-cci and CCI 2.0's bursting.cci.io/burst-to-cci "
               "are both set on one label set, the first wins; differing values are a warning."),
        Tr::tr("Graceful rollout is checked for Deployments and StatefulSets behind a "
               "LoadBalancer Service; the preStop sleep must also stay below "
               "terminationGracePeriodSeconds."),
        Tr::tr("/dev/shm is taken from the pod's memory: it never raises the normalized size."),
        Tr::tr("Burst pods go to the first schedulable virtual node: the global node, then "
               "AZ-level nodes by name."),
        Tr::tr("A Namespace without the namespace.kubernetes.io/flavor annotation is a warning, "
               "not an error: the same object is valid on CCE."),
        Tr::tr("A GPU pod is checked against its namespace's flavour only when a Namespace of the "
               "input (or the cluster) gives it; GPU counts of 1, 2, 4 or 8 come with 4 cores and "
               "32Gi each, and a smaller pod is raised to that."),
        Tr::tr("A Network's CIDR must be written as its network address (no host bits set)."),
    };
}

} // namespace core::burst
