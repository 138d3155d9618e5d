#include "core/sandbox/apiserver/apirouter.h"
#include "core/sandbox/cluster/scenario.h"
#include "core/sandbox/store/objectstore.h"

#include "routertesthelpers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace core::sandbox;
using namespace Qt::StringLiterals;
using namespace routertest;

// dryRun=All on create, update, patch (every patch type, /status and /scale) and delete, as
// kube-apiserver answers it: the write's checks and defaults run and the answer is what would be
// stored, while the store, its resourceVersion and every watch stay as they were. Unknown values
// are ValidateDryRun's 422.
class tst_ApiDryRun : public QObject
{
    Q_OBJECT

private slots:
    void dryRun_data();
    void dryRun();
    void unknownValue_data();
    void unknownValue();
    void storeModes();
};

namespace {

// The default scenario plus a Deployment "web" and a Pod "p" in default, written for real.
struct Fixture
{
    Fixture() : router(store, u"127.0.0.1"_s)
    {
        seedDefaultScenario(store, u"sandbox"_s);
        store.create(deploymentsType(), u"default"_s, deployment(u"web"_s, 2));
        store.create(podsType(), u"default"_s, pod(u"p"_s));
    }
    ObjectStore store;
    ApiRouter router;
};

} // namespace

void tst_ApiDryRun::dryRun_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("path");     // a field of the answer
    QTest::addColumn<QJsonValue>("value"); // its value (Undefined = absent)
    QTest::addColumn<QByteArray>("read");  // the object that must not change ("" = none)

    const QByteArray pods = "/api/v1/namespaces/default/pods";
    const QByteArray web = "/apis/apps/v1/namespaces/default/deployments/web";
    const QByteArray node = "/api/v1/nodes/virtual-kubelet";
    const QByteArray merge = "application/merge-patch+json";
    const QByteArray strategic = "application/strategic-merge-patch+json";
    const QByteArray jsonPatch = "application/json-patch+json";
    const QByteArray label = R"({"metadata":{"labels":{"tried":"yes"}}})";

    QTest::newRow("create: defaults applied")
        << QByteArray("POST") << pods + "?dryRun=All" << QByteArray() << json(pod(u"new"_s)) << 201
        << u"spec.restartPolicy"_s << QJsonValue(u"Always"_s) << pods + "/new";
    QTest::newRow("create: no resourceVersion")
        << QByteArray("POST") << pods + "?dryRun=All" << QByteArray() << json(pod(u"new"_s)) << 201
        << u"metadata.resourceVersion"_s << QJsonValue(QJsonValue::Undefined) << pods + "/new";
    QTest::newRow("create: name taken")
        << QByteArray("POST") << pods + "?dryRun=All" << QByteArray() << json(pod(u"p"_s)) << 409
        << u"reason"_s << QJsonValue(u"AlreadyExists"_s) << pods + "/p";
    QTest::newRow("create: missing namespace")
        << QByteArray("POST") << QByteArray("/api/v1/namespaces/nope/pods?dryRun=All")
        << QByteArray() << json(pod(u"new"_s)) << 404 << u"reason"_s << QJsonValue(u"NotFound"_s)
        << QByteArray();
    QTest::newRow("create: job selector")
        << QByteArray("POST") << QByteArray("/apis/batch/v1/namespaces/default/jobs?dryRun=All")
        << QByteArray() << json(job(u"once"_s)) << 201 << u"spec.template.spec.restartPolicy"_s
        << QJsonValue(u"Never"_s) << QByteArray("/apis/batch/v1/namespaces/default/jobs/once");
    QTest::newRow("update") << QByteArray("PUT") << web + "?dryRun=All" << QByteArray()
                            << json(deployment(u"web"_s, 5)) << 200 << u"spec.replicas"_s
                            << QJsonValue(5) << web;
    QTest::newRow("update: stale resourceVersion")
        << QByteArray("PUT") << node + "?dryRun=All" << QByteArray()
        << QByteArray(R"({"metadata":{"name":"virtual-kubelet","resourceVersion":"1"}})") << 409
        << u"reason"_s << QJsonValue(u"Conflict"_s) << node;
    QTest::newRow("merge patch") << QByteArray("PATCH") << node + "?dryRun=All" << merge << label
                                 << 200 << u"metadata.labels.tried"_s << QJsonValue(u"yes"_s)
                                 << node;
    QTest::newRow("strategic merge patch")
        << QByteArray("PATCH") << web + "?dryRun=All" << strategic << label << 200
        << u"metadata.labels.tried"_s << QJsonValue(u"yes"_s) << web;
    QTest::newRow("json patch") << QByteArray("PATCH") << web + "?dryRun=All" << jsonPatch
                                << QByteArray(
                                       R"([{"op":"replace","path":"/spec/replicas","value":7}])")
                                << 200 << u"spec.replicas"_s << QJsonValue(7) << web;
    QTest::newRow("unlock the virtual node")
        << QByteArray("PATCH") << node + "?dryRun=All" << merge
        << QByteArray(R"({"metadata":{"annotations":{"burst.sandbox/locked-until":null}}})") << 200
        << uR"(metadata.annotations.burst\.sandbox/locked-until)"_s
        << QJsonValue(QJsonValue::Undefined) << node;
    QTest::newRow("status patch") << QByteArray("PATCH") << pods + "/p/status?dryRun=All" << merge
                                  << QByteArray(R"({"status":{"phase":"Failed"}})") << 200
                                  << u"status.phase"_s << QJsonValue(u"Failed"_s) << pods + "/p";
    QTest::newRow("scale patch") << QByteArray("PATCH") << web + "/scale?dryRun=All" << merge
                                 << QByteArray(R"({"spec":{"replicas":9}})") << 200
                                 << u"spec.replicas"_s << QJsonValue(9) << web;
    QTest::newRow("delete") << QByteArray("DELETE") << pods + "/p?dryRun=All" << QByteArray()
                            << QByteArray() << 200 << u"metadata.name"_s << QJsonValue(u"p"_s)
                            << pods + "/p";
    // kubectl delete --dry-run=server sends it in the DeleteOptions body.
    QTest::newRow("delete: DeleteOptions body")
        << QByteArray("DELETE") << pods + "/p" << QByteArray("application/json")
        << QByteArray(R"({"kind":"DeleteOptions","apiVersion":"v1","dryRun":["All"]})") << 200
        << u"metadata.name"_s << QJsonValue(u"p"_s) << pods + "/p";
    QTest::newRow("delete: missing")
        << QByteArray("DELETE") << pods + "/gone?dryRun=All" << QByteArray() << QByteArray() << 404
        << u"reason"_s << QJsonValue(u"NotFound"_s) << QByteArray();
}

