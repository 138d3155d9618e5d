#include "apiresultwait.h"
#include "sandboxfixture.h"

#include "core/kube/apiclient.h"
#include "core/kube/apistream.h"

#include <QTest>

using namespace core::kube;
using apitest::into;
using apitest::message;
using apitest::waitFor;

// ApiClient's TLS and credentials against an in-process sandbox (split from tst_apiclient to
// keep files small): kubectl's rules for certificate-authority-data, tls-server-name,
// insecure-skip-tls-verify and client certificates, and client-go's refresh of a dynamic
// credential after a 401, for REST calls and streams alike.
class tst_ApiClientAuth : public QObject
{
    Q_OBJECT

private:
    // A credential provider that hands out "token-N" and counts invalidations.
    class CountingProvider : public CredentialProvider
    {
    public:
        int fetches = 0;
        int invalidations = 0;
        void fetch(QObject *context, Done done) override
        {
            const QString token = QStringLiteral("token-%1").arg(invalidations);
            ++fetches;
            QMetaObject::invokeMethod(
                context,
                [done, token] {
                    done(Credential{token, {}, {}, {}});
                },
                Qt::QueuedConnection);
        }
        void invalidate() override { ++invalidations; }
    };

    // GET /api/v1/nodes as a REST call, or as a stream (a watch the server ends after a
    // second): its error, none when it succeeded.
    static std::optional<ApiStatusError> getNodes(ApiClient &client, bool stream)
    {
        ApiRequest request;
        request.path = QStringLiteral("/api/v1/nodes");
        if (!stream) {
            apitest::Slot<ApiResponse> result;
            client.send(request, &client, into(result));
            if (!waitFor(result))
                return ApiStatusError::transport(QStringLiteral("no answer"));
            return *result ? std::nullopt : std::optional(result->error());
        }
        request.query = {{QStringLiteral("watch"), QStringLiteral("true")},
                         {QStringLiteral("timeoutSeconds"), QStringLiteral("1")}};
        ApiStream *watch = client.openStream(request, &client);
        std::optional<std::optional<ApiStatusError>> outcome;
        connect(watch, &ApiStream::ended, watch, [&] { outcome.emplace(); });
        connect(watch, &ApiStream::failed, watch,
                [&](const ApiStatusError &e) { outcome.emplace(e); });
        const bool answered = QTest::qWaitFor([&] { return outcome.has_value(); }, 10000);
        watch->discard();
        if (!answered)
            return ApiStatusError::transport(QStringLiteral("no answer"));
        return *outcome;
    }

private slots:
    void tls_data()
    {
        QTest::addColumn<QString>("trust"); // sandbox CA | other CA | insecure
        QTest::addColumn<QString>("serverName");
        QTest::addColumn<bool>("succeeds");
        QTest::newRow("sandbox CA") << "sandbox" << QString() << true;
        QTest::newRow("sandbox CA, localhost name") << "sandbox"
                                                    << "localhost" << true;
        QTest::newRow("another CA") << "other" << QString() << false;
        QTest::newRow("name not in the certificate") << "sandbox"
                                                     << "api.example.com" << false;
        QTest::newRow("insecure-skip-tls-verify") << "insecure" << QString() << true;
    }

    void tls()
    {
        QFETCH(QString, trust);
        QFETCH(QString, serverName);
        QFETCH(bool, succeeds);
        SandboxFixture sandbox({}, true);
        QVERIFY(sandbox.started());
        Connection connection = sandbox.connection();
        QCOMPARE(connection.server.scheme(), u"https");
        if (trust == u"other")
            connection.certificateAuthorityPem = core::sandbox::TlsContext::generate()->caPem();
        if (trust == u"insecure") {
            connection.certificateAuthorityPem.clear();
            connection.insecureSkipTlsVerify = true;
        }
        connection.tlsServerName = serverName;
        ApiClient client(connection);
        ApiRequest request;
        request.path = QStringLiteral("/api/v1/nodes");
        apitest::Slot<ApiResponse> result;
        client.send(request, &client, into(result));
        QVERIFY(waitFor(result));
        QCOMPARE(bool(*result), succeeds);
        if (!succeeds) {
            QCOMPARE(result->error().httpStatus, 0);
            QCOMPARE(result->error().toError().code, u"kube.transport");
            QVERIFY2(result->error().message.contains(u"SSL", Qt::CaseInsensitive) ||
                         result->error().message.contains(u"certificate", Qt::CaseInsensitive),
                     qPrintable(result->error().message));
        }
    }

