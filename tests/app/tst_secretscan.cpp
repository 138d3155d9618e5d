#include "secretscan.h"
#include "sandboxprocess.h"

#include "core/cloud/cloudaccount.h"
#include "core/cloud/credentialstore.h"
#include "core/kube/apiclient.h"
#include "core/kube/execcredentialprovider.h"
#include "core/kube/exectruststore.h"
#include "core/kube/kubeconfig.h"
#include "models/clustersession.h"
#include "models/connectionlist.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QLabel>
#include <QLoggingCategory>
#include <QSettings>
#include <QStatusBar>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

QFile *g_log = nullptr; // the console's debug log, a file in the scratch tree

void logToFile(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    if (g_log)
        g_log->write(QByteArray(context.category ? context.category : "default") + ": " +
                     message.toUtf8() + '\n');
}

} // namespace

// A scripted session with every kind of secret against the TLS sandbox, then a scan for them.
// HOME, XDG_CONFIG_HOME, XDG_CACHE_HOME, XDG_STATE_HOME, XDG_DATA_HOME (the autosave folder)
// and TMPDIR point into a scratch folder; burstctl (with the request debug log on, its output
// kept in scratch/logs) and the console offscreen (its own connection path: CCI accounts and a
// bearer token kept in the real Secret Service, an exec plugin, the same debug log) use an
// AK/SK, an IAM password, a bearer token, a refused token and an exec plugin's token, all random
// per run. Afterwards no file under scratch holds any of them in any form secretscan knows.
// The sandbox and its kubeconfig (which holds its own token, not ours) live outside scratch.
// Runs under with-keyring.sh: a private D-Bus session with an unlocked gnome-keyring.
class tst_SecretScan : public QObject
{
    Q_OBJECT

public:
    tst_SecretScan()
    {
        // Before QApplication: QSettings and QStandardPaths read these once.
        m_scratchPath = m_scratch.path();
        const auto point = [this](const char *name, const QString &sub) {
            QDir().mkpath(m_scratchPath + sub);
            qputenv(name, (m_scratchPath + sub).toUtf8());
        };
        point("HOME", u"/home"_s);
        point("XDG_CONFIG_HOME", u"/home/.config"_s);
        point("XDG_CACHE_HOME", u"/home/.cache"_s);
        point("XDG_STATE_HOME", u"/home/.local/state"_s);
        point("XDG_DATA_HOME", u"/home/.local/share"_s);
        point("TMPDIR", u"/tmp"_s);
        QDir().mkpath(m_scratchPath + u"/logs"_s);
        qunsetenv("KUBECONFIG");
        qputenv("SCAN_AK", m_ak);
        qputenv("SCAN_SK", m_sk);
        qputenv("SCAN_PASSWORD", m_password);
        qputenv("SCAN_PLUGIN_TOKEN", m_pluginToken);
    }

private:
    QTemporaryDir m_scratch; // created under the caller's TMPDIR, before it is replaced
    QString m_scratchPath;
    SandboxProcess m_sandbox;
    QProcessEnvironment m_sandboxEnvironment = QProcessEnvironment::systemEnvironment();
    const QByteArray m_bearer = secretscan::randomSecret("bearer-");
    const QByteArray m_refused = secretscan::randomSecret("refused-");
    const QByteArray m_pluginToken = secretscan::randomSecret("plugin-");
    const QByteArray m_ak = secretscan::randomSecret("AK").toHex().toUpper().left(20);
    const QByteArray m_sk = secretscan::randomSecret("sk-");
    const QByteArray m_password = secretscan::randomSecret("pw-");
    QString m_cciServer;
    QByteArray m_caPem;
    int m_runs = 0;

    QList<QPair<QString, QByteArray>> secrets() const
    {
        return {{u"bearer token"_s, m_bearer},     {u"refused token"_s, m_refused},
                {u"exec plugin token"_s, m_pluginToken}, {u"access key"_s, m_ak},
                {u"secret key"_s, m_sk},           {u"IAM password"_s, m_password}};
    }

    QString home() const { return m_scratchPath + u"/home"_s; }