void tst_ApiDryRun::dryRun()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QByteArray, read);

    Fixture f;
    const QString before = f.store.resourceVersion();
    QList<std::shared_ptr<Watch>> watches;
    for (const ResourceType &type : {podsType(), deploymentsType(), nodesType(), jobsType(),
                                     namespacesType(), core::kube::eventsType()}) {
        WatchOptions options;
        options.resourceVersion = before;
        auto watch = f.store.watch(type, options);
        QVERIFY(watch);
        watches.append(*watch);
    }
    const HttpReply readBefore = f.router.handle(get(read));

    const HttpReply reply = f.router.handle(request(method, target, contentType, body));
    QCOMPARE(reply.response().status, status);
    const QJsonObject answer = routertest::body(reply);
    QCOMPARE(at(answer, path), value);
    if (answer.value(u"kind").toString() == u"Job") // the selector the uid names, on the answer
        QCOMPARE(at(answer, uR"(spec.selector.matchLabels.batch\.kubernetes\.io/controller-uid)"_s),
                 at(answer, u"metadata.uid"_s));

    QCOMPARE(f.store.resourceVersion(), before);
    for (const auto &watch : watches)
        QVERIFY(watch->takeEvents().isEmpty());
    if (!read.isEmpty()) {
        const HttpReply readAfter = f.router.handle(get(read));
        QCOMPARE(readAfter.response().status, readBefore.response().status);
        QCOMPARE(readAfter.response().body, readBefore.response().body);
    }
    if (status == 200 && method != "DELETE") // an update answers with the stored version
        QCOMPARE(at(answer, u"metadata.resourceVersion"_s),
                 at(routertest::body(readBefore), u"metadata.resourceVersion"_s));
}

