#include "core/sandbox/cluster/cciadmission.h"

#include "core/burst/cciconventions.h"
#include "core/burst/ccinamespace.h"
#include "core/common/tr.h"
#include "core/kube/objectmeta.h"
#include "core/sandbox/store/objectstore.h"

#include <QJsonArray>

namespace core::sandbox {

namespace {

// The sandbox's stand-in for the container CCI injects when network interconnection is on (SPEC
// 4, info): the guide documents that a running pod shows one container more, not its name or
// image, so both are invented here and only need to be recognisable.
QJsonObject sidecarContainer()
{
    return QJsonObject{
        {QStringLiteral("name"), CciAdmission::sidecarName()},
        {QStringLiteral("image"),
         QStringLiteral("swr.cn-north-4.myhuaweicloud.com/cci-system/network-sidecar:1.0")}};
}

QJsonObject sidecarStatus(const QJsonObject &cceStatus)
{
    const bool running = cceStatus.value(u"phase").toString() == u"Running";
    const QJsonObject state =
        running
            ? QJsonObject{{QStringLiteral("running"), QJsonObject{{QStringLiteral("startedAt"),
                                                                   cceStatus.value(u"startTime")}}}}
            : QJsonObject{
                  {QStringLiteral("waiting"),
                   QJsonObject{{QStringLiteral("reason"), QStringLiteral("ContainerCreating")}}}};
    return QJsonObject{{QStringLiteral("name"), CciAdmission::sidecarName()},
                       {QStringLiteral("image"), sidecarContainer().value(u"image")},
                       {QStringLiteral("ready"), running},
                       {QStringLiteral("started"), running},
                       {QStringLiteral("restartCount"), 0},
                       {QStringLiteral("state"), state}};
}

bool hasSidecar(const QJsonObject &pod)
{
    for (const QJsonValue &c : pod.value(u"spec").toObject().value(u"containers").toArray()) {
        if (c.toObject().value(u"name").toString() == CciAdmission::sidecarName())
            return true;
    }
    return false;
}

} // namespace

CciAdmission::CciAdmission(ObjectStore &cce, ObjectStore &cci, QString clusterId,
                           CciAdmissionOptions options)
    : m_cce(cce), m_cci(cci), m_namespace(burst::cciNamespaceFor(clusterId)),
      m_options(std::move(options)), m_events(cci, QStringLiteral("cci-kubelet"))
{
    ensureNamespace();
    adoptExisting();
}

QString CciAdmission::sidecarName()
{
    return burst::kNetworkSidecarName; // one name for the sandbox and the console
}

// The back-references are a sandbox invention (burst/cciconventions.h): how the real add-on joins
// a CCE pod with its CCI pod is not documented.
QString CciAdmission::sourceNamespaceAnnotation()
{
    return burst::kSourceNamespaceAnnotation;
}

QString CciAdmission::sourceNameAnnotation()
{
    return burst::kSourceNameAnnotation;
}

QString CciAdmission::sourceUidAnnotation()
{
    return burst::kSourceUidAnnotation;
}

QJsonObject CciAdmission::namespaceObject(const QString &name, const QString &flavor)
{
    const QJsonObject labels{{QStringLiteral("kubernetes.io/metadata.name"), name},
                             {burst::kManagedByLabel, burst::kManagedByValue}};
    QJsonObject meta{{QStringLiteral("name"), name}, {QStringLiteral("labels"), labels}};
    if (!flavor.isEmpty())
        meta.insert(QStringLiteral("annotations"),
                    QJsonObject{{burst::kNamespaceFlavorAnnotation, flavor}});
    return QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("kind"), QStringLiteral("Namespace")},
                       {QStringLiteral("metadata"), meta},
                       {QStringLiteral("status"),
                        QJsonObject{{QStringLiteral("phase"), QStringLiteral("Active")}}}};
}

void CciAdmission::ensureNamespace()
{
    if (m_cci.get(namespacesType(), QString(), m_namespace))
        return;
    m_cci.create(namespacesType(), QString(),
                 namespaceObject(m_namespace, m_options.namespaceFlavor));
}

