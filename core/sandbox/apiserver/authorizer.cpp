#include "core/sandbox/apiserver/authorizer.h"

#include "core/common/tr.h"
#include "core/sandbox/apiserver/authenticator.h"
#include "core/sandbox/transport/httprequest.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace core::sandbox {

namespace {

bool matches(const QStringList &allowed, const QString &value)
{
    return allowed.contains(QStringLiteral("*")) || allowed.contains(value);
}

bool allows(const AccessRule &rule, const AccessAttributes &a)
{
    const QString resource =
        a.subresource.isEmpty() ? a.resource : QString(a.resource + u'/' + a.subresource);
    if (!matches(rule.verbs, a.verb) || !matches(rule.resources, resource))
        return false;
    return rule.namespaces.isEmpty() ||
           (!a.nameSpace.isEmpty() && matches(rule.namespaces, a.nameSpace));
}

QString describeRule(const AccessRule &rule)
{
    const QString where = rule.namespaces.isEmpty()
                              ? Tr::tr("at the cluster scope")
                              : Tr::tr("in %1").arg(rule.namespaces.join(QStringLiteral(", ")));
    return Tr::tr("%1 on %2 %3")
        .arg(rule.verbs.join(QStringLiteral(",")), rule.resources.join(QStringLiteral(",")), where);
}

ServerResult<QJsonObject> reviewBody(const QByteArray &body, const QString &kind)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject() || !doc.object().value(u"spec").isObject())
        return ApiError::badRequest(Tr::tr("the request body is not a %1").arg(kind));
    QJsonObject review = doc.object();
    review.insert(QStringLiteral("apiVersion"), QStringLiteral("authorization.k8s.io/v1"));
    review.insert(QStringLiteral("kind"), kind);
    QJsonObject meta = review.value(u"metadata").toObject();
    meta.insert(QStringLiteral("creationTimestamp"), QJsonValue::Null);
    review.insert(QStringLiteral("metadata"), meta);
    return review;
}

// Paths every authenticated user may read (system:discovery, system:public-info-viewer).
bool isPublicPath(const QString &path)
{
    static const QStringList open = {QStringLiteral("/api"),     QStringLiteral("/apis"),
                                     QStringLiteral("/version"), QStringLiteral("/healthz"),
                                     QStringLiteral("/livez"),   QStringLiteral("/readyz"),
                                     QStringLiteral("/openapi")};
    for (const QString &p : open) {
        if (path == p || path.startsWith(p + u'/'))
            return true;
    }
    return false;
}

} // namespace

void Authorizer::addUser(SandboxUser user)
{
    m_users.append(std::move(user));
}

const SandboxUser *Authorizer::userFor(const HttpRequest &request) const
{
    const QString token = Authenticator::bearerToken(request);
    for (const SandboxUser &user : m_users) {
        if (!token.isEmpty() && user.token == token)
            return &user;
    }
    return nullptr;
}

const SandboxUser *Authorizer::userByName(const QString &name) const
{
    for (const SandboxUser &user : m_users) {
        if (user.name == name)
            return &user;
    }
    return nullptr;
}

AccessDecision Authorizer::decide(const SandboxUser *user, const AccessAttributes &attributes)
{
    if (!user)
        return {true, Tr::tr("sandbox: %1 may do everything").arg(adminUserName())};
    for (const AccessRule &rule : user->rules) {
        if (allows(rule, attributes))
            return {true, Tr::tr("sandbox: allowed by the rule %1 of User \"%2\"")
                              .arg(describeRule(rule), user->name)};
    }
    return {false, QString()}; // RBAC gives no reason for a denial
}

ApiError Authorizer::forbidden(const QString &userName, const AccessAttributes &a)
{
    // k8s.io/apiserver responsewriters.forbiddenMessage, then apierrors.NewForbidden.
    const QString resource =
        a.subresource.isEmpty() ? a.resource : QString(a.resource + u'/' + a.subresource);
    const QString what =
        a.nameSpace.isEmpty()
            ? Tr::tr("User \"%1\" cannot %2 resource \"%3\" in API group \"%4\" at the cluster "
                     "scope")
                  .arg(userName, a.verb, resource, a.group)
            : Tr::tr("User \"%1\" cannot %2 resource \"%3\" in API group \"%4\" in the namespace "
                     "\"%5\"")
                  .arg(userName, a.verb, resource, a.group, a.nameSpace);
    const QString qualified = a.group.isEmpty() ? a.resource : QString(a.resource + u'.' + a.group);
    const QString message = a.name.isEmpty()
                                ? Tr::tr("%1 is forbidden: %2").arg(qualified, what)
                                : Tr::tr("%1 \"%2\" is forbidden: %3").arg(qualified, a.name, what);
    QJsonObject details{{QStringLiteral("kind"), a.resource}};
    if (!a.name.isEmpty())
        details.insert(QStringLiteral("name"), a.name);
    if (!a.group.isEmpty())
        details.insert(QStringLiteral("group"), a.group);
    return ApiError{403, QStringLiteral("Forbidden"), message, details, QString()};
}

