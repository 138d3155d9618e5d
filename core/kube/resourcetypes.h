#pragma once

#include <QHashFunctions>
#include <QList>
#include <QString>
#include <QStringList>

namespace core::kube {

// One resource type of one group version, as discovery describes it (metav1.APIResource without
// verbs). Identity is group/version/resource: ==, qHash and key() ignore the rest, so the
// sandbox's store can key its tables by it. Every member has a default so that
// ResourceType{group, version, resource, kind} stays a valid aggregate.
struct ResourceType
{
    QString group{};    // "" for the core group
    QString version{};  // "v1"
    QString resource{}; // plural, lower case: "pods", "deployments"
    QString kind{};     // "Pod", "Deployment"
    bool namespaced = true;
    QString singular{};       // "pod"; "" when discovery names none
    QStringList shortNames{}; // "po"

    QString apiVersion() const; // "v1", "apps/v1"
    QString key() const;        // "group/version/resource", "" group included
    // "pods", "deployments.apps": how Kubernetes names the resource in Status messages.
    QString qualifiedResource() const;
    bool operator==(const ResourceType &other) const
    {
        return group == other.group && version == other.version && resource == other.resource;
    }
};

inline size_t qHash(const ResourceType &type, size_t seed = 0)
{
    return qHashMulti(seed, type.group, type.version, type.resource);
}

// The registry of the resource types this project knows without asking a server: the built-in
// Kubernetes types it reads or serves (core v1 namespaces, nodes, pods, events, configmaps,
// secrets, services; apps/v1 deployments, replicasets, statefulsets; batch/v1 jobs), CCI's
// ScheduleProfile CRD (scheduling.cci.io/v1), CCI's Network (networking.cci.io/v1beta1) and
// metrics.k8s.io/v1beta1 pods and nodes, in that order. Names, scopes and short names are kube-apiserver's (and the CRD's).
const QList<ResourceType> &knownResourceTypes();
// The registry's entry for group/resource (any version), or nullptr.
const ResourceType *findKnownResourceType(const QString &group, const QString &resource);

QString metricsGroup(); // "metrics.k8s.io"

// The registry's entries by name, for code that reads or writes these types.
const ResourceType &namespacesType();
const ResourceType &nodesType();
const ResourceType &podsType();
const ResourceType &eventsType();
const ResourceType &configMapsType();
const ResourceType &secretsType();
const ResourceType &servicesType();
const ResourceType &deploymentsType();
const ResourceType &replicaSetsType();
const ResourceType &statefulSetsType();
const ResourceType &jobsType();
const ResourceType &scheduleProfilesType(); // the CCI custom resource scheduling.cci.io/v1
const ResourceType &networksType();         // CCI's networking.cci.io/v1beta1 networks
const ResourceType &podMetricsType();       // metrics.k8s.io/v1beta1 pods
const ResourceType &nodeMetricsType();      // metrics.k8s.io/v1beta1 nodes

} // namespace core::kube
