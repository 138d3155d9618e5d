#include "../kube/apiresultwait.h"

#include "core/cloud/requestsigner.h"
#include "core/kube/apiclient.h"
#include "core/sandbox/apiserver/sandboxclock.h"
#include "core/sandbox/cci/cciendpoint.h"
#include "core/sandbox/cci/iamservice.h"
#include "core/sandbox/cluster/scenario.h"
#include "core/sandbox/store/objectstore.h"
#include "core/sandbox/transport/httpserver.h"

#include <QNetworkRequest>
#include <QTest>

using namespace core;

// The REST client talking to the sandbox CCI endpoint with every request signed by an AK/SK
// (the alternative to IAM tokens): the endpoint re-signs what it received and compares.
class tst_CciClient : public QObject
{
    Q_OBJECT

private:
    sandbox::SandboxClock m_clock;
    sandbox::ObjectStore m_store;
    std::unique_ptr<sandbox::IamService> m_iam;
    std::unique_ptr<sandbox::CciEndpoint> m_cci;
    std::unique_ptr<sandbox::HttpServer> m_server;

private slots:
    void initTestCase()
    {
        sandbox::seedCciScenario(m_store, QStringLiteral("sandbox"));
        sandbox::IamOptions options;
        options.accessKeys.append(sandbox::IamAccessKey{QStringLiteral("SANDBOXAK"),
                                                        QStringLiteral("sandbox-sk")});
        m_iam = std::make_unique<sandbox::IamService>(m_clock, options);
        m_cci = std::make_unique<sandbox::CciEndpoint>(*m_iam, m_store,
                                                        QStringLiteral("127.0.0.1"));
        m_server = std::make_unique<sandbox::HttpServer>(
            [this](const sandbox::HttpRequest &request) { return m_cci->handle(request); });
        QVERIFY(m_server->start().ok());
    }

    void cleanupTestCase() { m_server->stop(); }

    void signedRequests_data()
    {
        QTest::addColumn<QString>("secretKey");
        QTest::addColumn<int>("status");
        QTest::newRow("the access key's secret") << QStringLiteral("sandbox-sk") << 200;
        QTest::newRow("a wrong secret") << QStringLiteral("not-the-sk") << 401;
        QTest::newRow("unsigned") << QString() << 401;
    }
    void signedRequests()
    {
        QFETCH(QString, secretKey);
        QFETCH(int, status);
        kube::Connection connection;
        connection.server = QUrl(m_server->url());
        if (!secretKey.isEmpty()) {
            const auto signer = std::make_shared<cloud::RequestSigner>(QStringLiteral("SANDBOXAK"),
                                                                       secretKey);
            connection.signRequest = [signer](QNetworkRequest &request, const QByteArray &verb,
                                              const QByteArray &body) {
                const auto error = signer->sign(&request, verb, body);
                return error ? error->message : QString();
            };
        }
        kube::ApiClient client(connection);
        kube::ApiRequest request;
        request.path = QStringLiteral("/api/v1/namespaces/cce-burst-sandbox/pods");
        request.query = {{QStringLiteral("limit"), QStringLiteral("10")}};
        apitest::Slot<kube::ApiResponse> answer;
        client.send(request, &client, apitest::into(answer));
        QVERIFY(apitest::waitFor(answer).has_value());
        if (status == 200) {
            QVERIFY2(answer->ok(), qPrintable(apitest::message(*answer)));
            QCOMPARE(answer->value().httpStatus, 200);
            QCOMPARE(answer->value().json().value(u"kind").toString(), QStringLiteral("PodList"));
        } else {
            QVERIFY(!answer->ok());
            QCOMPARE(answer->error().httpStatus, status);
        }
    }
};

QTEST_GUILESS_MAIN(tst_CciClient)
#include "tst_cciclient.moc"