void tst_ApiDryRun::unknownValue_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");

    QTest::newRow("create")
        << QByteArray("POST") << QByteArray("/api/v1/namespaces/default/pods?dryRun=true")
        << json(pod(u"new"_s))
        << uR"(CreateOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: []string{"true"}: supported values: "All")"_s;
    QTest::newRow("update")
        << QByteArray("PUT") << QByteArray("/api/v1/namespaces/default/pods/p?dryRun=All&dryRun=x")
        << json(pod(u"p"_s))
        << uR"(UpdateOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: []string{"All", "x"}: supported values: "All")"_s;
    QTest::newRow("patch")
        << QByteArray("PATCH") << QByteArray("/api/v1/namespaces/default/pods/p?dryRun=server")
        << QByteArray(R"({"metadata":{"labels":{"a":"b"}}})")
        << uR"(PatchOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: []string{"server"}: supported values: "All")"_s;
    QTest::newRow("delete body")
        << QByteArray("DELETE") << QByteArray("/api/v1/namespaces/default/pods/p")
        << QByteArray(R"({"dryRun":["all"]})")
        << uR"(DeleteOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: []string{"all"}: supported values: "All")"_s;
}

void tst_ApiDryRun::unknownValue()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, body);
    QFETCH(QString, message);

    Fixture f;
    const QString before = f.store.resourceVersion();
    const HttpReply reply =
        f.router.handle(request(method, target, "application/merge-patch+json", body));
    QCOMPARE(reply.response().status, 422);
    const QJsonObject status = routertest::body(reply);
    QCOMPARE(status.value(u"reason").toString(), u"Invalid"_s);
    QCOMPARE(status.value(u"message").toString(), message);
    QCOMPARE(at(status, u"details.group"_s).toString(), u"meta.k8s.io"_s);
    QCOMPARE(at(status, u"details.causes.0.field"_s).toString(), u"dryRun"_s);
    QCOMPARE(at(status, u"details.causes.0.reason"_s).toString(), u"FieldValueNotSupported"_s);
    QCOMPARE(f.store.resourceVersion(), before);
}

// The store's own dry run, which the router's rests on.
void tst_ApiDryRun::storeModes()
{
    ObjectStore store;
    const auto created = store.create(podsType(), u"default"_s, pod(u"a"_s), WriteMode::DryRun);
    QVERIFY(created);
    QVERIFY(!at(*created, u"metadata.uid"_s).toString().isEmpty());
    QVERIFY(!at(*created, u"metadata.creationTimestamp"_s).toString().isEmpty());
    QCOMPARE(store.count(podsType()), 0);
    QCOMPARE(store.resourceVersion(), u"0"_s);

    QVERIFY(store.create(podsType(), u"default"_s, pod(u"a"_s)));
    const QString rv = store.resourceVersion();
    QJsonObject changed = pod(u"a"_s);
    changed.insert(u"metadata"_s,
                   QJsonObject{{u"name"_s, u"a"_s}, {u"labels"_s, QJsonObject{{u"x"_s, u"y"_s}}}});
    const auto updated = store.update(podsType(), u"default"_s, u"a"_s, changed, WriteMode::DryRun);
    QVERIFY(updated);
    QCOMPARE(at(*updated, u"metadata.labels.x"_s).toString(), u"y"_s);
    QCOMPARE(at(*updated, u"metadata.resourceVersion"_s).toString(), rv);
    QVERIFY(at(*store.get(podsType(), u"default"_s, u"a"_s), u"metadata.labels"_s).isUndefined());

    Preconditions wrongUid;
    wrongUid.uid = u"nope"_s;
    QCOMPARE(
        store.remove(podsType(), u"default"_s, u"a"_s, wrongUid, WriteMode::DryRun).error().code,
        409);
    QVERIFY(store.remove(podsType(), u"default"_s, u"a"_s, {}, WriteMode::DryRun));
    QCOMPARE(store.count(podsType()), 1);
    QCOMPARE(store.resourceVersion(), rv);
}

QTEST_GUILESS_MAIN(tst_ApiDryRun)
#include "tst_apidryrun.moc"
