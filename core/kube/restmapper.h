#pragma once

#include "core/common/result.h"
#include "core/kube/resourcetypes.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace core::kube {

// One resource of one group version, as discovery describes it: a ResourceType (the same
// description the registry in resourcetypes.h and the sandbox use) and whether its version is
// the group's preferred one.
struct ResourceMapping : ResourceType
{
    bool preferred = true; // the group's preferred version

    QString groupVersion() const { return apiVersion(); } // "v1", "apps/v1"
    // "/api/v1/namespaces/ns/pods/name"; namespace ignored for cluster-scoped resources, empty
    // namespace = all namespaces (a collection only: ApiClient refuses one object of a namespaced
    // resource without a namespace, and any path with an empty segment).
    QString path(const QString &nameSpace = {}, const QString &name = {}) const;
    // "pod", "deployment.apps": what kubectl -o name prints before the slash.
    QString qualifiedKind() const;
};

// Resolves what a user types (kubectl's RESTMapper with its short-name expander): plural,
// singular, short name or kind, optionally qualified as resource.group or
// resource.version.group ("po", "pod", "pods", "deploy", "deployments.apps",
// "deployments.v1.apps"). Ambiguities resolve as kubectl does: the core group first, then
// groups in discovery order, preferred versions first.
class RestMapper
{
public:
    // `list` is an APIResourceList (GET /api/v1, /apis/apps/v1); subresources are skipped.
    void addResourceList(const QJsonObject &list, bool preferredVersion);
    // Types known without discovery (knownResourceTypes(), say), as preferred versions.
    void addResourceTypes(const QList<ResourceType> &types);
    bool isEmpty() const { return m_mappings.isEmpty(); }
    const QList<ResourceMapping> &mappings() const { return m_mappings; }

    Result<ResourceMapping> resolve(const QString &name) const;

private:
    QList<ResourceMapping> m_mappings;
};

} // namespace core::kube
