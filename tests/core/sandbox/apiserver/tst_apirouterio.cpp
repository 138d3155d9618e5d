#include "core/sandbox/apiserver/apirouter.h"
#include "core/sandbox/cluster/scenario.h"
#include "core/sandbox/store/objectstore.h"
#include "tests/core/sandbox/apiserver/routertesthelpers.h"
#include "tests/core/sandbox/transport/fakehttpstreams.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace core::sandbox;
using namespace routertest;

// The router's authentication, watch details (bookmarks, timeoutSeconds, the stall fault) and its
// delegates left unset, with streams opened on in-memory fakes.
class tst_ApiRouterIo : public QObject
{
    Q_OBJECT

private:
    const ResourceType &m_pods = podsType();

    static QStringList eventTypes(const QByteArray &data)
    {
        QStringList types;
        for (const QByteArray &line : data.split('\n')) {
            if (!line.isEmpty())
                types.append(QJsonDocument::fromJson(line).object().value(u"type").toString());
        }
        return types;
    }

private slots:
    // A compacted resourceVersion: 200 and one ERROR event with the 410 Status, as the API
    // server's watch cache answers (client-go relists on it).
    void watchFromCompactedVersionIsErrorEvent()
    {
        ObjectStore store(StoreOptions{5, 0});
        seedDefaultScenario(store, QStringLiteral("sandbox"));
        const QString old = store.resourceVersion();
        const ResourceType namespaces{QString(), QStringLiteral("v1"), QStringLiteral("namespaces"),
                                      QStringLiteral("Namespace")};
        QVERIFY(store.create(
            namespaces, QString(),
            QJsonObject{{QStringLiteral("metadata"),
                         QJsonObject{{QStringLiteral("name"), QStringLiteral("later")}}}}));
        store.compact();
        ApiRouter router(store, QStringLiteral("127.0.0.1"));
        const HttpReply reply =
            router.handle(get("/api/v1/nodes?watch=1&resourceVersion=" + old.toUtf8()));
        QCOMPARE(reply.kind(), HttpReply::Kind::Stream);
        QCOMPARE(reply.response().status, 200);
        const auto stream = openStream(reply);
        QTRY_VERIFY(!stream->isOpen());
        QVERIFY(stream->endedCleanly());
        const QJsonObject event = QJsonDocument::fromJson(stream->data().trimmed()).object();
        QCOMPARE(event.value(u"type").toString(), QStringLiteral("ERROR"));
        QCOMPARE(event.value(u"object").toObject().value(u"code").toInt(), 410);
        QCOMPARE(event.value(u"object").toObject().value(u"reason").toString(),
                 QStringLiteral("Expired"));
    }