// A scheduler restarted over an existing store takes its CCI pods back by their annotations.
void CciAdmission::adoptExisting()
{
    ListOptions options;
    options.namespaceName = m_namespace;
    const auto pods = m_cci.list(podsType(), options);
    if (!pods)
        return;
    for (const QJsonObject &pod : pods->items) {
        const QString uid = burst::ccePodOf(pod).uid;
        if (!uid.isEmpty())
            m_names.insert(uid, kube::nameOf(pod));
    }
}

burst::PreviewResult CciAdmission::review(const kube::Workload &workload,
                                          const QList<burst::ScheduleProfile> &profiles) const
{
    burst::PreviewScope scope;
    // The pod runs in the CCI namespace, so that namespace's flavour is the pod's.
    if (const auto ns = m_cci.get(namespacesType(), QString(), m_namespace)) {
        if (const auto flavor = burst::namespaceFlavorOf(*ns);
            flavor != burst::NamespaceFlavor::Unknown)
            scope.namespaceFlavors.insert(workload.nameSpace, flavor);
    }
    scope.profiles = profiles;
    scope.networkInterconnect = m_options.networkInterconnect;
    ListOptions options;
    options.namespaceName = workload.nameSpace;
    if (const auto services = m_cce.list(servicesType(), options))
        scope.services = services->items;
    return burst::preview(workload, scope);
}

QString CciAdmission::chooseName(const QJsonObject &ccePod)
{
    const QString name = kube::nameOf(ccePod);
    const QString ns = kube::namespaceOf(ccePod);
    const auto existing = m_cci.get(podsType(), m_namespace, name);
    if (!existing)
        return name;
    if (burst::ccePodOf(*existing).nameSpace == ns) {
        // A leftover of an earlier pod with this name (a StatefulSet replica recreated).
        m_cci.remove(podsType(), m_namespace, name);
        return name;
    }
    return QString(name + u'-' + kube::uidOf(ccePod).left(5));
}

QJsonObject CciAdmission::buildPod(const QJsonObject &ccePod, const burst::PreviewResult &preview,
                                   const QString &name, const QString &zone) const
{
    const QJsonObject cceMeta = ccePod.value(u"metadata").toObject();
    QJsonObject annotations = cceMeta.value(u"annotations").toObject();
    annotations.insert(sourceNamespaceAnnotation(), cceMeta.value(u"namespace"));
    annotations.insert(sourceNameAnnotation(), cceMeta.value(u"name"));
    annotations.insert(sourceUidAnnotation(), cceMeta.value(u"uid"));
    annotations.insert(burst::kRegionAnnotation, m_options.region);
    annotations.insert(burst::kZoneAnnotation, zone);
    QJsonObject meta{{QStringLiteral("name"), name},
                     {QStringLiteral("namespace"), m_namespace},
                     {QStringLiteral("annotations"), annotations}};
    if (cceMeta.contains(u"labels"))
        meta.insert(QStringLiteral("labels"), cceMeta.value(u"labels"));
    QJsonObject spec = preview.cciPod.value(u"spec").toObject();
    spec.remove(QStringLiteral("nodeName"));
    if (m_options.networkInterconnect) {
        QJsonArray containers = spec.value(u"containers").toArray();
        containers.append(sidecarContainer());
        spec.insert(QStringLiteral("containers"), containers);
    }
    return QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("kind"), QStringLiteral("Pod")},
                       {QStringLiteral("metadata"), meta},
                       {QStringLiteral("spec"), spec},
                       {QStringLiteral("status"),
                        QJsonObject{{QStringLiteral("phase"), QStringLiteral("Pending")}}}};
}

bool CciAdmission::createCciPod(const QJsonObject &ccePod, const burst::PreviewResult &preview,
                                const QDateTime &now, const QString &zone)
{
    const QString name = chooseName(ccePod);
    const QString where = zone.isEmpty() ? m_options.defaultZone() : zone;
    const auto created =
        m_cci.create(podsType(), m_namespace, buildPod(ccePod, preview, name, where));
    if (!created)
        return false;
    m_names.insert(kube::uidOf(ccePod), name);
    m_events.record(*created, QStringLiteral("Normal"), QStringLiteral("Scheduled"),
                    Tr::tr("Successfully assigned %1/%2 to %3")
                        .arg(m_namespace, name, where),
                    now);
    mirrorStatus(ccePod, now);
    return true;
}

