#include "apiresultwait.h"
#include "sandboxfixture.h"

#include "core/kube/apiclient.h"
#include "core/sandbox/apiserver/sandboxclock.h"
#include "core/sandbox/cluster/clustersimulator.h"

#include <QElapsedTimer>
#include <QThread>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <atomic>
#include <optional>

using namespace core::kube;
using namespace std::chrono_literals;
using apitest::into;
using apitest::mapping;
using apitest::message;
using apitest::waitFor;

// ApiClient against an in-process sandbox API server. Expected mappings are kubectl's
// (`kubectl api-resources` short names and groups); Status codes and reasons are
// kube-apiserver's.
class tst_ApiClient : public QObject
{
    Q_OBJECT

private:
    static QJsonObject configMap(const QString &name, const QString &value)
    {
        return QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                           {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
                           {QStringLiteral("metadata"),
                            QJsonObject{{QStringLiteral("name"), name},
                                        {QStringLiteral("namespace"), QStringLiteral("default")}}},
                           {QStringLiteral("data"), QJsonObject{{QStringLiteral("k"), value}}}};
    }

private slots:
    void resolve_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("groupVersion");
        QTest::addColumn<QString>("resource");
        QTest::addColumn<bool>("namespaced");
        QTest::newRow("pods") << "pods"
                              << "v1"
                              << "pods" << true;
        QTest::newRow("po") << "po"
                            << "v1"
                            << "pods" << true;
        QTest::newRow("pod") << "pod"
                             << "v1"
                             << "pods" << true;
        QTest::newRow("Pod kind") << "Pod"
                                  << "v1"
                                  << "pods" << true;
        QTest::newRow("no") << "no"
                            << "v1"
                            << "nodes" << false;
        QTest::newRow("ns") << "ns"
                            << "v1"
                            << "namespaces" << false;
        QTest::newRow("cm") << "cm"
                            << "v1"
                            << "configmaps" << true;
        QTest::newRow("svc") << "svc"
                             << "v1"
                             << "services" << true;
        QTest::newRow("deploy") << "deploy"
                                << "apps/v1"
                                << "deployments" << true;
        QTest::newRow("deployments.apps") << "deployments.apps"
                                          << "apps/v1"
                                          << "deployments" << true;
        QTest::newRow("deployment.v1.apps") << "deployment.v1.apps"
                                            << "apps/v1"
                                            << "deployments" << true;
        QTest::newRow("sts") << "sts"
                             << "apps/v1"
                             << "statefulsets" << true;
        QTest::newRow("jobs") << "jobs"
                              << "batch/v1"
                              << "jobs" << true;
        QTest::newRow("scheduleprofiles") << "scheduleprofiles"
                                          << "scheduling.cci.io/v1"
                                          << "scheduleprofiles" << true;
        QTest::newRow("unknown") << "nopes" << QString() << QString() << false;
        QTest::newRow("pods in a wrong group") << "pods.apps" << QString() << QString() << false;
    }

    void resolve()
    {
        QFETCH(QString, typed);
        QFETCH(QString, groupVersion);
        QFETCH(QString, resource);
        QFETCH(bool, namespaced);
        SandboxFixture sandbox;
        QVERIFY(sandbox.started());
        ApiClient client(sandbox.connection());
        std::optional<ApiResult<ResourceMapping>> r;
        client.resolve(typed, &client, into(r));
        QVERIFY(waitFor(r));
        if (groupVersion.isEmpty()) {
            QVERIFY(!*r);
            QCOMPARE(r->error().httpStatus, 404);
            QVERIFY(r->error().message.contains(typed));
            return;
        }
        QVERIFY2(*r, qPrintable(message(*r)));
        QCOMPARE(r->value().groupVersion(), groupVersion);
        QCOMPARE(r->value().resource, resource);
        QCOMPARE(r->value().namespaced, namespaced);
    }

    void discoveryIsCached()
    {
        SandboxFixture sandbox;
        ApiClient client(sandbox.connection());
        mapping(client, QStringLiteral("pods"));
        const qsizetype first = sandbox.requests().size();
        QVERIFY(first >= 3); // /api, /apis, one per group version
        mapping(client, QStringLiteral("deploy"));
        QCOMPARE(sandbox.requests().size(), first);
        for (const auto &request : sandbox.requests())
            QCOMPARE(request.headers.value("Authorization"), QByteArray("Bearer test-token"));
    }

    void paginationEqualsFullList()
    {
        SandboxFixture sandbox;
        core::sandbox::preloadPods(sandbox.store(), 2500);
        ApiClient client(sandbox.connection());
        const ResourceMapping pods = mapping(client, QStringLiteral("pods"));
        ListOptions all;
        all.limit = 0;
        std::optional<ApiResult<QJsonObject>> whole;
        client.list(pods, all, &client, into(whole));
        QVERIFY(waitFor(whole) && *whole);
        sandbox.clearRequests();
        ListOptions paged;
        paged.limit = 400;
        std::optional<ApiResult<QJsonObject>> pagedResult;
        client.list(pods, paged, &client, into(pagedResult));
        QVERIFY(waitFor(pagedResult) && *pagedResult);
        const QStringList expected = apitest::itemNames(whole->value().value(u"items").toArray());
        QVERIFY(expected.size() >= 2500);
        QCOMPARE(apitest::itemNames(pagedResult->value().value(u"items").toArray()), expected);
        QCOMPARE(sandbox.requests().size(), (expected.size() + 399) / 400);
        QCOMPARE(sandbox.requests().first().queryValue(QStringLiteral("limit")),
                 QStringLiteral("400"));
        QVERIFY(
            pagedResult->value().value(u"metadata").toObject().value(u"continue").isUndefined());
    }

    void expiredContinueRestartsList()
    {
        SandboxFixture sandbox({}, false, 50);
        core::sandbox::preloadPods(sandbox.store(), 300);
        ApiClient client(sandbox.connection());
        const ResourceMapping pods = mapping(client, QStringLiteral("pods"));
        ListOptions paged;
        paged.limit = 100;
        int pagesSeen = 0;
        bool compacted = false;
        std::optional<ApiResult<QJsonObject>> result;
        client.list(pods, paged, &client, into(result), [&](const QJsonObject &, int index) {
            ++pagesSeen;
            if (index == 0 && !compacted) {
                compacted = true;
                // A write, then a compaction: the next continue token is now 410 Expired.
                const core::sandbox::ResourceType cm{QString(), QStringLiteral("v1"),
                                                     QStringLiteral("configmaps"),
                                                     QStringLiteral("ConfigMap")};
                (void)sandbox.store().create(cm, QStringLiteral("default"),
                                             configMap(QStringLiteral("w"), QStringLiteral("1")));
                sandbox.store().compact();
            }
            return true;
        });
        QVERIFY(waitFor(result));
        QVERIFY2(*result, qPrintable(message(*result)));
        QCOMPARE(pagesSeen, 1 + 3); // first page, then the restarted full list
    }

    // listItems: every page parsed and transformed on the decoder thread, the items handed over
    // here in list order, and `done` given the last page's metadata without a continue token.
    void listItemsDecodesOffThreadInOrder()
    {
        SandboxFixture sandbox;
        core::sandbox::preloadPods(sandbox.store(), 2500);
        ApiClient client(sandbox.connection());
        const ResourceMapping pods = mapping(client, QStringLiteral("pods"));
        ListOptions all;
        all.limit = 0;
        std::optional<ApiResult<QJsonObject>> whole;
        client.list(pods, all, &client, into(whole));
        QVERIFY(waitFor(whole) && *whole);
        const QStringList expected = apitest::itemNames(whole->value().value(u"items").toArray());

        std::atomic<int> transformedHere = 0;
        std::atomic<int> transformedElsewhere = 0;
        QThread *const main = QThread::currentThread();
        const auto transform = [&](const QJsonObject &pod) {
            (QThread::currentThread() == main ? transformedHere : transformedElsewhere)++;
            return QJsonObject{{QStringLiteral("metadata"), pod.value(u"metadata")}};
        };
        QStringList names;
        QList<int> indexes;
        int pageCallsElsewhere = 0;
        int untransformed = 0;
        ListOptions paged;
        paged.limit = 400;
        std::optional<ApiResult<QJsonObject>> done;
        // The encoder runs where the transform did, on the transformed item; its bytes come
        // with the page, one per item in order.
        std::atomic<int> encodedHere = 0;
        const auto encode = [&](const QJsonObject &item) {
            encodedHere += QThread::currentThread() == main;
            return item.value(u"metadata").toObject().value(u"name").toString().toUtf8();
        };
        int wrongBytes = 0;
        client.listItems(
            pods, paged, &client, into(done), transform,
            [&](const QList<QJsonObject> &items, const QList<QByteArray> &encoded, int index) {
                pageCallsElsewhere += QThread::currentThread() != main;
                indexes.append(index);
                wrongBytes += encoded.size() != items.size();
                for (qsizetype i = 0; i < items.size(); ++i) {
                    const QJsonObject &item = items.at(i);
                    untransformed += item.keys() != QStringList{u"metadata"_qs};
                    const QString name = item.value(u"metadata").toObject().value(u"name").toString();
                    names.append(name);
                    wrongBytes += encoded.value(i) != name.toUtf8();
                }
                return true;
            },
            encode);
        QVERIFY(waitFor(done));
        QVERIFY2(*done, qPrintable(message(*done)));
        QCOMPARE(names, expected);
        QCOMPARE(indexes.size(), (expected.size() + 399) / 400);
        for (int i = 0; i < indexes.size(); ++i)
            QCOMPARE(indexes.at(i), i);
        QCOMPARE(pageCallsElsewhere, 0);
        QCOMPARE(untransformed, 0);
        QCOMPARE(wrongBytes, 0);
        QCOMPARE(encodedHere.load(), 0);
        QCOMPARE(transformedHere.load(), 0);
        QCOMPARE(transformedElsewhere.load(), int(expected.size()));
        const QJsonObject metadata = done->value().value(u"metadata").toObject();
        QVERIFY(metadata.value(u"continue").isUndefined());
        QVERIFY(!metadata.value(u"resourceVersion").toString().isEmpty());
        QVERIFY(done->value().value(u"items").isUndefined());
    }

    // A continue token that expires while the next page is already asked for: the list starts
    // over (index 0 again) and its last run brings every page once.
    void listItemsRestartsAfterExpiredContinue()
    {
        SandboxFixture sandbox({}, false, 50);
        core::sandbox::preloadPods(sandbox.store(), 300);
        ApiClient client(sandbox.connection());
        const ResourceMapping pods = mapping(client, QStringLiteral("pods"));
        ListOptions paged;
        paged.limit = 100;
        QList<int> indexes;
        int items = 0;
        std::optional<ApiResult<QJsonObject>> result;
        client.listItems(pods, paged, &client, into(result), {},
                         [&](const QList<QJsonObject> &page, const QList<QByteArray> &,
                             int index) {
                             if (index == 0)
                                 items = 0;
                             items += int(page.size());
                             indexes.append(index);
                             if (indexes.size() == 1) {
                                 const core::sandbox::ResourceType cm{
                                     QString(), QStringLiteral("v1"),
                                     QStringLiteral("configmaps"), QStringLiteral("ConfigMap")};
                                 (void)sandbox.store().create(
                                     cm, QStringLiteral("default"),
                                     configMap(QStringLiteral("w"), QStringLiteral("1")));
                                 sandbox.store().compact();
                             }
                             return true;
                         });
        QVERIFY(waitFor(result));
        QVERIFY2(*result, qPrintable(message(*result)));
        QCOMPARE(indexes.count(0), 2);
        QCOMPARE(indexes.mid(indexes.lastIndexOf(0)), (QList<int>{0, 1, 2}));
        QVERIFY(items >= 300);
    }

    // Stopping from a page: nothing more arrives, not even the page asked for in advance, and
    // `done` comes once.
    void listItemsStopsWhenAPageSaysSo()
    {
        SandboxFixture sandbox;
        core::sandbox::preloadPods(sandbox.store(), 1000);
        ApiClient client(sandbox.connection());
        const ResourceMapping pods = mapping(client, QStringLiteral("pods"));
        ListOptions paged;
        paged.limit = 100;
        int pages = 0;
        int dones = 0;
        client.listItems(
            pods, paged, &client, [&](const ApiResult<QJsonObject> &) { ++dones; }, {},
            [&](const QList<QJsonObject> &, const QList<QByteArray> &, int) {
                return ++pages < 2;
            });
        QTRY_COMPARE(dones, 1);
        QTest::qWait(300);
        QCOMPARE(pages, 2);
        QCOMPARE(dones, 1);
    }

    void createUpdateConflict()
    {
        SandboxFixture sandbox;
        ApiClient client(sandbox.connection());
        const ResourceMapping cms = mapping(client, QStringLiteral("configmaps"));
        std::optional<ApiResult<QJsonObject>> created;
        client.create(cms, QStringLiteral("default"),
                      configMap(QStringLiteral("c1"), QStringLiteral("a")), &client, into(created));
        QVERIFY(waitFor(created) && *created);
        QJsonObject stale = created->value();
        QJsonObject changed = stale;
        changed.insert(QStringLiteral("data"),
                       QJsonObject{{QStringLiteral("k"), QStringLiteral("b")}});
        std::optional<ApiResult<QJsonObject>> updated;
        client.update(cms, changed, &client, into(updated));
        QVERIFY(waitFor(updated) && *updated);
        QCOMPARE(updated->value().value(u"data").toObject().value(u"k").toString(), u"b");

        stale.insert(QStringLiteral("data"),
                     QJsonObject{{QStringLiteral("k"), QStringLiteral("c")}});
        sandbox.clearRequests();
        std::optional<ApiResult<QJsonObject>> conflict;
        client.update(cms, stale, &client, into(conflict));
        QVERIFY(waitFor(conflict));
        QVERIFY(!*conflict);
        QCOMPARE(conflict->error().httpStatus, 409);
        QVERIFY(conflict->error().isConflict());
        QCOMPARE(conflict->error().ours.value(u"data").toObject().value(u"k").toString(), u"c");
        QCOMPARE(conflict->error().current.value(u"data").toObject().value(u"k").toString(), u"b");
        QCOMPARE(conflict->error().current.value(u"metadata").toObject().value(u"resourceVersion"),
                 updated->value().value(u"metadata").toObject().value(u"resourceVersion"));
        int puts = 0;
        for (const auto &request : sandbox.requests())
            puts += request.method == "PUT";
        QCOMPARE(puts, 1); // never retried
    }

    void patch_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QByteArray>("patch");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<int>("replicas");
        QTest::newRow("merge") << int(PatchType::Merge) << QByteArray("{\"spec\":{\"replicas\":3}}")
                               << QByteArray("application/merge-patch+json") << 3;
        QTest::newRow("strategic")
            << int(PatchType::StrategicMerge) << QByteArray("{\"spec\":{\"replicas\":4}}")
            << QByteArray("application/strategic-merge-patch+json") << 4;
        QTest::newRow("json patch")
            << int(PatchType::Json)
            << QByteArray("[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":5}]")
            << QByteArray("application/json-patch+json") << 5;
    }

    void patch()
    {
        QFETCH(int, type);
        QFETCH(QByteArray, patch);
        QFETCH(QByteArray, contentType);
        QFETCH(int, replicas);
        SandboxFixture sandbox;
        ApiClient client(sandbox.connection());
        const ResourceMapping cms = mapping(client, QStringLiteral("deploy"));
        const QJsonObject deployment = QJsonDocument::fromJson(R"({"apiVersion":"apps/v1",
            "kind":"Deployment","metadata":{"name":"web"},"spec":{"replicas":1,
            "selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":
            {"app":"web"}},"spec":{"containers":[{"name":"c","image":"nginx"}]}}}})")
                                           .object();
        std::optional<ApiResult<QJsonObject>> created;
        client.create(cms, QStringLiteral("default"), deployment, &client, into(created));
        QVERIFY(waitFor(created) && *created);
        sandbox.clearRequests();
        std::optional<ApiResult<QJsonObject>> patched;
        client.patch(cms, QStringLiteral("default"), QStringLiteral("web"), PatchType(type), patch,
                     &client, into(patched));
        QVERIFY(waitFor(patched));
        QVERIFY2(*patched, qPrintable(message(*patched)));
        QCOMPARE(patched->value().value(u"spec").toObject().value(u"replicas").toInt(), replicas);
        QCOMPARE(sandbox.requests().first().headers.value("Content-Type"), contentType);
    }

    void deleteSendsPropagation()
    {
        SandboxFixture sandbox;
        // kube-controller-manager's part: the garbage collector finalizes a foreground deletion.
        core::sandbox::SandboxClock clock;
        core::sandbox::ClusterSimulator cluster(sandbox.store(), clock);
        ApiClient client(sandbox.connection());
        const ResourceMapping cms = mapping(client, QStringLiteral("cm"));
        std::optional<ApiResult<QJsonObject>> created;
        client.create(cms, QStringLiteral("default"),
                      configMap(QStringLiteral("gone"), QStringLiteral("x")), &client,
                      into(created));
        QVERIFY(waitFor(created) && *created);
        sandbox.clearRequests();
        std::optional<ApiResult<QJsonObject>> removed;
        client.remove(cms, QStringLiteral("default"), QStringLiteral("gone"),
                      PropagationPolicy::Foreground, &client, into(removed));
        QVERIFY(waitFor(removed) && *removed);
        const auto request = sandbox.requests().first();
        QCOMPARE(request.method, QByteArray("DELETE"));
        QCOMPARE(QJsonDocument::fromJson(request.body).object().value(u"propagationPolicy"),
                 QJsonValue(QStringLiteral("Foreground")));
        // The server kept it for the collector, marked as deleting with its finalizer.
        const QJsonObject kept = removed->value().value(u"metadata").toObject();
        QVERIFY(kept.contains(u"deletionTimestamp"));
        QCOMPARE(kept.value(u"finalizers"), QJsonValue(QJsonArray{QStringLiteral("foregroundDeletion")}));
        cluster.step();
        std::optional<ApiResult<QJsonObject>> missing;
        client.get(cms, QStringLiteral("default"), QStringLiteral("gone"), &client, into(missing));
        QVERIFY(waitFor(missing) && !*missing);
        QCOMPARE(missing->error().httpStatus, 404);
        QCOMPARE(missing->error().reason, u"NotFound");
    }

    void refusesEmptyNamespaceOrName_data()
    {
        QTest::addColumn<QString>("call");
        QTest::addColumn<QString>("nameSpace");
        QTest::addColumn<QString>("name");
        QTest::newRow("get without a namespace") << "get" << "" << "web";
        QTest::newRow("get without a name") << "get" << "default" << "";
        QTest::newRow("create without a namespace") << "create" << "" << "web";
        QTest::newRow("patch without a name") << "patch" << "default" << "";
        // Would be a DELETE of the whole collection.
        QTest::newRow("delete without a name") << "remove" << "default" << "";
        QTest::newRow("delete without a namespace") << "remove" << "" << "web";
        // Hand-built paths (logs, exec, burstctl get NAME) go through the same check.
        QTest::newRow("log path, empty namespace") << "send" << "" << "web";
        QTest::newRow("log path, empty pod") << "send" << "default" << "";
    }

    void refusesEmptyNamespaceOrName()
    {
        QFETCH(QString, call);
        QFETCH(QString, nameSpace);
        QFETCH(QString, name);
        SandboxFixture sandbox;
        ApiClient client(sandbox.connection());
        const ResourceMapping pods = mapping(client, QStringLiteral("pods"));
        sandbox.clearRequests();
        std::optional<ApiResult<QJsonObject>> result;
        if (call == u"get") {
            client.get(pods, nameSpace, name, &client, into(result));
        } else if (call == u"create") {
            client.create(pods, nameSpace, configMap(name, QStringLiteral("x")), &client,
                          into(result));
        } else if (call == u"patch") {
            client.patch(pods, nameSpace, name, PatchType::Merge, "{}", &client, into(result));
        } else if (call == u"remove") {
            client.remove(pods, nameSpace, name, PropagationPolicy::Default, &client,
                          into(result));
        } else {
            ApiRequest request;
            request.path = QStringLiteral("/api/v1/namespaces/%1/pods/%2/log").arg(nameSpace, name);
            client.send(request, &client, [&result](const ApiResult<ApiResponse> &r) {
                result = r ? ApiResult<QJsonObject>(r.value().json())
                           : ApiResult<QJsonObject>(r.error());
            });
            // Answered later, like a real answer: the caller may not be listening yet.
            QVERIFY(!result);
        }
        QVERIFY(waitFor(result));
        QVERIFY(!*result);
        QCOMPARE(result->error().httpStatus, 0);
        QCOMPARE(result->error().toError().code, u"kube.invalidRequest");
        QVERIFY2(result->error().message.startsWith(u"refused to "),
                 qPrintable(result->error().message));
        QVERIFY(sandbox.requests().isEmpty());
    }

    void retries_data()
    {
        QTest::addColumn<QByteArray>("verb");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<bool>("succeeds");
        QTest::addColumn<int>("minElapsedMs");
        QTest::newRow("GET 429 Retry-After 1")
            << QByteArray("GET") << 429 << QByteArray("1") << true << 900;
        QTest::newRow("POST 429 Retry-After 1")
            << QByteArray("POST") << 429 << QByteArray("1") << true << 900;
        QTest::newRow("GET 500") << QByteArray("GET") << 500 << QByteArray() << true << 0;
        QTest::newRow("GET 503") << QByteArray("GET") << 503 << QByteArray() << true << 0;
        QTest::newRow("POST 500") << QByteArray("POST") << 500 << QByteArray() << false << 0;
    }

    void retries()
    {
        QFETCH(QByteArray, verb);
        QFETCH(int, status);
        QFETCH(QByteArray, retryAfter);
        QFETCH(bool, succeeds);
        QFETCH(int, minElapsedMs);
        SandboxFixture sandbox;
        ApiClient client(sandbox.connection());
        const ResourceMapping cms = mapping(client, QStringLiteral("cm"));
        sandbox.clearRequests();
        sandbox.failNext(verb, QStringLiteral("/api/v1/namespaces/default/configmaps"), 1, status,
                         retryAfter);
        QElapsedTimer timer;
        timer.start();
        std::optional<ApiResult<QJsonObject>> result;
        if (verb == "GET") {
            ListOptions options;
            options.nameSpace = QStringLiteral("default");
            client.list(cms, options, &client, into(result));
        } else
            client.create(cms, QStringLiteral("default"),
                          configMap(QStringLiteral("r"), QStringLiteral("x")), &client,
                          into(result));
        QVERIFY(waitFor(result));
        QCOMPARE(bool(*result), succeeds);
        QVERIFY(timer.elapsed() >= minElapsedMs);
        QCOMPARE(sandbox.requests().size(), succeeds ? 2 : 1);
        if (!succeeds)
            QCOMPARE(result->error().httpStatus, status);
    }

    void timeout()
    {
        core::sandbox::FaultOptions slow;
        slow.latencyMs = 3000;
        SandboxFixture sandbox(slow);
        ApiClient client(sandbox.connection());
        client.setDefaultTimeout(300ms);
        const ResourceMapping nodes = mapping(client, QStringLiteral("nodes"));
        QElapsedTimer timer;
        timer.start();
        std::optional<ApiResult<QJsonObject>> result;
        client.list(nodes, {}, &client, into(result));
        QVERIFY(waitFor(result));
        QVERIFY(!*result);
        QVERIFY(result->error().timedOut);
        QCOMPARE(result->error().toError().code, u"kube.timeout");
        QVERIFY(timer.elapsed() < 2500);
    }
};

QTEST_GUILESS_MAIN(tst_ApiClient)
#include "tst_apiclient.moc"
