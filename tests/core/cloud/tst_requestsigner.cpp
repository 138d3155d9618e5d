#include "core/cloud/requestsigner.h"
#include "core/sandbox/apiserver/sandboxclock.h"
#include "core/sandbox/cci/iamservice.h"
#include "core/sandbox/transport/httpserver.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTest>

using namespace core;
using namespace core::cloud;

// RequestSigner puts the signature on a real QNetworkAccessManager request; the receiving side
// recomputes it over the request as it arrived (method, path, query, Host, X-Sdk-Date,
// Content-Type, body), so any header QNetworkAccessManager writes differently from what was
// signed shows up as a 401.
class tst_RequestSigner : public QObject
{
    Q_OBJECT

private:
    sandbox::SandboxClock m_clock;
    std::unique_ptr<sandbox::IamService> m_iam;
    std::unique_ptr<sandbox::HttpServer> m_server;

private slots:
    void initTestCase()
    {
        sandbox::IamOptions options;
        options.accessKeys = {sandbox::IamAccessKey{QStringLiteral("AK"), QStringLiteral("SK")}};
        m_iam = std::make_unique<sandbox::IamService>(m_clock, options);
        m_server = std::make_unique<sandbox::HttpServer>(
            [this](const sandbox::HttpRequest &request) -> sandbox::HttpReply {
                const bool valid = m_iam->verifySigned(request).ok();
                return sandbox::HttpResponse::text(valid ? 200 : 401, valid ? "ok" : "refused");
            });
        QVERIFY(m_server->start());
    }

    void cleanupTestCase() { m_server->stop(); }

    void signedRequest_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("signedBody");
        QTest::addColumn<QByteArray>("sentBody");
        QTest::addColumn<QString>("secretKey");
        QTest::addColumn<int>("status");
        const QByteArray json = "application/json";
        QTest::newRow("GET with query")
            << QByteArray("GET") << "/api/v1/namespaces/a/pods?limit=5&labelSelector=app%3Dweb"
            << QByteArray() << QByteArray() << QByteArray() << "SK" << 200;
        QTest::newRow("POST JSON")
            << QByteArray("POST") << "/api/v1/namespaces/a/pods" << json
            << QByteArray(R"({"kind":"Pod"})") << QByteArray(R"({"kind":"Pod"})") << "SK" << 200;
        QTest::newRow("PATCH merge patch")
            << QByteArray("PATCH") << "/apis/apps/v1/namespaces/a/deployments/web"
            << QByteArray("application/merge-patch+json") << QByteArray(R"({"spec":{}})")
            << QByteArray(R"({"spec":{}})") << "SK" << 200;
        QTest::newRow("DELETE with encoded path")
            << QByteArray("DELETE") << "/api/v1/namespaces/a/configmaps/x%2Ey" << QByteArray()
            << QByteArray() << QByteArray() << "SK" << 200;
        QTest::newRow("body changed after signing")
            << QByteArray("POST") << "/api/v1/namespaces/a/pods" << json
            << QByteArray(R"({"kind":"Pod"})") << QByteArray(R"({"kind":"Pod","x":1})") << "SK"
            << 401;
        QTest::newRow("wrong secret key") << QByteArray("GET") << "/api/v1/pods" << QByteArray()
                                          << QByteArray() << QByteArray() << "XX" << 401;
    }

    void signedRequest()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, target);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, signedBody);
        QFETCH(QByteArray, sentBody);
        QFETCH(QString, secretKey);
        QFETCH(int, status);
        QNetworkRequest request(QUrl(m_server->url() + target));
        if (!contentType.isEmpty())
            request.setRawHeader("Content-Type", contentType);
        QVERIFY(!RequestSigner(QStringLiteral("AK"), secretKey).sign(&request, method, signedBody));
        QVERIFY(request.rawHeader("Authorization").startsWith("SDK-HMAC-SHA256 Access=AK, "));
        QVERIFY(request.hasRawHeader("X-Sdk-Date"));
        QNetworkAccessManager network;
        QNetworkReply *reply = network.sendCustomRequest(request, method, sentBody);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), status);
        reply->deleteLater();
    }

    void invalidRequestIsAnError()
    {
        QNetworkRequest request(QUrl(m_server->url() + QStringLiteral("/x")));
        const auto error = RequestSigner(QString(), QStringLiteral("SK")).sign(&request, "GET", {});
        QVERIFY(error.has_value());
        QCOMPARE(error->code, u"aksk.emptyKey");
        QVERIFY(!request.hasRawHeader("Authorization"));
    }
};

QTEST_GUILESS_MAIN(tst_RequestSigner)
#include "tst_requestsigner.moc"
