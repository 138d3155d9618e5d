#include "core/sandbox/apiserver/apihttp.h"
#include "core/sandbox/transport/httprequest.h"

#include <QJsonDocument>
#include <QTest>

using namespace core::sandbox;
using namespace Qt::StringLiterals;

// Where the API meets HTTP: a PATCH's Content-Type picks the patch type (415 for any other, the
// store never sees one), a Status becomes the response, a body must be a JSON object.
class tst_ApiHttp : public QObject
{
    Q_OBJECT

private:
    static HttpRequest patch(const QByteArray &contentType, const QByteArray &body = "{}")
    {
        HttpRequest r;
        r.method = "PATCH";
        r.setTarget("/apis/apps/v1/namespaces/default/deployments/web");
        if (!contentType.isEmpty())
            r.headers.set("Content-Type", contentType);
        r.body = body;
        return r;
    }

private slots:
    void patchTypeFromContentType_data()
    {
        QTest::addColumn<QString>("contentType");
        QTest::addColumn<int>("patchType");
        QTest::newRow("json patch")
            << u"application/json-patch+json"_s << int(PatchType::JsonPatch);
        QTest::newRow("merge patch")
            << u"application/merge-patch+json"_s << int(PatchType::MergePatch);
        QTest::newRow("strategic, parameters ignored")
            << u"application/strategic-merge-patch+json; charset=utf-8"_s
            << int(PatchType::StrategicMergePatch);
        QTest::newRow("server-side apply")
            << u"application/apply-patch+yaml"_s << int(PatchType::ApplyPatch);
    }

    void patchTypeFromContentType()
    {
        QFETCH(QString, contentType);
        QFETCH(int, patchType);
        const auto type = core::sandbox::patchTypeFromContentType(contentType);
        QVERIFY(type.has_value());
        QCOMPARE(int(*type), patchType);
        QCOMPARE(core::sandbox::patchTypeFromContentType(core::sandbox::contentType(*type)), type);
    }

    // The 415 the API server answers for a patch body it does not know.
    void unknownPatchContentTypeIs415()
    {
        for (const QByteArray &contentType :
             {QByteArray("application/yaml"), QByteArray("text/plain"), QByteArray()}) {
            const auto type = patchTypeOf(patch(contentType));
            QVERIFY(!type.ok());
            QCOMPARE(type.error().code, 415);
            QCOMPARE(type.error().reason, u"UnsupportedMediaType"_s);
            QVERIFY(type.error().message.contains(u"application/strategic-merge-patch+json"_s));
            QVERIFY(type.error().message.contains(u"application/apply-patch+yaml"_s));
        }
        const auto merge = patchTypeOf(patch("application/merge-patch+json"));
        QVERIFY(merge.ok());
        QCOMPARE(*merge, PatchType::MergePatch);
    }

    // ValidatePatchOptions and the apply body: what the request carries, or the Status.
    void applyRequest_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("answer"); // the error message, or manager/force/data.k
        QTest::newRow("yaml body")
            << QByteArray("?fieldManager=kubectl&force=false")
            << QByteArray("kind: ConfigMap\ndata:\n  k: 'on'\n") << 0 << u"kubectl false on"_s;
        QTest::newRow("json body, forced")
            << QByteArray("?fieldManager=ci&force=true") << QByteArray("{\"data\":{\"k\":\"v\"}}")
            << 0 << u"ci true v"_s;
        QTest::newRow("no fieldManager")
            << QByteArray("?force=true") << QByteArray("{}") << 422
            << u"PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is "
               "required for apply patch"_s;
        QTest::newRow("not an object")
            << QByteArray("?fieldManager=a") << QByteArray("- a\n- b\n") << 400
            << u"error decoding YAML: the applied configuration is not an object"_s;
    }

    void applyRequest()
    {
        QFETCH(QByteArray, query);
        QFETCH(QByteArray, body);
        QFETCH(int, code);
        QFETCH(QString, answer);
        HttpRequest r = patch("application/apply-patch+yaml", body);
        r.setTarget("/api/v1/namespaces/default/configmaps/c" + query);
        QCOMPARE(patchTypeOf(r).ok(), true);
        const auto apply = applyRequestOf(r);
        if (code != 0) {
            QVERIFY(!apply.ok());
            QCOMPARE(apply.error().code, code);
            QCOMPARE(apply.error().message, answer);
            return;
        }
        QVERIFY(apply.ok());
        QCOMPARE(apply->manager + u' ' + (apply->force ? u"true"_s : u"false"_s) + u' ' +
                     apply->config.value(u"data").toObject().value(u"k").toString(),
                 answer);
    }

    void forceOnlyOnApply()
    {
        HttpRequest r = patch("application/merge-patch+json");
        r.setTarget("/api/v1/namespaces/default/configmaps/c?force=true");
        const auto type = patchTypeOf(r);
        QVERIFY(!type.ok());
        QCOMPARE(type.error().code, 422);
        QCOMPARE(type.error().message,
                 u"PatchOptions.meta.k8s.io \"\" is invalid: force: Forbidden: may not be "
                 "specified for non-apply patch"_s);
    }

    void statusResponseCarriesTheStatus()
    {
        const HttpResponse response = statusResponse(ApiError::badRequest(u"no"_s));
        QCOMPARE(response.status, 400);
        QCOMPARE(response.headers.value("Content-Type"), QByteArray("application/json"));
        const QJsonObject status = QJsonDocument::fromJson(response.body).object();
        QCOMPARE(status, ApiError::badRequest(u"no"_s).toStatus());
    }

    void jsonBodyMustBeAnObject()
    {
        QVERIFY(jsonBody(patch("application/json", R"({"a":1})")).ok());
        for (const QByteArray &body : {QByteArray("[]"), QByteArray("{"), QByteArray()}) {
            const auto parsed = jsonBody(patch("application/json", body));
            QVERIFY(!parsed.ok());
            QCOMPARE(parsed.error().code, 400);
            QVERIFY(parsed.error().message.startsWith(u"the request body is not a JSON object"_s));
        }
    }
};

QTEST_GUILESS_MAIN(tst_ApiHttp)
#include "tst_apihttp.moc"
