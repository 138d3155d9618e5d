#include "core/sandbox/apiserver/apirouter.h"
#include "core/sandbox/store/compactjson.h"
#include "core/sandbox/store/objectstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUrl>

using namespace core::sandbox;
using namespace Qt::StringLiterals;

// A plain JSON list is written from the bytes the store keeps (ListItems::Json): the same items,
// byte for byte, as the parsed objects serialised, in the API server's member order; Tables,
// selectors and pages behave as with parsed items.
class tst_ApiList : public QObject
{
    Q_OBJECT

private:
    static HttpRequest get(const QByteArray &target, const QByteArray &accept = {})
    {
        HttpRequest r;
        r.method = "GET";
        r.setTarget(target);
        if (!accept.isEmpty())
            r.headers.set("Accept", accept);
        return r;
    }

    static QJsonObject pod(const QString &name, const QString &app, const QString &phase)
    {
        return QJsonObject{
            {u"apiVersion"_s, u"v1"_s},
            {u"kind"_s, u"Pod"_s},
            {u"metadata"_s,
             QJsonObject{{u"name"_s, name},
                         {u"labels"_s, QJsonObject{{u"app"_s, app}}},
                         {u"annotations"_s, QJsonObject{{u"note"_s, u"\"quoted\" \u00e9\n"_s}}}}},
            {u"spec"_s,
             QJsonObject{{u"containers"_s,
                          QJsonArray{QJsonObject{{u"name"_s, u"c"_s}, {u"image"_s, u"nginx"_s}}}}}},
            {u"status"_s, QJsonObject{{u"phase"_s, phase}, {u"ratio"_s, 0.25}}}};
    }

    // 12 pods in namespaces a and b, app=web on every other one.
    static void fill(ObjectStore &store)
    {
        for (int i = 0; i < 12; ++i) {
            const QString ns = i % 2 ? u"b"_s : u"a"_s;
            QVERIFY(store
                        .create(podsType(), ns,
                                pod(u"p%1"_s.arg(i, 2, 10, QChar(u'0')), i % 3 ? u"web"_s : u"db"_s,
                                    i % 4 ? u"Running"_s : u"Pending"_s))
                        .ok());
        }
    }

    // The names of a list body's items, in order, and its continue token.
    static QStringList names(const QJsonObject &list)
    {
        QStringList out;
        for (const QJsonValue &item : list.value(u"items").toArray()) {
            const QJsonObject meta = item.toObject().value(u"metadata").toObject();
            out << meta.value(u"namespace").toString() + u'/' + meta.value(u"name").toString();
        }
        return out;
    }

private slots:
    void storeItemsJsonAreTheParsedItems()
    {
        ObjectStore store;
        fill(store);
        ListOptions options;
        const auto objects = store.list(podsType(), options);
        options.items = ListItems::Json;
        const auto json = store.list(podsType(), options);
        QVERIFY(objects.ok() && json.ok());
        QVERIFY(json->items.isEmpty());
        QCOMPARE(json->itemsJson.size(), objects->items.size());
        for (qsizetype i = 0; i < objects->items.size(); ++i)
            QCOMPARE(json->itemsJson.at(i),
                     QJsonDocument(objects->items.at(i)).toJson(QJsonDocument::Compact));
        QCOMPARE(json->resourceVersion, objects->resourceVersion);
        // Both forms write the same list.
        QCOMPARE(json->toCompactJson(podsType()), objects->toCompactJson(podsType()));
        QCOMPARE(QJsonDocument::fromJson(json->toCompactJson(podsType())).object(),
                 objects->toJson(podsType()));
    }

