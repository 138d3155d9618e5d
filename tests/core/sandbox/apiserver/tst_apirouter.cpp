#include "core/sandbox/apiserver/apirouter.h"
#include "core/sandbox/cluster/scenario.h"
#include "core/sandbox/store/objectstore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace core::sandbox;

// The router called directly with request values: discovery, errors and the injected faults.
class tst_ApiRouter : public QObject
{
    Q_OBJECT

private:
    static HttpRequest get(const QByteArray &target)
    {
        HttpRequest r;
        r.method = "GET";
        r.setTarget(target);
        return r;
    }

    static int status(const HttpReply &reply) { return reply.response().status; }
    static QJsonObject body(const HttpReply &reply)
    {
        return QJsonDocument::fromJson(reply.response().body).object();
    }

private slots:
    void discoveryAndResources_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("kind");
        QTest::newRow("version") << QByteArray("/version") << 200 << QString();
        QTest::newRow("api") << QByteArray("/api") << 200 << "APIVersions";
        QTest::newRow("apis") << QByteArray("/apis") << 200 << "APIGroupList";
        QTest::newRow("core v1") << QByteArray("/api/v1") << 200 << "APIResourceList";
        QTest::newRow("scheduling.cci.io")
            << QByteArray("/apis/scheduling.cci.io/v1") << 200 << "APIResourceList";
        QTest::newRow("unknown group") << QByteArray("/apis/nope/v1") << 404 << "Status";
        QTest::newRow("namespaces") << QByteArray("/api/v1/namespaces") << 200 << "NamespaceList";
        QTest::newRow("one namespace")
            << QByteArray("/api/v1/namespaces/payments") << 200 << "Namespace";
        QTest::newRow("missing pod")
            << QByteArray("/api/v1/namespaces/default/pods/x") << 404 << "Status";
        QTest::newRow("bad selector")
            << QByteArray("/api/v1/pods?labelSelector=a%20in%20(") << 400 << "Status";
    }

    void discoveryAndResources()
    {
        QFETCH(QByteArray, target);
        QFETCH(int, status);
        QFETCH(QString, kind);
        ObjectStore store;
        seedDefaultScenario(store, QStringLiteral("sandbox"));
        ApiRouter router(store, QStringLiteral("127.0.0.1"));
        const HttpReply reply = router.handle(get(target));
        QCOMPARE(tst_ApiRouter::status(reply), status);
        if (!kind.isEmpty())
            QCOMPARE(body(reply).value(u"kind").toString(), kind);
    }

    void faults()
    {
        ObjectStore store;
        seedDefaultScenario(store, QStringLiteral("sandbox"));
        FaultOptions always500;
        always500.rate500 = 1;
        ApiRouter failing(store, QStringLiteral("127.0.0.1"), always500);
        QCOMPARE(status(failing.handle(get("/api/v1/nodes"))), 500);
        QCOMPARE(status(failing.handle(get("/api/v1"))), 200); // discovery stays healthy

        FaultOptions throttled;
        throttled.rate429 = 1;
        ApiRouter busy(store, QStringLiteral("127.0.0.1"), throttled);
        const HttpReply reply = busy.handle(get("/api/v1/nodes"));
        QCOMPARE(status(reply), 429);
        QCOMPARE(reply.response().headers.value("Retry-After"), QByteArray("1"));
        QCOMPARE(body(reply).value(u"reason").toString(), QStringLiteral("TooManyRequests"));

        FaultOptions gone;
        gone.goneEvery = 2;
        gone.latencyMs = 25;
        ApiRouter expiring(store, QStringLiteral("127.0.0.1"), gone);
        const QByteArray watch =
            "/api/v1/nodes?watch=1&resourceVersion=" + store.resourceVersion().toUtf8();
        QCOMPARE(expiring.handle(get(watch)).kind(), HttpReply::Kind::Stream); // 1st resumes
        const HttpReply second = expiring.handle(get(watch));
        QCOMPARE(status(second), 410);
        QCOMPARE(body(second).value(u"reason").toString(), QStringLiteral("Expired"));
        QCOMPARE(second.delay(), std::chrono::milliseconds(25));
        QCOMPARE(expiring.handle(get("/api/v1/nodes?watch=1")).kind(), HttpReply::Kind::Stream);
    }
};

QTEST_GUILESS_MAIN(tst_ApiRouter)
#include "tst_apirouter.moc"
