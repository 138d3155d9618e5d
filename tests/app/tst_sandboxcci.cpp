#include "sandboxprocess.h"

#include "core/cloud/iamtokenprovider.h"
#include "core/cloud/requestsigner.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTest>

// burst-sandbox's CCI endpoint driven by the real kubectl: refused without an IAM token with
// kubectl's own "You must be logged in to the server (Unauthorized)", served with one.
class tst_SandboxCci : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;
    using Run = SandboxProcess::Run;

    QString cciCluster(const QString &jsonPath)
    {
        return m_sandbox
            .kubectl({QStringLiteral("config"), QStringLiteral("view"), QStringLiteral("--raw"),
                      QStringLiteral("-o"),
                      QStringLiteral("jsonpath={.clusters[?(@.name==\"sandbox-cci\")].cluster.") +
                          jsonPath + u'}'})
            .out;
    }

    core::Result<core::kube::Credential> fetchToken(const QString &password)
    {
        core::cloud::IamTokenOptions options;
        options.iamEndpoint = QUrl(cciCluster(QStringLiteral("server")));
        options.identity = core::cloud::IamPasswordIdentity{QStringLiteral("tester"), password,
                                                            QStringLiteral("sandbox")};
        options.projectName = QStringLiteral("cn-north-4");
        options.caCertificatesPem = QByteArray::fromBase64(
            cciCluster(QStringLiteral("certificate-authority-data")).toLatin1());
        core::cloud::IamTokenProvider provider(options);
        std::optional<core::Result<core::kube::Credential>> result;
        provider.fetch(this,
                       [&result](const core::Result<core::kube::Credential> &r) { result = r; });
        if (!QTest::qWaitFor([&result] { return result.has_value(); }, 10000))
            return core::Error{QStringLiteral("test.timeout"), QStringLiteral("no answer"), {}};
        return *result;
    }

    // kubectl's words for a 401: "(Unauthorized)" up to 1.25, and since the discovery cache
    // (memcache.go) the generic "(the server has asked for the client to provide credentials)",
    // as reported against real clusters (infrahq/infra#1181, flanksource/mission-control#1779).
    static bool loggedOut(const Run &run)
    {
        return run.exitCode != 0 &&
               (run.err.contains(u"error: You must be logged in to the server (Unauthorized)") ||
                run.err.contains(u"error: You must be logged in to the server (the server has "
                                 u"asked for the client to provide credentials)"));
    }

    Run getPods(const QString &token = {})
    {
        QStringList args{QStringLiteral("--context"), QStringLiteral("sandbox-cci"),
                         QStringLiteral("get"),       QStringLiteral("pods"),
                         QStringLiteral("-n"),        QStringLiteral("cce-burst-sandbox")};
        if (!token.isEmpty())
            args << QStringLiteral("--token") << token;
        return m_sandbox.kubectl(args);
    }