    void authentication_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("authorization");
        QTest::addColumn<bool>("clientCertificate");
        QTest::addColumn<int>("status");
        QTest::newRow("no credentials")
            << QByteArray("/api/v1/pods") << QByteArray() << false << 401;
        QTest::newRow("discovery needs them too")
            << QByteArray("/api") << QByteArray() << false << 401;
        QTest::newRow("wrong token")
            << QByteArray("/api/v1/pods") << QByteArray("Bearer nope") << false << 401;
        QTest::newRow("basic scheme")
            << QByteArray("/api/v1/pods") << QByteArray("Basic c2VjcmV0") << false << 401;
        QTest::newRow("good token")
            << QByteArray("/api/v1/pods") << QByteArray("Bearer secret") << false << 200;
        QTest::newRow("scheme is case-insensitive")
            << QByteArray("/api/v1/pods") << QByteArray("bearer secret") << false << 200;
        QTest::newRow("second token")
            << QByteArray("/api/v1/pods") << QByteArray("Bearer other") << false << 200;
        QTest::newRow("client certificate")
            << QByteArray("/api/v1/pods") << QByteArray() << true << 200;
        QTest::newRow("healthz open") << QByteArray("/healthz") << QByteArray() << false << 200;
        QTest::newRow("livez open") << QByteArray("/livez") << QByteArray() << false << 200;
        QTest::newRow("readyz open") << QByteArray("/readyz") << QByteArray() << false << 200;
        QTest::newRow("version open") << QByteArray("/version") << QByteArray() << false << 200;
    }

    void authentication()
    {
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, authorization);
        QFETCH(bool, clientCertificate);
        QFETCH(int, status);
        ObjectStore store;
        seedDefaultScenario(store, QStringLiteral("sandbox"));
        ApiRouterOptions options;
        options.authenticator =
            Authenticator({QStringLiteral("secret"), QStringLiteral("other")}, true);
        ApiRouter router(store, QStringLiteral("127.0.0.1"), options);
        HttpRequest request = get(target);
        if (!authorization.isEmpty())
            request.headers.set("Authorization", authorization);
        request.client.verified = clientCertificate;
        const HttpReply reply = router.handle(request);
        QCOMPARE(reply.response().status, status);
        if (status == 401) {
            // kube-apiserver's body, which kubectl turns into "You must be logged in".
            const QJsonObject s = body(reply);
            QCOMPARE(s.value(u"kind").toString(), QStringLiteral("Status"));
            QCOMPARE(s.value(u"status").toString(), QStringLiteral("Failure"));
            QCOMPARE(s.value(u"message").toString(), QStringLiteral("Unauthorized"));
            QCOMPARE(s.value(u"reason").toString(), QStringLiteral("Unauthorized"));
            QCOMPARE(s.value(u"code").toInt(), 401);
        }
    }

    void bookmarks()
    {
        ObjectStore store;
        seedDefaultScenario(store, QStringLiteral("sandbox"));
        ApiRouterOptions options;
        options.bookmarkInterval = std::chrono::milliseconds(50);
        ApiRouter router(store, QStringLiteral("127.0.0.1"), options);
        const auto with =
            openStream(router.handle(get("/api/v1/nodes?watch=1&allowWatchBookmarks=true")));
        const auto without = openStream(router.handle(get("/api/v1/nodes?watch=1")));
        QTRY_VERIFY(eventTypes(with->data()).count(QStringLiteral("BOOKMARK")) >= 2);
        QVERIFY(!eventTypes(without->data()).contains(QStringLiteral("BOOKMARK")));
        const QByteArray last = with->data().trimmed().split('\n').constLast();
        const QJsonObject bookmark =
            QJsonDocument::fromJson(last).object().value(u"object").toObject();
        QCOMPARE(bookmark.value(u"kind").toString(), QStringLiteral("Node"));
        QCOMPARE(bookmark.value(u"metadata").toObject().value(u"resourceVersion").toString(),
                 store.resourceVersion());
        with->abort();
        without->abort();
    }

    void timeoutEndsCleanly()
    {
        ObjectStore store;
        seedDefaultScenario(store, QStringLiteral("sandbox"));
        ApiRouter router(store, QStringLiteral("127.0.0.1"));
        QElapsedTimer timer;
        timer.start();
        const auto stream = openStream(router.handle(get("/api/v1/pods?watch=1&timeoutSeconds=1")));
        QVERIFY(stream->isOpen());
        QTRY_VERIFY_WITH_TIMEOUT(stream->endedCleanly(), 4000);
        QVERIFY(timer.elapsed() >= 900);
    }

    void stallFault()
    {
        ObjectStore store;
        seedDefaultScenario(store, QStringLiteral("sandbox"));
        FaultOptions faults;
        faults.stallEvery = 2;
        faults.stallMs = 600;
        ApiRouter router(store, QStringLiteral("127.0.0.1"), faults);
        const QByteArray target = "/api/v1/namespaces/default/pods?watch=1&resourceVersion=" +
                                  store.resourceVersion().toUtf8();
        const auto first = openStream(router.handle(get(target)));
        const auto second = openStream(router.handle(get(target))); // every 2nd stalls
        store.create(m_pods, QStringLiteral("default"), runningPod(QStringLiteral("p1")));
        QTRY_COMPARE(eventTypes(first->data()), QStringList{QStringLiteral("ADDED")});
        QTest::qWait(200);
        QVERIFY(second->data().isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(eventTypes(second->data()), QStringList{QStringLiteral("ADDED")},
                                  3000);
        QVERIFY(second->isOpen()); // it resumes rather than ending
        first->abort();
        second->abort();
    }

    // What kube-apiserver hands on answers 404 while nothing is there to take it.
    void delegatesUnsetAre404()
    {
        ObjectStore store;
        seedDefaultScenario(store, QStringLiteral("sandbox"));
        store.create(m_pods, QStringLiteral("default"), runningPod(QStringLiteral("p1")));
        ApiRouter router(store, QStringLiteral("127.0.0.1"));
        for (const QByteArray &target :
             {QByteArray("/api/v1/namespaces/default/pods/p1/log"),
              QByteArray("/api/v1/namespaces/default/pods/p1/exec?command=ls"),
              QByteArray("/apis/metrics.k8s.io/v1beta1/nodes")}) {
            const HttpReply reply = router.handle(get(target));
            QCOMPARE(reply.kind(), HttpReply::Kind::Response);
            QCOMPARE(reply.response().status, 404);
            QCOMPARE(body(reply).value(u"reason").toString(), QStringLiteral("NotFound"));
        }
    }
};

QTEST_GUILESS_MAIN(tst_ApiRouterIo)
#include "tst_apirouterio.moc"
