#include "core/kube/resourcetypes.h"

namespace core::kube {

QString ResourceType::apiVersion() const
{
    return group.isEmpty() ? version : QString(group + u'/' + version);
}

QString ResourceType::key() const
{
    return group + u'/' + version + u'/' + resource;
}

QString ResourceType::qualifiedResource() const
{
    return group.isEmpty() ? resource : QString(resource + u'.' + group);
}

namespace {

enum Known {
    Namespaces,
    Nodes,
    Pods,
    Events,
    ConfigMaps,
    Secrets,
    Services,
    Deployments,
    ReplicaSets,
    StatefulSets,
    Jobs,
    ScheduleProfiles,
    Networks,
    PodMetrics,
    NodeMetrics,
};

ResourceType make(const QString &group, const QString &version, const QString &resource,
                  const QString &kind, bool namespaced, const QString &singular,
                  const QStringList &shortNames = {})
{
    return ResourceType{group, version, resource, kind, namespaced, singular, shortNames};
}

QList<ResourceType> buildRegistry()
{
    const QString core;
    const QString v1 = QStringLiteral("v1");
    const QString apps = QStringLiteral("apps");
    const QString metricsVersion = QStringLiteral("v1beta1");
    // In the order of enum Known.
    return {
        make(core, v1, QStringLiteral("namespaces"), QStringLiteral("Namespace"), false,
             QStringLiteral("namespace"), {QStringLiteral("ns")}),
        make(core, v1, QStringLiteral("nodes"), QStringLiteral("Node"), false,
             QStringLiteral("node"), {QStringLiteral("no")}),
        make(core, v1, QStringLiteral("pods"), QStringLiteral("Pod"), true, QStringLiteral("pod"),
             {QStringLiteral("po")}),
        make(core, v1, QStringLiteral("events"), QStringLiteral("Event"), true,
             QStringLiteral("event"), {QStringLiteral("ev")}),
        make(core, v1, QStringLiteral("configmaps"), QStringLiteral("ConfigMap"), true,
             QStringLiteral("configmap"), {QStringLiteral("cm")}),
        make(core, v1, QStringLiteral("secrets"), QStringLiteral("Secret"), true,
             QStringLiteral("secret")),
        make(core, v1, QStringLiteral("services"), QStringLiteral("Service"), true,
             QStringLiteral("service"), {QStringLiteral("svc")}),
        make(apps, v1, QStringLiteral("deployments"), QStringLiteral("Deployment"), true,
             QStringLiteral("deployment"), {QStringLiteral("deploy")}),
        make(apps, v1, QStringLiteral("replicasets"), QStringLiteral("ReplicaSet"), true,
             QStringLiteral("replicaset"), {QStringLiteral("rs")}),
        make(apps, v1, QStringLiteral("statefulsets"), QStringLiteral("StatefulSet"), true,
             QStringLiteral("statefulset"), {QStringLiteral("sts")}),
        make(QStringLiteral("batch"), v1, QStringLiteral("jobs"), QStringLiteral("Job"), true,
             QStringLiteral("job")),
        make(QStringLiteral("scheduling.cci.io"), v1, QStringLiteral("scheduleprofiles"),
             QStringLiteral("ScheduleProfile"), true, QStringLiteral("scheduleprofile")),
        // guide 2.4: CCI's Network, namespaced (what its API path and the guide's example say).
        make(QStringLiteral("networking.cci.io"), QStringLiteral("v1beta1"),
             QStringLiteral("networks"), QStringLiteral("Network"), true,
             QStringLiteral("network")),
        // metrics-server names no singular.
        make(metricsGroup(), metricsVersion, QStringLiteral("pods"), QStringLiteral("PodMetrics"),
             true, QString()),
        make(metricsGroup(), metricsVersion, QStringLiteral("nodes"), QStringLiteral("NodeMetrics"),
             false, QString()),
    };
}

const ResourceType &known(Known which)
{
    return knownResourceTypes().at(which);
}

} // namespace

const QList<ResourceType> &knownResourceTypes()
{
    static const QList<ResourceType> registry = buildRegistry();
    return registry;
}

const ResourceType *findKnownResourceType(const QString &group, const QString &resource)
{
    for (const ResourceType &type : knownResourceTypes()) {
        if (type.group == group && type.resource == resource)
            return &type;
    }
    return nullptr;
}

QString metricsGroup()
{
    return QStringLiteral("metrics.k8s.io");
}

// clang-format off
const ResourceType &namespacesType() { return known(Namespaces); }
const ResourceType &nodesType() { return known(Nodes); }
const ResourceType &podsType() { return known(Pods); }
const ResourceType &eventsType() { return known(Events); }
const ResourceType &configMapsType() { return known(ConfigMaps); }
const ResourceType &secretsType() { return known(Secrets); }
const ResourceType &servicesType() { return known(Services); }
const ResourceType &deploymentsType() { return known(Deployments); }
const ResourceType &replicaSetsType() { return known(ReplicaSets); }
const ResourceType &statefulSetsType() { return known(StatefulSets); }
const ResourceType &jobsType() { return known(Jobs); }
const ResourceType &scheduleProfilesType() { return known(ScheduleProfiles); }
const ResourceType &networksType() { return known(Networks); }
const ResourceType &podMetricsType() { return known(PodMetrics); }
const ResourceType &nodeMetricsType() { return known(NodeMetrics); }
// clang-format on

} // namespace core::kube