private slots:
    void initTestCase()
    {
        if (SandboxProcess::kubectlPath().isEmpty())
            QSKIP("kubectl is not installed");
        QVERIFY(m_sandbox.start({QStringLiteral("--tls"), QStringLiteral("--iam-user"),
                                 QStringLiteral("tester@sandbox:pw"), QStringLiteral("--iam-aksk"),
                                 QStringLiteral("AK:SK")}));
    }

    void cleanupTestCase() { QCOMPARE(m_sandbox.stop(), 0); }

    void cciUrlIsAnnounced()
    {
        const QString server = cciCluster(QStringLiteral("server"));
        QVERIFY(server.startsWith(u"https://127.0.0.1:"));
        QByteArray err;
        QTRY_VERIFY(
            (err += m_sandbox.process().readAllStandardError())
                .contains(QString(QStringLiteral("serving CCI and IAM at ") + server).toUtf8()));
    }

    void refusedWithoutToken()
    {
        const Run run = getPods();
        QVERIFY(run.exitCode != 0);
        QVERIFY2(loggedOut(run), qPrintable(run.err));
    }

    void refusedWithWrongPasswordAndBadToken()
    {
        const auto refused = fetchToken(QStringLiteral("wrong"));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, u"iam.unauthorized");
        const Run run = getPods(QStringLiteral("MIInot-a-token"));
        QVERIFY(run.exitCode != 0);
        QVERIFY2(loggedOut(run), qPrintable(run.err));
    }

    void servedWithIamToken()
    {
        const auto token = fetchToken(QStringLiteral("pw"));
        QVERIFY(token.ok());
        // The default scenario's burst workloads reach CCI through the scheduler's admission:
        // example 05's evs-cache pod (enforce) is one of them.
        Run pods;
        for (int i = 0; i < 100 && !pods.out.contains(u"evs-cache"); ++i) {
            pods = getPods(token.value().token);
            QVERIFY2(pods.exitCode == 0, qPrintable(pods.err));
            if (!pods.out.contains(u"evs-cache"))
                QTest::qWait(100);
        }
        QVERIFY2(pods.out.contains(u"evs-cache"), qPrintable(pods.out));
        // The CCI store is its own: the CCE namespaces are not there.
        const Run namespaces = m_sandbox.kubectl(
            {QStringLiteral("--context"), QStringLiteral("sandbox-cci"), QStringLiteral("--token"),
             token.value().token, QStringLiteral("get"), QStringLiteral("namespaces"),
             QStringLiteral("-o"), QStringLiteral("name")});
        QCOMPARE(namespaces.exitCode, 0);
        QCOMPARE(namespaces.out.trimmed(), u"namespace/cce-burst-sandbox");
    }

    void servedWithSignedRequests_data()
    {
        QTest::addColumn<QString>("secretKey");
        QTest::addColumn<int>("status");
        QTest::newRow("known AK/SK") << "SK" << 200;
        QTest::newRow("wrong SK") << "XX" << 401;
    }

    void servedWithSignedRequests()
    {
        QFETCH(QString, secretKey);
        QFETCH(int, status);
        QNetworkRequest request(QUrl(cciCluster(QStringLiteral("server")) +
                                     QStringLiteral("/api/v1/namespaces/cce-burst-sandbox/pods")));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(QSslCertificate::fromData(QByteArray::fromBase64(
            cciCluster(QStringLiteral("certificate-authority-data")).toLatin1())));
        request.setSslConfiguration(tls);
        QVERIFY(
            !core::cloud::RequestSigner(QStringLiteral("AK"), secretKey).sign(&request, "GET", {}));
        QNetworkAccessManager network;
        std::unique_ptr<QNetworkReply> reply(network.get(request));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), status);
        const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
        QCOMPARE(body.value(u"kind").toString(),
                 status == 200 ? QStringLiteral("PodList") : QStringLiteral("Status"));
    }

    // guide 2.4: a Network applied to CCI with kubectl; the sandbox CCI refuses an invalid one
    // with the API's 422, which kubectl prints as `The Network "..." is invalid: <causes>`.
    void networksApplied_data()
    {
        QTest::addColumn<QString>("cidr");
        QTest::addColumn<QString>("vpc");
        QTest::addColumn<QString>("expected");
        const QString vpc = QStringLiteral("11111111-2222-3333-4444-555555555555");
        QTest::newRow("guide's network") << QStringLiteral("192.168.0.0/24") << vpc
                                         << QStringLiteral("network.networking.cci.io/net-a created");
        QTest::newRow("public cidr") << QStringLiteral("8.8.8.0/24") << vpc
                                     << QStringLiteral("spec.cidr: Invalid value");
        QTest::newRow("placeholder vpc") << QStringLiteral("10.0.0.0/16")
                                         << QStringLiteral("{{vpc-id}}")
                                         << QStringLiteral("spec.attachedVPC: Invalid value");
    }

    void networksApplied()
    {
        QFETCH(QString, cidr);
        QFETCH(QString, vpc);
        QFETCH(QString, expected);
        const auto token = fetchToken(QStringLiteral("pw"));
        QVERIFY(token.ok());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("network.yaml"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral(
                       "apiVersion: networking.cci.io/v1beta1\nkind: Network\nmetadata:\n"
                       "  name: net-a\n  annotations:\n"
                       "    network.alpha.kubernetes.io/default-security-group: "
                       "5a0c1e2b-8f3d-4c6a-9e7b-1d2f3a4b5c6d\n"
                       "    network.alpha.kubernetes.io/domain-id: "
                       "0123456789abcdef0123456789abcdef\n"
                       "    network.alpha.kubernetes.io/project-id: "
                       "fedcba9876543210fedcba9876543210\n"
                       "spec:\n  availableZone: cn-north-4a\n  cidr: %1\n  attachedVPC: '%2'\n"
                       "  networkID: aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee\n"
                       "  subnetID: aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeef\n"
                       "  networkType: underlay_neutron\n")
                       .arg(cidr, vpc)
                       .toUtf8());
        file.close();
        const Run run = m_sandbox.kubectl(
            {QStringLiteral("--context"), QStringLiteral("sandbox-cci"), QStringLiteral("--token"),
             token.value().token, QStringLiteral("apply"), QStringLiteral("-n"),
             QStringLiteral("cce-burst-sandbox"), QStringLiteral("-f"), path});
        const bool valid = expected.endsWith(u"created");
        QVERIFY2((run.exitCode == 0) == valid, qPrintable(run.err));
        QVERIFY2((valid ? run.out : run.err).contains(expected), qPrintable(run.out + run.err));
        if (!valid)
            QVERIFY2(run.err.contains(u"The Network \"net-a\" is invalid"), qPrintable(run.err));
    }

    // The CCI side as kubectl sees it: the burst pods carry the region and zone CCI places them
    // in, the burst namespace is general-computing, and a GPU pod created in it directly is
    // refused with 422 Invalid naming the rule.
    void topologyAndNamespaceFlavor()
    {
        const auto token = fetchToken(QStringLiteral("pw"));
        QVERIFY(token.ok());
        const auto cci = [&](const QStringList &args) {
            return m_sandbox.kubectl(QStringList{QStringLiteral("--context"),
                                                 QStringLiteral("sandbox-cci"),
                                                 QStringLiteral("--token"), token.value().token,
                                                 QStringLiteral("-n"),
                                                 QStringLiteral("cce-burst-sandbox")} +
                                     args);
        };
        Run zones;
        for (int i = 0; i < 100 && zones.out.isEmpty(); ++i) {
            zones = cci({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-o"),
                         QStringLiteral("jsonpath={.items[*].metadata.annotations.topology\\."
                                        "kubernetes\\.io/zone}")});
            if (zones.out.isEmpty())
                QTest::qWait(100);
        }
        QVERIFY2(!zones.out.isEmpty(), qPrintable(zones.err));
        const QStringList each = zones.out.split(u' ');
        QCOMPARE(QSet<QString>(each.begin(), each.end()),
                 QSet<QString>{QStringLiteral("cn-north-4a")});
        const Run region = cci({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-o"),
                                QStringLiteral("jsonpath={.items[0].metadata.annotations."
                                               "topology\\.kubernetes\\.io/region}")});
        QCOMPARE(region.out, QStringLiteral("cn-north-4"));
        const Run flavor =
            cci({QStringLiteral("get"), QStringLiteral("namespace"),
                 QStringLiteral("cce-burst-sandbox"), QStringLiteral("-o"),
                 QStringLiteral("jsonpath={.metadata.annotations.namespace\\.kubernetes\\.io/"
                                "flavor}")});
        QCOMPARE(flavor.out, QStringLiteral("general-computing"));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("gpu.yaml"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("apiVersion: v1\nkind: Pod\nmetadata: {name: trainer}\nspec:\n"
                   "  containers:\n  - name: c\n    image: tensorflow/tensorflow:1.15.0-gpu\n"
                   "    resources:\n      limits: {cpu: '4', memory: 32Gi, "
                   "nvidia.com/gpu: '1'}\n");
        file.close();
        const Run run = cci({QStringLiteral("apply"), QStringLiteral("-f"), path});
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.err.contains(u"The Pod \"trainer\" is invalid"), qPrintable(run.err));
        QVERIFY(run.err.contains(u"gpu.namespaceFlavor"));
    }

    void cceContextUnchanged()
    {
        const Run run = m_sandbox.kubectl({QStringLiteral("--context"), QStringLiteral("sandbox"),
                                           QStringLiteral("get"), QStringLiteral("namespaces"),
                                           QStringLiteral("-o"), QStringLiteral("name")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(u"namespace/payments"));
    }
};

QTEST_GUILESS_MAIN(tst_SandboxCci)
#include "tst_sandboxcci.moc"