    void bodyMemberOrder()
    {
        ObjectStore store;
        fill(store);
        ApiRouter router(store, u"127.0.0.1"_s);
        const HttpReply reply = router.handle(get("/api/v1/namespaces/a/pods?limit=2"));
        QCOMPARE(reply.response().status, 200);
        const QByteArray body = reply.response().body;
        const QByteArray rv = store.resourceVersion().toUtf8();
        const QByteArray head = "{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"metadata\":"
                                "{\"resourceVersion\":\"" +
                                rv + "\",\"continue\":\"";
        QVERIFY2(body.startsWith(head), body.left(120).constData());
        const qsizetype items = body.indexOf("},\"items\":[{");
        QVERIFY(items > 0);
        QVERIFY(body.endsWith("}]}"));
        const QJsonObject list = QJsonDocument::fromJson(body).object();
        QCOMPARE(names(list), (QStringList{u"a/p00"_s, u"a/p02"_s}));
        // The items as stored, byte for byte.
        const auto parsed = store.list(podsType(), {u"a"_s, {}, {}, 2, QString()});
        QByteArray expected;
        for (const QJsonObject &item : parsed->items)
            expected += (expected.isEmpty() ? "" : ",") + compactJson(item);
        QCOMPARE(body.mid(items + 11, body.size() - items - 11 - 2), expected);

        // No continue member on the last page; an empty list is "items":[].
        const QByteArray empty = router.handle(get("/api/v1/namespaces/none/pods")).response().body;
        QCOMPARE(
            empty,
            "{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\"" +
                rv + "\"},\"items\":[]}");
        const QByteArray deployments =
            router.handle(get("/apis/apps/v1/deployments")).response().body;
        QVERIFY(deployments.startsWith("{\"kind\":\"DeploymentList\",\"apiVersion\":\"apps/v1\","));
    }

