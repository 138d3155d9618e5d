#include "models/objectdetails.h"

#include "core/burst/cciconventions.h"
#include "core/kube/jsonyaml.h"
#include "core/kube/manifestloader.h"
#include "core/kube/objectmeta.h"
#include "core/kube/podsummary.h"
#include "models/tr.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace models {

namespace {

QJsonObject obj(const QJsonObject &o, QStringView key)
{
    return o.value(key).toObject();
}

QString str(const QJsonObject &o, QStringView key)
{
    const QJsonValue v = o.value(key);
    if (v.isDouble())
        return QString::number(v.toDouble());
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return v.toString();
}

// "k=v, k2=v2" of a string map.
QString pairs(const QJsonObject &map, const QString &separator = QStringLiteral(", "))
{
    QStringList out;
    for (auto it = map.begin(); it != map.end(); ++it)
        out.append(it.key() + u'=' + it.value().toVariant().toString());
    return out.join(separator);
}

// "cpu 100m, memory 128Mi" of a resource list.
QString resourceList(const QJsonObject &list)
{
    QStringList out;
    for (auto it = list.begin(); it != list.end(); ++it)
        out.append(it.key() + u' ' + it.value().toVariant().toString());
    return out.join(QStringLiteral(", "));
}

void add(QList<DetailField> &fields, const QString &label, const QString &value)
{
    if (!value.isEmpty())
        fields.append({label, value});
}

// The pod spec a workload stamps its pods from (a CronJob's through its job template).
QJsonObject podTemplateOf(const QJsonObject &object)
{
    const QJsonObject spec = obj(object, u"spec");
    if (object.value(u"kind").toString() == u"CronJob")
        return obj(obj(obj(spec, u"jobTemplate"), u"spec"), u"template");
    return obj(spec, u"template");
}

QString ownerText(const QJsonObject &object)
{
    QJsonObject owner = core::kube::controllerRef(object);
    if (owner.isEmpty())
        owner = core::kube::ownerReferencesOf(object).at(0).toObject();
    if (owner.isEmpty())
        return {};
    return str(owner, u"kind") + u' ' + str(owner, u"name");
}

void addMetadata(QList<DetailField> &fields, const QJsonObject &object)
{
    const QString apiVersion = str(object, u"apiVersion");
    const QString kind = str(object, u"kind");
    add(fields, Tr::tr("Kind"),
        apiVersion.isEmpty() ? kind : Tr::tr("%1 (%2)").arg(kind, apiVersion));
    add(fields, Tr::tr("Name"), core::kube::nameOf(object));
    add(fields, Tr::tr("Namespace"), core::kube::namespaceOf(object));
    add(fields, Tr::tr("Created"), core::kube::metadataString(object, u"creationTimestamp"));
    add(fields, Tr::tr("Deleting since"), core::kube::metadataString(object, u"deletionTimestamp"));
    add(fields, Tr::tr("Owner"), ownerText(object));
    add(fields, Tr::tr("Labels"), pairs(core::kube::labelsJsonOf(object)));
    QStringList annotations = core::kube::annotationsOf(object).keys();
    add(fields, Tr::tr("Annotations"), annotations.join(QStringLiteral(", ")));
    add(fields, Tr::tr("UID"), core::kube::uidOf(object));
    add(fields, Tr::tr("Resource version"), core::kube::resourceVersionOf(object));
}

// The CCI annotations virtual-kubelet writes or reads on a pod (or a pod template).
void addCciAnnotations(QList<DetailField> &fields, const QJsonObject &object)
{
    using namespace core::burst;
    add(fields, Tr::tr("ScheduleProfile (CCI)"),
        core::kube::annotationOf(object, kManagedByProfileAnnotation));
    add(fields, Tr::tr("CCI CPU"), core::kube::annotationOf(object, kBurstPodCpuAnnotation));
    add(fields, Tr::tr("CCI memory"), core::kube::annotationOf(object, kBurstPodMemoryAnnotation));
    add(fields, Tr::tr("CCI region"), core::kube::annotationOf(object, kRegionAnnotation));
    add(fields, Tr::tr("CCI zone"), core::kube::annotationOf(object, kZoneAnnotation));
    add(fields, Tr::tr("hostPath replacement"),
        core::kube::annotationOf(object, kHostPathAnnotation));
    add(fields, Tr::tr("Image replacement"), core::kube::annotationOf(object, kImageAnnotation));
}

void addPod(QList<DetailField> &fields, const QJsonObject &pod, const QStringList &virtualNodes)
{
    const QJsonObject status = obj(pod, u"status");
    const core::kube::PodSummary summary = core::kube::summarizePod(pod);
    add(fields, Tr::tr("Status"), summary.status);
    add(fields, Tr::tr("Ready"),
        QStringLiteral("%1/%2").arg(summary.readyContainers).arg(summary.containers));
    add(fields, Tr::tr("Restarts"), QString::number(summary.restarts));
    const QString node = core::kube::nodeNameOf(pod);
    add(fields, Tr::tr("Node"), node.isEmpty() ? Tr::tr("(not scheduled)") : node);
    if (!node.isEmpty())
        add(fields, Tr::tr("Runs on"),
            core::burst::isBurstPod(pod, virtualNodes) ? Tr::tr("CCI (burst pod)")
                                                       : Tr::tr("local node"));
    QStringList ips;
    for (const QJsonValue &ip : status.value(u"podIPs").toArray())
        ips.append(str(ip.toObject(), u"ip"));
    if (ips.isEmpty())
        ips.append(str(status, u"podIP"));
    add(fields, Tr::tr("Pod IPs"), ips.join(QStringLiteral(", ")));
    add(fields, Tr::tr("Host IP"), str(status, u"hostIP"));
    add(fields, Tr::tr("QoS class"), str(status, u"qosClass"));
    add(fields, Tr::tr("Started"), str(status, u"startTime"));
    add(fields, Tr::tr("Burst strategy"), core::kube::labelOf(pod, core::burst::kBurstLabel));
    addCciAnnotations(fields, pod);
}

QString rollingUpdate(const QJsonObject &strategy)
{
    const QString type = str(strategy, u"type");
    const QJsonObject rolling = obj(strategy, u"rollingUpdate");
    if (rolling.isEmpty())
        return type;
    QStringList parts;
    if (rolling.contains(u"maxSurge"))
        parts.append(Tr::tr("max surge %1").arg(str(rolling, u"maxSurge")));
    if (rolling.contains(u"maxUnavailable"))
        parts.append(Tr::tr("max unavailable %1").arg(str(rolling, u"maxUnavailable")));
    if (rolling.contains(u"partition"))
        parts.append(Tr::tr("partition %1").arg(str(rolling, u"partition")));
    return parts.isEmpty() ? type : Tr::tr("%1 (%2)").arg(type, parts.join(QStringLiteral(", ")));
}

// "desired 3, ready 2, ..." of the status counters that are set (0 when the spec says so).
QString counters(const QList<std::pair<QString, QJsonValue>> &values)
{
    QStringList parts;
    for (const auto &[label, value] : values) {
        if (!value.isUndefined())
            parts.append(Tr::tr("%1 %2").arg(label).arg(value.toInteger()));
    }
    return parts.join(QStringLiteral(", "));
}

void addWorkload(QList<DetailField> &fields, const QJsonObject &object)
{
    const QString kind = str(object, u"kind");
    const QJsonObject spec = obj(object, u"spec");
    const QJsonObject status = obj(object, u"status");
    const auto desired = spec.value(u"replicas");
    if (kind == u"DaemonSet") {
        add(fields, Tr::tr("Pods"),
            counters({{Tr::tr("desired"), status.value(u"desiredNumberScheduled")},
                      {Tr::tr("ready"), status.value(u"numberReady")},
                      {Tr::tr("updated"), status.value(u"updatedNumberScheduled")},
                      {Tr::tr("available"), status.value(u"numberAvailable")}}));
    } else if (kind == u"Job") {
        add(fields, Tr::tr("Pods"),
            counters({{Tr::tr("completions"), spec.value(u"completions")},
                      {Tr::tr("parallelism"), spec.value(u"parallelism")},
                      {Tr::tr("active"), status.value(u"active")},
                      {Tr::tr("succeeded"), status.value(u"succeeded")},
                      {Tr::tr("failed"), status.value(u"failed")}}));
    } else if (kind == u"CronJob") {
        add(fields, Tr::tr("Schedule"), str(spec, u"schedule"));
        add(fields, Tr::tr("Suspended"), str(spec, u"suspend"));
        add(fields, Tr::tr("Last schedule"), str(status, u"lastScheduleTime"));
    } else {
        add(fields, Tr::tr("Replicas"),
            counters({{Tr::tr("desired"), desired.isUndefined() ? QJsonValue(1) : desired},
                      {Tr::tr("ready"), status.value(u"readyReplicas")},
                      {Tr::tr("updated"), status.value(u"updatedReplicas")},
                      {Tr::tr("available"), status.value(u"availableReplicas")}}));
    }
    add(fields, Tr::tr("Update strategy"),
        rollingUpdate(obj(spec, kind == u"Deployment" ? u"strategy" : u"updateStrategy")));
    add(fields, Tr::tr("Selector"), pairs(obj(obj(spec, u"selector"), u"matchLabels")));
    const QJsonObject podTemplate = podTemplateOf(object);
    const QString own = core::kube::labelOf(object, core::burst::kBurstLabel);
    const QString templ = core::kube::labelOf(podTemplate, core::burst::kBurstLabel);
    if (!own.isEmpty())
        add(fields, Tr::tr("Burst strategy"), Tr::tr("%1 (workload label)").arg(own));
    else if (!templ.isEmpty())
        add(fields, Tr::tr("Burst strategy"), Tr::tr("%1 (pod template label)").arg(templ));
    QStringList images;
    for (const QJsonValue &c : obj(podTemplate, u"spec").value(u"containers").toArray())
        images.append(str(c.toObject(), u"image"));
    add(fields, Tr::tr("Images"), images.join(QStringLiteral(", ")));
    addCciAnnotations(fields, podTemplate);
}

void addNode(QList<DetailField> &fields, const QJsonObject &node)
{
    using namespace core::burst;
    const QJsonObject spec = obj(node, u"spec");
    const QJsonObject status = obj(node, u"status");
    add(fields, Tr::tr("Node kind"),
        isVirtualNode(node) ? Tr::tr("virtual-kubelet (CCI)") : Tr::tr("local"));
    for (const QJsonValue &c : status.value(u"conditions").toArray()) {
        if (str(c.toObject(), u"type") == u"Ready")
            add(fields, Tr::tr("Ready"), str(c.toObject(), u"status"));
    }
    if (const QString fault = isVirtualNode(node) ? virtualNodeFault(node) : QString();
        !fault.isEmpty())
        add(fields, Tr::tr("Scheduling"), Tr::tr("disabled by CCI (%1)").arg(fault));
    else if (spec.value(u"unschedulable").toBool())
        add(fields, Tr::tr("Scheduling"), Tr::tr("disabled (cordoned)"));
    const QJsonObject capacity = obj(status, u"capacity");
    const QJsonObject allocatable = obj(status, u"allocatable");
    for (const auto &[key, label] : {std::pair{u"cpu", Tr::tr("CPU")},
                                     std::pair{u"memory", Tr::tr("Memory")},
                                     std::pair{u"pods", Tr::tr("Pods")}}) {
        if (capacity.contains(key) || allocatable.contains(key))
            add(fields, label,
                Tr::tr("capacity %1, allocatable %2")
                    .arg(str(capacity, key), str(allocatable, key)));
    }
    QStringList addresses;
    for (const QJsonValue &a : status.value(u"addresses").toArray())
        addresses.append(str(a.toObject(), u"type") + u'=' + str(a.toObject(), u"address"));
    add(fields, Tr::tr("Addresses"), addresses.join(QStringLiteral(", ")));
    const QJsonObject info = obj(status, u"nodeInfo");
    add(fields, Tr::tr("Kubelet"), str(info, u"kubeletVersion"));
    QStringList os{str(info, u"osImage"), str(info, u"architecture")};
    os.removeAll(QString());
    add(fields, Tr::tr("OS"), os.join(QStringLiteral(", ")));
    add(fields, Tr::tr("Zone"), virtualNodeZone(node)); // either zone label
    QStringList taints;
    for (const QJsonValue &t : spec.value(u"taints").toArray()) {
        const QJsonObject taint = t.toObject();
        const QString value = str(taint, u"value");
        taints.append(str(taint, u"key") + (value.isEmpty() ? QString() : u'=' + value) + u':' +
                      str(taint, u"effect"));
    }
    add(fields, Tr::tr("Taints"), taints.join(QStringLiteral(", ")));
    const QDateTime until = lockedUntil(node);
    if (until.isValid())
        add(fields, Tr::tr("Lock"), Tr::tr("locked until %1").arg(until.toString(Qt::ISODate)));
}

bool isWorkloadKind(const QString &kind)
{
    static const QStringList kinds{QStringLiteral("Deployment"), QStringLiteral("StatefulSet"),
                                   QStringLiteral("ReplicaSet"), QStringLiteral("DaemonSet"),
                                   QStringLiteral("Job"), QStringLiteral("CronJob")};
    return kinds.contains(kind);
}

QString stateText(const QJsonObject &state)
{
    if (state.contains(u"running")) {
        const QString since = str(obj(state, u"running"), u"startedAt");
        return since.isEmpty() ? Tr::tr("Running") : Tr::tr("Running since %1").arg(since);
    }
    if (state.contains(u"waiting")) {
        const QString reason = str(obj(state, u"waiting"), u"reason");
        return reason.isEmpty() ? Tr::tr("Waiting") : Tr::tr("Waiting: %1").arg(reason);
    }
    if (state.contains(u"terminated")) {
        const QJsonObject t = obj(state, u"terminated");
        const QString reason = str(t, u"reason");
        return reason.isEmpty() ? Tr::tr("Terminated (exit code %1)").arg(str(t, u"exitCode"))
                                : Tr::tr("Terminated: %1 (exit code %2)")
                                      .arg(reason, str(t, u"exitCode"));
    }
    return {};
}

ContainerRow containerRow(ContainerRow::Kind kind, const QJsonObject &spec,
                          const QJsonObject &status)
{
    ContainerRow row;
    row.kind = kind;
    row.name = spec.isEmpty() ? str(status, u"name") : str(spec, u"name");
    row.image = spec.isEmpty() ? str(status, u"image") : str(spec, u"image");
    const QJsonObject resources = obj(spec, u"resources");
    row.requests = resourceList(obj(resources, u"requests"));
    row.limits = resourceList(obj(resources, u"limits"));
    row.hasStatus = !status.isEmpty();
    row.state = stateText(obj(status, u"state"));
    row.ready = status.value(u"ready").toBool();
    row.restarts = status.value(u"restartCount").toInt();
    row.cciSidecar = core::burst::isCciSidecar(spec.isEmpty() ? status : spec);
    return row;
}

// One group of containers (init, app, ephemeral) with their statuses joined by name; the
// statuses of containers the spec does not list are left in `statuses`.
void addContainers(QList<ContainerRow> &rows, ContainerRow::Kind kind, const QJsonArray &specs,
                   QHash<QString, QJsonObject> &statuses)
{
    for (const QJsonValue &c : specs) {
        const QString name = str(c.toObject(), u"name");
        rows.append(containerRow(kind, c.toObject(), statuses.take(name)));
    }
}

QJsonObject withoutManagedFields(QJsonObject object)
{
    QJsonObject metadata = obj(object, u"metadata");
    if (metadata.contains(u"managedFields")) {
        metadata.remove(QStringLiteral("managedFields"));
        object.insert(QStringLiteral("metadata"), metadata);
    }
    return object;
}

} // namespace

