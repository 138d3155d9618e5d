#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>

// The conventions of CCE's bursting add-on (virtual-kubelet) and of CCI that the code relies on:
// every label, taint, annotation and name, in one place, each with where it comes from:
//   guide       - the Huawei CCE burst-to-CCI guide the project is built from (docs/burst-rules.md
//                 and docs/cci-conventions.md restate it);
//   vendor docs - Huawei's public CCE / CCI 2.0 documentation (the add-on's "Pod annotation"
//                 table, "Virtual Node Configurations");
//   assumed     - neither says it; what the code does is our choice, and a real cluster may
//                 differ. Sandbox inventions are marked so.
// Nothing here reads a cluster: constants and pure predicates over JSON objects.
namespace core::burst {

// --- Workload labels and annotations (what a user writes) --------------------------------

// guide 1.1: the burst strategy label on a workload or its pod template.
inline const QString kBurstLabel = QStringLiteral("virtual-kubelet.io/burst-to-cci");
// vendor docs (CCI 2.0 "Scheduling Workloads to CCI 2.0"): the same strategy under CCI 2.0's own
// key. Decided: when both are set on one label set, kBurstLabel wins (burststrategy.h).
inline const QString kBurstLabelCci2 = QStringLiteral("bursting.cci.io/burst-to-cci");
// guide: hostPath replacement and image replacement annotations on the pod template.
inline const QString kHostPathAnnotation =
    QStringLiteral("coordinator.cci.io/hostpath-replacement");
inline const QString kImageAnnotation = QStringLiteral("coordinator.cci.io/image-replacement");
// guide: the ScheduleProfile custom resource.
inline const QString kProfileGroup = QStringLiteral("scheduling.cci.io");
inline const QString kProfileApiVersion = QStringLiteral("scheduling.cci.io/v1");

// --- What the add-on writes on pods -------------------------------------------------------

// vendor docs (CCI 2.0 "Pod annotation"): the ScheduleProfile that manages the pod.
inline const QString kManagedByProfileAnnotation =
    QStringLiteral("scheduling.cci.io/managed-by-profile");
// vendor docs: the CPU and memory of the burst pod after CCI's rounding up (normalization).
inline const QString kBurstPodCpuAnnotation =
    QStringLiteral("virtual-kubelet.cci.io/burst-pod-cpu");
inline const QString kBurstPodMemoryAnnotation =
    QStringLiteral("virtual-kubelet.cci.io/burst-pod-memory");
// assumed (sandbox invention): the profile location's scaleDownPriority (guide) stamped on a pod
// when it is bound, so the ReplicaSet controller can order scale-down without the profile.
inline const QString kScaleDownPriorityAnnotation =
    QStringLiteral("scheduling.cci.io/scale-down-priority");
// guide (SPEC 7): CCI pods carry their region and zone (Downward API can read them).
inline const QString kRegionAnnotation = QStringLiteral("topology.kubernetes.io/region");
inline const QString kZoneAnnotation = QStringLiteral("topology.kubernetes.io/zone");

// --- Virtual nodes ------------------------------------------------------------------------

// The name of the add-on's node in the guide. Shown to users and given by the sandbox to the one
// virtual node it simulates; never used to recognise a virtual node.
inline const QString kGuideVirtualNodeName = QStringLiteral("virtual-kubelet");
// vendor docs (CCI 2.0 "Virtual Node Configurations"): the global virtual node's name. A cluster
// may also hold AZ-level virtual nodes, labelled with their zone.
inline const QString kGlobalVirtualNodeName = QStringLiteral("bursting-node");
inline const QString kZoneLabel = QStringLiteral("topology.kubernetes.io/zone"); // vendor docs
// assumed: virtual-kubelet's own node conventions (the upstream project labels its node
// type=virtual-kubelet and taints it virtual-kubelet.io/provider=<provider>:NoSchedule); the
// Huawei documentation does not list its node's labels and taints.
inline const QString kVirtualNodeTypeLabel = QStringLiteral("type");
inline const QString kVirtualNodeTypeValue = QStringLiteral("virtual-kubelet");
inline const QString kProviderTaintKey = QStringLiteral("virtual-kubelet.io/provider");
inline const QString kProviderTaintValue = QStringLiteral("huawei"); // assumed

// vendor docs: AZ-level virtual nodes also carry the legacy zone label.
inline const QString kLegacyZoneLabel = QStringLiteral("failure-domain.beta.kubernetes.io/zone");
// assumed (sandbox invention): the condition CCI sets on a faulty AZ's virtual node (vendor docs:
// "view the status.conditions of the virtual node to check the faulty AZ and fault cause", no
// type named). virtualNodeFault() reads any True condition other than Ready, so a real type works.
inline const QString kZoneFaultCondition = QStringLiteral("AZUnavailable");

// A node is virtual when it has the type=virtual-kubelet label AND the provider taint (any value
// or effect); its name does not matter (CCI 2.0's global and AZ-level nodes alike, assumed to
// carry them). A cluster may have several.
bool isVirtualNode(const QJsonObject &node);
// A virtual node takes new burst pods unless spec.unschedulable (vendor docs: how CCI marks a
// faulty AZ's node, and how a user stops the global node's random AZ placement).
bool isVirtualNodeSchedulable(const QJsonObject &node);
// Why an unschedulable virtual node is out: "<type>: <message>" of its first True condition
// other than Ready ("" when schedulable or no such condition).
QString virtualNodeFault(const QJsonObject &node);
// The schedulable virtual nodes among `nodes` in the order burst pods go to them (decided): the
// global node first, then AZ-level nodes by name.
QStringList schedulableVirtualNodes(const QList<QJsonObject> &nodes);
// The names of the virtual nodes among `nodes`, in their order.
QStringList virtualNodeNames(const QList<QJsonObject> &nodes);
// The zone of an AZ-level virtual node ("" for the global one): topology.kubernetes.io/zone,
// else the legacy failure-domain label.
QString virtualNodeZone(const QJsonObject &node);

// --- Burst pods and their CCI-side pods -----------------------------------------------------

// A burst pod is a CCE pod bound to a virtual node (guide: burst pods run on the virtual-kubelet
// node). `virtualNodes` as virtualNodeNames() gives them.
bool isBurstPod(const QJsonObject &pod, const QStringList &virtualNodes);

// guide (SPEC 7): CCI keeps a cluster's burst pods in namespace cce-burst-<cluster id>, managed
// by virtual-kubelet. (vendor docs: CCI 2.0's add-on names it bursting-<cluster id>.)
QString cciNamespaceFor(const QString &clusterId);
// Whether a CCI namespace holds some cluster's burst pods: cce-burst-<id> (guide) or
// bursting-<id> (vendor docs, CCI 2.0), with a non-empty id.
bool isBurstNamespace(const QString &nameSpace);
// assumed: how the CCI namespace says who manages it (the guide says "managed by
// virtual-kubelet", not how).
inline const QString kManagedByLabel = QStringLiteral("app.kubernetes.io/managed-by");
inline const QString kManagedByValue = QStringLiteral("virtual-kubelet");

// Where a CCE pod's CCI-side pod lives: the CCI namespace of the cluster and, assumed, the CCE
// pod's own name (the guide and the vendor docs do not say how the two are joined).
struct CciPodKey
{
    QString nameSpace;
    QString name;
    bool operator==(const CciPodKey &) const = default;
};
CciPodKey cciPodKeyFor(const QJsonObject &ccePod, const QString &clusterId);

// assumed (sandbox invention): the annotations the sandbox writes on a CCI pod naming its CCE
// pod, so the join also works back from the CCI side and when the name had to change.
inline const QString kSourceNamespaceAnnotation = QStringLiteral("burst.sandbox/cce-namespace");
inline const QString kSourceNameAnnotation = QStringLiteral("burst.sandbox/cce-name");
inline const QString kSourceUidAnnotation = QStringLiteral("burst.sandbox/cce-uid");
// The CCE pod a CCI pod was made for, from those annotations ({} when it names none).
struct CcePodRef
{
    QString nameSpace;
    QString name;
    QString uid;
    bool operator==(const CcePodRef &) const = default;
};
CcePodRef ccePodOf(const QJsonObject &cciPod);

// guide (SPEC 4): with network interconnection CCI injects one system container into a burst
// pod, so the running pod shows one container more. Its name is assumed (sandbox invention,
// core/sandbox/cluster/cciadmission.cpp): the guide and the vendor docs do not name it.
inline const QString kNetworkSidecarName = QStringLiteral("cci-network-sidecar");
// Whether a container (of spec.containers or status.containerStatuses) is that injected sidecar.
bool isCciSidecar(const QJsonObject &container);

// --- The virtual node's lock ----------------------------------------------------------------

// guide (SPEC 7): after a failed scheduling to CCI the virtual node is locked for 30 minutes.
inline constexpr std::chrono::minutes kLockDuration{30};
// assumed (sandbox invention): how a lock shows on the Node. The guide does not say; the sandbox
// writes the end as an RFC 3339 annotation and taints the node NoSchedule while locked.
inline const QString kLockedUntilAnnotation = QStringLiteral("burst.sandbox/locked-until");
inline const QString kLockTaintKey = QStringLiteral("virtual-kubelet.io/locked");
// The lock end written on `node`; invalid when unlocked or unreadable.
QDateTime lockedUntil(const QJsonObject &node);
bool hasLockTaint(const QJsonObject &node);
// Locked at `now`: the end is later than now.
bool isVirtualNodeLocked(const QJsonObject &node, const QDateTime &now);

// --- CCI namespaces, networks and GPUs (guide 2.4 and chapter 4) -----------------------------

// guide 2.4: a CCI namespace's type, written when the namespace is created through the API.
inline const QString kNamespaceFlavorAnnotation = QStringLiteral("namespace.kubernetes.io/flavor");
// guide 2.4 and chapter 4 (the "GPU-accelerated" namespace type): the two flavours.
inline const QString kFlavorGeneralComputing = QStringLiteral("general-computing");
inline const QString kFlavorGpuAccelerated = QStringLiteral("gpu-accelerated");
// guide 2.4: the Network object that ties a namespace to a VPC subnet, and its annotations.
inline const QString kNetworkGroup = QStringLiteral("networking.cci.io");
inline const QString kNetworkApiVersion = QStringLiteral("networking.cci.io/v1beta1");
inline const QString kNetworkKind = QStringLiteral("Network");
inline const QString kSecurityGroupAnnotation =
    QStringLiteral("network.alpha.kubernetes.io/default-security-group");
inline const QString kDomainIdAnnotation = QStringLiteral("network.alpha.kubernetes.io/domain-id");
inline const QString kProjectIdAnnotation =
    QStringLiteral("network.alpha.kubernetes.io/project-id");
// guide 2.4: the only networkType its Network example uses.
inline const QString kUnderlayNeutron = QStringLiteral("underlay_neutron");
// guide 2.4 does not give the ids' formats; vendor docs do: VPC, subnet (its network id) and
// security group ids in the VPC API are UUIDs (8-4-4-4-12 hex); IAM's domain (account) and
// project ids are 32 lower-case hex characters. Upper case is accepted (assumed).

// guide chapter 4 asks for GPUs as nvidia.com/gpu; vendor docs (CCI "Creating a Pod") name them
// by model, nvidia.com/gpu-<model>, and choose the driver with the pod annotation below, valued
// gpu-418.126 (the driver the guide's chapter 4 selects) or gpu-460.106.
inline const QString kGpuResource = QStringLiteral("nvidia.com/gpu");
inline const QString kGpuDriverAnnotation = QStringLiteral("cri.cci.io/gpu-driver");
inline const QString kDefaultGpuDriver = QStringLiteral("418.126"); // guide chapter 4

// --- The add-on itself (guide 1.1, the add-on advisor) --------------------------------------

// guide 1.1: CCI's Service CIDR in the add-on's namespace; the cluster's subnet must not overlap.
inline const QString kCciServiceCidr = QStringLiteral("10.247.0.0/16");
// guide 1.1: what a shared load balancer's node security group must let in to the container ports.
inline const QString kSharedElbSourceCidr = QStringLiteral("100.125.0.0/16");
// vendor docs (CCE LoadBalancer Services): the ELB type annotation; "union" is a shared ELB.
inline const QString kElbClassAnnotation = QStringLiteral("kubernetes.io/elb.class");
inline const QString kElbClassShared = QStringLiteral("union");
// assumed: the add-on's own pods run in kube-system with names starting "virtual-kubelet" (the
// guide names the add-on, not its pods); `burstctl advise --addon-node` overrides.
inline const QString kAddonNamespace = QStringLiteral("kube-system");
inline const QString kAddonPodPrefix = QStringLiteral("virtual-kubelet");
// assumed: CCE's log policies are LogConfig custom resources, "logconfigs" in discovery (the
// guide says "log policy", not how it is stored); a cluster without them is "unknown".
inline const QString kLogPolicyResource = QStringLiteral("logconfigs");


} // namespace core::burst
