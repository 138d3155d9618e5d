#include "core/sandbox/apiserver/sandboxclock.h"
#include "core/sandbox/cci/iamservice.h"

#include "iamtesthelpers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <thread>
#include <vector>

Q_DECLARE_METATYPE(iamtest::SignOptions)

using namespace core::sandbox;
using namespace std::chrono_literals;

// Expected answers follow Huawei IAM's "Obtaining a User Token" API reference (201 with the token
// in X-Subject-Token, token.expires_at/methods/user/project in the body; 401 for a wrong user or
// password, 400 for a malformed identity, errors as {"error": {code, message, title}}) and API
// Gateway's AK/SK rules (SDK-HMAC-SHA256, X-Sdk-Date at most 15 minutes off).
class tst_IamService : public QObject
{
    Q_OBJECT

private:
    static IamOptions options()
    {
        IamOptions o;
        o.users = {
            IamUser{QStringLiteral("alice"), QStringLiteral("s3cret"), QStringLiteral("acme")}};
        o.accessKeys = {IamAccessKey{QStringLiteral("AccessKey"), QStringLiteral("SecretKey"),
                                     QStringLiteral("alice"), QStringLiteral("acme")}};
        return o;
    }
    static QJsonObject body(const HttpResponse &response)
    {
        return QJsonDocument::fromJson(response.body).object();
    }

private slots:
    void password_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("domain");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("title");
        QTest::newRow("ok") << "alice"
                            << "s3cret"
                            << "acme" << 201 << QString();
        QTest::newRow("wrong password") << "alice"
                                        << "guess"
                                        << "acme" << 401 << "Unauthorized";
        QTest::newRow("unknown user") << "bob"
                                      << "s3cret"
                                      << "acme" << 401 << "Unauthorized";
        QTest::newRow("other domain") << "alice"
                                      << "s3cret"
                                      << "other" << 401 << "Unauthorized";
        QTest::newRow("missing domain") << "alice"
                                        << "s3cret" << QString() << 400 << "Bad Request";
    }

    void password()
    {
        QFETCH(QString, user);
        QFETCH(QString, password);
        QFETCH(QString, domain);
        QFETCH(int, status);
        QFETCH(QString, title);
        SandboxClock clock;
        IamService iam(clock, options());
        const HttpResponse response = iam.issueToken(iamtest::plainRequest(
            "POST", "/v3/auth/tokens", iamtest::passwordBody(user, password, domain)));
        QCOMPARE(response.status, status);
        const QJsonObject json = body(response);
        if (status == 201) {
            const QByteArray token = response.headers.value("X-Subject-Token");
            QVERIFY(!token.isEmpty());
            const QJsonObject t = json.value(u"token").toObject();
            QCOMPARE(t.value(u"methods").toArray(), QJsonArray{QStringLiteral("password")});
            QCOMPARE(t.value(u"user").toObject().value(u"name").toString(), user);
            QCOMPARE(t.value(u"project").toObject().value(u"name").toString(), u"cn-north-4");
            const QDateTime expires =
                QDateTime::fromString(t.value(u"expires_at").toString(), Qt::ISODateWithMs);
            QVERIFY(qAbs(clock.now().secsTo(expires) - 24 * 3600) < 5);
            QVERIFY(iam.identityForToken(QString::fromLatin1(token)).has_value());
        } else {
            const QJsonObject error = json.value(u"error").toObject();
            QCOMPARE(error.value(u"code").toInt(), status);
            QCOMPARE(error.value(u"title").toString(), title);
            QVERIFY(!error.value(u"message").toString().isEmpty());
            QVERIFY(!response.headers.contains("X-Subject-Token"));
            QCOMPARE(iam.tokenCount(), 0);
        }
    }

    void malformedBody_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::newRow("not json") << QByteArray("POST") << QByteArray("{") << 400;
        QTest::newRow("no auth") << QByteArray("POST") << QByteArray("{\"x\":1}") << 400;
        QTest::newRow("no password method")
            << QByteArray("POST") << QByteArray("{\"auth\":{\"identity\":{\"methods\":[]}}}")
            << 400;
        QTest::newRow("GET") << QByteArray("GET") << QByteArray() << 405;
    }

    void malformedBody()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        SandboxClock clock;
        IamService iam(clock, options());
        const HttpResponse response =
            iam.issueToken(iamtest::plainRequest(method, "/v3/auth/tokens", body));
        QCOMPARE(response.status, status);
        QCOMPARE(this->body(response).value(u"error").toObject().value(u"code").toInt(), status);
    }

    void signedTokenRequest_data()
    {
        QTest::addColumn<iamtest::SignOptions>("sign");
        QTest::addColumn<int>("status");
        const iamtest::SignOptions ok;
        QTest::newRow("signed ok") << ok << 201;
        iamtest::SignOptions tampered;
        tampered.tamperedBody = R"({"auth":{"identity":{"methods":["hw_ak_sk"]}},"x":1})";
        QTest::newRow("tampered body") << tampered << 401;
        iamtest::SignOptions wrongSk;
        wrongSk.secretKey = QStringLiteral("NotTheSecretKey");
        QTest::newRow("wrong SK") << wrongSk << 401;
        iamtest::SignOptions unknownAk;
        unknownAk.accessKey = QStringLiteral("UnknownKey");
        QTest::newRow("unknown AK") << unknownAk << 401;
        iamtest::SignOptions stale;
        stale.dateOffsetSecs = -16 * 60;
        QTest::newRow("date 16 min old") << stale << 401;
        iamtest::SignOptions ahead;
        ahead.dateOffsetSecs = 16 * 60;
        QTest::newRow("date 16 min ahead") << ahead << 401;
        iamtest::SignOptions skewed;
        skewed.dateOffsetSecs = -14 * 60;
        QTest::newRow("date 14 min old") << skewed << 201;
        iamtest::SignOptions hostless;
        hostless.signedHeaders = {QStringLiteral("x-sdk-date"), QStringLiteral("content-type")};
        QTest::newRow("host not signed") << hostless << 401;
        iamtest::SignOptions missing;
        missing.dropContentType = true;
        QTest::newRow("signed header missing") << missing << 401;
    }

    void signedTokenRequest()
    {
        QFETCH(iamtest::SignOptions, sign);
        QFETCH(int, status);
        SandboxClock clock;
        IamService iam(clock, options());
        const QByteArray signedBody = R"({"auth":{"identity":{"methods":["hw_ak_sk"]}}})";
        const HttpResponse response = iam.issueToken(
            iamtest::signedRequest("POST", "/v3/auth/tokens", signedBody, clock.now(), sign));
        QCOMPARE(response.status, status);
        if (status != 201) {
            QCOMPARE(body(response).value(u"error").toObject().value(u"title").toString(),
                     u"Unauthorized");
            return;
        }
        const auto identity =
            iam.identityForToken(QString::fromLatin1(response.headers.value("X-Subject-Token")));
        QVERIFY(identity.has_value());
        QCOMPARE(identity->userName, u"alice");
        QCOMPARE(identity->methods, QStringList{QStringLiteral("hw_ak_sk")});
    }

    void signedQueryAndPath()
    {
        SandboxClock clock;
        IamService iam(clock, options());
        const QByteArray target =
            "/api/v1/namespaces/cce-burst-x/pods?limit=500&labelSelector=a%3Db";
        QVERIFY(iam.verifySigned(iamtest::signedRequest("GET", target, {}, clock.now())));
        HttpRequest moved = iamtest::signedRequest("GET", target, {}, clock.now());
        moved.setTarget("/api/v1/namespaces/cce-burst-x/pods?limit=501&labelSelector=a%3Db");
        QVERIFY(!iam.verifySigned(moved));
    }

    void tokenExpiresOnTheSandboxClock()
    {
        SandboxClock clock;
        IamOptions o = options();
        o.tokenTtl = 1h;
        IamService iam(clock, o);
        const HttpResponse response = iam.issueToken(iamtest::plainRequest(
            "POST", "/v3/auth/tokens",
            iamtest::passwordBody(QStringLiteral("alice"), QStringLiteral("s3cret"),
                                  QStringLiteral("acme"))));
        QCOMPARE(response.status, 201);
        const QString token = QString::fromLatin1(response.headers.value("X-Subject-Token"));
        QVERIFY(iam.identityForToken(token).has_value());
        QVERIFY(!iam.identityForToken(token + u'x').has_value());
        clock.advance(59min);
        QVERIFY(iam.identityForToken(token).has_value());
        clock.advance(2min);
        QVERIFY(!iam.identityForToken(token).has_value());
        QCOMPARE(iam.tokenCount(), 0);
    }

    void concurrentIssueAndCheck()
    {
        SandboxClock clock;
        IamService iam(clock, options());
        const HttpRequest request = iamtest::plainRequest(
            "POST", "/v3/auth/tokens",
            iamtest::passwordBody(QStringLiteral("alice"), QStringLiteral("s3cret"),
                                  QStringLiteral("acme")));
        std::vector<std::thread> threads;
        std::atomic<int> valid = 0;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&] {
                for (int i = 0; i < 50; ++i) {
                    const HttpResponse r = iam.issueToken(request);
                    if (iam.identityForToken(
                            QString::fromLatin1(r.headers.value("X-Subject-Token"))))
                        ++valid;
                }
            });
        }
        for (auto &thread : threads)
            thread.join();
        QCOMPARE(valid.load(), 200);
        QCOMPARE(iam.tokenCount(), 200);
    }
};

QTEST_GUILESS_MAIN(tst_IamService)
#include "tst_iamservice.moc"
