#pragma once

#include "core/burst/burststrategy.h"
#include "core/common/diagnostic.h"
#include "core/kube/workload.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Guide 1.1: what to check in a cluster before and while running the bursting add-on
// (virtual-kubelet). A pure function over facts read from the cluster (`burstctl advise` reads
// them, app/burstctl/advisecommand.cpp). docs/burst-rules.md#the-add-on-advisor lists the rules
// and the decisions taken where the guide is silent.
namespace core::burst {

// One row of the guide's sizing table for the node that runs the add-on.
struct AddonNodeSize
{
    int upTo = 0;         // burst pods and ConfigMaps, each up to this many
    int cpu = 0;          // vCPUs
    int memoryGi = 0;     // GiB
    QString name() const; // "2U4G"
    bool operator==(const AddonNodeSize &) const = default;
};

// The guide's three rows: 1000 + 1000: 2U4G, 2000 + 2000: 4U8G, 4000 + 4000: 8U16G.
QList<AddonNodeSize> addonNodeSizes();

struct AddonSizeChoice
{
    AddonNodeSize size;
    bool beyondGuide = false; // more than the last row holds: the last row, and a warning
};

// Decided: the larger of the two counts picks the row (the smallest whose upTo holds it), so
// 1000 pods and 1001 ConfigMaps need 4U8G; above 4000 the guide is silent and the answer is the
// last row with beyondGuide set. No burst pods at all: the first row.
AddonSizeChoice recommendAddonNodeSize(qint64 pods, qint64 configMaps);

// Decided: a node is ARM when its kubernetes.io/arch label (else the beta label, else
// status.nodeInfo.architecture) is arm64, arm or aarch64 (any case). The path of the field that
// said so is written to `path`.
bool isArmNode(const QJsonObject &node, QString *path = nullptr);

// What `burstctl advise` reads from a cluster. Objects carry their kind.
struct ClusterFacts
{
    QList<QJsonObject> nodes;
    QList<QJsonObject> pods;      // every pod: the bare ones are workloads too; the add-on's own
    QList<QJsonObject> workloads; // Deployments, StatefulSets, Jobs
    QList<QJsonObject> services;
    QList<QJsonObject> profiles;    // ScheduleProfile objects
    QHash<QString, int> configMaps; // how many ConfigMaps each namespace holds
    // The log policies (CCE's LogConfig objects, assumed); nullopt when the cluster serves none
    // and so nothing is known.
    std::optional<QList<QJsonObject>> logPolicies;
    QStringList subnets; // VPC subnets the user names (the API does not show them), CIDRs
    QString addonNode;   // the node the add-on runs on, when the user names it
};

// A workload whose pods can go to CCI (canBurst() of its resolved strategy).
struct BurstWorkload
{
    kube::Workload workload;
    StrategyResolution strategy;
    int pods = 0; // the pods it asks for: replicas, a Job's parallelism, 1 for a Pod; 0 once
                  // a Job is Complete or Failed or a Pod Succeeded or Failed (decided)
};
// The burst workloads among the facts' workloads and bare pods (pods without a controller), in
// that order. Strategies resolve as everywhere (resolveStrategy, associateProfile).
QList<BurstWorkload> burstWorkloads(const ClusterFacts &facts);

// A finding about an object of the cluster: the diagnostic's path is relative to it. `kind` is
// "" for a finding about the cluster as a whole (or a --subnet, path "--subnet").
struct Advice
{
    QString kind;
    QString nameSpace;
    QString name;
    Diagnostic diagnostic;
    bool operator==(const Advice &) const = default;
};

struct AddonAdvice
{
    qint64 burstPods = 0;  // decided: the pods burst workloads ask for, or the pods on virtual
                           // nodes now when more
    qint64 configMaps = 0; // ConfigMaps of the namespaces that hold burst workloads
    AddonSizeChoice size;
    QStringList addonNodes; // the nodes the add-on runs on (named, or found by its pods)
    int burstWorkloads = 0;
    QList<Advice> advice;
};

// The rules, in this order. Codes:
//   addon.nodeSize (info)             the recommended node size for the counts;
//   addon.nodeSizeBeyondGuide (warning) a count above 4000;
//   addon.nodeUndersized (warning)    the add-on's node has fewer vCPUs or (decided) under 90 %
//                                     of the memory of the recommended size;
//   addon.nodeNotFound (warning)      the named add-on node is not in the cluster;
//   addon.subnetOverlap (error)       a node address, pod CIDR or --subnet overlaps 10.247.0.0/16;
//   addon.armNode (warning)           an ARM node: no add-on instance is placed on it;
//   addon.armCluster (error)          every non-virtual node is ARM;
//   addon.noSchedulableNode (warning) no schedulable non-virtual node: uninstalling fails;
//   addon.lbHealthCheckPort (warning) a LoadBalancer in front of burst pods names a health-check
//                                     port;
//   addon.lbLocalTraffic (warning)    ... has externalTrafficPolicy Local (decided: the node
//                                     health-check port Kubernetes then gives it is a named
//                                     health-check port);
//   addon.lbStrategy (warning)        ... selects a localPrefer workload;
//   addon.lbSharedElb (info)          ... is on a shared ELB: open 100.125.0.0/16;
//   addon.logPolicies (warning)       log policies collect from a burst workload: reserve memory;
//   addon.logPoliciesUnknown (info)   the cluster serves no log policies to read;
//   addon.scaleToZero (info)          before uninstalling or hibernating, scale it to 0.
AddonAdvice adviseAddon(const ClusterFacts &facts);

// "Service default/web", "Node arm-1", "" for the cluster.
QString adviceObject(const Advice &advice);
QJsonObject addonAdviceToJson(const AddonAdvice &advice);

} // namespace core::burst
