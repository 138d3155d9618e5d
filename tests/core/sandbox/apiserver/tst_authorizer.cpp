#include "core/sandbox/apiserver/apirouter.h"
#include "core/sandbox/apiserver/authorizer.h"
#include "core/sandbox/cluster/scenario.h"
#include "core/sandbox/store/objectstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace core::sandbox;

namespace {

const QByteArray kAdminToken = "admin-token";
const QByteArray kRestrictedToken = "restricted-token";

HttpRequest request(const QByteArray &method, const QByteArray &target, const QByteArray &token,
                    const QByteArray &body = {})
{
    HttpRequest r;
    r.method = method;
    r.setTarget(target);
    if (!token.isEmpty())
        r.headers.set("Authorization", "Bearer " + token);
    if (!body.isEmpty()) {
        r.body = body;
        r.headers.set("Content-Type", "application/json");
    }
    return r;
}

QJsonObject body(const HttpReply &reply)
{
    return QJsonDocument::fromJson(reply.response().body).object();
}

QByteArray accessReview(const QString &verb, const QString &group, const QString &resource,
                        const QString &nameSpace)
{
    const QJsonObject review{
        {QStringLiteral("apiVersion"), QStringLiteral("authorization.k8s.io/v1")},
        {QStringLiteral("kind"), QStringLiteral("SelfSubjectAccessReview")},
        {QStringLiteral("spec"),
         QJsonObject{{QStringLiteral("resourceAttributes"),
                      QJsonObject{{QStringLiteral("verb"), verb},
                                  {QStringLiteral("group"), group},
                                  {QStringLiteral("resource"), resource},
                                  {QStringLiteral("namespace"), nameSpace}}}}}};
    return QJsonDocument(review).toJson(QJsonDocument::Compact);
}

// The path of a resource request: a core or grouped resource, in a namespace or not.
QByteArray pathOf(const QString &group, const QString &resource, const QString &nameSpace,
                  const QString &name)
{
    QString path = group.isEmpty() ? QStringLiteral("/api/v1")
                   : group == u"scheduling.cci.io"
                       ? QStringLiteral("/apis/scheduling.cci.io/v1")
                       : QStringLiteral("/apis/%1/v1").arg(group);
    if (!nameSpace.isEmpty())
        path += QStringLiteral("/namespaces/") + nameSpace;
    path += u'/' + resource;
    if (!name.isEmpty())
        path += u'/' + name;
    return path.toUtf8();
}

} // namespace

// The sandbox's RBAC-lite: the restricted user may do what its rules say and gets kube-apiserver's
// 403 otherwise; the admin (its token, or no credential on the open sandbox) may do everything;
// SelfSubjectAccessReview answers the same decisions, and discovery serves the review API.
class tst_Authorizer : public QObject
{
    Q_OBJECT

private:
    ObjectStore m_store;
    std::unique_ptr<ApiRouter> m_router;

    HttpReply send(const HttpRequest &r) { return m_router->handle(r); }

private slots:
    void initTestCase()
    {
        seedDefaultScenario(m_store, QStringLiteral("sandbox"));
        seedExampleWorkloads(m_store);
        ApiRouterOptions options;
        options.authenticator = Authenticator({QString::fromLatin1(kAdminToken)}, false);
        options.authorizer.addUser(restrictedUser(QString::fromLatin1(kRestrictedToken),
                                                  {QStringLiteral("payments"),
                                                   QStringLiteral("kube-system")}));
        m_router = std::make_unique<ApiRouter>(m_store, QStringLiteral("127.0.0.1"), options);
    }

