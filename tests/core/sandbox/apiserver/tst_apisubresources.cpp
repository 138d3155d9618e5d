#include "core/sandbox/apiserver/apirouter.h"
#include "core/sandbox/store/objectstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace core::sandbox;
using namespace Qt::StringLiterals;

// The router's /scale and /status subresources and the create-time server fields, called with
// request values. Shapes follow kube-apiserver 1.30 (`kubectl get --raw` of the same paths).
class tst_ApiSubresources : public QObject
{
    Q_OBJECT

private:
    const ResourceType &kDeployments = deploymentsType();
    const QByteArray kWeb = "/apis/apps/v1/namespaces/default/deployments/web";

    static HttpRequest request(const QByteArray &method, const QByteArray &target,
                               const QByteArray &body = {},
                               const QByteArray &contentType = "application/json")
    {
        HttpRequest r;
        r.method = method;
        r.setTarget(target);
        r.body = body;
        if (!body.isEmpty())
            r.headers.set("Content-Type", contentType);
        return r;
    }

    static QJsonObject bodyOf(const HttpReply &reply)
    {
        return QJsonDocument::fromJson(reply.response().body).object();
    }

    static QJsonValue at(const QJsonObject &object, const QString &dotted)
    {
        QJsonValue v = object;
        for (const QString &part : dotted.split(u'.'))
            v = v.toObject().value(part);
        return v;
    }

    static QByteArray compact(const QJsonObject &o)
    {
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    }

    // A deployment as its controller left it: 3 wanted, 2 counted in status.
    static void seed(ObjectStore &store, ApiRouter &router)
    {
        QVERIFY(store.create({QString(), u"v1"_s, u"namespaces"_s, u"Namespace"_s}, QString(),
                             QJsonObject{{u"metadata"_s, QJsonObject{{u"name"_s, u"default"_s}}}}));
        const HttpReply created = router.handle(
            request("POST", "/apis/apps/v1/namespaces/default/deployments",
                    R"({"metadata":{"name":"web"},"spec":{"replicas":3,"selector":{"matchLabels":)"
                    R"({"app":"web"},"matchExpressions":[{"key":"tier","operator":"In","values":)"
                    R"(["b","a"]}]},"template":{"metadata":{"labels":{"app":"web","tier":"a"}},)"
                    R"("spec":{"containers":[{"name":"c","image":"nginx:1.25"}]}}}})"));
        QCOMPARE(created.response().status, 201);
        const QJsonObject stored = bodyOf(created);
        QJsonObject withStatus = stored;
        withStatus.insert(u"status"_s, QJsonObject{{u"replicas"_s, 2}});
        QVERIFY(store.update({u"apps"_s, u"v1"_s, u"deployments"_s, u"Deployment"_s}, u"default"_s,
                             u"web"_s, withStatus));
    }

private slots:
    void discovery_data()
    {
        QTest::addColumn<QByteArray>("groupVersion");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("group");
        QTest::addColumn<QString>("kind");
        QTest::newRow("deployments/scale") << QByteArray("/apis/apps/v1") << "deployments/scale"
                                           << "autoscaling"
                                           << "Scale";
        QTest::newRow("replicasets/scale") << QByteArray("/apis/apps/v1") << "replicasets/scale"
                                           << "autoscaling"
                                           << "Scale";
        QTest::newRow("statefulsets/scale") << QByteArray("/apis/apps/v1") << "statefulsets/scale"
                                            << "autoscaling"
                                            << "Scale";
        QTest::newRow("deployments/status")
            << QByteArray("/apis/apps/v1") << "deployments/status" << QString() << "Deployment";
        QTest::newRow("jobs/status")
            << QByteArray("/apis/batch/v1") << "jobs/status" << QString() << "Job";
        QTest::newRow("pods/status")
            << QByteArray("/api/v1") << "pods/status" << QString() << "Pod";
        QTest::newRow("nodes/status")
            << QByteArray("/api/v1") << "nodes/status" << QString() << "Node";
        QTest::newRow("services/status")
            << QByteArray("/api/v1") << "services/status" << QString() << "Service";
        QTest::newRow("scheduleprofiles/status")
            << QByteArray("/apis/scheduling.cci.io/v1") << "scheduleprofiles/status" << QString()
            << "ScheduleProfile";
    }

