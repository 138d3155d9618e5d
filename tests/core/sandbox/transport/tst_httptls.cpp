#include "core/sandbox/transport/httpserver.h"
#include "core/sandbox/transport/tlscontext.h"
#include "tests/core/sandbox/transport/httptesthelpers.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslSocket>
#include <QTest>

#include <atomic>

// Expected values come from the RFCs (9112 HTTP/1.1 framing, 6455 WebSocket accept key and
// framing), from what Qt's HTTP and TLS stacks report, and from the real kubectl driving the
// server; never from the server's own code.

using namespace core::sandbox;
using namespace httptest;
using namespace std::chrono_literals;

// HTTPS with the generated PKI: key types, host names, untrusted clients, client certificates.
class tst_httptls : public QObject
{
    Q_OBJECT

private slots:
    void tlsTrustedClient_data();
    void tlsTrustedClient();
    void tlsUntrustedClientFails();
    void tlsHostNames_data();
    void tlsHostNames();
    void tlsClientIdentity_data();
    void tlsClientIdentity();
};

void tst_httptls::tlsTrustedClient_data()
{
    QTest::addColumn<bool>("rsa");
    QTest::addColumn<QString>("host");
    QTest::newRow("P-256 127.0.0.1") << false << QStringLiteral("127.0.0.1");
    QTest::newRow("P-256 localhost") << false << QStringLiteral("localhost");
    QTest::newRow("RSA-2048 127.0.0.1") << true << QStringLiteral("127.0.0.1");
}

void tst_httptls::tlsTrustedClient()
{
    QFETCH(bool, rsa);
    QFETCH(QString, host);
    TlsOptions tlsOptions;
    tlsOptions.keyType = rsa ? TlsOptions::KeyType::Rsa2048 : TlsOptions::KeyType::EcP256;
    const auto tls = TlsContext::generate(tlsOptions);
    QVERIFY(tls.ok());
    HttpServerOptions options;
    options.tls = *tls;
    HttpServer server(describeRequest, options);
    QVERIFY(server.start().ok());
    QVERIFY(server.url().startsWith(u"https://127.0.0.1:"));

    QNetworkAccessManager manager;
    QNetworkRequest request(urlOf(server, QStringLiteral("/version"), host));
    request.setSslConfiguration(trusting(*tls));
    QNetworkReply *reply = manager.get(request);
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    const QJsonObject seen = jsonOf(reply);
    QCOMPARE(seen.value(u"secure").toBool(), true);
    QCOMPARE(seen.value(u"verified").toBool(), false); // no client certificate offered
    reply->deleteLater();
}

void tst_httptls::tlsUntrustedClientFails()
{
    const auto tls = TlsContext::generate();
    QVERIFY(tls.ok());
    HttpServerOptions options;
    options.tls = *tls;
    std::atomic<int> handled = 0;
    HttpServer server(
        [&handled](const HttpRequest &request) {
            ++handled;
            return describeRequest(request);
        },
        options);
    QVERIFY(server.start().ok());
    QNetworkAccessManager manager;
    QNetworkReply *reply = manager.get(QNetworkRequest(urlOf(server, QStringLiteral("/"))));
    QSignalSpy sslErrors(reply, &QNetworkReply::sslErrors);
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->error(), QNetworkReply::SslHandshakeFailedError);
    QVERIFY(!sslErrors.isEmpty());
    QCOMPARE(handled.load(), 0);
    reply->deleteLater();
}

void tst_httptls::tlsHostNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("IP SAN") << QStringLiteral("127.0.0.1") << true;
    QTest::newRow("DNS SAN") << QStringLiteral("localhost") << true;
    QTest::newRow("extra DNS SAN") << QStringLiteral("sandbox.test") << true;
    QTest::newRow("extra IP SAN") << QStringLiteral("10.1.2.3") << true;
    QTest::newRow("other name") << QStringLiteral("other.test") << false;
    QTest::newRow("other IP") << QStringLiteral("127.0.0.2") << false;
}

void tst_httptls::tlsHostNames()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    TlsOptions tlsOptions;
    tlsOptions.extraNames = {QStringLiteral("sandbox.test"), QStringLiteral("10.1.2.3")};
    const auto tls = TlsContext::generate(tlsOptions);
    QVERIFY(tls.ok());
    HttpServerOptions options;
    options.tls = *tls;
    HttpServer server(describeRequest, options);
    QVERIFY(server.start().ok());

    QSslSocket socket;
    socket.setSslConfiguration(trusting(*tls));
    socket.setPeerVerifyName(name);
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), server.port());
    QCOMPARE(socket.waitForEncrypted(kWaitMs), valid);
    const auto errors = socket.sslHandshakeErrors();
    if (!valid) {
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().error(), QSslError::HostNameMismatch);
    }
}

void tst_httptls::tlsClientIdentity_data()
{
    QTest::addColumn<QString>("certificate"); // none | admin | issued | foreign
    QTest::addColumn<bool>("connects");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QStringList>("groups");
    QTest::newRow("none") << QStringLiteral("none") << true << QString() << QStringList();
    QTest::newRow("admin") << QStringLiteral("admin") << true << QStringLiteral("sandbox-admin")
                           << QStringList{QStringLiteral("system:masters")};
    QTest::newRow("issued") << QStringLiteral("issued") << true << QStringLiteral("jane")
                            << QStringList{QStringLiteral("dev"), QStringLiteral("ops")};
    QTest::newRow("foreign CA") << QStringLiteral("foreign") << false << QString() << QStringList();
}

void tst_httptls::tlsClientIdentity()
{
    QFETCH(QString, certificate);
    QFETCH(bool, connects);
    QFETCH(QString, user);
    QFETCH(QStringList, groups);
    const auto tls = TlsContext::generate();
    const auto foreign = TlsContext::generate();
    QVERIFY(tls.ok() && foreign.ok());
    HttpServerOptions options;
    options.tls = *tls;
    HttpServer server(describeRequest, options);
    QVERIFY(server.start().ok());

    QSslConfiguration configuration = trusting(*tls);
    TlsKeyPair pair;
    if (certificate == u"admin") {
        pair = {tls->clientCertPem(), tls->clientKeyPem()};
    } else if (certificate == u"issued") {
        const auto issued = tls->issueClientCertificate(QStringLiteral("jane"), groups);
        QVERIFY(issued.ok());
        pair = *issued;
    } else if (certificate == u"foreign") {
        pair = {foreign->clientCertPem(), foreign->clientKeyPem()};
    }
    if (!pair.certificatePem.isEmpty()) {
        configuration.setLocalCertificate(QSslCertificate(pair.certificatePem));
        configuration.setPrivateKey(QSslKey(pair.privateKeyPem, QSsl::Ec));
    }
    QNetworkAccessManager manager;
    QNetworkRequest request(urlOf(server, QStringLiteral("/whoami")));
    request.setSslConfiguration(configuration);
    QNetworkReply *reply = manager.get(request);
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->error() == QNetworkReply::NoError, connects);
    if (connects) {
        const QJsonObject seen = jsonOf(reply);
        QCOMPARE(seen.value(u"verified").toBool(), !user.isEmpty());
        QCOMPARE(seen.value(u"user").toString(), user);
        QCOMPARE(seen.value(u"groups").toVariant().toStringList(), groups);
    }
    reply->deleteLater();
}

QTEST_GUILESS_MAIN(tst_httptls)
#include "tst_httptls.moc"