ServerResult<QJsonObject> Authorizer::selfSubjectAccessReview(const SandboxUser *user,
                                                              const QByteArray &body)
{
    auto parsed = reviewBody(body, QStringLiteral("SelfSubjectAccessReview"));
    if (!parsed)
        return parsed.error();
    QJsonObject review = *parsed;
    const QJsonObject spec = review.value(u"spec").toObject();
    AccessDecision decision;
    if (spec.value(u"resourceAttributes").isObject()) {
        const QJsonObject r = spec.value(u"resourceAttributes").toObject();
        const AccessAttributes a{
            r.value(u"verb").toString(),      r.value(u"group").toString(),
            r.value(u"resource").toString(),  r.value(u"subresource").toString(),
            r.value(u"namespace").toString(), r.value(u"name").toString()};
        decision = decide(user, a);
    } else if (spec.value(u"nonResourceAttributes").isObject()) {
        const QJsonObject n = spec.value(u"nonResourceAttributes").toObject();
        const bool open =
            n.value(u"verb").toString() == u"get" && isPublicPath(n.value(u"path").toString());
        decision = !user  ? decide(user, {})
                   : open ? AccessDecision{true, Tr::tr("sandbox: discovery is open to every user")}
                          : AccessDecision{};
    } else {
        return ApiError{422,
                        QStringLiteral("Invalid"),
                        Tr::tr("SelfSubjectAccessReview.authorization.k8s.io \"\" is invalid: "
                               "spec.resourceAttributes: Invalid value: \"null\": exactly one of "
                               "nonResourceAttributes or resourceAttributes must be specified"),
                        {},
                        QString()};
    }
    QJsonObject status{{QStringLiteral("allowed"), decision.allowed}};
    if (!decision.reason.isEmpty())
        status.insert(QStringLiteral("reason"), decision.reason);
    review.insert(QStringLiteral("status"), status);
    return review;
}

QJsonObject Authorizer::selfSubjectReview(const SandboxUser *user, const HttpRequest &request,
                                          const QString &apiVersion)
{
    // The review has nothing to ask: its body (JSON, or protobuf from kubectl 1.32 and later) is
    // echoed only when it is a JSON object.
    const QJsonDocument doc = QJsonDocument::fromJson(request.body);
    QString name = adminUserName();
    QStringList groups = {QStringLiteral("system:masters")};
    if (user) {
        name = user->name;
        groups.clear();
    } else if (request.client.verified && !request.client.commonName.isEmpty()) {
        name = request.client.commonName;
        groups = request.client.organizations;
    }
    groups.append(QStringLiteral("system:authenticated"));
    QJsonObject review = doc.object();
    review.insert(QStringLiteral("apiVersion"), apiVersion);
    review.insert(QStringLiteral("kind"), QStringLiteral("SelfSubjectReview"));
    QJsonObject meta = review.value(u"metadata").toObject();
    meta.insert(QStringLiteral("creationTimestamp"), QJsonValue::Null);
    review.insert(QStringLiteral("metadata"), meta);
    review.insert(
        QStringLiteral("status"),
        QJsonObject{{QStringLiteral("userInfo"),
                     QJsonObject{{QStringLiteral("username"), name},
                                 {QStringLiteral("groups"), QJsonArray::fromStringList(groups)}}}});
    return review;
}

ServerResult<QJsonObject> Authorizer::selfSubjectRulesReview(const SandboxUser *user,
                                                             const QByteArray &body)
{
    auto parsed = reviewBody(body, QStringLiteral("SelfSubjectRulesReview"));
    if (!parsed)
        return parsed.error();
    QJsonObject review = *parsed;
    const QString ns = review.value(u"spec").toObject().value(u"namespace").toString();
    const QStringList all = {QStringLiteral("*")};
    QList<AccessRule> rules = user ? user->rules : QList<AccessRule>{{all, all, {}}};
    QJsonArray resourceRules;
    for (const AccessRule &rule : std::as_const(rules)) {
        if (!rule.namespaces.isEmpty() && !rule.namespaces.contains(ns))
            continue;
        resourceRules.append(
            QJsonObject{{QStringLiteral("verbs"), QJsonArray::fromStringList(rule.verbs)},
                        {QStringLiteral("apiGroups"), QJsonArray{QStringLiteral("*")}},
                        {QStringLiteral("resources"), QJsonArray::fromStringList(rule.resources)}});
    }
    const QJsonArray nonResourceRules{QJsonObject{
        {QStringLiteral("verbs"), QJsonArray{QStringLiteral("get")}},
        {QStringLiteral("nonResourceURLs"),
         QJsonArray{QStringLiteral("/api"), QStringLiteral("/api/*"), QStringLiteral("/apis"),
                    QStringLiteral("/apis/*"), QStringLiteral("/version"),
                    QStringLiteral("/healthz"), QStringLiteral("/livez"), QStringLiteral("/readyz"),
                    QStringLiteral("/openapi"), QStringLiteral("/openapi/*")}}}};
    review.insert(QStringLiteral("status"),
                  QJsonObject{{QStringLiteral("resourceRules"), resourceRules},
                              {QStringLiteral("nonResourceRules"), nonResourceRules},
                              {QStringLiteral("incomplete"), false}});
    return review;
}

QString restrictedUserName()
{
    return QStringLiteral("sandbox-restricted");
}

QString adminUserName()
{
    return QStringLiteral("sandbox-admin");
}

QStringList defaultRestrictedNamespaces()
{
    return {QStringLiteral("payments")};
}

SandboxUser restrictedUser(const QString &token, const QStringList &namespaces)
{
    const QStringList read = {QStringLiteral("get"), QStringLiteral("list"),
                              QStringLiteral("watch")};
    const QStringList readable = {QStringLiteral("pods"),
                                  QStringLiteral("events"),
                                  QStringLiteral("deployments"),
                                  QStringLiteral("replicasets"),
                                  QStringLiteral("statefulsets"),
                                  QStringLiteral("jobs"),
                                  QStringLiteral("cronjobs"),
                                  QStringLiteral("daemonsets"),
                                  QStringLiteral("scheduleprofiles")};
    return SandboxUser{
        restrictedUserName(),
        token,
        {AccessRule{read, readable, namespaces},
         AccessRule{{QStringLiteral("update"), QStringLiteral("patch")},
                    {QStringLiteral("deployments"), QStringLiteral("deployments/scale")},
                    namespaces}}};
}

} // namespace core::sandbox