    void discovery()
    {
        QFETCH(QByteArray, groupVersion);
        QFETCH(QString, name);
        QFETCH(QString, group);
        QFETCH(QString, kind);
        ObjectStore store;
        ApiRouter router(store, u"127.0.0.1"_s);
        QJsonObject entry;
        for (const QJsonValue &r :
             bodyOf(router.handle(request("GET", groupVersion))).value(u"resources").toArray()) {
            if (r.toObject().value(u"name").toString() == name)
                entry = r.toObject();
        }
        QCOMPARE(entry.value(u"kind").toString(), kind);
        QCOMPARE(entry.value(u"group").toString(), group);
        QCOMPARE(entry.value(u"version").toString(), group.isEmpty() ? QString() : u"v1"_s);
        QCOMPARE(entry.value(u"verbs").toArray(), (QJsonArray{u"get"_s, u"patch"_s, u"update"_s}));
    }

    void scaleGet()
    {
        ObjectStore store;
        ApiRouter router(store, u"127.0.0.1"_s);
        seed(store, router);
        const HttpReply reply = router.handle(request("GET", kWeb + "/scale"));
        QCOMPARE(reply.response().status, 200);
        const QJsonObject scale = bodyOf(reply);
        const QJsonObject parent = *store.get(kDeployments, u"default"_s, u"web"_s);
        QCOMPARE(scale.value(u"kind").toString(), u"Scale"_s);
        QCOMPARE(scale.value(u"apiVersion").toString(), u"autoscaling/v1"_s);
        QCOMPARE(at(scale, u"metadata.name"_s), QJsonValue(u"web"_s));
        QCOMPARE(at(scale, u"metadata.namespace"_s), QJsonValue(u"default"_s));
        QCOMPARE(at(scale, u"metadata.uid"_s), at(parent, u"metadata.uid"_s));
        QCOMPARE(at(scale, u"metadata.resourceVersion"_s),
                 at(parent, u"metadata.resourceVersion"_s));
        QCOMPARE(at(scale, u"spec.replicas"_s), QJsonValue(3));
        QCOMPARE(at(scale, u"status.replicas"_s), QJsonValue(2));
        // labels.Selector.String(): sorted by key, set values sorted.
        QCOMPARE(at(scale, u"status.selector"_s), QJsonValue(u"app=web,tier in (a,b)"_s));
        QCOMPARE(router.handle(request("GET", "/api/v1/namespaces/default/configmaps/x/scale"))
                     .response()
                     .status,
                 404);
        QCOMPARE(router
                     .handle(request("GET", "/apis/apps/v1/namespaces/default/deployments/"
                                            "nope/scale"))
                     .response()
                     .status,
                 404);
    }

