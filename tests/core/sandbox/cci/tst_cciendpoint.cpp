#include "core/sandbox/apiserver/sandboxclock.h"
#include "core/sandbox/cci/cciendpoint.h"
#include "core/sandbox/cci/iamservice.h"
#include "core/sandbox/cluster/scenario.h"
#include "core/sandbox/store/objectstore.h"

#include "iamtesthelpers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace core::sandbox;
using namespace std::chrono_literals;

// The CCI endpoint called directly with request values. A refused request must carry the
// Status kube-apiserver sends for an unauthenticated call (401, reason and message
// "Unauthorized"), which is what makes kubectl print "You must be logged in to the server".
class tst_CciEndpoint : public QObject
{
    Q_OBJECT

public:
    enum class Credential { None, BadToken, AuthToken, Bearer, ExpiredToken, Signed, BadSignature };
    Q_ENUM(Credential)

private:
    SandboxClock m_clock;
    std::unique_ptr<ObjectStore> m_store;
    std::unique_ptr<IamService> m_iam;
    std::unique_ptr<CciEndpoint> m_cci;

    QString issueToken()
    {
        const HttpResponse response = m_iam->issueToken(iamtest::plainRequest(
            "POST", "/v3/auth/tokens",
            iamtest::passwordBody(QStringLiteral("operator"), QStringLiteral("pw"),
                                  QStringLiteral("sandbox"))));
        return QString::fromLatin1(response.headers.value("X-Subject-Token"));
    }

    HttpRequest withCredential(const QByteArray &target, Credential credential)
    {
        switch (credential) {
        case Credential::Signed:
            return iamtest::signedRequest("GET", target, {}, m_clock.now());
        case Credential::BadSignature: {
            iamtest::SignOptions wrong;
            wrong.secretKey = QStringLiteral("wrong");
            return iamtest::signedRequest("GET", target, {}, m_clock.now(), wrong);
        }
        default:
            break;
        }
        HttpRequest request = iamtest::plainRequest("GET", target);
        if (credential == Credential::BadToken)
            request.headers.add("X-Auth-Token", "MIInot-a-token");
        if (credential == Credential::AuthToken)
            request.headers.add("X-Auth-Token", issueToken().toLatin1());
        if (credential == Credential::Bearer)
            request.headers.add("Authorization", "Bearer " + issueToken().toLatin1());
        if (credential == Credential::ExpiredToken) {
            request.headers.add("X-Auth-Token", issueToken().toLatin1());
            m_clock.advance(25h);
        }
        return request;
    }

private slots:
    void init()
    {
        m_store = std::make_unique<ObjectStore>();
        seedCciScenario(*m_store, QStringLiteral("test"));
        const QJsonObject pod{
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QStringLiteral("Pod")},
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("burst-1")}}},
            {QStringLiteral("spec"),
             QJsonObject{
                 {QStringLiteral("containers"),
                  QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("app")},
                                         {QStringLiteral("image"), QStringLiteral("nginx")}}}}}}};
        const ResourceType &pods = podsType();
        QVERIFY(m_store->create(pods, QStringLiteral("cce-burst-test"), pod));
        IamOptions options;
        options.users = {IamUser{QStringLiteral("operator"), QStringLiteral("pw")}};
        options.accessKeys = {
            IamAccessKey{QStringLiteral("AccessKey"), QStringLiteral("SecretKey")}};
        m_iam = std::make_unique<IamService>(m_clock, options);
        m_cci = std::make_unique<CciEndpoint>(*m_iam, *m_store, QStringLiteral("127.0.0.1"));
    }

    void cleanup()
    {
        m_cci.reset();
        m_iam.reset();
        m_store.reset();
    }

    void access_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<Credential>("credential");
        QTest::addColumn<int>("status");
        const QByteArray pods = "/api/v1/namespaces/cce-burst-test/pods";
        QTest::newRow("no token") << pods << Credential::None << 401;
        QTest::newRow("bad token") << pods << Credential::BadToken << 401;
        QTest::newRow("X-Auth-Token") << pods << Credential::AuthToken << 200;
        QTest::newRow("Bearer IAM token") << pods << Credential::Bearer << 200;
        QTest::newRow("expired token") << pods << Credential::ExpiredToken << 401;
        QTest::newRow("AK/SK signed") << pods << Credential::Signed << 200;
        QTest::newRow("AK/SK wrong SK") << pods << Credential::BadSignature << 401;
        QTest::newRow("discovery needs a token") << QByteArray("/api") << Credential::None << 401;
        QTest::newRow("version is open") << QByteArray("/version") << Credential::None << 200;
        QTest::newRow("healthz is open") << QByteArray("/healthz") << Credential::None << 200;
    }

    void access()
    {
        QFETCH(QByteArray, target);
        QFETCH(Credential, credential);
        QFETCH(int, status);
        const HttpReply reply = m_cci->handle(withCredential(target, credential));
        QCOMPARE(reply.kind(), HttpReply::Kind::Response);
        QCOMPARE(reply.response().status, status);
        const QJsonObject body = QJsonDocument::fromJson(reply.response().body).object();
        if (status == 401) {
            QCOMPARE(body.value(u"kind").toString(), u"Status");
            QCOMPARE(body.value(u"status").toString(), u"Failure");
            QCOMPARE(body.value(u"reason").toString(), u"Unauthorized");
            QCOMPARE(body.value(u"message").toString(), u"Unauthorized");
            QCOMPARE(body.value(u"code").toInt(), 401);
        } else if (target.endsWith("/pods")) {
            QCOMPARE(body.value(u"kind").toString(), u"PodList");
            const QJsonArray items = body.value(u"items").toArray();
            QCOMPARE(items.size(), 1);
            QCOMPARE(items.at(0)[u"metadata"][u"name"].toString(), u"burst-1");
        }
    }

    void iamIsServedOnTheSamePort()
    {
        const HttpReply reply = m_cci->handle(iamtest::plainRequest(
            "POST", "/v3/auth/tokens",
            iamtest::passwordBody(QStringLiteral("operator"), QStringLiteral("pw"),
                                  QStringLiteral("sandbox"))));
        QCOMPARE(reply.response().status, 201);
        QVERIFY(!reply.response().headers.value("X-Subject-Token").isEmpty());
    }

    void cceNamespacesAreNotServed()
    {
        HttpRequest request = iamtest::plainRequest("GET", "/api/v1/namespaces");
        request.headers.add("X-Auth-Token", issueToken().toLatin1());
        const HttpReply reply = m_cci->handle(request);
        QCOMPARE(reply.response().status, 200);
        const QJsonArray items =
            QJsonDocument::fromJson(reply.response().body).object().value(u"items").toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.at(0)[u"metadata"][u"name"].toString(), u"cce-burst-test");
    }
};

QTEST_GUILESS_MAIN(tst_CciEndpoint)
#include "tst_cciendpoint.moc"
