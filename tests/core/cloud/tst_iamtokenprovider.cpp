#include "core/cloud/iamtokenprovider.h"
#include "core/sandbox/apiserver/sandboxclock.h"
#include "core/sandbox/cci/iamservice.h"
#include "core/sandbox/transport/httpserver.h"
#include "core/sandbox/transport/tlscontext.h"

#include <QSignalSpy>
#include <QTest>

using namespace core;
using namespace core::cloud;
using namespace std::chrono_literals;

// IamTokenProvider against the sandbox IAM on an in-process HTTPS server whose CA the provider is
// given. Its contract is kube::CredentialProvider's: answers queued to the context, a cached token
// until expires_at minus the margin, one request for concurrent callers, a new token after
// invalidate().
class tst_IamTokenProvider : public QObject
{
    Q_OBJECT

private:
    sandbox::SandboxClock m_clock;
    std::unique_ptr<sandbox::IamService> m_iam;
    sandbox::TlsContext m_tls;
    std::unique_ptr<sandbox::HttpServer> m_server;
    QList<Result<kube::Credential>> m_results;

    IamTokenOptions passwordOptions(const QString &password = QStringLiteral("s3cret")) const
    {
        IamTokenOptions options;
        options.iamEndpoint = QUrl(m_server->url());
        options.identity =
            IamPasswordIdentity{QStringLiteral("alice"), password, QStringLiteral("acme")};
        options.projectName = QStringLiteral("cn-north-4");
        options.caCertificatesPem = m_tls.caPem();
        return options;
    }

    static QString failure(const Result<kube::Credential> &result)
    {
        return result ? QString() : result.error().code + u' ' + result.error().message;
    }

    void fetchInto(IamTokenProvider &provider)
    {
        provider.fetch(
            this, [this](const Result<kube::Credential> &result) { m_results.append(result); });
    }

private slots:
    void initTestCase()
    {
        auto tls = sandbox::TlsContext::generate();
        QVERIFY(tls);
        m_tls = *tls;
        sandbox::IamOptions options;
        options.users = {sandbox::IamUser{QStringLiteral("alice"), QStringLiteral("s3cret"),
                                          QStringLiteral("acme")}};
        options.accessKeys = {sandbox::IamAccessKey{QStringLiteral("AK1"), QStringLiteral("SK1")}};
        options.tokenTtl = 10min;
        m_iam = std::make_unique<sandbox::IamService>(m_clock, options);
        sandbox::HttpServerOptions serverOptions;
        serverOptions.tls = m_tls;
        m_server = std::make_unique<sandbox::HttpServer>(
            [this](const sandbox::HttpRequest &request) -> sandbox::HttpReply {
                if (request.path == u"/broken/v3/auth/tokens")
                    return sandbox::HttpResponse::json(201, "{\"token\":{}}");
                return m_iam->issueToken(request);
            },
            serverOptions);
        QVERIFY(m_server->start());
    }

    void cleanupTestCase() { m_server->stop(); }

    void init() { m_results.clear(); }

