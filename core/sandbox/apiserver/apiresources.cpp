#include "core/sandbox/apiserver/apiresources.h"

#include "core/sandbox/apiserver/k8sprotobufwire.h"

#include <QJsonArray>

#include <utility>

namespace core::sandbox {

namespace {

const QStringList kAllVerbs = {QStringLiteral("create"), QStringLiteral("delete"),
                               QStringLiteral("get"),    QStringLiteral("list"),
                               QStringLiteral("patch"),  QStringLiteral("update"),
                               QStringLiteral("watch")};

// What the sandbox serves of each registry type: every verb, the "all" category of kubectl's
// `get all`, and the subresources it implements.
ApiResource served(const ResourceType &type)
{
    const QStringList all = {QStringLiteral("all")};
    const QString status = QStringLiteral("status");
    const QString scale = QStringLiteral("scale");
    ApiResource r{type, kAllVerbs, {}, {}};
    if (type.group == metricsGroup()) {
        r.verbs = {QStringLiteral("get"), QStringLiteral("list")};
    } else if (type == podsType()) {
        r.categories = all;
        r.subresources = {status, QStringLiteral("log"), QStringLiteral("exec"),
                          QStringLiteral("attach"), QStringLiteral("ephemeralcontainers")};
    } else if (type == servicesType() || type == jobsType()) {
        r.categories = all;
        r.subresources = {status};
    } else if (type == deploymentsType() || type == replicaSetsType() ||
               type == statefulSetsType()) {
        r.categories = all;
        r.subresources = {scale, status};
    } else if (type == namespacesType() || type == nodesType() || type == scheduleProfilesType()) {
        r.subresources = {status};
    }
    return r;
}

QList<ApiResource> buildTable()
{
    QList<ApiResource> table;
    for (const ResourceType &type : kube::knownResourceTypes())
        table.append(served(type));
    return table;
}

QJsonObject resourceJson(const ApiResource &r)
{
    QJsonObject o{{QStringLiteral("name"), r.type.resource},
                  {QStringLiteral("singularName"), r.type.singular},
                  {QStringLiteral("namespaced"), r.type.namespaced},
                  {QStringLiteral("kind"), r.type.kind},
                  {QStringLiteral("verbs"), QJsonArray::fromStringList(r.verbs)}};
    if (!r.type.shortNames.isEmpty())
        o.insert(QStringLiteral("shortNames"), QJsonArray::fromStringList(r.type.shortNames));
    if (!r.categories.isEmpty())
        o.insert(QStringLiteral("categories"), QJsonArray::fromStringList(r.categories));
    return o;
}

QJsonObject subresourceJson(const ApiResource &r, const QString &sub)
{
    QString kind = r.type.kind;
    QStringList verbs = {QStringLiteral("get"), QStringLiteral("patch"), QStringLiteral("update")};
    if (sub == u"log") {
        verbs = {QStringLiteral("get")};
    } else if (sub == u"exec" || sub == u"attach") {
        kind =
            sub == u"exec" ? QStringLiteral("PodExecOptions") : QStringLiteral("PodAttachOptions");
        verbs = {QStringLiteral("create"), QStringLiteral("get")};
    }
    QJsonObject o{{QStringLiteral("name"), QString(r.type.resource + u'/' + sub)},
                  {QStringLiteral("singularName"), QString()},
                  {QStringLiteral("namespaced"), r.type.namespaced},
                  {QStringLiteral("kind"), kind},
                  {QStringLiteral("verbs"), QJsonArray::fromStringList(verbs)}};
    if (sub == u"scale") {
        // The subresource's own group version, which kubectl's scale client resolves from here.
        o.insert(QStringLiteral("group"), QStringLiteral("autoscaling"));
        o.insert(QStringLiteral("version"), QStringLiteral("v1"));
        o.insert(QStringLiteral("kind"), QStringLiteral("Scale"));
    }
    return o;
}

// The review groups: answered at once, never stored (kube-apiserver's authorization.k8s.io and
// authentication.k8s.io reviews), each with its resources (plural, kind).
struct ReviewGroup
{
    QString group;
    QList<std::pair<QString, QString>> resources;
};

const QList<ReviewGroup> &reviewGroups()
{
    static const QList<ReviewGroup> groups = {
        {authorizationGroup(),
         {{QStringLiteral("selfsubjectaccessreviews"), QStringLiteral("SelfSubjectAccessReview")},
          {QStringLiteral("selfsubjectrulesreviews"), QStringLiteral("SelfSubjectRulesReview")}}},
        {authenticationGroup(),
         {{QStringLiteral("selfsubjectreviews"), QStringLiteral("SelfSubjectReview")}}}};
    return groups;
}

} // namespace

QString authenticationGroup()
{
    return QStringLiteral("authentication.k8s.io");
}

QString authorizationGroup()
{
    return QStringLiteral("authorization.k8s.io");
}

QString authorizationGroupVersion()
{
    return QStringLiteral("authorization.k8s.io/v1");
}

const QList<ApiResource> &servedResources()
{
    static const QList<ApiResource> table = buildTable();
    return table;
}

const ApiResource *findResource(const QString &group, const QString &version,
                                const QString &resource)
{
    for (const ApiResource &r : servedResources()) {
        if (r.type.group == group && r.type.version == version && r.type.resource == resource)
            return &r;
    }
    return nullptr;
}

QJsonObject apiVersions(const QString &serverAddress)
{
    return QJsonObject{
        {QStringLiteral("kind"), QStringLiteral("APIVersions")},
        {QStringLiteral("versions"), QJsonArray{QStringLiteral("v1")}},
        {QStringLiteral("serverAddressByClientCIDRs"),
         QJsonArray{QJsonObject{{QStringLiteral("clientCIDR"), QStringLiteral("0.0.0.0/0")},
                                {QStringLiteral("serverAddress"), serverAddress}}}}};
}

QJsonObject apiGroupList()
{
    QStringList groups;
    QJsonArray out;
    for (const ApiResource &r : servedResources()) {
        if (r.type.group.isEmpty() || groups.contains(r.type.group))
            continue;
        groups.append(r.type.group);
        const QJsonObject gv{{QStringLiteral("groupVersion"), r.type.apiVersion()},
                             {QStringLiteral("version"), r.type.version}};
        out.append(QJsonObject{{QStringLiteral("name"), r.type.group},
                               {QStringLiteral("versions"), QJsonArray{gv}},
                               {QStringLiteral("preferredVersion"), gv}});
    }
    for (const ReviewGroup &review : reviewGroups()) {
        const QJsonObject gv{{QStringLiteral("groupVersion"), QString(review.group + u"/v1")},
                             {QStringLiteral("version"), QStringLiteral("v1")}};
        out.append(QJsonObject{{QStringLiteral("name"), review.group},
                               {QStringLiteral("versions"), QJsonArray{gv}},
                               {QStringLiteral("preferredVersion"), gv}});
    }
    return QJsonObject{{QStringLiteral("kind"), QStringLiteral("APIGroupList")},
                       {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("groups"), out}};
}

QJsonObject apiResourceList(const QString &group, const QString &version)
{
    QJsonArray resources;
    for (const ReviewGroup &review : reviewGroups()) {
        if (review.group != group || version != u"v1")
            continue;
        for (const auto &[name, kind] : review.resources)
            resources.append(
                QJsonObject{{QStringLiteral("name"), name},
                            {QStringLiteral("singularName"), QString()},
                            {QStringLiteral("namespaced"), false},
                            {QStringLiteral("kind"), kind},
                            {QStringLiteral("verbs"), QJsonArray{QStringLiteral("create")}}});
    }
    for (const ApiResource &r : servedResources()) {
        if (r.type.group != group || r.type.version != version)
            continue;
        resources.append(resourceJson(r));
        for (const QString &sub : r.subresources)
            resources.append(subresourceJson(r, sub));
    }
    if (resources.isEmpty())
        return {};
    return QJsonObject{{QStringLiteral("kind"), QStringLiteral("APIResourceList")},
                       {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("groupVersion"),
                        group.isEmpty() ? version : QString(group + u'/' + version)},
                       {QStringLiteral("resources"), resources}};
}

QJsonObject versionInfo()
{
    return QJsonObject{
        {QStringLiteral("major"), QStringLiteral("1")},
        {QStringLiteral("minor"), QStringLiteral("30")},
        {QStringLiteral("gitVersion"), QStringLiteral("v1.30.0-burst-sandbox")},
        {QStringLiteral("gitCommit"), QStringLiteral("0000000000000000000000000000000000000000")},
        {QStringLiteral("gitTreeState"), QStringLiteral("clean")},
        {QStringLiteral("buildDate"), QStringLiteral("2026-11-25T00:00:00Z")},
        {QStringLiteral("goVersion"), QStringLiteral("go1.22.0")},
        {QStringLiteral("compiler"), QStringLiteral("gc")},
        {QStringLiteral("platform"), QStringLiteral("linux/amd64")}};
}

namespace {

QString groupVersionPath(const QString &group, const QString &version)
{
    if (group.isEmpty())
        return QStringLiteral("api/") + version;
    return QStringLiteral("apis/") + group + u'/' + version;
}

QJsonObject patchOperation(const ApiResource &r)
{
    const QJsonObject gvk{{QStringLiteral("group"), r.type.group},
                          {QStringLiteral("version"), r.type.version},
                          {QStringLiteral("kind"), r.type.kind}};
    const QJsonObject fieldValidation{
        {QStringLiteral("name"), QStringLiteral("fieldValidation")},
        {QStringLiteral("in"), QStringLiteral("query")},
        {QStringLiteral("schema"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}}};
    return QJsonObject{
        {QStringLiteral("x-kubernetes-group-version-kind"), gvk},
        {QStringLiteral("x-kubernetes-action"), QStringLiteral("patch")},
        {QStringLiteral("parameters"), QJsonArray{fieldValidation}},
        {QStringLiteral("responses"),
         QJsonObject{{QStringLiteral("200"),
                      QJsonObject{{QStringLiteral("description"), QStringLiteral("OK")}}}}}};
}

} // namespace

QByteArray openApiV2Protobuf()
{
    using k8sprotobuf::lengthDelimited;
    // openapi_v2 (gnostic) field numbers: Document swagger 1, info 2, paths 8; Info title 1,
    // version 2; Paths path 2; NamedPathItem name 1, value 2; PathItem patch 8; Operation
    // parameters 8, vendor_extension 13; NamedAny name 1, value 2; Any yaml 2; ParametersItem
    // parameter 1; Parameter non_body_parameter 2; NonBodyParameter query_parameter_sub_schema
    // 3; QueryParameterSubSchema in 2, name 4, type 6.
    const QByteArray fieldValidation = lengthDelimited(
        8, lengthDelimited(
               1, lengthDelimited(2, lengthDelimited(3, lengthDelimited(2, "query") +
                                                            lengthDelimited(4, "fieldValidation") +
                                                            lengthDelimited(6, "string")))));
    QByteArray paths;
    for (const ApiResource &r : servedResources()) {
        if (r.type.group == metricsGroup())
            continue;
        const QString scope =
            r.type.namespaced ? QStringLiteral("/namespaces/{namespace}/") : QStringLiteral("/");
        const QString path = u'/' + groupVersionPath(r.type.group, r.type.version) + scope +
                             r.type.resource + QStringLiteral("/{name}");
        const QByteArray gvk = QStringLiteral("group: \"%1\"\nkind: %2\nversion: %3\n")
                                   .arg(r.type.group, r.type.kind, r.type.version)
                                   .toUtf8();
        const QByteArray extension =
            lengthDelimited(13, lengthDelimited(1, "x-kubernetes-group-version-kind") +
                                    lengthDelimited(2, lengthDelimited(2, gvk)));
        paths += lengthDelimited(
            2, lengthDelimited(1, path.toUtf8()) +
                   lengthDelimited(2, lengthDelimited(8, fieldValidation + extension)));
    }
    return lengthDelimited(1, "2.0") +
           lengthDelimited(2, lengthDelimited(1, "Kubernetes") +
                                  lengthDelimited(2, "v1.30.0-burst-sandbox")) +
           lengthDelimited(8, paths);
}

QJsonObject openApiV3Root()
{
    QJsonObject paths;
    for (const ApiResource &r : servedResources()) {
        if (r.type.group == metricsGroup())
            continue; // aggregated APIs publish their own OpenAPI; kubectl top needs none
        const QString gv = groupVersionPath(r.type.group, r.type.version);
        paths.insert(gv, QJsonObject{{QStringLiteral("serverRelativeURL"),
                                      QString(u'/' + QStringLiteral("openapi/v3/") + gv)}});
    }
    return QJsonObject{{QStringLiteral("paths"), paths}};
}

QJsonObject openApiV3GroupVersion(const QString &group, const QString &version)
{
    QJsonObject paths;
    for (const ApiResource &r : servedResources()) {
        if (r.type.group != group || r.type.version != version)
            continue;
        const QString scope =
            r.type.namespaced ? QStringLiteral("/namespaces/{namespace}/") : QStringLiteral("/");
        const QString base = u'/' + groupVersionPath(group, version) + scope;
        paths.insert(base + r.type.resource + QStringLiteral("/{name}"),
                     QJsonObject{{QStringLiteral("patch"), patchOperation(r)}});
    }
    if (paths.isEmpty())
        return {};
    return QJsonObject{
        {QStringLiteral("openapi"), QStringLiteral("3.0.0")},
        {QStringLiteral("info"),
         QJsonObject{{QStringLiteral("title"), QStringLiteral("Kubernetes")},
                     {QStringLiteral("version"), QStringLiteral("v1.30.0-burst-sandbox")}}},
        {QStringLiteral("paths"), paths},
        {QStringLiteral("components"), QJsonObject{{QStringLiteral("schemas"), QJsonObject{}}}}};
}

} // namespace core::sandbox