QList<DetailField> summaryOf(const QJsonObject &object, const QStringList &virtualNodes)
{
    QList<DetailField> fields;
    addMetadata(fields, object);
    const QString kind = str(object, u"kind");
    if (kind == u"Pod")
        addPod(fields, object, virtualNodes);
    else if (kind == u"Node")
        addNode(fields, object);
    else if (isWorkloadKind(kind))
        addWorkload(fields, object);
    else if (kind == u"Namespace")
        add(fields, Tr::tr("Status"), str(obj(object, u"status"), u"phase"));
    return fields;
}

QList<ConditionRow> conditionsOf(const QJsonObject &object)
{
    QList<ConditionRow> rows;
    for (const QJsonValue &v : obj(object, u"status").value(u"conditions").toArray()) {
        const QJsonObject c = v.toObject();
        rows.append({str(c, u"type"), str(c, u"status"), str(c, u"reason"), str(c, u"message"),
                     QDateTime::fromString(str(c, u"lastTransitionTime"), Qt::ISODateWithMs)});
    }
    return rows;
}

QList<ContainerRow> containersOf(const QJsonObject &object)
{
    const bool pod = str(object, u"kind") == u"Pod";
    const QJsonObject spec = pod ? obj(object, u"spec") : obj(podTemplateOf(object), u"spec");
    const QJsonObject status = pod ? obj(object, u"status") : QJsonObject();
    const auto byName = [&status](QStringView key) {
        QHash<QString, QJsonObject> out;
        for (const QJsonValue &s : status.value(key).toArray())
            out.insert(str(s.toObject(), u"name"), s.toObject());
        return out;
    };
    QList<ContainerRow> rows;
    using Kind = ContainerRow::Kind;
    QHash<QString, QJsonObject> init = byName(u"initContainerStatuses");
    QHash<QString, QJsonObject> app = byName(u"containerStatuses");
    QHash<QString, QJsonObject> ephemeral = byName(u"ephemeralContainerStatuses");
    addContainers(rows, Kind::Init, spec.value(u"initContainers").toArray(), init);
    addContainers(rows, Kind::App, spec.value(u"containers").toArray(), app);
    addContainers(rows, Kind::Ephemeral, spec.value(u"ephemeralContainers").toArray(), ephemeral);
    // What only the status lists (a container the runtime added), in the status's order.
    for (const QJsonValue &s : status.value(u"containerStatuses").toArray()) {
        if (app.contains(str(s.toObject(), u"name")))
            rows.append(containerRow(Kind::App, {}, s.toObject()));
    }
    return rows;
}

