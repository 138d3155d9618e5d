#include "core/burst/addonadvisor.h"

#include "core/burst/cciconventions.h"
#include "core/burst/ccinetwork.h"
#include "core/burst/previewjson.h"
#include "core/burst/scheduleprofile.h"
#include "core/burst/shapechecks.h"
#include "core/common/tr.h"
#include "core/kube/objectmeta.h"
#include "core/kube/quantity.h"

#include <QJsonArray>
#include <QSet>

#include <algorithm>

namespace core::burst {

namespace {

constexpr double kMemoryTolerance = 0.9; // decided: a "4G" VM reports a little under 4 GiB

QString quotedKey(const QString &field, const QString &key)
{
    return field + QStringLiteral("[\"") + key + QStringLiteral("\"]");
}

Advice about(const QJsonObject &object, Diagnostic diagnostic)
{
    return Advice{object.value(u"kind").toString(), kube::namespaceOf(object), kube::nameOf(object),
                  std::move(diagnostic)};
}

Advice aboutWorkload(const kube::Workload &w, Diagnostic diagnostic)
{
    return Advice{w.kind, w.nameSpace, w.name, std::move(diagnostic)};
}

Advice aboutCluster(Diagnostic diagnostic)
{
    return Advice{{}, {}, {}, std::move(diagnostic)};
}

bool overlapsCciServices(const QString &cidrOrAddress)
{
    static const Ipv4Cidr cci = *parseIpv4Cidr(kCciServiceCidr);
    const QString text =
        cidrOrAddress.contains(u'/') ? cidrOrAddress : cidrOrAddress + QStringLiteral("/32");
    const auto parsed = parseIpv4Cidr(text);
    return parsed && cidrsOverlap(*parsed, cci);
}

QList<QJsonObject> physicalNodes(const QList<QJsonObject> &nodes)
{
    QList<QJsonObject> out;
    for (const QJsonObject &node : nodes) {
        if (!isVirtualNode(node))
            out.append(node);
    }
    return out;
}

// Decided: a finished Job (a Complete or Failed condition) or pod (Succeeded, Failed) asks for
// no pods any more.
bool finished(const kube::Workload &w)
{
    const QJsonObject status = w.object.value(u"status").toObject();
    if (w.kind == u"Pod") {
        const QString phase = status.value(u"phase").toString();
        return phase == u"Succeeded" || phase == u"Failed";
    }
    if (w.kind != u"Job")
        return false;
    for (const QJsonValue &c : status.value(u"conditions").toArray()) {
        const QJsonObject condition = c.toObject();
        const QString type = condition.value(u"type").toString();
        if ((type == u"Complete" || type == u"Failed") &&
            condition.value(u"status").toString() == u"True")
            return true;
    }
    return false;
}

int podsAskedFor(const kube::Workload &w)
{
    if (finished(w))
        return 0;
    if (w.kind == u"Job") {
        const QJsonValue p = kube::valueAt(w.object, QStringLiteral("spec.parallelism"));
        return p.isDouble() ? p.toInt() : 1;
    }
    return w.replicas();
}

Diagnostic subnetOverlap(const QString &path, const QString &what, const QString &value)
{
    return makeError(QStringLiteral("addon.subnetOverlap"), path,
                     Tr::tr("%1 %2 overlaps %3, CCI's Service range in the add-on's namespace: "
                            "Services there stop working")
                         .arg(what, value, kCciServiceCidr),
                     Tr::tr("Run the cluster in a VPC subnet outside %1 (the guide allows no "
                            "overlap).")
                         .arg(kCciServiceCidr));
}

// --- The rules, one function each -----------------------------------------------------------

void adviseSize(const ClusterFacts &facts, AddonAdvice &result)
{
    const AddonNodeSize size = result.size.size;
    result.advice.append(aboutCluster(makeInfo(
        QStringLiteral("addon.nodeSize"), {},
        Tr::tr("%1 burst pods and %2 ConfigMaps in their namespaces: the guide recommends a %3 "
               "node (%4 vCPUs, %5 GiB) for the add-on")
            .arg(result.burstPods)
            .arg(result.configMaps)
            .arg(size.name())
            .arg(size.cpu)
            .arg(size.memoryGi),
        Tr::tr("Secrets, PVs and PVCs of the burst pods load the add-on too; size up when they "
               "are many."))));
    if (result.size.beyondGuide)
        result.advice.append(aboutCluster(makeWarning(
            QStringLiteral("addon.nodeSizeBeyondGuide"), {},
            Tr::tr("%1 burst pods and %2 ConfigMaps are more than the guide's largest row "
                   "(%3 of each: %4)")
                .arg(result.burstPods)
                .arg(result.configMaps)
                .arg(size.upTo)
                .arg(size.name()),
            Tr::tr("Use at least %1 and watch the add-on's CPU and memory: the guide gives no "
                   "size for more.")
                .arg(size.name()))));
    if (!facts.addonNode.isEmpty() && !result.addonNodes.contains(facts.addonNode))
        result.advice.append(aboutCluster(
            makeWarning(QStringLiteral("addon.nodeNotFound"), QStringLiteral("--addon-node"),
                        Tr::tr("node \"%1\" is not in the cluster").arg(facts.addonNode),
                        Tr::tr("Name a node of `kubectl get nodes`."))));
    for (const QJsonObject &node : facts.nodes) {
        if (!result.addonNodes.contains(kube::nameOf(node)))
            continue;
        const QJsonObject capacity = node.value(u"status").toObject().value(u"capacity").toObject();
        const auto cpu = kube::Quantity::parse(capacity.value(u"cpu").toString());
        const auto memory = kube::Quantity::parse(capacity.value(u"memory").toString());
        if (!cpu || !memory)
            continue;
        const double needMemory = double(size.memoryGi) * 1024 * 1024 * 1024 * kMemoryTolerance;
        if (cpu.value().milliValue() >= qint64(size.cpu) * 1000 &&
            double(memory.value().value()) >= needMemory)
            continue;
        result.advice.append(about(
            node,
            makeWarning(QStringLiteral("addon.nodeUndersized"), QStringLiteral("status.capacity"),
                        Tr::tr("the add-on runs on a node of %1 CPU and %2 memory, less "
                               "than the %3 the guide recommends")
                            .arg(kube::formatCpuMilli(cpu.value().milliValue()),
                                 kube::formatMemoryBytes(memory.value().value()), size.name()),
                        Tr::tr("Move the add-on to a node of at least %1.").arg(size.name()))));
    }
}

void adviseSubnets(const ClusterFacts &facts, QList<Advice> &out)
{
    for (const QJsonObject &node : physicalNodes(facts.nodes)) {
        const QJsonObject spec = node.value(u"spec").toObject();
        if (overlapsCciServices(spec.value(u"podCIDR").toString()))
            out.append(about(node, subnetOverlap(QStringLiteral("spec.podCIDR"), Tr::tr("pod CIDR"),
                                                 spec.value(u"podCIDR").toString())));
        const QJsonArray podCidrs = spec.value(u"podCIDRs").toArray();
        for (qsizetype i = 0; i < podCidrs.size(); ++i) {
            const QString cidr = podCidrs.at(i).toString();
            if (cidr != spec.value(u"podCIDR").toString() && overlapsCciServices(cidr))
                out.append(about(node, subnetOverlap(QStringLiteral("spec.podCIDRs[%1]").arg(i),
                                                     Tr::tr("pod CIDR"), cidr)));
        }
        const QJsonArray addresses = node.value(u"status").toObject().value(u"addresses").toArray();
        for (qsizetype i = 0; i < addresses.size(); ++i) {
            const QJsonObject a = addresses.at(i).toObject();
            if (a.value(u"type").toString() == u"InternalIP" &&
                overlapsCciServices(a.value(u"address").toString()))
                out.append(about(
                    node, subnetOverlap(QStringLiteral("status.addresses[%1].address").arg(i),
                                        Tr::tr("node address"), a.value(u"address").toString())));
        }
    }
    for (const QString &subnet : facts.subnets) {
        if (overlapsCciServices(subnet))
            out.append(
                aboutCluster(subnetOverlap(QStringLiteral("--subnet"), Tr::tr("subnet"), subnet)));
    }
}

void adviseNodes(const ClusterFacts &facts, QList<Advice> &out)
{
    const QList<QJsonObject> physical = physicalNodes(facts.nodes);
    int arm = 0;
    bool schedulable = false;
    for (const QJsonObject &node : physical) {
        schedulable |= !node.value(u"spec").toObject().value(u"unschedulable").toBool();
        QString path;
        if (!isArmNode(node, &path))
            continue;
        ++arm;
        out.append(about(node, makeWarning(QStringLiteral("addon.armNode"), path,
                                           Tr::tr("node \"%1\" is ARM: the add-on places no "
                                                  "instance on it")
                                               .arg(kube::nameOf(node)),
                                           Tr::tr("Keep x86 nodes in the cluster for the "
                                                  "add-on."))));
    }
    if (arm > 0 && arm == physical.size())
        out.append(aboutCluster(makeError(
            QStringLiteral("addon.armCluster"), {},
            Tr::tr("every node of the cluster is ARM: the add-on does not support ARM clusters"),
            Tr::tr("Add x86 nodes, or burst from an x86 cluster."))));
    if (!physical.isEmpty() && !schedulable)
        out.append(aboutCluster(makeWarning(
            QStringLiteral("addon.noSchedulableNode"), {},
            Tr::tr("no node of the cluster is schedulable: uninstalling the add-on runs a "
                   "clean-up Job, which then cannot start, and the uninstall fails"),
            Tr::tr("Keep at least one schedulable node until the add-on is uninstalled."))));
}

void adviseServices(const ClusterFacts &facts, const QList<BurstWorkload> &burst,
                    QList<Advice> &out)
{
    for (const QJsonObject &service : facts.services) {
        const QJsonObject spec = service.value(u"spec").toObject();
        if (spec.value(u"type").toString() != u"LoadBalancer")
            continue;
        QList<const BurstWorkload *> selected;
        for (const BurstWorkload &b : burst) {
            if (serviceSelectsPod(service, b.workload))
                selected.append(&b);
        }
        if (selected.isEmpty())
            continue; // decided: only Services in front of burst pods matter
        const QString name = kube::nameOf(service);
        const QString annotation = healthCheckPortAnnotation(service);
        if (!annotation.isEmpty())
            out.append(about(
                service,
                makeWarning(QStringLiteral("addon.lbHealthCheckPort"),
                            quotedKey(QStringLiteral("metadata.annotations"), annotation),
                            Tr::tr("LoadBalancer Service \"%1\" names a health-check port: CCE "
                                   "and CCI pods register different ports with ELB, so some "
                                   "members fail the check")
                                .arg(name),
                            Tr::tr("Remove monitor_port from the annotation; ELB then checks "
                                   "each member's own port."))));
        if (spec.value(u"externalTrafficPolicy").toString() == u"Local" ||
            spec.value(u"healthCheckNodePort").isDouble())
            out.append(about(
                service,
                makeWarning(QStringLiteral("addon.lbLocalTraffic"),
                            QStringLiteral("spec.externalTrafficPolicy"),
                            Tr::tr("LoadBalancer Service \"%1\" has externalTrafficPolicy Local: "
                                   "Kubernetes gives it a health-check node port "
                                   "(spec.healthCheckNodePort) on the CCE nodes, a health-check "
                                   "port the pods on CCI do not answer")
                                .arg(name),
                            Tr::tr("Use externalTrafficPolicy: Cluster for Services in front of "
                                   "burst pods."))));
        for (const BurstWorkload *b : selected) {
            if (b->strategy.value != Strategy::LocalPrefer)
                continue;
            out.append(about(
                service,
                makeWarning(QStringLiteral("addon.lbStrategy"), QStringLiteral("spec.selector"),
                            Tr::tr("LoadBalancer Service \"%1\" selects %2 \"%3\", whose "
                                   "strategy is localPrefer (from %4); LoadBalancers work with "
                                   "auto and enforce only")
                                .arg(name, b->workload.kind, b->workload.name,
                                     sourceName(b->strategy.source)),
                            Tr::tr("Set the workload's strategy to auto or enforce, or reach it "
                                   "through a ClusterIP Service."))));
        }
        const QString elbClass = kube::annotationOf(service, kElbClassAnnotation);
        if (elbClass == kElbClassShared)
            out.append(about(
                service,
                makeInfo(QStringLiteral("addon.lbSharedElb"),
                         quotedKey(QStringLiteral("metadata.annotations"), kElbClassAnnotation),
                         Tr::tr("LoadBalancer Service \"%1\" is on a shared ELB: its CCI members "
                                "are reached from %2")
                             .arg(name, kSharedElbSourceCidr),
                         Tr::tr("Allow %1 to the container ports in the nodes' security group.")
                             .arg(kSharedElbSourceCidr))));
    }
}

void adviseLogPolicies(const ClusterFacts &facts, const QList<BurstWorkload> &burst,
                       QList<Advice> &out)
{
    if (burst.isEmpty())
        return;
    if (!facts.logPolicies) {
        out.append(aboutCluster(makeInfo(
            QStringLiteral("addon.logPoliciesUnknown"), {},
            Tr::tr("the cluster serves no log policies (%1), so none are checked")
                .arg(kLogPolicyResource),
            Tr::tr("Pods that log policies collect from need %1 MB more memory for one policy "
                   "and %2 MB for each further one.")
                .arg(logCollectionReserveMiB(1))
                .arg(logCollectionReserveMiB(2) - logCollectionReserveMiB(1)))));
        return;
    }
    for (const BurstWorkload &b : burst) {
        int policies = 0;
        for (const QJsonObject &policy : *facts.logPolicies) {
            const QString ns = kube::namespaceOf(policy);
            policies += ns.isEmpty() || ns == b.workload.nameSpace ? 1 : 0;
        }
        if (policies == 0)
            continue;
        out.append(aboutWorkload(
            b.workload,
            makeWarning(QStringLiteral("addon.logPolicies"),
                        b.workload.podPath(QStringLiteral("spec.containers")),
                        Tr::tr("%1 log policies can collect from its pods (namespace %2): "
                               "reserve %3 MB of memory for log collection")
                            .arg(policies)
                            .arg(b.workload.nameSpace)
                            .arg(logCollectionReserveMiB(policies)),
                        Tr::tr("Add the memory to the pods' requests. Burst pods read a changed "
                               "log policy only when redeployed, and collection needs the "
                               "add-on's network interconnection."))));
    }
}

void adviseScaleDown(const QList<BurstWorkload> &burst, QList<Advice> &out)
{
    for (const BurstWorkload &b : burst) {
        if (b.pods <= 0)
            continue;
        const kube::Workload &w = b.workload;
        const bool scalable = w.kind == u"Deployment" || w.kind == u"StatefulSet";
        const QString why = Tr::tr("pods on CCI keep running, and are billed, while the cluster "
                                   "sleeps");
        out.append(aboutWorkload(
            w, scalable
                   ? makeInfo(QStringLiteral("addon.scaleToZero"), QStringLiteral("spec.replicas"),
                              Tr::tr("before you uninstall the add-on or hibernate the cluster, "
                                     "scale %1 \"%2\" to 0: %3")
                                  .arg(w.kind, w.name, why),
                              QStringLiteral("kubectl scale %1/%2 -n %3 --replicas=0")
                                  .arg(w.kind.toLower(), w.name, w.nameSpace))
                   : makeInfo(QStringLiteral("addon.scaleToZero"), {},
                              Tr::tr("before you uninstall the add-on or hibernate the cluster, "
                                     "let %1 \"%2\" finish or delete it: %3")
                                  .arg(w.kind, w.name, why),
                              Tr::tr("%1 once it is done")
                                  .arg(QStringLiteral("kubectl delete %1/%2 -n %3"))
                                  .arg(w.kind.toLower(), w.name, w.nameSpace))));
    }
}

} // namespace

QString AddonNodeSize::name() const
{
    return QStringLiteral("%1U%2G").arg(cpu).arg(memoryGi);
}

QList<AddonNodeSize> addonNodeSizes()
{
    return {{1000, 2, 4}, {2000, 4, 8}, {4000, 8, 16}};
}

AddonSizeChoice recommendAddonNodeSize(qint64 pods, qint64 configMaps)
{
    const qint64 load = std::max(pods, configMaps);
    const QList<AddonNodeSize> sizes = addonNodeSizes();
    for (const AddonNodeSize &size : sizes) {
        if (load <= size.upTo)
            return {size, false};
    }
    return {sizes.constLast(), true};
}

bool isArmNode(const QJsonObject &node, QString *path)
{
    const kube::Labels labels = kube::labelsOf(node);
    QString where;
    QString arch;
    for (const QString &key :
         {QStringLiteral("kubernetes.io/arch"), QStringLiteral("beta.kubernetes.io/arch")}) {
        if (labels.contains(key)) {
            where = quotedKey(QStringLiteral("metadata.labels"), key);
            arch = labels.value(key);
            break;
        }
    }
    if (where.isEmpty()) {
        where = QStringLiteral("status.nodeInfo.architecture");
        arch = kube::valueAt(node, where).toString();
    }
    arch = arch.toLower();
    const bool arm = arch == u"arm64" || arch == u"arm" || arch == u"aarch64";
    if (arm && path)
        *path = where;
    return arm;
}

QList<BurstWorkload> burstWorkloads(const ClusterFacts &facts)
{
    QList<ScheduleProfile> profiles;
    for (const QJsonObject &p : facts.profiles)
        profiles.append(scheduleProfileFromJson(p));
    QList<QJsonObject> objects = facts.workloads;
    for (const QJsonObject &pod : facts.pods) {
        if (kube::controllerRef(pod).isEmpty())
            objects.append(pod);
    }
    QList<BurstWorkload> out;
    for (const QJsonObject &object : objects) {
        Diagnostics ignored;
        const auto w = kube::workloadFromObject(object, &ignored);
        if (!w)
            continue;
        const auto index = associateProfile(profiles, w->nameSpace, w->podLabels);
        const ScheduleProfile *profile = index ? &profiles.at(*index) : nullptr;
        StrategyResolution strategy = resolveStrategy(
            *w, profile ? profile->strategy : std::nullopt, profile ? profile->name : QString());
        if (canBurst(strategy.value))
            out.append(BurstWorkload{*w, std::move(strategy), podsAskedFor(*w)});
    }
    return out;
}

AddonAdvice adviseAddon(const ClusterFacts &facts)
{
    AddonAdvice result;
    const QList<BurstWorkload> burst = burstWorkloads(facts);
    result.burstWorkloads = int(burst.size());
    QSet<QString> namespaces;
    for (const BurstWorkload &b : burst) {
        result.burstPods += b.pods;
        namespaces.insert(b.workload.nameSpace);
    }
    const QStringList virtualNodes = virtualNodeNames(facts.nodes);
    qint64 onVirtualNodes = 0;
    QStringList nodeNames;
    for (const QJsonObject &node : facts.nodes)
        nodeNames.append(kube::nameOf(node));
    for (const QJsonObject &pod : facts.pods) {
        const QString node = kube::nodeNameOf(pod);
        onVirtualNodes += isBurstPod(pod, virtualNodes) ? 1 : 0;
        if (facts.addonNode.isEmpty() && kube::namespaceOf(pod) == kAddonNamespace &&
            kube::nameOf(pod).startsWith(kAddonPodPrefix) && !node.isEmpty() &&
            !virtualNodes.contains(node) && !result.addonNodes.contains(node))
            result.addonNodes.append(node);
    }
    if (!facts.addonNode.isEmpty() && nodeNames.contains(facts.addonNode))
        result.addonNodes.append(facts.addonNode);
    result.burstPods = std::max(result.burstPods, onVirtualNodes);
    for (const QString &ns : std::as_const(namespaces))
        result.configMaps += facts.configMaps.value(ns);
    result.size = recommendAddonNodeSize(result.burstPods, result.configMaps);

    adviseSize(facts, result);
    adviseSubnets(facts, result.advice);
    adviseNodes(facts, result.advice);
    adviseServices(facts, burst, result.advice);
    adviseLogPolicies(facts, burst, result.advice);
    adviseScaleDown(burst, result.advice);
    return result;
}

QString adviceObject(const Advice &advice)
{
    if (advice.kind.isEmpty())
        return {};
    const QString name =
        advice.nameSpace.isEmpty() ? advice.name : advice.nameSpace + u'/' + advice.name;
    return advice.kind + u' ' + name;
}

QJsonObject addonAdviceToJson(const AddonAdvice &a)
{
    QJsonArray list;
    for (const Advice &advice : a.advice) {
        QJsonObject o = diagnosticToJson(advice.diagnostic);
        o.insert(QStringLiteral("kind"), advice.kind);
        o.insert(QStringLiteral("namespace"), advice.nameSpace);
        o.insert(QStringLiteral("name"), advice.name);
        list.append(o);
    }
    const QJsonObject size{{QStringLiteral("name"), a.size.size.name()},
                           {QStringLiteral("cpu"), a.size.size.cpu},
                           {QStringLiteral("memoryGi"), a.size.size.memoryGi},
                           {QStringLiteral("beyondGuide"), a.size.beyondGuide}};
    return QJsonObject{{QStringLiteral("burstWorkloads"), a.burstWorkloads},
                       {QStringLiteral("burstPods"), a.burstPods},
                       {QStringLiteral("configMaps"), a.configMaps},
                       {QStringLiteral("recommendedNodeSize"), size},
                       {QStringLiteral("addonNodes"), QJsonArray::fromStringList(a.addonNodes)},
                       {QStringLiteral("advice"), list}};
}

} // namespace core::burst
