#include "core/kube/execcredentialprovider.h"
#include "core/kube/exectruststore.h"

#include "exectesthelpers.h"

#include <QDateTime>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

// Expected behaviour comes from client-go plugin/pkg/client/auth/exec/exec.go and
// tools/clientcmd/validation.go (error texts), the Kubernetes "Client Authentication (v1 /
// v1beta1)" reference (ExecCredential and KUBERNETES_EXEC_INFO field names) and Huawei's
// cci-iam-authenticator usage page (command line; it prints a v1beta1 ExecCredential with a
// token and an expirationTimestamp). Plugins are small sh scripts that append to a runs file.

using core::Result;
using core::kube::Credential;
using core::kube::ExecConfig;
using core::kube::ExecCredentialProvider;

class tst_ExecCredentialProvider : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_settingsDir;
    QByteArray m_certPem;
    QByteArray m_keyPem;

    std::unique_ptr<ExecCredentialProvider> trustedProvider(const ExecConfig &config)
    {
        return ::trustedProvider(m_settingsDir.path(), config);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_settingsDir.isValid());
        // A real certificate and key pair for the client-certificate answer.
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty())
            return;
        QProcess process;
        process.setWorkingDirectory(m_settingsDir.path());
        process.start(openssl,
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                       QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                       QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"),
                       QStringLiteral("/CN=alice/O=system:masters"), QStringLiteral("-keyout"),
                       QStringLiteral("client.key"), QStringLiteral("-out"),
                       QStringLiteral("client.crt")});
        QVERIFY(process.waitForFinished(20000));
        QFile cert(m_settingsDir.filePath(QStringLiteral("client.crt")));
        QFile key(m_settingsDir.filePath(QStringLiteral("client.key")));
        QVERIFY(cert.open(QIODevice::ReadOnly) && key.open(QIODevice::ReadOnly));
        m_certPem = cert.readAll();
        m_keyPem = key.readAll();
    }

    // One plugin run, its answer decoded: token and client-certificate credentials in both API
    // versions, and the answers client-go refuses.
    void answer_data()
    {
        QTest::addColumn<QString>("apiVersion");
        QTest::addColumn<QString>("interactiveMode");
        QTest::addColumn<QString>("stdoutText");
        QTest::addColumn<QString>("token");
        QTest::addColumn<bool>("certificate");
        QTest::addColumn<QString>("errorCode");
        QTest::addColumn<QString>("message");

        const QString token = QStringLiteral(R"({"token":"my-bearer-token"})");
        QTest::newRow("token v1") << kV1 << "Never" << credentialJson(kV1, token)
                                  << "my-bearer-token" << false << ""
                                  << "";
        QTest::newRow("token v1beta1, interactiveMode defaulted")
            << kV1Beta1 << "" << credentialJson(kV1Beta1, token) << "my-bearer-token" << false << ""
            << "";
        QTest::newRow("token v1beta1, IfAvailable runs without a terminal")
            << kV1Beta1 << "IfAvailable" << credentialJson(kV1Beta1, token) << "my-bearer-token"
            << false << ""
            << "";
        QTest::newRow("client certificate")
            << kV1 << "Never"
            << credentialJson(
                   kV1,
                   QStringLiteral(R"({"clientCertificateData":"%1",)"
                                  R"("clientKeyData":"%2"})")
                       .arg(QString::fromLatin1(m_certPem).replace(u'\n', QStringLiteral("\\n")),
                            QString::fromLatin1(m_keyPem).replace(u'\n', QStringLiteral("\\n"))))
            << "" << true << ""
            << "";
        QTest::newRow("output apiVersion differs from the configured one")
            << kV1 << "Never" << credentialJson(kV1Beta1, token) << "" << false
            << "exec.version-mismatch"
            << "exec plugin is configured to use API version client.authentication.k8s.io/v1, "
               "plugin returned version client.authentication.k8s.io/v1beta1";
        QTest::newRow("no status")
            << kV1 << "Never"
            << QStringLiteral(R"({"apiVersion":"%1","kind":"ExecCredential"})").arg(kV1) << ""
            << false << "exec.bad-output"
            << "exec plugin didn't return a status field";
        QTest::newRow("certificate without key")
            << kV1 << "Never"
            << credentialJson(kV1, QStringLiteral(R"({"clientCertificateData":"x"})")) << ""
            << false << "exec.bad-output"
            << "exec plugin returned only certificate or key, not both";
        QTest::newRow("not JSON") << kV1 << "Never"
                                  << "Enter password:"
                                  << "" << false << "exec.bad-output"
                                  << "decoding stdout";
    }

    void answer()
    {
        QFETCH(QString, apiVersion);
        QFETCH(QString, interactiveMode);
        QFETCH(QString, stdoutText);
        QFETCH(QString, token);
        QFETCH(bool, certificate);
        QFETCH(QString, errorCode);
        QFETCH(QString, message);
        if (certificate && m_certPem.isEmpty())
            QSKIP("openssl is not installed");

        PluginTestDir plugins;
        const auto command = plugins.writePrinting(QStringLiteral("plugin"), stdoutText);
        auto provider = trustedProvider(execConfig(command, apiVersion, interactiveMode));
        const auto result = fetchNow(*provider);
        QCOMPARE(plugins.runs(), 1);
        if (!errorCode.isEmpty()) {
            QVERIFY(!result.ok());
            QCOMPARE(result.error().code, errorCode);
            QVERIFY2(result.error().message.contains(message), qPrintable(result.error().message));
            return;
        }
        QVERIFY2(result.ok(), failureText(result).constData());
        QCOMPARE(result->token, token);
        QCOMPARE(result->clientCertPem, certificate ? m_certPem : QByteArray());
        QCOMPARE(result->clientKeyPem, certificate ? m_keyPem : QByteArray());
        QVERIFY(!result->expiry.isValid());
    }

    // Refused before anything runs, in client-go's words.
    void configRejected_data()
    {
        QTest::addColumn<QString>("apiVersion");
        QTest::addColumn<QString>("interactiveMode");
        QTest::addColumn<QString>("errorCode");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("hint");

        QTest::newRow("v1alpha1")
            << "client.authentication.k8s.io/v1alpha1"
            << "Never"
            << "exec.invalid-config"
            << "exec plugin: invalid apiVersion \"client.authentication.k8s.io/v1alpha1\""
            << "client.authentication.k8s.io/v1, client.authentication.k8s.io/v1beta1";
        QTest::newRow("v1 without interactiveMode")
            << kV1 << ""
            << "exec.invalid-config"
            << "interactiveMode must be specified for alice to use exec authentication plugin"
            << "interactiveMode";
        QTest::newRow("unknown interactiveMode")
            << kV1 << "Sometimes"
            << "exec.invalid-config"
            << "invalid interactiveMode for alice: \"Sometimes\""
            << "Never";
        QTest::newRow("interactiveMode Always")
            << kV1 << "Always"
            << "exec.interactive-unsupported"
            << "exec plugin cannot support interactive mode: standard input is not a terminal"
            << "IfAvailable or Never";
    }

    void configRejected()
    {
        QFETCH(QString, apiVersion);
        QFETCH(QString, interactiveMode);
        QFETCH(QString, errorCode);
        QFETCH(QString, message);
        QFETCH(QString, hint);

        PluginTestDir plugins;
        const auto command =
            plugins.writePrinting(QStringLiteral("plugin"),
                                  credentialJson(apiVersion, QStringLiteral(R"({"token":"t"})")));
        auto provider = trustedProvider(execConfig(command, apiVersion, interactiveMode));
        const auto result = fetchNow(*provider);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, errorCode);
        QCOMPARE(result.error().message, message);
        QVERIFY2(result.error().hint.contains(hint), qPrintable(result.error().hint));
        QCOMPARE(plugins.runs(), 0);
    }

    // A second fetch reuses the credential until its expirationTimestamp; one without expiry is
    // kept until invalidate().
    void cache_data()
    {
        QTest::addColumn<QString>("expiry");
        QTest::addColumn<int>("runsAfterSecondFetch");

        QTest::newRow("no expiry") << "" << 1;
        QTest::newRow("expires in the future") << "2999-01-01T00:00:00Z" << 1;
        QTest::newRow("already expired") << "2001-01-01T00:00:00Z" << 2;
    }

    void cache()
    {
        QFETCH(QString, expiry);
        QFETCH(int, runsAfterSecondFetch);

        PluginTestDir plugins;
        const QString status =
            expiry.isEmpty()
                ? QStringLiteral(R"({"token":"t"})")
                : QStringLiteral(R"({"token":"t","expirationTimestamp":"%1"})").arg(expiry);
        const auto command =
            plugins.writePrinting(QStringLiteral("plugin"), credentialJson(kV1, status));
        auto provider = trustedProvider(execConfig(command));
        const auto first = fetchNow(*provider);
        QVERIFY2(first.ok(), failureText(first).constData());
        QCOMPARE(first->expiry,
                 expiry.isEmpty() ? QDateTime() : QDateTime::fromString(expiry, Qt::ISODate));
        QVERIFY(fetchNow(*provider).ok());
        QCOMPARE(plugins.runs(), runsAfterSecondFetch);
    }

    void shortExpiryReruns()
    {
        PluginTestDir plugins;
        // Whole seconds, as RFC 3339 timestamps usually are; long enough for two runs under ASan.
        const QDateTime expiry =
            QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch() + 3, Qt::UTC);
        const auto command = plugins.writePrinting(
            QStringLiteral("plugin"),
            credentialJson(kV1, QStringLiteral(R"({"token":"t","expirationTimestamp":"%1"})")
                                    .arg(expiry.toString(Qt::ISODate))));
        auto provider = trustedProvider(execConfig(command));
        QVERIFY(fetchNow(*provider).ok());
        QVERIFY(fetchNow(*provider).ok());
        QCOMPARE(plugins.runs(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentDateTimeUtc() > expiry, 5000);
        QVERIFY(fetchNow(*provider).ok());
        QCOMPARE(plugins.runs(), 2);
    }

    // The REST client's 401 path.
    void invalidateReruns()
    {
        PluginTestDir plugins;
        const auto command = plugins.write(
            QStringLiteral("plugin"),
            QStringLiteral("n=$(wc -l < '%1' | tr -d ' ')\n"
                           "printf '{\"apiVersion\":\"%2\",\"kind\":\"ExecCredential\","
                           "\"status\":{\"token\":\"token-%s\"}}' \"$n\"")
                .arg(plugins.runsFile(), kV1));
        auto provider = trustedProvider(execConfig(command));
        QCOMPARE(fetchNow(*provider)->token, QStringLiteral("token-1"));
        QCOMPARE(fetchNow(*provider)->token, QStringLiteral("token-1"));
        provider->invalidate();
        QCOMPARE(fetchNow(*provider)->token, QStringLiteral("token-2"));
        QCOMPARE(plugins.runs(), 2);
    }

    void concurrentFetchesShareOneRun()
    {
        PluginTestDir plugins;
        const auto command =
            plugins.write(QStringLiteral("plugin"),
                          QStringLiteral("sleep 0.2\nprintf '%1'")
                              .arg(credentialJson(kV1, QStringLiteral(R"({"token":"shared"})"))));
        auto provider = trustedProvider(execConfig(command));
        QObject a, b, c;
        QStringList tokens;
        for (QObject *context : {&a, &b, &c}) {
            provider->fetch(context, [&tokens](const Result<Credential> &result) {
                tokens << (result.ok() ? result->token : result.error().message);
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(tokens.size(), 3, 10000);
        QCOMPARE(tokens, QStringList(3, QStringLiteral("shared")));
        QCOMPARE(plugins.runs(), 1);
    }

    void answerNeverReachesDestroyedContext()
    {
        PluginTestDir plugins;
        const auto command = plugins.writePrinting(
            QStringLiteral("plugin"), credentialJson(kV1, QStringLiteral(R"({"token":"t"})")));
        auto provider = trustedProvider(execConfig(command));
        bool called = false;
        {
            QObject context;
            provider->fetch(&context, [&called](const Result<Credential> &) { called = true; });
        }
        QTRY_COMPARE_WITH_TIMEOUT(plugins.runs(), 1, 10000);
        QVERIFY(fetchNow(*provider).ok()); // the run has been answered by now
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(tst_ExecCredentialProvider)
#include "tst_execcredentialprovider.moc"
