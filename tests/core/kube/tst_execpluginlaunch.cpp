#include "core/kube/execcredentialprovider.h"
#include "core/kube/exectruststore.h"
#include "core/kube/loginshellpath.h"

#include "exectesthelpers.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

// How ExecCredentialProvider starts a plugin: environment, KUBERNETES_EXEC_INFO, args, PATH
// lookup (current, then login shell), trust, and the ways a run fails. Expected texts and JSON
// come from client-go (plugin/pkg/client/auth/exec/exec.go), the Kubernetes "Client
// Authentication (v1)" reference and Huawei's cci-iam-authenticator usage page.

using core::Result;
using core::kube::Credential;
using core::kube::ExecClusterInfo;
using core::kube::ExecConfig;
using core::kube::ExecCredentialProvider;
using core::kube::ExecTrustStore;
using core::kube::LoginShellPath;

Q_DECLARE_METATYPE(ExecClusterInfo)

namespace {

const QString kTokenAnswer = credentialJson(kV1, QStringLiteral(R"({"token":"t"})"));

QJsonObject readJson(const QByteArray &data)
{
    return QJsonDocument::fromJson(data).object();
}

} // namespace

class tst_ExecPluginLaunch : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_settingsDir;

    std::unique_ptr<ExecCredentialProvider>
    trustedProvider(const ExecConfig &config, ExecCredentialProvider::Options options = {},
                    const ExecClusterInfo &cluster = {})
    {
        return ::trustedProvider(m_settingsDir.path(), config, std::move(options), cluster);
    }

