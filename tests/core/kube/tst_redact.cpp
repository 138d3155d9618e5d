#include "core/kube/apistatuserror.h"
#include "core/kube/networkrequest.h"
#include "core/kube/redact.h"

#include <QNetworkRequest>
#include <QTest>

using namespace core::kube;

// The one redaction of credentials in logs and error messages (core/kube/redact.h).
class tst_Redact : public QObject
{
    Q_OBJECT

private slots:
    void headerValue_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QByteArray>("printed");
        QTest::newRow("bearer") << QByteArray("Authorization") << QByteArray("Bearer s3cr3t")
                                << QByteArray("Bearer <redacted>");
        QTest::newRow("lower case name") << QByteArray("authorization")
                                         << QByteArray("Basic dXNlcjpwYXNz")
                                         << QByteArray("Basic <redacted>");
        QTest::newRow("AK/SK signature")
            << QByteArray("AUTHORIZATION")
            << QByteArray("SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=abc")
            << QByteArray("SDK-HMAC-SHA256 <redacted>");
        QTest::newRow("proxy") << QByteArray("Proxy-Authorization") << QByteArray("Basic eA==")
                               << QByteArray("Basic <redacted>");
        QTest::newRow("IAM token") << QByteArray("X-Auth-Token") << QByteArray("MIIabc+/=")
                                   << QByteArray("<redacted>");
        QTest::newRow("IAM subject token") << QByteArray("x-subject-token")
                                           << QByteArray("MIIdef") << QByteArray("<redacted>");
        QTest::newRow("cookie") << QByteArray("Cookie") << QByteArray("session=abc; other=def")
                                << QByteArray("<redacted>");
        QTest::newRow("set-cookie") << QByteArray("Set-Cookie")
                                    << QByteArray("session=abc; HttpOnly")
                                    << QByteArray("<redacted>");
        QTest::newRow("padded name") << QByteArray(" Cookie ") << QByteArray("a=b")
                                     << QByteArray("<redacted>");
        QTest::newRow("other header kept") << QByteArray("Accept")
                                           << QByteArray("application/json")
                                           << QByteArray("application/json");
        QTest::newRow("lookalike kept") << QByteArray("X-Authorization-Hint")
                                        << QByteArray("Bearer") << QByteArray("Bearer");
    }
    void headerValue()
    {
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, value);
        QFETCH(QByteArray, printed);
        QCOMPARE(redact::headerValue(name, value), printed);
    }

    void text_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("printed");
        QTest::newRow("header line") << QStringLiteral("> Authorization: Bearer tok-1\nnext")
                                     << QStringLiteral("> Authorization: Bearer <redacted>\nnext");
        QTest::newRow("header lines, any case")
            << QStringLiteral("x-auth-token: abc\nSET-COOKIE: s=1\nAccept: */*")
            << QStringLiteral("x-auth-token: <redacted>\nSET-COOKIE: <redacted>\nAccept: */*");
        QTest::newRow("bearer in prose") << QStringLiteral("sent bearer abc.def-ghi to the server")
                                         << QStringLiteral("sent bearer <redacted> to the server");
        QTest::newRow("ExecCredential token")
            << QStringLiteral("{\"kind\":\"ExecCredential\",\"status\":{\"token\": \"tok\\\"en\"}}")
            << QStringLiteral(R"({"kind":"ExecCredential","status":{"token": "<redacted>"}})");
        QTest::newRow("IAM password body")
            << QStringLiteral(R"({"user":{"name":"op","password":"pw"}})")
            << QStringLiteral(R"({"user":{"name":"op","password":"<redacted>"}})");
        QTest::newRow("client key data") << QStringLiteral(R"("clientKeyData":"LS0t")")
                                         << QStringLiteral(R"("clientKeyData":"<redacted>")");
        QTest::newRow("query token") << QStringLiteral("GET /x?access_token=abc&limit=5")
                                     << QStringLiteral("GET /x?access_token=<redacted>&limit=5");
        QTest::newRow("password word") << QStringLiteral("login failed: password=hunter2, retry")
                                       << QStringLiteral("login failed: password=<redacted>, retry");
        QTest::newRow("plain text kept") << QStringLiteral("pods \"web\" not found")
                                         << QStringLiteral("pods \"web\" not found");
        QTest::newRow("token as a word kept") << QStringLiteral("the token expired")
                                              << QStringLiteral("the token expired");
    }
    void text()
    {
        QFETCH(QString, text);
        QFETCH(QString, printed);
        QCOMPARE(redact::text(text), printed);
        QCOMPARE(redact::text(printed), printed); // redacting twice changes nothing
    }

    void url_data()
    {
        QTest::addColumn<QUrl>("url");
        QTest::addColumn<QString>("printed");
        QTest::newRow("token query") << QUrl(QStringLiteral("https://h/api?token=abc&watch=1"))
                                     << QStringLiteral("https://h/api?token=<redacted>&watch=1");
        QTest::newRow("user info") << QUrl(QStringLiteral("http://u:pw@proxy:3128/"))
                                   << QStringLiteral("http://u:<redacted>@proxy:3128/");
        QTest::newRow("plain") << QUrl(QStringLiteral("https://h:6443/api/v1/pods?limit=500"))
                               << QStringLiteral("https://h:6443/api/v1/pods?limit=500");
    }
    void url()
    {
        QFETCH(QUrl, url);
        QFETCH(QString, printed);
        QCOMPARE(redact::url(url), printed);
    }

    // The debug log of a request, as ApiClient writes it with burst.kube.http.debug on.
    void requestLogHasNoToken()
    {
        Connection connection;
        connection.server = QUrl(QStringLiteral("https://127.0.0.1:6443"));
        connection.token = QStringLiteral("static-token-123");
        connection.extraHeaders.append({QByteArray("X-Auth-Token"), QByteArray("iam-456")});
        QNetworkRequest request = makeRequest(connection, apiUrl(connection, QStringLiteral("/api")));
        request.setRawHeader("Cookie", "sid=cookie-789");
        const QString line = redact::request("GET", request);
        QVERIFY2(line.startsWith(u"GET https://127.0.0.1:6443/api"), qPrintable(line));
        QVERIFY2(line.contains(u"Authorization: Bearer <redacted>"), qPrintable(line));
        QVERIFY2(line.contains(u"X-Auth-Token: <redacted>"), qPrintable(line));
        for (const char *secret : {"static-token-123", "iam-456", "cookie-789"})
            QVERIFY2(!line.contains(QLatin1String(secret)), qPrintable(line));
    }

    // An error that quotes a body echoing the request's credentials does not repeat them.
    void errorQuotingABodyIsRedacted()
    {
        const ApiStatusError plain = ApiStatusError::fromResponse(
            502, QByteArrayLiteral("proxy saw Authorization: Bearer echoed-secret"));
        QVERIFY2(!plain.toError().message.contains(u"echoed-secret"),
                 qPrintable(plain.toError().message));
        QVERIFY(plain.toError().message.contains(u"Bearer <redacted>"));
        const ApiStatusError status = ApiStatusError::fromResponse(
            401, QByteArrayLiteral(R"({"kind":"Status","code":401,"message":"bad token=abc"})"));
        QCOMPARE(status.message, QStringLiteral("bad token=<redacted>"));
    }
};

QTEST_GUILESS_MAIN(tst_Redact)
#include "tst_redact.moc"
