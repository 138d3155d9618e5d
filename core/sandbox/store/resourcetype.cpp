#include "core/sandbox/store/resourcetype.h"

namespace core::sandbox {

namespace {

enum Known {
    Namespaces,
    Nodes,
    Pods,
    Services,
    ReplicaSets,
    Deployments,
    StatefulSets,
    Jobs,
    ScheduleProfiles
};

const ResourceType &known(Known which)
{
    static const ResourceType types[] = {
        {QString(), QStringLiteral("v1"), QStringLiteral("namespaces"),
         QStringLiteral("Namespace")},
        {QString(), QStringLiteral("v1"), QStringLiteral("nodes"), QStringLiteral("Node")},
        {QString(), QStringLiteral("v1"), QStringLiteral("pods"), QStringLiteral("Pod")},
        {QString(), QStringLiteral("v1"), QStringLiteral("services"), QStringLiteral("Service")},
        {QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("replicasets"),
         QStringLiteral("ReplicaSet")},
        {QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("deployments"),
         QStringLiteral("Deployment")},
        {QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("statefulsets"),
         QStringLiteral("StatefulSet")},
        {QStringLiteral("batch"), QStringLiteral("v1"), QStringLiteral("jobs"),
         QStringLiteral("Job")},
        {QStringLiteral("scheduling.cci.io"), QStringLiteral("v1"),
         QStringLiteral("scheduleprofiles"), QStringLiteral("ScheduleProfile")},
    };
    return types[which];
}

} // namespace

// clang-format off
const ResourceType &namespacesType() { return known(Namespaces); }
const ResourceType &nodesType() { return known(Nodes); }
const ResourceType &podsType() { return known(Pods); }
const ResourceType &servicesType() { return known(Services); }
const ResourceType &replicaSetsType() { return known(ReplicaSets); }
const ResourceType &deploymentsType() { return known(Deployments); }
const ResourceType &statefulSetsType() { return known(StatefulSets); }
const ResourceType &jobsType() { return known(Jobs); }
const ResourceType &scheduleProfilesType() { return known(ScheduleProfiles); }
// clang-format on

} // namespace core::sandbox