    void clientCertificate()
    {
        SandboxFixture sandbox({}, true);
        Connection connection = sandbox.connection();
        connection.token.clear();
        connection.clientCertPem = sandbox.tls().clientCertPem();
        connection.clientKeyPem = sandbox.tls().clientKeyPem();
        ApiClient client(connection);
        ApiRequest request;
        request.path = QStringLiteral("/api/v1/namespaces");
        apitest::Slot<ApiResponse> result;
        client.send(request, &client, into(result));
        QVERIFY(waitFor(result));
        QVERIFY2(*result, qPrintable(message(*result)));
        QCOMPARE(sandbox.requests().last().client.commonName, u"sandbox-admin");
    }

    // The 401 rule is the pipeline's, so a REST call and a stream (a watch, as logs are) follow
    // it alike.
    void credentialRefreshedAfter401_data()
    {
        QTest::addColumn<bool>("stream");
        QTest::newRow("REST call") << false;
        QTest::newRow("stream") << true;
    }
    void credentialRefreshedAfter401()
    {
        QFETCH(bool, stream);
        SandboxFixture sandbox;
        Connection connection = sandbox.connection();
        auto provider = std::make_shared<CountingProvider>();
        connection.credentialProvider = provider;
        ApiClient client(connection);
        sandbox.failNext("GET", QStringLiteral("/api/v1/nodes"), 1, 401);
        const std::optional<ApiStatusError> error = getNodes(client, stream);
        QVERIFY2(!error, error ? qPrintable(error->message) : "");
        QCOMPARE(provider->invalidations, 1);
        QCOMPARE(provider->fetches, 2);
        const auto requests = sandbox.requests();
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests.at(0).headers.value("Authorization"), QByteArray("Bearer token-0"));
        QCOMPARE(requests.at(1).headers.value("Authorization"), QByteArray("Bearer token-1"));
    }

    void second401IsAnError_data() { credentialRefreshedAfter401_data(); }
    void second401IsAnError()
    {
        QFETCH(bool, stream);
        SandboxFixture sandbox;
        Connection connection = sandbox.connection();
        auto provider = std::make_shared<CountingProvider>();
        connection.credentialProvider = provider;
        ApiClient client(connection);
        sandbox.failNext("GET", QStringLiteral("/api/v1/nodes"), 5, 401);
        const std::optional<ApiStatusError> error = getNodes(client, stream);
        QVERIFY(error);
        QCOMPARE(error->httpStatus, 401);
        QCOMPARE(error->reason, u"Unauthorized");
        QCOMPARE(error->toError().code, u"kube.Unauthorized");
        QCOMPARE(provider->invalidations, 1); // one retry, not a loop
        QCOMPARE(sandbox.requests().size(), 2);
    }

    void staticAuthHeaders_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("username");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("bearer") << "abc" << QString() << QByteArray("Bearer abc");
        // Basic base64("admin:secret"), as RFC 7617 and kubectl's basic auth send it.
        QTest::newRow("basic") << QString() << "admin" << QByteArray("Basic YWRtaW46c2VjcmV0");
    }

    void staticAuthHeaders()
    {
        QFETCH(QString, token);
        QFETCH(QString, username);
        QFETCH(QByteArray, expected);
        SandboxFixture sandbox;
        Connection connection = sandbox.connection();
        connection.token = token;
        connection.username = username;
        connection.password = QStringLiteral("secret");
        connection.extraHeaders = {{"X-Auth-Token", "cci-token"}};
        ApiClient client(connection);
        ApiRequest request;
        request.path = QStringLiteral("/api/v1/nodes");
        apitest::Slot<ApiResponse> result;
        client.send(request, &client, into(result));
        QVERIFY(waitFor(result) && *result);
        QCOMPARE(sandbox.requests().first().headers.value("Authorization"), expected);
        QCOMPARE(sandbox.requests().first().headers.value("X-Auth-Token"), QByteArray("cci-token"));
    }
};

QTEST_GUILESS_MAIN(tst_ApiClientAuth)
#include "tst_apiclientauth.moc"
