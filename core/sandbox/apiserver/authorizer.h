#pragma once

#include "core/sandbox/store/apistatus.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace core::sandbox {

struct HttpRequest;

// One thing a user may do, RBAC-lite: these verbs on these resources (plural names, any API
// group; "*" = every one) in these namespaces. No namespaces = cluster scope: the cluster-scoped
// resources and the namespaced ones across all namespaces, as a ClusterRoleBinding grants.
struct AccessRule
{
    QStringList verbs;
    QStringList resources; // "pods", "deployments", "pods/log"; "*" = all
    QStringList namespaces;
};

// A user the sandbox knows by its bearer token, and what it may do. The admin (the kubeconfig's
// token and client certificate, or no credential on the plain-HTTP sandbox) is not one of
// these: it may do everything.
struct SandboxUser
{
    QString name;
    QString token;
    QList<AccessRule> rules;
};

// What a request asks of the authorizer, as kube-apiserver's authorizer.Attributes.
struct AccessAttributes
{
    QString verb; // get, list, watch, create, update, patch, delete, deletecollection
    QString group;
    QString resource;
    QString subresource;
    QString nameSpace; // "" = the cluster scope (cluster-scoped, or all namespaces)
    QString name;
};

struct AccessDecision
{
    bool allowed = false;
    QString reason;
};

// The restricted users of the sandbox and the decisions about them. Discovery, /version and the
// self-subject reviews are open to every authenticated user (system:basic-user and
// system:discovery); resource requests need a rule that allows them.
class Authorizer
{
public:
    void addUser(SandboxUser user);
    bool isEmpty() const { return m_users.isEmpty(); }
    // The user whose token the request's Authorization header carries, or nullptr (the admin or
    // an unknown token, which the Authenticator decides on).
    const SandboxUser *userFor(const HttpRequest &request) const;
    const SandboxUser *userByName(const QString &name) const;

    // `user` nullptr = the admin.
    static AccessDecision decide(const SandboxUser *user, const AccessAttributes &attributes);
    // kube-apiserver's 403 for a denied request: `pods is forbidden: User "x" cannot list
    // resource "pods" in API group "" in the namespace "ns"` (or "at the cluster scope"),
    // reason Forbidden, details {name, group, kind = the resource}.
    static ApiError forbidden(const QString &userName, const AccessAttributes &attributes);

    // POST /apis/authorization.k8s.io/v1/selfsubjectaccessreviews: the review with its status
    // {allowed, reason} for `user`; 400 when the body is no review.
    static ServerResult<QJsonObject> selfSubjectAccessReview(const SandboxUser *user,
                                                             const QByteArray &body);
    // POST .../selfsubjectrulesreviews: the user's rules in spec.namespace.
    static ServerResult<QJsonObject> selfSubjectRulesReview(const SandboxUser *user,
                                                            const QByteArray &body);

    // POST /apis/authentication.k8s.io/v1/selfsubjectreviews (`kubectl auth whoami`): the review
    // with status.userInfo {username, groups} of the caller: `user`, else the verified client
    // certificate's CN and O (the x509 authenticator's mapping), else the admin in
    // system:masters. `apiVersion` is the one the request named (v1, v1beta1, v1alpha1).
    static QJsonObject selfSubjectReview(const SandboxUser *user, const HttpRequest &request,
                                         const QString &apiVersion);

private:
    QList<SandboxUser> m_users;
};

// The sandbox's restricted user "sandbox-restricted": get, list and watch on pods, events,
// deployments, replicasets, statefulsets, jobs, cronjobs, daemonsets and scheduleprofiles, and
// update and patch on deployments and deployments/scale, in `namespaces` only; nothing
// cluster-scoped (no nodes, no namespaces).
SandboxUser restrictedUser(const QString &token, const QStringList &namespaces);
QString restrictedUserName();              // "sandbox-restricted"
QStringList defaultRestrictedNamespaces(); // {"payments"}
QString adminUserName();                   // "sandbox-admin", how reviews name the admin

} // namespace core::sandbox
