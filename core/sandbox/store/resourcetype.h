#pragma once

#include <QHashFunctions>
#include <QString>

namespace core::sandbox {

// A group/version/resource the sandbox serves, with the kind of its objects ("pods" -> "Pod").
// Identity is group/version/resource; the kind only labels objects, lists and bookmarks.
struct ResourceType
{
    QString group; // "" for the core group
    QString version;
    QString resource; // plural, lower case: "pods", "deployments"
    QString kind;     // "Pod", "Deployment"

    QString apiVersion() const { return group.isEmpty() ? version : group + u'/' + version; }
    QString key() const { return group + u'/' + version + u'/' + resource; }
    // "pods", "deployments.apps": how Kubernetes names the resource in Status messages.
    QString qualifiedResource() const
    {
        return group.isEmpty() ? resource : resource + u'.' + group;
    }
    bool operator==(const ResourceType &other) const
    {
        return group == other.group && version == other.version && resource == other.resource;
    }
};

// The built-in resources the sandbox's own code reads and writes, each served as v1 of its group.
const ResourceType &namespacesType();
const ResourceType &nodesType();
const ResourceType &podsType();
const ResourceType &servicesType();
const ResourceType &replicaSetsType();
const ResourceType &deploymentsType();
const ResourceType &statefulSetsType();
const ResourceType &jobsType();
const ResourceType &scheduleProfilesType(); // the CCI custom resource scheduling.cci.io/v1

inline size_t qHash(const ResourceType &type, size_t seed = 0)
{
    return qHashMulti(seed, type.group, type.version, type.resource);
}

} // namespace core::sandbox