    void decisions_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<QString>("verb");
        QTest::addColumn<QString>("group");
        QTest::addColumn<QString>("resource");
        QTest::addColumn<QString>("nameSpace");
        QTest::addColumn<bool>("allowed");
        const char *apps = "apps";
        const char *pay = "payments";
        const char *def = "default";
        struct Row
        {
            const char *name;
            QByteArray token;
            const char *verb, *group, *resource, *ns;
            bool allowed;
        };
        const QList<Row> rows = {
            {"restricted list pods payments", kRestrictedToken, "list", nullptr, "pods", pay, true},
            {"restricted watch pods payments", kRestrictedToken, "watch", nullptr, "pods", pay, true},
            {"restricted list pods kube-system", kRestrictedToken, "list", nullptr, "pods",
             "kube-system", true},
            {"restricted list pods default", kRestrictedToken, "list", nullptr, "pods", def, false},
            {"restricted list pods all", kRestrictedToken, "list", nullptr, "pods", nullptr, false},
            {"restricted list nodes", kRestrictedToken, "list", nullptr, "nodes", nullptr, false},
            {"restricted list namespaces", kRestrictedToken, "list", nullptr, "namespaces", nullptr, false},
            {"restricted list events", kRestrictedToken, "list", nullptr, "events", pay, true},
            {"restricted delete pods", kRestrictedToken, "delete", nullptr, "pods", pay, false},
            {"restricted list deployments", kRestrictedToken, "list", apps, "deployments", pay,
             true},
            {"restricted patch deployments", kRestrictedToken, "patch", apps, "deployments", pay,
             true},
            {"restricted patch deployments default", kRestrictedToken, "patch", apps,
             "deployments", def, false},
            {"restricted patch replicasets", kRestrictedToken, "patch", apps, "replicasets", pay,
             false},
            {"restricted list profiles", kRestrictedToken, "list", "scheduling.cci.io",
             "scheduleprofiles", pay, true},
            {"restricted list secrets", kRestrictedToken, "list", nullptr, "secrets", pay, false},
            {"admin list pods all", kAdminToken, "list", nullptr, "pods", nullptr, true},
            {"admin list nodes", kAdminToken, "list", nullptr, "nodes", nullptr, true},
        };
        for (const Row &r : rows)
            QTest::newRow(r.name) << r.token << QString::fromLatin1(r.verb)
                                  << QString::fromLatin1(r.group)
                                  << QString::fromLatin1(r.resource)
                                  << QString::fromLatin1(r.ns) << r.allowed;
    }

    // Each row twice: the review's answer, and what a request of that verb gets.
    void decisions()
    {
        QFETCH(QByteArray, token);
        QFETCH(QString, verb);
        QFETCH(QString, group);
        QFETCH(QString, resource);
        QFETCH(QString, nameSpace);
        QFETCH(bool, allowed);
        const HttpReply review =
            send(request("POST", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", token,
                         accessReview(verb, group, resource, nameSpace)));
        QCOMPARE(review.response().status, 201);
        const QJsonObject status = body(review).value(u"status").toObject();
        QCOMPARE(status.value(u"allowed").toBool(), allowed);
        QCOMPARE(body(review).value(u"kind").toString(), u"SelfSubjectAccessReview");
        QCOMPARE(status.value(u"reason").toString().isEmpty(), !allowed);

        if (verb != u"list" && verb != u"delete")
            return; // the writes are checked below with real bodies
        const HttpReply reply =
            send(request(verb == u"list" ? "GET" : "DELETE",
                         pathOf(group, resource, nameSpace,
                                verb == u"delete" ? QStringLiteral("nope") : QString()),
                         token));
        if (allowed) {
            QVERIFY2(reply.response().status != 403, reply.response().body.constData());
            return;
        }
        QCOMPARE(reply.response().status, 403);
        const QJsonObject s = body(reply);
        QCOMPARE(s.value(u"kind").toString(), u"Status");
        QCOMPARE(s.value(u"reason").toString(), u"Forbidden");
        QCOMPARE(s.value(u"code").toInt(), 403);
        const QJsonObject details = s.value(u"details").toObject();
        QCOMPARE(details.value(u"kind").toString(), resource);
        QCOMPARE(details.value(u"group").toString(), group);
    }

    // The exact texts kube-apiserver writes (responsewriters.forbiddenMessage + NewForbidden).
    void forbiddenMessages()
    {
        const QJsonObject all =
            body(send(request("GET", "/api/v1/pods", kRestrictedToken)));
        QCOMPARE(all.value(u"message").toString(),
                 u"pods is forbidden: User \"sandbox-restricted\" cannot list resource \"pods\" in "
                 u"API group \"\" at the cluster scope");
        const QJsonObject inDefault =
            body(send(request("GET", "/api/v1/namespaces/default/pods?watch=true",
                              kRestrictedToken)));
        QCOMPARE(inDefault.value(u"message").toString(),
                 u"pods is forbidden: User \"sandbox-restricted\" cannot watch resource \"pods\" "
                 u"in API group \"\" in the namespace \"default\"");
        const QJsonObject node =
            body(send(request("GET", "/api/v1/nodes/virtual-kubelet", kRestrictedToken)));
        QCOMPARE(node.value(u"message").toString(),
                 u"nodes \"virtual-kubelet\" is forbidden: User \"sandbox-restricted\" cannot get "
                 u"resource \"nodes\" in API group \"\" at the cluster scope");
        QCOMPARE(node.value(u"details").toObject(),
                 QJsonObject({{u"name"_qs, u"virtual-kubelet"_qs}, {u"kind"_qs, u"nodes"_qs}}));
        const QJsonObject scale = body(send(request(
            "PATCH", "/apis/apps/v1/namespaces/payments/replicasets/nginx-1/scale",
            kRestrictedToken, "{}")));
        QCOMPARE(scale.value(u"message").toString(),
                 u"replicasets.apps \"nginx-1\" is forbidden: User \"sandbox-restricted\" cannot "
                 u"patch resource \"replicasets/scale\" in API group \"apps\" in the namespace "
                 u"\"payments\"");
        QCOMPARE(scale.value(u"details").toObject().value(u"group").toString(), u"apps");
    }

    // Allowed writes go through; the same write elsewhere is refused before it is looked at.
    void writes()
    {
        HttpRequest patch =
            request("PATCH", "/apis/apps/v1/namespaces/payments/deployments/nginx",
                    kRestrictedToken, R"({"metadata":{"labels":{"touched":"yes"}}})");
        patch.headers.set("Content-Type", "application/merge-patch+json");
        QCOMPARE(send(patch).response().status, 200);
        patch.setTarget("/apis/apps/v1/namespaces/default/deployments/nginx");
        QCOMPARE(send(patch).response().status, 403);
        HttpRequest scale = request("PATCH",
                                    "/apis/apps/v1/namespaces/payments/deployments/nginx/scale",
                                    kRestrictedToken, R"({"spec":{"replicas":2}})");
        scale.headers.set("Content-Type", "application/merge-patch+json");
        QCOMPARE(send(scale).response().status, 200);
        const HttpReply create = send(request("POST", "/api/v1/namespaces/payments/pods",
                                              kRestrictedToken, R"({"metadata":{"name":"x"}})"));
        QCOMPARE(create.response().status, 403);
    }

    // Discovery and the reviews stay open to the restricted user; unknown tokens are 401.
    void discoveryAndTokens()
    {
        QCOMPARE(send(request("GET", "/api", kRestrictedToken)).response().status, 200);
        const QJsonObject groups = body(send(request("GET", "/apis", kRestrictedToken)));
        QStringList names;
        for (const QJsonValue &g : groups.value(u"groups").toArray())
            names.append(g.toObject().value(u"name").toString());
        QVERIFY(names.contains(u"authorization.k8s.io"));
        const QJsonObject list =
            body(send(request("GET", "/apis/authorization.k8s.io/v1", kRestrictedToken)));
        QCOMPARE(list.value(u"kind").toString(), u"APIResourceList");
        const QJsonArray resources = list.value(u"resources").toArray();
        QCOMPARE(resources.size(), 2);
        QCOMPARE(resources.at(0).toObject().value(u"name").toString(), u"selfsubjectaccessreviews");
        QCOMPARE(resources.at(0).toObject().value(u"verbs").toArray(), QJsonArray{u"create"_qs});
        QCOMPARE(send(request("GET", "/api/v1/pods", "wrong")).response().status, 401);
        QCOMPARE(send(request("GET", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews",
                              kRestrictedToken))
                     .response()
                     .status,
                 405);
        QCOMPARE(send(request("POST", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews",
                              kRestrictedToken, "[]"))
                     .response()
                     .status,
                 400);
    }

    void nonResourceAndRulesReviews()
    {
        const QByteArray nonResource =
            R"({"spec":{"nonResourceAttributes":{"verb":"get","path":"/api"}}})";
        QVERIFY(body(send(request("POST",
                                  "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews",
                                  kRestrictedToken, nonResource)))
                    .value(u"status")
                    .toObject()
                    .value(u"allowed")
                    .toBool());
        const QJsonObject rules = body(send(
            request("POST", "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews",
                    kRestrictedToken, R"({"spec":{"namespace":"payments"}})")));
        QCOMPARE(rules.value(u"kind").toString(), u"SelfSubjectRulesReview");
        const QJsonArray resourceRules =
            rules.value(u"status").toObject().value(u"resourceRules").toArray();
        QCOMPARE(resourceRules.size(), 2);
        QVERIFY(resourceRules.at(0).toObject().value(u"resources").toArray().contains(u"pods"_qs));
        const QJsonObject none = body(
            send(request("POST", "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews",
                         kRestrictedToken, R"({"spec":{"namespace":"default"}})")));
        QVERIFY(none.value(u"status").toObject().value(u"resourceRules").toArray().isEmpty());
    }

    // The kubeconfig gains the restricted user and context, in its first namespace.
    void kubeconfigContext()
    {
        const QByteArray config = withRestrictedContext(
            sandboxKubeconfig(QStringLiteral("http://127.0.0.1:1"), QStringLiteral("t"), nullptr),
            QStringLiteral("tok"), QStringLiteral("payments"));
        QVERIFY(config.contains("name: sandbox-restricted"));
        QVERIFY(config.contains("token: tok"));
        QVERIFY(config.contains("namespace: payments"));
        QVERIFY(config.contains("current-context: sandbox"));
    }
};

QTEST_GUILESS_MAIN(tst_Authorizer)
#include "tst_authorizer.moc"