bool eventIsAbout(const QJsonObject &event, const QJsonObject &object)
{
    const QJsonObject involved = obj(event, u"involvedObject");
    const QString uid = core::kube::uidOf(object);
    const QString eventUid = str(involved, u"uid");
    if (!uid.isEmpty() && !eventUid.isEmpty())
        return uid == eventUid;
    return str(involved, u"kind") == str(object, u"kind") &&
           str(involved, u"name") == core::kube::nameOf(object) &&
           str(involved, u"namespace") == core::kube::namespaceOf(object);
}

QList<EventRow> eventsAbout(const QList<QJsonObject> &events, const QJsonObject &object)
{
    QList<EventRow> rows;
    for (const QJsonObject &event : events) {
        if (eventIsAbout(event, object))
            rows.append(eventRowFrom(event));
    }
    std::stable_sort(rows.begin(), rows.end(), [](const EventRow &a, const EventRow &b) {
        return a.lastSeen > b.lastSeen;
    });
    return rows;
}

QJsonObject shownObject(const QJsonObject &object)
{
    return withoutManagedFields(object);
}

QString objectYaml(const QJsonObject &object)
{
    return QString::fromUtf8(core::kube::jsonToYaml(shownObject(object)));
}

ParsedEdit parseEdit(const QString &yaml, const QJsonObject &base)
{
    ParsedEdit out;
    const core::kube::LoadResult loaded = core::kube::loadManifests(yaml.toUtf8(), QString());
    if (!loaded.errors.isEmpty()) {
        const core::kube::ParseError &e = loaded.errors.first();
        out.line = e.line;
        out.column = e.column;
        out.error = e.line > 0 ? Tr::tr("Line %1, column %2: %3").arg(e.line).arg(e.column)
                                     .arg(e.message)
                               : e.message;
        return out;
    }
    if (loaded.objects.size() != 1) {
        out.error = loaded.objects.isEmpty()
                        ? Tr::tr("The text holds no object.")
                        : Tr::tr("The text holds %1 objects; an edit is one object.")
                              .arg(loaded.objects.size());
        return out;
    }
    const core::kube::ManifestObject &edited = loaded.objects.first();
    for (const auto &[path, was, now] :
         {std::tuple{QStringLiteral("apiVersion"), str(base, u"apiVersion"), edited.apiVersion()},
          std::tuple{QStringLiteral("kind"), str(base, u"kind"), edited.kind()},
          std::tuple{QStringLiteral("metadata.name"), core::kube::nameOf(base), edited.name()},
          std::tuple{QStringLiteral("metadata.namespace"), core::kube::namespaceOf(base),
                     edited.nameSpace()}}) {
        if (was != now) {
            const core::kube::SourcePos pos = edited.positionOf(path);
            out.line = pos.line;
            out.column = pos.column;
            out.error = Tr::tr("Line %1, column %2: %3 cannot change in an edit (it was \"%4\")")
                            .arg(pos.line)
                            .arg(pos.column)
                            .arg(path, was);
            return out;
        }
    }
    out.object = edited.object;
    return out;
}