QJsonObject CciAdmission::podAsSeenInside(const ObjectStore &cci, const QString &cciNamespace,
                                          const QJsonObject &ccePod)
{
    const QString uid = kube::uidOf(ccePod);
    if (uid.isEmpty())
        return ccePod;
    ListOptions options;
    options.namespaceName = cciNamespace;
    const auto pods = cci.list(podsType(), options);
    if (!pods)
        return ccePod;
    for (const QJsonObject &cciPod : pods->items) {
        if (burst::ccePodOf(cciPod).uid != uid)
            continue;
        QJsonObject meta = ccePod.value(u"metadata").toObject();
        QJsonObject annotations = meta.value(u"annotations").toObject();
        for (const QString &key : {burst::kRegionAnnotation, burst::kZoneAnnotation}) {
            const QJsonValue value = kube::annotationsOf(cciPod).value(key);
            if (!value.isUndefined())
                annotations.insert(key, value);
        }
        meta.insert(QStringLiteral("annotations"), annotations);
        QJsonObject seen = ccePod;
        seen.insert(QStringLiteral("metadata"), meta);
        return seen;
    }
    return ccePod;
}

void CciAdmission::recordPhase(const QJsonObject &cciPod, const QString &before,
                               const QDateTime &now)
{
    const QString phase = cciPod.value(u"status").toObject().value(u"phase").toString();
    if (phase == before)
        return;
    QStringList names;
    for (const QJsonValue &c : cciPod.value(u"spec").toObject().value(u"containers").toArray())
        names.append(c.toObject().value(u"name").toString());
    if (phase == u"Running")
        m_events.record(cciPod, QStringLiteral("Normal"), QStringLiteral("Started"),
                        Tr::tr("Started containers %1").arg(names.join(u", ")), now);
    else if (phase == u"Succeeded")
        m_events.record(cciPod, QStringLiteral("Normal"), QStringLiteral("Completed"),
                        Tr::tr("All containers completed"), now);
    else if (phase == u"Failed")
        m_events.record(cciPod, QStringLiteral("Warning"), QStringLiteral("Failed"),
                        Tr::tr("The pod failed: %1")
                            .arg(cciPod.value(u"status").toObject().value(u"message").toString()),
                        now);
}

void CciAdmission::mirrorStatus(const QJsonObject &ccePod, const QDateTime &now)
{
    const QString name = m_names.value(kube::uidOf(ccePod));
    if (name.isEmpty())
        return;
    const auto current = m_cci.get(podsType(), m_namespace, name);
    if (!current)
        return;
    const QJsonObject cceStatus = ccePod.value(u"status").toObject();
    QJsonObject status = current->value(u"status").toObject();
    for (const QString &key :
         {QStringLiteral("phase"), QStringLiteral("conditions"), QStringLiteral("podIP"),
          QStringLiteral("podIPs"), QStringLiteral("startTime"), QStringLiteral("qosClass"),
          QStringLiteral("reason"), QStringLiteral("message"),
          QStringLiteral("initContainerStatuses"), QStringLiteral("containerStatuses")}) {
        if (cceStatus.contains(key))
            status.insert(key, cceStatus.value(key));
        else
            status.remove(key);
    }
    if (hasSidecar(*current)) {
        QJsonArray statuses = status.value(u"containerStatuses").toArray();
        statuses.append(sidecarStatus(cceStatus));
        status.insert(QStringLiteral("containerStatuses"), statuses);
    }
    if (status == current->value(u"status").toObject())
        return;
    QJsonObject pod = *current;
    const QString before = current->value(u"status").toObject().value(u"phase").toString();
    pod.insert(QStringLiteral("status"), status);
    if (const auto written = m_cci.update(podsType(), m_namespace, name, pod))
        recordPhase(*written, before, now);
}

void CciAdmission::removeFor(const QJsonObject &ccePod, const QDateTime &now)
{
    const QString name = m_names.take(kube::uidOf(ccePod));
    if (name.isEmpty())
        return;
    if (const auto pod = m_cci.get(podsType(), m_namespace, name))
        m_events.record(*pod, QStringLiteral("Normal"), QStringLiteral("Killing"),
                        Tr::tr("Stopping the pod's containers"), now);
    m_cci.remove(podsType(), m_namespace, name);
}

} // namespace core::sandbox