    void scaleWrites_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("replicas");
        QTest::newRow("put") << QByteArray("PUT") << QByteArray("application/json")
                             << QByteArray(R"({"kind":"Scale","apiVersion":"autoscaling/v1",)"
                                           R"("metadata":{"name":"web","namespace":"default"},)"
                                           R"("spec":{"replicas":5}})")
                             << 200 << 5;
        QTest::newRow("merge patch (kubectl scale)")
            << QByteArray("PATCH") << QByteArray("application/merge-patch+json")
            << QByteArray(R"({"spec":{"replicas":4}})") << 200 << 4;
        QTest::newRow("strategic patch")
            << QByteArray("PATCH") << QByteArray("application/strategic-merge-patch+json")
            << QByteArray(R"({"spec":{"replicas":6}})") << 200 << 6;
        QTest::newRow("json patch")
            << QByteArray("PATCH") << QByteArray("application/json-patch+json")
            << QByteArray(R"([{"op":"replace","path":"/spec/replicas","value":1}])") << 200 << 1;
        QTest::newRow("scale to zero")
            << QByteArray("PATCH") << QByteArray("application/merge-patch+json")
            << QByteArray(R"({"spec":{"replicas":0}})") << 200 << 0;
        QTest::newRow("stale resourceVersion")
            << QByteArray("PATCH") << QByteArray("application/merge-patch+json")
            << QByteArray(R"({"metadata":{"resourceVersion":"1"},"spec":{"replicas":9}})") << 409
            << 3;
        QTest::newRow("negative") << QByteArray("PATCH")
                                  << QByteArray("application/merge-patch+json")
                                  << QByteArray(R"({"spec":{"replicas":-1}})") << 422 << 3;
        QTest::newRow("unknown content type")
            << QByteArray("PATCH") << QByteArray("text/plain") << QByteArray("x") << 415 << 3;
    }

    void scaleWrites()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(int, replicas);
        ObjectStore store;
        ApiRouter router(store, u"127.0.0.1"_s);
        seed(store, router);
        const QJsonObject before = *store.get(kDeployments, u"default"_s, u"web"_s);
        const HttpReply reply = router.handle(request(method, kWeb + "/scale", body, contentType));
        QCOMPARE(reply.response().status, status);
        const QJsonObject after = *store.get(kDeployments, u"default"_s, u"web"_s);
        QCOMPARE(at(after, u"spec.replicas"_s), QJsonValue(replicas));
        QCOMPARE(at(after, u"spec.template"_s), at(before, u"spec.template"_s));
        QCOMPARE(at(after, u"status"_s), at(before, u"status"_s));
        if (status == 200) {
            const QJsonObject scale = bodyOf(reply);
            QCOMPARE(scale.value(u"kind").toString(), u"Scale"_s);
            QCOMPARE(at(scale, u"spec.replicas"_s).toInt(), replicas);
            QCOMPARE(at(scale, u"metadata.resourceVersion"_s),
                     at(after, u"metadata.resourceVersion"_s));
        }
    }

    void scalePutWithStaleVersionConflicts()
    {
        ObjectStore store;
        ApiRouter router(store, u"127.0.0.1"_s);
        seed(store, router);
        QJsonObject scale = bodyOf(router.handle(request("GET", kWeb + "/scale")));
        QCOMPARE(router
                     .handle(request("PATCH", kWeb + "/scale", R"({"spec":{"replicas":4}})",
                                     "application/merge-patch+json"))
                     .response()
                     .status,
                 200);
        scale.insert(u"spec"_s, QJsonObject{{u"replicas"_s, 8}});
        const HttpReply stale = router.handle(request("PUT", kWeb + "/scale", compact(scale)));
        QCOMPARE(stale.response().status, 409);
        QCOMPARE(bodyOf(stale).value(u"reason").toString(), u"Conflict"_s);
        QCOMPARE(at(*store.get(kDeployments, u"default"_s, u"web"_s), u"spec.replicas"_s),
                 QJsonValue(4));
    }

    void statusWrites_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body"); // "{}" = the stored object with the two edits
        QTest::addColumn<int>("replicas");
        QTest::addColumn<int>("statusReplicas");
        QTest::newRow("put status keeps spec")
            << QByteArray("PUT") << QByteArray("/status") << QByteArray("application/json")
            << QByteArray() << 3 << 7;
        QTest::newRow("patch status keeps spec")
            << QByteArray("PATCH") << QByteArray("/status")
            << QByteArray("application/merge-patch+json")
            << QByteArray(R"({"spec":{"replicas":9},"status":{"replicas":7}})") << 3 << 7;
        QTest::newRow("put main keeps status")
            << QByteArray("PUT") << QByteArray() << QByteArray("application/json") << QByteArray()
            << 9 << 2;
        QTest::newRow("patch main keeps status")
            << QByteArray("PATCH") << QByteArray() << QByteArray("application/merge-patch+json")
            << QByteArray(R"({"spec":{"replicas":9},"status":{"replicas":7}})") << 9 << 2;
    }

    void statusWrites()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(int, replicas);
        QFETCH(int, statusReplicas);
        ObjectStore store;
        ApiRouter router(store, u"127.0.0.1"_s);
        seed(store, router);
        if (body.isEmpty()) {
            QJsonObject edited = *store.get(kDeployments, u"default"_s, u"web"_s);
            QJsonObject spec = edited.value(u"spec").toObject();
            spec.insert(u"replicas"_s, 9);
            edited.insert(u"spec"_s, spec);
            edited.insert(u"status"_s, QJsonObject{{u"replicas"_s, 7}});
            body = compact(edited);
        }
        const HttpReply reply = router.handle(request(method, kWeb + path, body, contentType));
        QCOMPARE(reply.response().status, 200);
        const QJsonObject stored = *store.get(kDeployments, u"default"_s, u"web"_s);
        QCOMPARE(at(stored, u"spec.replicas"_s), QJsonValue(replicas));
        QCOMPARE(at(stored, u"status.replicas"_s), QJsonValue(statusReplicas));
        QCOMPARE(bodyOf(reply), stored);
    }

    void statusOfResourceWithoutOneIsNotFound()
    {
        ObjectStore store;
        ApiRouter router(store, u"127.0.0.1"_s);
        seed(store, router);
        QCOMPARE(router
                     .handle(request("POST", "/api/v1/namespaces/default/configmaps",
                                     R"({"metadata":{"name":"c"}})"))
                     .response()
                     .status,
                 201);
        QCOMPARE(router.handle(request("GET", "/api/v1/namespaces/default/configmaps/c/status"))
                     .response()
                     .status,
                 404);
    }

    void createAllocatesClusterIpsAndJobSelector()
    {
        ObjectStore store;
        ApiRouter router(store, u"127.0.0.1"_s);
        seed(store, router);
        QStringList ips;
        for (const QByteArray name : {"a", "b"}) {
            const HttpReply reply = router.handle(request(
                "POST", "/api/v1/namespaces/default/services",
                R"({"metadata":{"name":")" + name + R"("},"spec":{"ports":[{"port":80}]}})"));
            QCOMPARE(reply.response().status, 201);
            ips.append(at(bodyOf(reply), u"spec.clusterIP"_s).toString());
        }
        QVERIFY(ips.at(0).startsWith(u"10.9"));
        QVERIFY(ips.at(0) != ips.at(1));
        const HttpReply job = router.handle(request(
            "POST", "/apis/batch/v1/namespaces/default/jobs",
            R"({"metadata":{"name":"pi"},"spec":{"template":{"spec":{"restartPolicy":"Never",)"
            R"("containers":[{"name":"pi","image":"perl:5.34"}]}}}})"));
        QCOMPARE(job.response().status, 201);
        const QJsonObject created = bodyOf(job);
        const QJsonValue uid = at(created, u"metadata.uid"_s);
        QCOMPARE(at(created, u"spec.selector.matchLabels"_s),
                 QJsonValue(QJsonObject{{u"batch.kubernetes.io/controller-uid"_s, uid}}));
        QCOMPARE(at(created, u"spec.template.metadata.labels"_s).toObject().value(u"job-name"),
                 QJsonValue(u"pi"_s));
        QCOMPARE(at(created, u"spec.backoffLimit"_s), QJsonValue(6));
        const QJsonObject pod = bodyOf(router.handle(request(
            "POST", "/api/v1/namespaces/default/pods",
            R"({"metadata":{"name":"p"},"spec":{"containers":[{"name":"c","image":"nginx"}]}})")));
        QCOMPARE(at(pod, u"spec.schedulerName"_s), QJsonValue(u"default-scheduler"_s));
    }
};

QTEST_GUILESS_MAIN(tst_ApiSubresources)
#include "tst_apisubresources.moc"