QJsonObject mergePatch(const QJsonObject &from, const QJsonObject &to)
{
    QJsonObject patch;
    for (auto it = from.begin(); it != from.end(); ++it) {
        if (!to.contains(it.key()))
            patch.insert(it.key(), QJsonValue::Null);
    }
    for (auto it = to.begin(); it != to.end(); ++it) {
        const QJsonValue was = from.value(it.key());
        if (was.isObject() && it.value().isObject()) {
            const QJsonObject inner = mergePatch(was.toObject(), it.value().toObject());
            if (!inner.isEmpty())
                patch.insert(it.key(), inner);
        } else if (was != it.value() || !from.contains(it.key())) {
            patch.insert(it.key(), it.value());
        }
    }
    return patch;
}

QJsonObject applyMergePatch(const QJsonObject &target, const QJsonObject &patch)
{
    QJsonObject out = target;
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (it.value().isNull())
            out.remove(it.key());
        else if (it.value().isObject())
            out.insert(it.key(), applyMergePatch(obj(target, it.key()), it.value().toObject()));
        else
            out.insert(it.key(), it.value());
    }
    return out;
}

QByteArray editPatch(const QJsonObject &base, const QJsonObject &edited)
{
    QJsonObject patch = mergePatch(base, edited);
    QJsonObject metadata = obj(patch, u"metadata");
    metadata.remove(QStringLiteral("resourceVersion")); // the precondition is the base's, below
    if (metadata.isEmpty())
        patch.remove(QStringLiteral("metadata"));
    if (patch.isEmpty())
        return {};
    metadata.insert(QStringLiteral("resourceVersion"), core::kube::resourceVersionOf(base));
    patch.insert(QStringLiteral("metadata"), metadata);
    return QJsonDocument(patch).toJson(QJsonDocument::Indented);
}

} // namespace models