    void passwordTokenIsCached()
    {
        IamTokenProvider provider(passwordOptions());
        fetchInto(provider);
        QVERIFY(m_results.isEmpty()); // never answered from inside fetch()
        QTRY_COMPARE(m_results.size(), 1);
        QVERIFY2(m_results.at(0).ok(), qPrintable(failure(m_results.at(0))));
        const kube::Credential first = m_results.at(0).value();
        QVERIFY(first.token.startsWith(u"MII"));
        QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(first.expiry) - 600) < 5);
        const auto identity = m_iam->identityForToken(first.token);
        QVERIFY(identity.has_value());
        QCOMPARE(identity->projectName, u"cn-north-4");
        fetchInto(provider);
        QTRY_COMPARE(m_results.size(), 2);
        QCOMPARE(m_results.at(1).value().token, first.token);
        QCOMPARE(provider.requestsSent(), 1);
    }

    void concurrentFetchesShareOneRequest()
    {
        IamTokenProvider provider(passwordOptions());
        for (int i = 0; i < 3; ++i)
            fetchInto(provider);
        QTRY_COMPARE(m_results.size(), 3);
        QCOMPARE(provider.requestsSent(), 1);
        for (const auto &result : std::as_const(m_results))
            QCOMPARE(result.value().token, m_results.at(0).value().token);
    }

    void invalidateGetsANewToken()
    {
        IamTokenProvider provider(passwordOptions());
        fetchInto(provider);
        QTRY_COMPARE(m_results.size(), 1);
        provider.invalidate();
        fetchInto(provider);
        QTRY_COMPARE(m_results.size(), 2);
        QCOMPARE(provider.requestsSent(), 2);
        QVERIFY(m_results.at(1).value().token != m_results.at(0).value().token);
    }

    void refreshesWithinTheMargin()
    {
        IamTokenOptions options = passwordOptions();
        QDateTime now = QDateTime::currentDateTimeUtc();
        options.now = [&now] { return now; };
        options.refreshMargin = 5min; // the token lives 10 minutes
        IamTokenProvider provider(options);
        fetchInto(provider);
        QTRY_COMPARE(m_results.size(), 1);
        now = now.addSecs(4 * 60);
        fetchInto(provider);
        QTRY_COMPARE(m_results.size(), 2);
        QCOMPARE(provider.requestsSent(), 1);
        now = now.addSecs(2 * 60);
        fetchInto(provider);
        QTRY_COMPARE(m_results.size(), 3);
        QCOMPARE(provider.requestsSent(), 2);
    }

    void accessKeySignsTheTokenRequest()
    {
        IamTokenOptions options = passwordOptions();
        options.identity = IamAccessKeyIdentity{QStringLiteral("AK1"), QStringLiteral("SK1")};
        IamTokenProvider provider(options);
        fetchInto(provider);
        QTRY_COMPARE(m_results.size(), 1);
        QVERIFY2(m_results.at(0).ok(), qPrintable(failure(m_results.at(0))));
        const auto identity = m_iam->identityForToken(m_results.at(0).value().token);
        QVERIFY(identity.has_value());
        QCOMPARE(identity->methods, QStringList{QStringLiteral("hw_ak_sk")});
    }

    void errors_data()
    {
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("secretKey");
        QTest::addColumn<bool>("trustCa");
        QTest::addColumn<QString>("code");
        QTest::newRow("wrong password")
            << QString() << "guess" << QString() << true << "iam.unauthorized";
        QTest::newRow("wrong secret key")
            << QString() << QString() << "SK2" << true << "iam.unauthorized";
        QTest::newRow("unreachable") << "https://127.0.0.1:1"
                                     << "s3cret" << QString() << true << "iam.unreachable";
        QTest::newRow("untrusted CA") << QString() << "s3cret" << QString() << false << "iam.tls";
        QTest::newRow("no token in answer") << "/broken"
                                            << "s3cret" << QString() << true << "iam.badResponse";
    }

    void errors()
    {
        QFETCH(QString, endpoint);
        QFETCH(QString, password);
        QFETCH(QString, secretKey);
        QFETCH(bool, trustCa);
        QFETCH(QString, code);
        IamTokenOptions options = passwordOptions(password);
        if (endpoint.startsWith(u'/'))
            options.iamEndpoint = QUrl(m_server->url() + endpoint);
        else if (!endpoint.isEmpty())
            options.iamEndpoint = QUrl(endpoint);
        if (!secretKey.isEmpty())
            options.identity = IamAccessKeyIdentity{QStringLiteral("AK1"), secretKey};
        if (!trustCa)
            options.caCertificatesPem.clear();
        IamTokenProvider provider(options);
        fetchInto(provider);
        QTRY_COMPARE(m_results.size(), 1);
        QVERIFY(!m_results.at(0).ok());
        QCOMPARE(m_results.at(0).error().code, code);
        QVERIFY(!m_results.at(0).error().message.isEmpty());
        QVERIFY(!m_results.at(0).error().hint.isEmpty());
        // An error is not cached: the next fetch asks again.
        fetchInto(provider);
        QTRY_COMPARE(m_results.size(), 2);
        QCOMPARE(provider.requestsSent(), 2);
    }

    void destroyedContextIsNotCalled()
    {
        IamTokenProvider provider(passwordOptions());
        int calls = 0;
        auto context = std::make_unique<QObject>();
        provider.fetch(context.get(), [&calls](const Result<kube::Credential> &) { ++calls; });
        context.reset();
        fetchInto(provider);
        QTRY_COMPARE(m_results.size(), 1);
        QTest::qWait(50);
        QCOMPARE(calls, 0);
    }
};

QTEST_GUILESS_MAIN(tst_IamTokenProvider)
#include "tst_iamtokenprovider.moc"