private slots:
    void missingCommand_data()
    {
        QTest::addColumn<QString>("installHint");
        QTest::addColumn<QString>("hint");

        const QString cciHint = QStringLiteral(
            "cci-iam-authenticator is required to authenticate to CCI. Download it from "
            "https://support.huaweicloud.com/devg-cci/cci_kubectl_03.html");
        QTest::newRow("installHint") << cciHint << cciHint;
        QTest::newRow("no installHint")
            << ""
            << "It looks like you are trying to use a client-go credential plugin that is "
               "not installed.";
    }

    void missingCommand()
    {
        QFETCH(QString, installHint);
        QFETCH(QString, hint);

        ExecConfig config = execConfig(QStringLiteral("cci-iam-authenticator"));
        config.installHint = installHint;
        auto provider = trustedProvider(config);
        const auto result = fetchNow(*provider);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("exec.not-found"));
        QCOMPARE(result.error().message,
                 QStringLiteral("exec: executable cci-iam-authenticator not found"));
        QVERIFY2(result.error().hint.startsWith(hint), qPrintable(result.error().hint));
    }

    void nonZeroExitCarriesStderr()
    {
        PluginTestDir plugins;
        const auto command = plugins.write(
            QStringLiteral("plugin"),
            QStringLiteral("echo 'requesting token' >&2\n"
                           "echo 'IAM: the access key is invalid (401)' >&2\nexit 3"));
        auto provider = trustedProvider(execConfig(command));
        const auto result = fetchNow(*provider);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("exec.failed"));
        QCOMPARE(result.error().message,
                 QString(QStringLiteral("exec: executable ") + command +
                         QStringLiteral(" failed with exit code 3\nrequesting token\n"
                                        "IAM: the access key is invalid (401)")));
    }

    // A plugin that prints its ExecCredential (or a debug line with the token) on stderr and
    // fails: the error quotes its stderr without the token.
    void stderrTokenIsRedacted()
    {
        PluginTestDir plugins;
        const auto command = plugins.write(
            QStringLiteral("plugin"),
            QStringLiteral("echo '{\"kind\":\"ExecCredential\",\"status\":{\"token\":"
                           "\"plugin-secret-1\"}}' >&2\n"
                           "echo 'Authorization: Bearer plugin-secret-2' >&2\nexit 1"));
        auto provider = trustedProvider(execConfig(command));
        const auto result = fetchNow(*provider);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("exec.failed"));
        const QString message = result.error().message;
        QVERIFY2(!message.contains(u"plugin-secret"), qPrintable(message));
        QVERIFY2(message.contains(u"\"token\":\"<redacted>\""), qPrintable(message));
        QVERIFY2(message.contains(u"Authorization: Bearer <redacted>"), qPrintable(message));
    }

    void timeout()
    {
        PluginTestDir plugins;
        const auto command =
            plugins.write(QStringLiteral("plugin"), QStringLiteral("exec sleep 30"));
        ExecCredentialProvider::Options options;
        options.timeoutMs = 300;
        auto provider = trustedProvider(execConfig(command), options);
        QElapsedTimer elapsed;
        elapsed.start();
        const auto result = fetchNow(*provider);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("exec.timeout"));
        QVERIFY2(elapsed.elapsed() < 5000, QByteArray::number(elapsed.elapsed()));
    }

    void execInfo_data()
    {
        // Plain literals where a URL appears: moc reads "//" in a raw string as a comment.
        QTest::addColumn<QString>("apiVersion");
        QTest::addColumn<bool>("provideClusterInfo");
        QTest::addColumn<ExecClusterInfo>("cluster");
        QTest::addColumn<QByteArray>("expected");

        ExecClusterInfo full;
        full.server = QStringLiteral("https://cce.example.com:5443");
        full.certificateAuthorityPem =
            QByteArrayLiteral("-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUexample\n-----END "
                              "CERTIFICATE-----\n");
        full.insecureSkipTlsVerify = true;
        full.tlsServerName = QStringLiteral("kubernetes.default");
        full.proxyUrl = QStringLiteral("http://proxy.example.com:3128");
        full.config = QJsonObject{{QStringLiteral("region"), QStringLiteral("cn-north-4")}};
        ExecClusterInfo serverOnly;
        serverOnly.server = QStringLiteral("https://127.0.0.1:6443");

        QTest::newRow("v1 without provideClusterInfo")
            << kV1 << false << full
            << QByteArray(R"({"apiVersion":"client.authentication.k8s.io/v1",)"
                          R"("kind":"ExecCredential","spec":{"interactive":false}})");
        QTest::newRow("v1 with every cluster field")
            << kV1 << true << full
            << QByteArray(
                   R"({"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential",)"
                   R"("spec":{"interactive":false,"cluster":{)"
                   "\"server\":\"https://cce.example.com:5443\","
                   R"("tls-server-name":"kubernetes.default","insecure-skip-tls-verify":true,)"
                   R"("certificate-authority-data":"LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJ)"
                   R"(zekNDQVZtZ0F3SUJBZ0lVZXhhbXBsZQotLS0tLUVORCBDRVJUSUZJQ0FURS0tLS0tCg==",)"
                   "\"proxy-url\":\"http://proxy.example.com:3128\","
                   R"("config":{"region":"cn-north-4"}}}})");
        QTest::newRow("v1beta1, server only")
            << kV1Beta1 << true << serverOnly
            << QByteArray(R"({"apiVersion":"client.authentication.k8s.io/v1beta1",)"
                          R"("kind":"ExecCredential","spec":{"interactive":false,)"
                          "\"cluster\":{\"server\":\"https://127.0.0.1:6443\"}}}");
    }

    void execInfo()
    {
        QFETCH(QString, apiVersion);
        QFETCH(bool, provideClusterInfo);
        QFETCH(ExecClusterInfo, cluster);
        QFETCH(QByteArray, expected);

        PluginTestDir plugins;
        const auto command = plugins.write(
            QStringLiteral("plugin"),
            QStringLiteral("printf '%s' \"$KUBERNETES_EXEC_INFO\" > '%1'\nprintf '%2'")
                .arg(plugins.path(QStringLiteral("execinfo.json")),
                     credentialJson(apiVersion, QStringLiteral(R"({"token":"t"})"))));
        ExecConfig config = execConfig(command, apiVersion);
        config.provideClusterInfo = provideClusterInfo;
        auto provider = trustedProvider(config, {}, cluster);
        QVERIFY(fetchNow(*provider).ok());
        QCOMPARE(readJson(plugins.read(QStringLiteral("execinfo.json"))), readJson(expected));
    }

    void envAndArgs()
    {
        PluginTestDir plugins;
        const auto command = plugins.write(
            QStringLiteral("plugin"),
            QStringLiteral("printf '%s|%s|%s\\n' \"$FOO\" \"$REGION\" \"$HOME\" > '%1'\n"
                           "for a in \"$@\"; do printf '[%s]\\n' \"$a\"; done > '%2'\n"
                           "printf '%3'")
                .arg(plugins.path(QStringLiteral("env.txt")),
                     plugins.path(QStringLiteral("args.txt")), kTokenAnswer));
        ExecConfig config = execConfig(command);
        config.env = {{QStringLiteral("FOO"), QStringLiteral("from kubeconfig")},
                      {QStringLiteral("REGION"), QStringLiteral("cn-north-4")}};
        config.args = {QStringLiteral("--flag=x"), QStringLiteral("two words"), QString(),
                       QStringLiteral("$HOME")};
        ExecCredentialProvider::Options options;
        options.environment = baseEnvironment();
        options.environment.insert(QStringLiteral("FOO"), QStringLiteral("from the console"));
        options.environment.insert(QStringLiteral("HOME"), QStringLiteral("/home/op"));
        auto provider = trustedProvider(config, options);
        QVERIFY(fetchNow(*provider).ok());
        QCOMPARE(plugins.read(QStringLiteral("env.txt")),
                 QByteArray("from kubeconfig|cn-north-4|/home/op\n"));
        QCOMPARE(plugins.read(QStringLiteral("args.txt")),
                 QByteArray("[--flag=x]\n[two words]\n[]\n[$HOME]\n"));
    }

    // The command line `cci-iam-authenticator generate-kubeconfig` writes, found on PATH.
    void cciIamAuthenticator()
    {
        PluginTestDir plugins;
        // One reading of the clock: two could straddle a millisecond (an ASan run met it).
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QDateTime expiry = now.addDays(1).addMSecs(-now.time().msec());
        const QString answer = credentialJson(
            kV1Beta1, QStringLiteral(R"({"expirationTimestamp":"%1","token":"MIIZkQYJKoZIhvcN"})")
                          .arg(expiry.toString(Qt::ISODate)));
        plugins.write(
            QStringLiteral("cci-iam-authenticator"),
            QStringLiteral("[ \"$1\" = token ] || { echo 'unknown command' >&2; exit 1; }\n"
                           "printf '%s\\n' \"$@\" > '%1'\nprintf '%2'")
                .arg(plugins.path(QStringLiteral("args.txt")), answer),
            QStringLiteral("bin"));
        ExecConfig config = execConfig(QStringLiteral("cci-iam-authenticator"), kV1Beta1, {});
        config.args = {QStringLiteral("token"),
                       QStringLiteral("--iam-endpoint=https://iam.cn-north-4.myhuaweicloud.com"),
                       QStringLiteral("--insecure-skip-tls-verify=true"),
                       QStringLiteral("--cache=true"),
                       QStringLiteral("--token-only=false"),
                       QStringLiteral("--project-name=cn-north-4"),
                       QStringLiteral("--ak=AKEXAMPLE"),
                       QStringLiteral("--sk=SKEXAMPLE")};
        ExecCredentialProvider::Options options;
        options.environment =
            baseEnvironment(QString(plugins.path(QStringLiteral("bin")) + u':' + kSystemPath));
        auto provider = trustedProvider(config, options);
        const auto result = fetchNow(*provider);
        QVERIFY2(result.ok(), failureText(result).constData());
        QCOMPARE(result->token, QStringLiteral("MIIZkQYJKoZIhvcN"));
        QCOMPARE(result->expiry, expiry);
        QCOMPARE(QString::fromUtf8(plugins.read(QStringLiteral("args.txt"))),
                 QString(config.args.join(u'\n') + u'\n'));
    }

    void untrustedRefusedThenTrusted()
    {
        PluginTestDir plugins;
        const auto command = plugins.writePrinting(QStringLiteral("plugin"), kTokenAnswer);
        ExecConfig config = execConfig(command);
        config.args = {QStringLiteral("token"), QStringLiteral("--sk=secret value")};
        ExecCredentialProvider::Options options;
        options.kubeconfigPath = kKubeconfig;
        options.userName = kUser;
        options.environment = baseEnvironment();
        auto store = std::make_shared<ExecTrustStore>(
            m_settingsDir.filePath(QStringLiteral("untrusted.ini")));
        ExecCredentialProvider provider(config, {}, store, options);

        const auto refused = fetchNow(provider);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, QStringLiteral("exec.untrusted"));
        QCOMPARE(provider.commandLine(),
                 QString(command + QStringLiteral(" token '--sk=secret value'")));
        QVERIFY2(refused.error().message.contains(provider.commandLine()),
                 qPrintable(refused.error().message));
        QCOMPARE(plugins.runs(), 0);

        provider.trust();
        QVERIFY(fetchNow(provider).ok());
        QCOMPARE(plugins.runs(), 1);
    }

    void changedCommandLineUntrusted_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<bool>("trusted");

        QTest::newRow("unchanged") << "" << true;
        QTest::newRow("args changed") << "args" << false;
        QTest::newRow("env value changed") << "env" << false;
        QTest::newRow("env added") << "env+" << false;
        QTest::newRow("command changed") << "command" << false;
        QTest::newRow("other user") << "user" << false;
        QTest::newRow("other kubeconfig") << "kubeconfig" << false;
    }

    void changedCommandLineUntrusted()
    {
        QFETCH(QString, change);
        QFETCH(bool, trusted);

        PluginTestDir plugins;
        const auto command = plugins.writePrinting(QStringLiteral("plugin"), kTokenAnswer);
        ExecConfig original = execConfig(command);
        original.args = {QStringLiteral("token"), QStringLiteral("--project-name=cn-north-4")};
        original.env = {{QStringLiteral("REGION"), QStringLiteral("cn-north-4")}};
        auto store = std::make_shared<ExecTrustStore>(
            m_settingsDir.filePath(QStringLiteral("changed-%1.ini").arg(change)));
        store->trust(kKubeconfig, kUser, original);

        ExecConfig config = original;
        ExecCredentialProvider::Options options;
        options.kubeconfigPath = kKubeconfig;
        options.userName = kUser;
        options.environment = baseEnvironment();
        if (change == u"args")
            config.args.last() = QStringLiteral("--project-name=cn-south-1");
        else if (change == u"env")
            config.env.first().second = QStringLiteral("cn-south-1");
        else if (change == u"env+")
            config.env.append({QStringLiteral("LD_PRELOAD"), QStringLiteral("/tmp/x.so")});
        else if (change == u"command")
            config.command = plugins.writePrinting(QStringLiteral("other"), kTokenAnswer);
        else if (change == u"user")
            options.userName = QStringLiteral("bob");
        else if (change == u"kubeconfig")
            options.kubeconfigPath = QStringLiteral("/tmp/downloaded/kubeconfig");
        ExecCredentialProvider provider(config, {}, store, options);
        const auto result = fetchNow(provider);
        QCOMPARE(result.ok(), trusted);
        if (!trusted)
            QCOMPARE(result.error().code, QStringLiteral("exec.untrusted"));
    }

    // A desktop launcher's PATH lacks the plugin; the login shell's PATH has it.
    void loginShellPath_data()
    {
        QTest::addColumn<QString>("shellBody");
        QTest::addColumn<bool>("useLoginShell");
        QTest::addColumn<bool>("found");

        const QString exportingShell =
            QStringLiteral("PATH='%1:/usr/bin:/bin'; export PATH\nfor last; do :; done\nexec "
                           "/bin/sh -c \"$last\"");
        QTest::newRow("found through the login shell") << exportingShell << true << true;
        QTest::newRow("without the login shell lookup") << exportingShell << false << false;
        QTest::newRow("login shell hangs") << QStringLiteral("exec sleep 30") << true << false;
        QTest::newRow("login shell fails") << QStringLiteral("exit 1") << true << false;
    }

    void loginShellPath()
    {
        QFETCH(QString, shellBody);
        QFETCH(bool, useLoginShell);
        QFETCH(bool, found);

        PluginTestDir plugins;
        const QString loginBin = plugins.path(QStringLiteral("loginbin"));
        plugins.write(QStringLiteral("login-only-plugin"),
                      QStringLiteral("printf '%s' \"$PATH\" > '%1'\nprintf '%2'")
                          .arg(plugins.path(QStringLiteral("path.txt")), kTokenAnswer),
                      QStringLiteral("loginbin"));
        const QString shell =
            plugins.write(QStringLiteral("fake-shell"),
                          QString(shellBody).replace(QStringLiteral("%1"), loginBin));

        ExecCredentialProvider::Options options;
        options.environment = baseEnvironment();
        options.environment.insert(QStringLiteral("SHELL"), shell);
        if (useLoginShell)
            options.loginShellPath = std::make_shared<LoginShellPath>(options.environment, 2000);
        auto provider = trustedProvider(execConfig(QStringLiteral("login-only-plugin")), options);
        QElapsedTimer elapsed;
        elapsed.start();
        const auto result = fetchNow(*provider);
        QVERIFY(elapsed.elapsed() < 5000);
        QCOMPARE(result.ok(), found);
        if (!found) {
            QCOMPARE(result.error().code, QStringLiteral("exec.not-found"));
            return;
        }
        QCOMPARE(QString::fromUtf8(plugins.read(QStringLiteral("path.txt"))),
                 QString(kSystemPath + u':' + loginBin));
    }
};

QTEST_GUILESS_MAIN(tst_ExecPluginLaunch)
#include "tst_execpluginlaunch.moc"
