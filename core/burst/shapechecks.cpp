#include "core/burst/shapechecks.h"

#include "core/burst/shmrules.h"
#include "core/common/tr.h"
#include "core/kube/quantity.h"

#include <QJsonArray>
#include <QSet>

namespace core::burst {

namespace {

const QStringList kSupportedVolumes = {
    QStringLiteral("configMap"), QStringLiteral("secret"),
    QStringLiteral("emptyDir"),  QStringLiteral("downwardAPI"),
    QStringLiteral("projected"), QStringLiteral("persistentVolumeClaim")};

QString volumeType(const QJsonObject &volume)
{
    for (auto it = volume.begin(); it != volume.end(); ++it) {
        if (it.key() != u"name")
            return it.key();
    }
    return QStringLiteral("emptyDir"); // a volume with only a name defaults to emptyDir
}

struct ContainerRef
{
    QString path;
    QJsonObject object;
};

QList<ContainerRef> allContainers(const QJsonObject &podSpec)
{
    QList<ContainerRef> out;
    for (const QString &key : {QStringLiteral("initContainers"), QStringLiteral("containers")}) {
        const QJsonArray list = podSpec.value(key).toArray();
        for (int i = 0; i < list.size(); ++i)
            out.append({QStringLiteral("%1[%2]").arg(key).arg(i), list.at(i).toObject()});
    }
    return out;
}

qint64 quantityBytes(const QJsonValue &v)
{
    const auto q =
        kube::Quantity::parse(v.isString() ? v.toString() : QString::number(v.toDouble(), 'g', 17));
    return q ? q->value() : -1;
}

void checkVolumes(const ShapeInput &in, Diagnostics &out)
{
    const QJsonArray volumes = in.podSpec.value(u"volumes").toArray();
    QSet<QString> emptyDirs;
    for (int i = 0; i < volumes.size(); ++i) {
        const QJsonObject v = volumes.at(i).toObject();
        const QString name = v.value(u"name").toString();
        const QString type = volumeType(v);
        const QString path = QStringLiteral("volumes[%1]").arg(i);
        if (in.replacedVolumes.contains(name)) {
            continue; // virtual-kubelet's own replacement: CCI accepts it
        } else if (type == u"hostPath") {
            // Fixed by a hostPath replacement rule, so it belongs to that form.
            out.append(
                inArea(makeError(QStringLiteral("volume.hostPath"), path + u".hostPath",
                                 Tr::tr("hostPath volume \"%1\" is not available on CCI").arg(name),
                                 Tr::tr("Add a coordinator.cci.io/hostpath-replacement rule for "
                                        "\"%1\" (remove, replaceByLocalDir, replaceByEmptyDir or "
                                        "replaceByFlexVolume).")
                                     .arg(name)),
                       FieldArea::HostPath));
        } else if (type == u"emptyDir") {
            emptyDirs.insert(name);
            const QJsonObject ed = v.value(u"emptyDir").toObject();
            if (ed.value(u"medium").toString() == u"Memory") {
                const qint64 limit =
                    ed.contains(u"sizeLimit") ? quantityBytes(ed.value(u"sizeLimit")) : 0;
                if (limit > in.podTotals.memoryBytes && in.podTotals.memoryBytes > 0)
                    out.append(makeError(
                        QStringLiteral("volume.memoryEmptyDir"), path + u".emptyDir.sizeLimit",
                        Tr::tr("Memory emptyDir \"%1\" is larger than the pod's memory").arg(name),
                        Tr::tr("Lower sizeLimit to at most the pod memory.")));
            }
        } else if (type == u"projected") {
            const QJsonArray sources = v.value(u"projected").toObject().value(u"sources").toArray();
            for (int s = 0; s < sources.size(); ++s) {
                if (sources.at(s).toObject().contains(u"serviceAccountToken"))
                    out.append(makeWarning(
                        QStringLiteral("volume.serviceAccountToken"),
                        path + QStringLiteral(".projected.sources[%1].serviceAccountToken").arg(s),
                        Tr::tr("on CCI the projected token is the long-lived service-account "
                               "token; audience and expirationSeconds are ignored"),
                        Tr::tr("Do not rely on token expiry or audience in burst pods.")));
            }
        } else if (type == u"persistentVolumeClaim") {
            out.append(makeWarning(
                QStringLiteral("volume.pvcStorageClass"), path + u".persistentVolumeClaim",
                Tr::tr("claim \"%1\" must be SFS or SFS Turbo through a CSI StorageClass on CCI; "
                       "this cannot be checked from the manifest")
                    .arg(v.value(u"persistentVolumeClaim")
                             .toObject()
                             .value(u"claimName")
                             .toString()),
                Tr::tr("Check the claim's StorageClass before bursting.")));
        } else if (!kSupportedVolumes.contains(type)) {
            out.append(makeError(QStringLiteral("volume.unsupported"), path + u'.' + type,
                                 Tr::tr("%1 volume \"%2\" is not supported on CCI").arg(type, name),
                                 Tr::tr("CCI supports configMap, secret, emptyDir, downwardAPI, "
                                        "projected and persistentVolumeClaim volumes.")));
        }
    }
    for (const ContainerRef &c : allContainers(in.podSpec)) {
        const QJsonArray mounts = c.object.value(u"volumeMounts").toArray();
        for (int m = 0; m < mounts.size(); ++m) {
            const QJsonObject mount = mounts.at(m).toObject();
            const QString name = mount.value(u"name").toString();
            const QString mpath = c.path + QStringLiteral(".volumeMounts[%1]").arg(m);
            // An empty subPath is the volume root, as in Kubernetes.
            const bool subPath = !mount.value(u"subPath").toString().isEmpty();
            const bool subPathExpr = !mount.value(u"subPathExpr").toString().isEmpty();
            if (emptyDirs.contains(name) && (subPath || subPathExpr))
                out.append(
                    makeError(QStringLiteral("volume.emptyDirSubPath"),
                              mpath + (subPath ? u".subPath" : u".subPathExpr"),
                              Tr::tr("emptyDir \"%1\" is mounted with a subPath, which CCI "
                                     "does not support")
                                  .arg(name),
                              Tr::tr("Mount the whole emptyDir, or use a separate volume.")));
        }
    }
}

void checkSecurity(const ShapeInput &in, Diagnostics &out)
{
    const QJsonArray sysctls =
        in.podSpec.value(u"securityContext").toObject().value(u"sysctls").toArray();
    for (int i = 0; i < sysctls.size(); ++i) {
        const QString name = sysctls.at(i).toObject().value(u"name").toString();
        if (!isSysctlAllowed(name))
            out.append(makeError(QStringLiteral("pod.sysctl"),
                                 QStringLiteral("securityContext.sysctls[%1].name").arg(i),
                                 Tr::tr("sysctl %1 is not allowed on CCI").arg(name),
                                 Tr::tr("Allowed: kernel.shm*, kernel.msg*, kernel.sem, "
                                        "fs.mqueue.*, net.* except net.netfilter.* and "
                                        "net.ipv4.vs.*.")));
    }
    for (const ContainerRef &c : allContainers(in.podSpec)) {
        const QJsonArray add = c.object.value(u"securityContext")
                                   .toObject()
                                   .value(u"capabilities")
                                   .toObject()
                                   .value(u"add")
                                   .toArray();
        for (int i = 0; i < add.size(); ++i) {
            const QString cap = add.at(i).toString();
            if (cap == u"SYS_ADMIN" || cap == u"CAP_SYS_ADMIN")
                out.append(makeWarning(
                    QStringLiteral("container.sysAdmin"),
                    c.path + QStringLiteral(".securityContext.capabilities.add[%1]").arg(i),
                    Tr::tr("SYS_ADMIN is requested; CCI runs pods in a shared environment and "
                           "may refuse or restrict it"),
                    Tr::tr("Drop SYS_ADMIN for burst pods if the workload can run without it.")));
        }
    }
}

void checkServices(const ShapeInput &in, Diagnostics &out)
{
    for (const QJsonObject &service : in.services) {
        if (!serviceSelectsPod(service, *in.workload))
            continue;
        const QJsonObject meta = service.value(u"metadata").toObject();
        const QString name = meta.value(u"name").toString();
        const QString type = service.value(u"spec").toObject().value(u"type").toString();
        const QString path = u'@' + in.workload->podPath(QStringLiteral("metadata.labels"));
        if (!type.isEmpty() && type != u"ClusterIP")
            out.append(makeWarning(
                QStringLiteral("service.notClusterIP"), path,
                Tr::tr("Service \"%1\" is %2; across CCE and CCI only ClusterIP Services "
                       "interconnect")
                    .arg(name, type),
                Tr::tr("Reach burst pods through a ClusterIP Service.")));
        if (type != u"LoadBalancer")
            continue;
        if (!healthCheckPortAnnotation(service).isEmpty())
            out.append(makeWarning(
                QStringLiteral("service.healthCheckPort"), path,
                Tr::tr("LoadBalancer Service \"%1\" sets a health-check port; CCE and CCI "
                       "backends register different ports, so some checks fail")
                    .arg(name),
                Tr::tr("Do not specify a health-check port on Services shared with CCI.")));
        if (in.strategy == Strategy::LocalPrefer)
            out.append(makeWarning(
                QStringLiteral("service.strategy"), path,
                Tr::tr("LoadBalancer Services work with the auto and enforce strategies only, "
                       "not localPrefer"),
                Tr::tr("Use auto or enforce for workloads behind a LoadBalancer.")));
    }
}

} // namespace

bool serviceSelectsPod(const QJsonObject &service, const kube::Workload &w)
{
    const QJsonObject meta = service.value(u"metadata").toObject();
    const QString ns = meta.value(u"namespace").toString();
    if ((ns.isEmpty() ? QStringLiteral("default") : ns) != w.nameSpace)
        return false;
    const QJsonObject selector = service.value(u"spec").toObject().value(u"selector").toObject();
    if (selector.isEmpty())
        return false;
    for (auto it = selector.begin(); it != selector.end(); ++it) {
        if (w.podLabels.value(it.key()) != it.value().toString() || !w.podLabels.contains(it.key()))
            return false;
    }
    return true;
}

QString healthCheckPortAnnotation(const QJsonObject &service)
{
    const QJsonObject annotations =
        service.value(u"metadata").toObject().value(u"annotations").toObject();
    for (auto it = annotations.begin(); it != annotations.end(); ++it) {
        // CCE names the health-check port "monitor_port" (target_service_port, required in
        // health-check-options, is the service port and harmless).
        if (it.key().startsWith(u"kubernetes.io/elb.health-check") &&
            it.value().toString().contains(u"monitor_port"))
            return it.key();
    }
    return {};
}

int logCollectionReserveMiB(int policies)
{
    return policies <= 0 ? 0 : 50 + 5 * (policies - 1);
}

bool isSysctlAllowed(const QString &name)
{
    if (name.startsWith(u"net.netfilter.") || name.startsWith(u"net.ipv4.vs."))
        return false;
    return name.startsWith(u"kernel.shm") || name.startsWith(u"kernel.msg") ||
           name == u"kernel.sem" || name.startsWith(u"fs.mqueue.") || name.startsWith(u"net.");
}

Diagnostics checkPodShape(const ShapeInput &in)
{
    Diagnostics out;
    const bool bursting = canBurst(in.strategy);
    if (in.workload->kind == u"DaemonSet" && bursting)
        out.append(inArea(makeError(QStringLiteral("strategy.daemonSet"), QStringLiteral("@kind"),
                                    Tr::tr("DaemonSet pods never burst to CCI, but the strategy "
                                           "is %1")
                                        .arg(strategyName(in.strategy)),
                                    Tr::tr("Remove the burst label or set it to off.")),
                          FieldArea::Strategy));
    if (in.podSpec.value(u"hostNetwork").toBool())
        out.append(makeError(QStringLiteral("pod.hostNetwork"), QStringLiteral("hostNetwork"),
                             Tr::tr("pods with hostNetwork: true cannot burst to CCI"),
                             Tr::tr("Remove hostNetwork, or set the burst label to off.")));
    checkVolumes(in, out);
    out += checkShm(in.podSpec, in.podTotals.memoryBytes); // guide 3.4: core/burst/shmrules.cpp
    checkSecurity(in, out);
    checkServices(in, out);
    if (in.networkInterconnect)
        out.append(makeInfo(QStringLiteral("pod.sidecar"), QStringLiteral("containers"),
                            Tr::tr("with network interconnection on, CCI injects one system "
                                   "sidecar: the running pod shows one container more")));
    if (in.logPolicies > 0)
        out.append(makeWarning(QStringLiteral("pod.logPolicies"), QStringLiteral("containers"),
                               Tr::tr("%1 log policies: reserve %2MB of memory for log collection")
                                   .arg(in.logPolicies)
                                   .arg(logCollectionReserveMiB(in.logPolicies))));
    // The rest is about the pod's shape, which no form of the workbench edits.
    return inAreaUnlessSet(out, FieldArea::Shape);
}

} // namespace core::burst
