#pragma once

#include "core/sandbox/store/resourcetype.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace core::sandbox {

// One resource the sandbox serves, as discovery describes it (metav1.APIResource): the
// registry's description (group, version, resource, kind, scope, singular, short names; from
// core/kube/resourcetypes.h) and what the sandbox serves of it.
struct ApiResource
{
    ResourceType type;
    QStringList verbs;
    QStringList categories;
    QStringList subresources; // "status", "scale", "log", "exec"
};

// The served resources: every type of kube::knownResourceTypes(), in its order: core v1
// (namespaces, nodes, pods, events, configmaps, secrets, services), apps/v1 (deployments,
// replicasets, statefulsets), batch/v1 (jobs), the CRD scheduling.cci.io/v1 scheduleprofiles,
// CCI's networking.cci.io/v1beta1 networks (no subresource), and metrics.k8s.io/v1beta1 pods and
// nodes (get, list; computed by PodMetrics, not stored).
const QList<ApiResource> &servedResources();
using kube::metricsGroup; // "metrics.k8s.io"
const ApiResource *findResource(const QString &group, const QString &version,
                                const QString &resource);

// authorization.k8s.io/v1: selfsubjectaccessreviews and selfsubjectrulesreviews (create only, not
// stored; see Authorizer), listed by discovery after the stored resources' groups.
QString authorizationGroup();        // "authorization.k8s.io"
QString authorizationGroupVersion(); // "authorization.k8s.io/v1"
// authentication.k8s.io/v1: selfsubjectreviews (create only, not stored; `kubectl auth whoami`),
// listed after authorization.k8s.io.
QString authenticationGroup(); // "authentication.k8s.io"

// Discovery documents as kube-apiserver serves them (legacy, non-aggregated discovery).
QJsonObject apiVersions(const QString &serverAddress);                     // GET /api
QJsonObject apiGroupList();                                                // GET /apis
QJsonObject apiResourceList(const QString &group, const QString &version); // empty when unknown
QJsonObject versionInfo();                                                 // GET /version

// OpenAPI v3 as kubectl reads it: the root lists one document per group version; each document
// has the PATCH operation of every resource with the fieldValidation query parameter and the
// x-kubernetes-group-version-kind extension, so kubectl sees server-side field validation and
// validates nothing itself (the permissive schema the sandbox offers).
QJsonObject openApiV3Root();
// GET /openapi/v2, which kubectl 1.27 and 1.28 read (as gnostic's openapi_v2.Document in
// protobuf) before any apply or create to learn whether the server validates fields: a document
// with, per served resource, the PATCH operation's fieldValidation parameter and its
// x-kubernetes-group-version-kind, and no schemas (as the OpenAPI v3 documents).
QByteArray openApiV2Protobuf();
QJsonObject openApiV3GroupVersion(const QString &group, const QString &version); // {} if unknown

} // namespace core::sandbox