    // burstctl with the scratch environment and the request debug log on; its stdout and
    // stderr stay in scratch/logs.
    SandboxProcess::Run burstctl(const QStringList &args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"QT_LOGGING_RULES"_s, u"burst.kube.http.debug=true"_s);
        p.setProcessEnvironment(env);
        const QString log = m_scratchPath + u"/logs/burstctl-%1"_s.arg(++m_runs);
        p.setStandardOutputFile(log + u".out"_s);
        p.setStandardErrorFile(log + u".err"_s);
        p.start(QStringLiteral(BURSTCTL_PATH), args);
        if (!p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished();
        }
        const auto read = [](const QString &path) {
            QFile f(path);
            return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
        };
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                read(log + u".out"_s), read(log + u".err"_s)};
    }

    void writeExecutable(const QString &path, const QByteArray &text)
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
        file.close();
        QVERIFY(QFile::setPermissions(path, QFile::permissions(path) | QFile::ExeOwner));
    }

    // The user's kubeconfig (~/.kube/config in scratch): no secret in it. The plugins and
    // `burstctl iam-token` read theirs from the environment.
    void writeKubeconfig(const QString &server)
    {
        const QString bin = home() + u"/bin"_s;
        QDir().mkpath(bin);
        const QByteArray credential =
            R"({"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential",)"
            R"("status":{"token":"%s"}})";
        writeExecutable(bin + u"/plugin.sh"_s,
                        "#!/bin/sh\nprintf '" + credential + "\\n' \"$SCAN_PLUGIN_TOKEN\"\n");
        // A broken plugin that prints its credential and a debug line on stderr, then fails:
        // the error quotes that stderr.
        writeExecutable(bin + u"/broken-plugin.sh"_s,
                        "#!/bin/sh\nprintf '" + credential + "\\n' \"$SCAN_PLUGIN_TOKEN\" >&2\n"
                        "echo \"Authorization: Bearer $SCAN_PLUGIN_TOKEN\" >&2\nexit 1\n");
        const QString ca = QString::fromLatin1(m_caPem.toBase64());
        const QString iamArgs = u"[iam-token, --iam-endpoint, '%1', --project-name, cn-north-4, "_s
                                    .arg(m_cciServer);
        QByteArray text =
            QStringLiteral(
                "apiVersion: v1\nkind: Config\ncurrent-context: sandbox\n"
                "clusters:\n"
                "- name: sandbox\n  cluster: {server: '%1', certificate-authority-data: %2}\n"
                "- name: sandbox-cci\n  cluster: {server: '%3', certificate-authority-data: %2}\n"
                "contexts:\n"
                "- name: sandbox\n  context: {cluster: sandbox, user: nobody}\n"
                "- name: sandbox-exec\n  context: {cluster: sandbox, user: plugin}\n"
                "- name: sandbox-exec-broken\n  context: {cluster: sandbox, user: broken}\n"
                "- name: cci-aksk\n  context: {cluster: sandbox-cci, user: cci-aksk}\n"
                "- name: cci-password\n  context: {cluster: sandbox-cci, user: cci-password}\n"
                "users:\n"
                "- name: nobody\n  user: {}\n"
                "- name: plugin\n  user:\n    exec: {apiVersion: client.authentication.k8s.io/v1, "
                "command: %4/plugin.sh, interactiveMode: Never}\n"
                "- name: broken\n  user:\n    exec: {apiVersion: client.authentication.k8s.io/v1, "
                "command: %4/broken-plugin.sh, interactiveMode: Never}\n"
                "- name: cci-aksk\n  user:\n    exec:\n"
                "      apiVersion: client.authentication.k8s.io/v1beta1\n"
                "      command: %5\n      provideClusterInfo: true\n"
                "      args: %6--ak-env, SCAN_AK, --sk-env, SCAN_SK]\n"
                "- name: cci-password\n  user:\n    exec:\n"
                "      apiVersion: client.authentication.k8s.io/v1beta1\n"
                "      command: %5\n      provideClusterInfo: true\n"
                "      args: %6--user, operator, --domain, sandbox, --password-env, "
                "SCAN_PASSWORD]\n")
                .arg(server, ca, m_cciServer, bin, QStringLiteral(BURSTCTL_PATH), iamArgs)
                .toUtf8();
        QDir().mkpath(home() + u"/.kube"_s);
        QFile file(home() + u"/.kube/config"_s);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
    }

    // A CCI account of the console, its secrets written to the keychain.
    core::cloud::CloudAccount saveAccount(core::cloud::CredentialStore &store, const QString &id,
                                          core::cloud::CloudAccount::AuthKind kind)
    {
        core::cloud::CloudAccount account;
        account.id = id;
        account.displayName = id;
        account.region = u"cn-north-4"_s;
        account.authKind = kind;
        account.userName = u"operator"_s;
        account.domainName = u"sandbox"_s;
        account.assignReferences();
        [&] { QVERIFY(models::saveAccount(account).ok()); }();
        const bool password = kind == core::cloud::CloudAccount::AuthKind::Password;
        QList<QPair<QString, QByteArray>> writes;
        if (password)
            writes = {{account.passwordReference, m_password}};
        else
            writes = {{account.accessKeyReference, m_ak}, {account.secretKeyReference, m_sk}};
        for (const auto &[reference, secret] : writes) {
            bool written = false;
            store.write(reference, QString::fromUtf8(secret), this,
                        [&](const core::Result<void> &done) { written = done.ok(); });
            [&] { QTRY_VERIFY_WITH_TIMEOUT(written, 10000); }();
        }
        return account;
    }

    QString readSecret(core::cloud::CredentialStore &store, const QString &reference)
    {
        std::optional<QString> value;
        store.read(reference, this, [&](const core::Result<QString> &secret) {
            value = secret ? secret.value() : QString();
        });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(value.has_value(), 10000); }();
        return value.value_or(QString());
    }

    void waitSynced(models::ClusterSession *session)
    {
        QTRY_VERIFY2_WITH_TIMEOUT(session->status().state == models::ConnectionState::Synced,
                                  qPrintable(session->contextName() + u": "_s +
                                             session->status().detail),
                                  30000);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                 "run through tests/core/cloud/with-keyring.sh");
        m_sandbox.process().setProcessEnvironment(m_sandboxEnvironment);
        QVERIFY(m_sandbox.start(
            {u"--tls"_s, u"--no-examples"_s, u"--token"_s, QString::fromUtf8(m_bearer),
             u"--token"_s, QString::fromUtf8(m_pluginToken), u"--iam-user"_s,
             u"operator:"_s + QString::fromUtf8(m_password), u"--iam-aksk"_s,
             QString::fromUtf8(m_ak + ':' + m_sk)}));
        core::kube::KubeconfigOverrides overrides;
        overrides.kubeconfigPath = m_sandbox.kubeconfig();
        overrides.context = u"sandbox-cci"_s;
        const auto cci = core::kube::loadConnection(overrides);
        QVERIFY2(cci.ok(), qPrintable(cci.ok() ? QString() : cci.error().message));
        m_cciServer = cci->server.toString();
        m_caPem = cci->certificateAuthorityPem;
        overrides.context = u"sandbox"_s;
        const auto cluster = core::kube::loadConnection(overrides);
        QVERIFY(cluster.ok());
        QVERIFY(!m_caPem.isEmpty());
        writeKubeconfig(cluster->server.toString());
    }

    void cleanupTestCase() { QCOMPARE(m_sandbox.stop(), 0); }

    // The scan is not vacuous: a secret planted in any form it knows, anywhere in a tree
    // (hidden folders included), is found, and named with its form.
    void plantedSecretIsFound_data()
    {
        QTest::addColumn<QString>("form");
        for (const secretscan::Needle &needle : secretscan::needles(m_password))
            QTest::newRow(qPrintable(needle.form)) << needle.form;
    }
    void plantedSecretIsFound()
    {
        QFETCH(QString, form);
        const QByteArray secret = m_password;
        QByteArray encoded;
        const int offset = form.right(1).toInt();
        const QByteArray blob = QByteArray("xy").left(offset) + secret + "tail";
        if (form.startsWith(u"base64url"))
            encoded = blob.toBase64(QByteArray::Base64UrlEncoding);
        else if (form.startsWith(u"base64"))
            encoded = blob.toBase64();
        else
            for (const secretscan::Needle &needle : secretscan::needles(secret))
                encoded = needle.form == form ? needle.bytes : encoded;
        QTemporaryDir planted;
        QDir().mkpath(planted.filePath(u"a/.hidden"_s));
        QFile file(planted.filePath(u"a/.hidden/state.ini"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("key=" + encoded + "\n");
        file.close();
        const QStringList hits = secretscan::scan(planted.path(), {{u"IAM password"_s, secret}});
        QVERIFY2(hits.contains(u"a/.hidden/state.ini: IAM password "_s + form), qPrintable(hits.join(u'\n')));
        // And a tree without it has no hit.
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("key=" + secretscan::randomSecret("other-").toBase64() + "\n");
        file.close();
        QCOMPARE(secretscan::scan(planted.path(), {{u"IAM password"_s, secret}}), QStringList());
    }

    void burstctlSession()
    {
        const QStringList names{u"-o"_s, u"name"_s};
        const auto bearer = burstctl(QStringList{u"get"_s, u"nodes"_s, u"--token"_s,
                                                 QString::fromUtf8(m_bearer)} + names);
        QVERIFY2(bearer.exitCode == 0, qPrintable(bearer.err));
        QVERIFY(bearer.out.contains(u"node/"));
        // The debug log is on, and prints the header redacted.
        QVERIFY2(bearer.err.contains(u"Authorization: Bearer <redacted>"), qPrintable(bearer.err));

        const auto refused = burstctl({u"get"_s, u"pods"_s, u"--token"_s,
                                       QString::fromUtf8(m_refused)});
        QVERIFY(refused.exitCode != 0);
        QVERIFY2(refused.err.contains(u"Unauthorized"), qPrintable(refused.err));

        for (const QString &context : {u"sandbox-exec"_s, u"cci-aksk"_s, u"cci-password"_s}) {
            const auto run = burstctl(QStringList{u"get"_s, u"namespaces"_s, u"--context"_s,
                                                  context, u"--trust-exec"_s} + names);
            QVERIFY2(run.exitCode == 0, qPrintable(context + u": "_s + run.err));
            QVERIFY2(run.out.contains(u"namespace/"), qPrintable(run.out));
        }
        const auto broken = burstctl({u"get"_s, u"namespaces"_s, u"--context"_s,
                                      u"sandbox-exec-broken"_s, u"--trust-exec"_s});
        QVERIFY(broken.exitCode != 0);
        QVERIFY2(broken.err.contains(u"Bearer <redacted>"), qPrintable(broken.err));
    }

    void consoleSession()
    {
        QFile log(m_scratchPath + u"/logs/console.log"_s);
        QVERIFY(log.open(QIODevice::WriteOnly));
        g_log = &log;
        QLoggingCategory::setFilterRules(u"burst.kube.http.debug=true"_s);
        const QtMessageHandler previous = qInstallMessageHandler(logToFile);

        core::cloud::CredentialStore store;
        using Kind = core::cloud::CloudAccount::AuthKind;
        const auto aksk = saveAccount(store, u"scan-aksk"_s, Kind::AkSk);
        const auto password = saveAccount(store, u"scan-password"_s, Kind::Password);
        const QString bearerReference = u"scan/bearer-token"_s;
        bool written = false;
        store.write(bearerReference, QString::fromUtf8(m_bearer), this,
                    [&](const core::Result<void> &done) { written = done.ok(); });
        QTRY_VERIFY_WITH_TIMEOUT(written, 10000);
        QVERIFY2(store.isPersistent(), "the Secret Service did not answer");

        // Read back through a fresh store, as the console does when it connects.
        core::cloud::CredentialStore reader;
        const core::cloud::CciRegion region{u"cn-north-4"_s, u"sandbox"_s, QUrl(m_cciServer),
                                            QUrl(m_cciServer)};
        QList<core::kube::Connection> connections;
        connections.append(models::accountConnection(
            aksk, region, readSecret(reader, aksk.accessKeyReference),
            readSecret(reader, aksk.secretKeyReference), m_caPem));
        connections.append(models::accountConnection(
            password, region, readSecret(reader, password.passwordReference), {}, m_caPem));
        QCOMPARE(reader.isPersistent(), true);
        core::kube::KubeconfigOverrides overrides;
        overrides.context = u"sandbox"_s;
        auto bearer = core::kube::loadConnection(overrides);
        QVERIFY(bearer.ok());
        bearer.value().token = readSecret(reader, bearerReference);
        QCOMPARE(bearer->token.toUtf8(), m_bearer);
        connections.append(bearer.value());
        overrides.context = u"sandbox-exec"_s;
        auto exec = core::kube::loadConnection(overrides);
        QVERIFY(exec.ok() && exec->exec);
        auto trust = std::make_shared<core::kube::ExecTrustStore>(core::kube::defaultExecTrustFile());
        trust->trust(exec->userSourceFile, exec->userName, *exec->exec);
        QVERIFY(core::kube::attachExecCredentialProvider(exec.value(), trust));
        connections.append(exec.value());

        auto window = std::make_unique<ui::MainWindow>();
        window->show();
        for (core::kube::Connection &connection : connections)
            waitSynced(window->connectTo(std::move(connection)));
        // Verified TLS everywhere: no TLS warning badge.
        QVERIFY(!window->statusBar()->findChild<QLabel *>(u"tlsBadge"_s));
        window->close();
        window.reset();
        QSettings().sync();

        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());
        g_log = nullptr;
        log.close();
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray logged = log.readAll();
        const QByteArray lower = logged.toLower();
        QVERIFY2(lower.contains("authorization: bearer <redacted>"), logged.left(2000).constData());
        QVERIFY2(lower.contains("x-subject-token: <redacted>"), logged.left(2000).constData());
    }

    // Zero hits: no secret in any form, anywhere under scratch.
    void scratchHoldsNoSecret()
    {
        const int files = secretscan::countFiles(m_scratchPath);
        QVERIFY2(files >= 10, qPrintable(QString::number(files))); // logs, settings, kubeconfig
        QVERIFY(QFile::exists(home() + u"/.config/burst-console/exec-trust.ini"_s));
        const QStringList hits = secretscan::scan(m_scratchPath, secrets());
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(u'\n')));
        qInfo("scanned %d files for %d secrets in %d forms each: no hit", files,
              int(secrets().size()), int(secretscan::needles(m_bearer).size()));
    }
};

int main(int argc, char *argv[])
{
    tst_SecretScan test; // points the environment into scratch before QApplication reads it
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"burst-console"_s);
    QApplication::setOrganizationName(u"BurstConsole"_s);
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_secretscan.moc"