    void pagedWithSelectors_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("label") << QByteArray("labelSelector=app%3Dweb")
                               << QStringList{u"a/p02"_s, u"a/p04"_s, u"a/p08"_s, u"a/p10"_s,
                                              u"b/p01"_s, u"b/p05"_s, u"b/p07"_s, u"b/p11"_s};
        QTest::newRow("field") << QByteArray("fieldSelector=status.phase%3DPending")
                               << QStringList{u"a/p00"_s, u"a/p04"_s, u"a/p08"_s};
        QTest::newRow("both") << QByteArray(
                                     "labelSelector=app%3Ddb&fieldSelector=status.phase%3DRunning")
                              << QStringList{u"a/p06"_s, u"b/p03"_s, u"b/p09"_s};
        QTest::newRow("none") << QByteArray()
                              << QStringList{u"a/p00"_s, u"a/p02"_s, u"a/p04"_s, u"a/p06"_s,
                                             u"a/p08"_s, u"a/p10"_s, u"b/p01"_s, u"b/p03"_s,
                                             u"b/p05"_s, u"b/p07"_s, u"b/p09"_s, u"b/p11"_s};
    }

    // Pages of 3 under writes between pages: one snapshot at the first page's resourceVersion,
    // with the selector applied on every page, as with parsed items.
    void pagedWithSelectors()
    {
        QFETCH(QByteArray, query);
        QFETCH(QStringList, expected);
        ObjectStore store;
        fill(store);
        ApiRouter router(store, u"127.0.0.1"_s);
        QStringList seen;
        QString token;
        QString listVersion;
        for (int page = 0; page < 10; ++page) {
            QByteArray target = "/api/v1/pods?limit=3&" + query;
            if (!token.isEmpty())
                target += "&continue=" + QUrl::toPercentEncoding(token);
            const HttpReply reply = router.handle(get(target));
            QCOMPARE(reply.response().status, 200);
            const QJsonObject list = QJsonDocument::fromJson(reply.response().body).object();
            const QJsonObject meta = list.value(u"metadata").toObject();
            if (listVersion.isEmpty())
                listVersion = meta.value(u"resourceVersion").toString();
            QCOMPARE(meta.value(u"resourceVersion").toString(), listVersion);
            seen << names(list);
            token = meta.value(u"continue").toString();
            if (token.isEmpty())
                break;
            // A change after the first page is not in the list (its snapshot).
            QVERIFY(store.remove(podsType(), u"b"_s, u"p11"_s).ok() || page > 0);
        }
        QCOMPARE(seen, expected);
    }

    void tableStillFromObjects()
    {
        ObjectStore store;
        fill(store);
        ApiRouter router(store, u"127.0.0.1"_s);
        const HttpReply reply =
            router.handle(get("/api/v1/namespaces/a/pods?limit=4",
                              "application/json;as=Table;v=v1;g=meta.k8s.io,application/json"));
        QCOMPARE(reply.response().status, 200);
        const QJsonObject table = QJsonDocument::fromJson(reply.response().body).object();
        QCOMPARE(table.value(u"kind").toString(), u"Table"_s);
        QCOMPARE(table.value(u"rows").toArray().size(), 4);
        QVERIFY(!table.value(u"metadata").toObject().value(u"continue").toString().isEmpty());
    }

    // includeObject: what each Table row carries, on a list and on a get; `kubectl get
    // --sort-by` asks for Object and sorts by a field of it.
    void tableRowObjects_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("kind"); // of each row's object; empty: no object
        QTest::newRow("absent: metadata") << QByteArray() << 200 << u"PartialObjectMetadata"_s;
        QTest::newRow("Metadata") << QByteArray("includeObject=Metadata") << 200
                                  << u"PartialObjectMetadata"_s;
        QTest::newRow("Object") << QByteArray("includeObject=Object") << 200 << u"Pod"_s;
        QTest::newRow("None") << QByteArray("includeObject=None") << 200 << QString();
        QTest::newRow("lower case") << QByteArray("includeObject=object") << 400 << QString();
        QTest::newRow("unknown") << QByteArray("includeObject=All") << 400 << QString();
    }

    void tableRowObjects()
    {
        QFETCH(QByteArray, query);
        QFETCH(int, status);
        QFETCH(QString, kind);
        ObjectStore store;
        fill(store);
        ApiRouter router(store, u"127.0.0.1"_s);
        const QByteArray accept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";
        for (const QByteArray &path :
             {QByteArray("/api/v1/namespaces/a/pods"), QByteArray("/api/v1/namespaces/a/pods/p02")}) {
            const HttpReply reply = router.handle(get(path + '?' + query, accept));
            QCOMPARE(reply.response().status, status);
            const QJsonObject body = QJsonDocument::fromJson(reply.response().body).object();
            if (status != 200) {
                QCOMPARE(body.value(u"reason").toString(), u"BadRequest"_s);
                QVERIFY(body.value(u"message").toString().contains(u"includeObject"));
                continue;
            }
            const QJsonArray rows = body.value(u"rows").toArray();
            QCOMPARE(rows.size(), path.endsWith("p02") ? 1 : 6);
            for (const QJsonValue &row : rows) {
                const QJsonObject r = row.toObject();
                QCOMPARE(r.contains(u"object"), !kind.isEmpty());
                if (kind.isEmpty())
                    continue;
                const QJsonObject object = r.value(u"object").toObject();
                QCOMPARE(object.value(u"kind").toString(), kind);
                QVERIFY(!object.value(u"metadata").toObject().value(u"name").toString().isEmpty());
                // The whole object: a sort field such as .status.phase is there.
                QCOMPARE(object.contains(u"status"), kind == u"Pod");
            }
        }
        // Without a Table, includeObject means nothing and is not checked.
        QCOMPARE(router.handle(get("/api/v1/namespaces/a/pods?" + query)).response().status, 200);
    }

    void expiredContinueStill410()
    {
        ObjectStore store;
        fill(store);
        ApiRouter router(store, u"127.0.0.1"_s);
        const QJsonObject first =
            QJsonDocument::fromJson(router.handle(get("/api/v1/pods?limit=2")).response().body)
                .object();
        const QString token = first.value(u"metadata").toObject().value(u"continue").toString();
        QVERIFY(!token.isEmpty());
        QVERIFY(store.remove(podsType(), u"a"_s, u"p00"_s).ok());
        store.compact();
        const HttpReply reply =
            router.handle(get("/api/v1/pods?limit=2&continue=" + QUrl::toPercentEncoding(token)));
        QCOMPARE(reply.response().status, 410);
    }
};

QTEST_GUILESS_MAIN(tst_ApiList)
#include "tst_apilist.moc"
