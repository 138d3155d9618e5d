#include "sandboxprocess.h"

#include "core/cloud/requestsigner.h"
#include "core/kube/apiclient.h"
#include "core/kube/execclient.h"
#include "core/kube/execcredentialprovider.h"
#include "core/kube/exectruststore.h"
#include "core/kube/kubeconfig.h"
#include "core/kube/podlogclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTest>

using namespace core::kube;

// Pod logs and exec through ApiClient's one request pipeline against burst-sandbox --tls, with
// the credentials REST calls get: the CCI endpoint with every request (the log GET and the exec
// upgrade alike) signed by an AK/SK, and the CCE API through exec credential plugins, one whose
// token is refused (401) or expires so the plugin must run again, one that hands out the
// sandbox's client certificate.
class tst_LogsExecAuth : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;
    const QString m_goodToken = QStringLiteral("token-from-the-plugin");
    const QString m_cciNamespace = QStringLiteral("cce-burst-sandbox");

    Connection connectionFor(const QString &context) const
    {
        KubeconfigOverrides overrides;
        overrides.kubeconfigPath = m_sandbox.kubeconfig();
        overrides.context = context;
        const auto loaded = loadConnection(overrides);
        return loaded ? loaded.value() : Connection();
    }

    Connection signedCci(const QString &secretKey) const
    {
        Connection connection = connectionFor(QStringLiteral("sandbox-cci"));
        connection.token.clear(); // the kubeconfig's placeholder
        const auto signer =
            std::make_shared<core::cloud::RequestSigner>(QStringLiteral("SANDBOXAK"), secretKey);
        connection.signRequest = [signer](QNetworkRequest &request, const QByteArray &verb,
                                          const QByteArray &body) {
            const auto error = signer->sign(&request, verb, body);
            return error ? error->message : QString();
        };
        return connection;
    }

    // The CCE connection with its user replaced by an exec plugin printing `status` (JSON).
    Connection withPlugin(const QString &name, const QString &script)
    {
        const QString path = m_sandbox.tempPath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(script.toUtf8());
        file.close();
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        Connection connection = connectionFor(QStringLiteral("sandbox"));
        connection.token.clear();
        ExecConfig config;
        config.apiVersion = QStringLiteral("client.authentication.k8s.io/v1");
        config.command = path;
        config.interactiveMode = QStringLiteral("Never");
        auto trust = std::make_shared<ExecTrustStore>(m_sandbox.tempPath(name + u".trust"));
        trust->trust(m_sandbox.kubeconfig(), name, config);
        ExecCredentialProvider::Options options;
        options.kubeconfigPath = m_sandbox.kubeconfig();
        options.userName = name;
        connection.credentialProvider = std::make_shared<ExecCredentialProvider>(
            config, ExecClusterInfo::fromConnection(connection), trust, options);
        return connection;
    }

    int pluginRuns(const QString &name) const
    {
        QFile file(m_sandbox.tempPath(name + u".runs"));
        return file.open(QIODevice::ReadOnly) ? int(file.readAll().count('\n')) : 0;
    }

    // A pod on `nodeName` writing 50 log lines a second, marked Running.
    static bool createRunningPod(ApiClient &client, const QString &nameSpace,
                                 const QString &nodeName)
    {
        const QString path = QStringLiteral("/api/v1/namespaces/%1/pods").arg(nameSpace);
        ApiRequest create;
        create.verb = QByteArrayLiteral("POST");
        create.path = path;
        create.body = QStringLiteral(
                          R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"web",)"
                          R"("annotations":{"sandbox.burst.io/log-lines-per-second":"50"}},)"
                          R"("spec":{"nodeName":"%1","containers":[{"name":"app","image":"nginx:1.25"}]}})")
                          .arg(nodeName)
                          .toUtf8();
        ApiRequest running;
        running.verb = QByteArrayLiteral("PATCH");
        running.path = path + QStringLiteral("/web/status");
        running.contentType = patchContentType(PatchType::Merge);
        running.body = QStringLiteral(
                           R"({"status":{"phase":"Running","containerStatuses":[{"name":"app",)"
                           R"("restartCount":0,"state":{"running":{"startedAt":"%1"}}}]}})")
                           .arg(QDateTime::currentDateTimeUtc().addSecs(-10).toString(Qt::ISODate))
                           .toUtf8();
        for (const ApiRequest &request : {create, running}) {
            std::optional<ApiResult<ApiResponse>> answer;
            client.send(request, &client, [&answer](const ApiResult<ApiResponse> &r) { answer = r; });
            if (!QTest::qWaitFor([&] { return answer.has_value(); }, 10000) || !*answer) {
                qWarning("%s", answer && !*answer ? qPrintable(answer->error().message) : "");
                return false;
            }
        }
        return true;
    }

    // `tail` lines of pod web's log, or the error's code.
    static QString logs(ApiClient &client, const QString &nameSpace, int tail, QStringList *lines)
    {
        PodLogClient log(&client);
        QSignalSpy finished(&log, &PodLogClient::finished);
        QSignalSpy failed(&log, &PodLogClient::failed);
        PodLogOptions options;
        options.tailLines = tail;
        log.start(nameSpace, QStringLiteral("web"), options);
        if (!QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, 10000))
            return QStringLiteral("no answer");
        *lines = log.lines();
        if (failed.isEmpty())
            return {};
        const auto error = failed.constFirst().constFirst().value<core::Error>();
        qInfo("%s", qPrintable(error.message));
        return error.code;
    }

    // `echo` run in pod web: its stdout, or the error's code after "error:".
    static QString echo(ApiClient &client, const QString &nameSpace, const QString &text)
    {
        ExecClient exec(&client);
        QSignalSpy finished(&exec, &ExecClient::finished);
        QSignalSpy failed(&exec, &ExecClient::failed);
        QByteArray out;
        connect(&exec, &ExecClient::stdoutReceived, &exec,
                [&out](const QByteArray &data) { out += data; });
        ExecOptions options;
        options.command = {QStringLiteral("echo"), text};
        exec.start(nameSpace, QStringLiteral("web"), options);
        if (!QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, 10000))
            return QStringLiteral("no answer");
        if (!failed.isEmpty()) {
            const auto error = failed.constFirst().constFirst().value<core::Error>();
            qInfo("%s", qPrintable(error.message));
            return u"error:" + error.code;
        }
        return QString::fromUtf8(out);
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<core::Error>();
        QVERIFY(m_sandbox.start({QStringLiteral("--tls"), QStringLiteral("--token"), m_goodToken,
                                 QStringLiteral("--iam-aksk"),
                                 QStringLiteral("SANDBOXAK:sandbox-sk"),
                                 QStringLiteral("--no-examples")}));
        ApiClient cce(connectionFor(QStringLiteral("sandbox")));
        QVERIFY(createRunningPod(cce, QStringLiteral("default"), QStringLiteral("idc-node-1")));
        ApiClient cci(signedCci(QStringLiteral("sandbox-sk")));
        QVERIFY(createRunningPod(cci, m_cciNamespace, QStringLiteral("cci-virtual-node")));
    }

    void cleanupTestCase() { QCOMPARE(m_sandbox.stop(), 0); }

    void cciSignedWithAkSk()
    {
        ApiClient client(signedCci(QStringLiteral("sandbox-sk")));
        QStringList lines;
        QCOMPARE(logs(client, m_cciNamespace, 3, &lines), QString());
        QCOMPARE(lines.size(), 3);
        QCOMPARE(echo(client, m_cciNamespace, QStringLiteral("signed")), QStringLiteral("signed\n"));
    }

    void cciWrongSecretIsRefused()
    {
        ApiClient client(signedCci(QStringLiteral("not-the-sk")));
        QStringList lines;
        QCOMPARE(logs(client, m_cciNamespace, 3, &lines), QStringLiteral("kube.Unauthorized"));
        QVERIFY(lines.isEmpty());
        QCOMPARE(echo(client, m_cciNamespace, QStringLiteral("x")),
                 QStringLiteral("error:kube.Unauthorized"));
    }

    // Odd runs print a token the server refuses, even runs the right one; each expires a second
    // after it was printed. Logs: refused, plugin again, served. Exec, once that token expired:
    // plugin again (refused), again (served).
    void expiringPluginTokenIsRefreshed()
    {
        const QString name = QStringLiteral("expiring");
        const QString runs = m_sandbox.tempPath(name + u".runs");
        Connection connection = withPlugin(
            name, QStringLiteral("#!/bin/sh\n"
                                 "echo run >> '%1'\n"
                                 "n=$(wc -l < '%1')\n"
                                 "token=%2\n"
                                 "[ $((n % 2)) -eq 1 ] && token=refused-token-$n\n"
                                 "expiry=$(date -u -d @$(($(date +%s) + 1)) +%Y-%m-%dT%H:%M:%SZ)\n"
                                 "printf '{\"apiVersion\":\"client.authentication.k8s.io/v1\","
                                 "\"kind\":\"ExecCredential\",\"status\":{\"token\":\"%s\","
                                 "\"expirationTimestamp\":\"%s\"}}\\n' \"$token\" \"$expiry\"\n")
                      .arg(runs, m_goodToken));
        QVERIFY(connection.credentialProvider);
        ApiClient client(connection);
        QStringList lines;
        QCOMPARE(logs(client, QStringLiteral("default"), 2, &lines), QString());
        QCOMPARE(lines.size(), 2);
        QCOMPARE(pluginRuns(name), 2);
        QTest::qWait(2100); // the served token's expirationTimestamp passes
        QCOMPARE(echo(client, QStringLiteral("default"), QStringLiteral("fresh")),
                 QStringLiteral("fresh\n"));
        QCOMPARE(pluginRuns(name), 4);
    }

    void pluginClientCertificate()
    {
        const Connection cert = connectionFor(QStringLiteral("sandbox-cert"));
        QVERIFY(!cert.clientCertPem.isEmpty());
        const QJsonObject status{
            {QStringLiteral("clientCertificateData"), QString::fromLatin1(cert.clientCertPem)},
            {QStringLiteral("clientKeyData"), QString::fromLatin1(cert.clientKeyPem)}};
        const QString name = QStringLiteral("certificate");
        Connection connection = withPlugin(
            name, QStringLiteral("#!/bin/sh\necho run >> '%1'\ncat <<'JSON'\n"
                                 "{\"apiVersion\":\"client.authentication.k8s.io/v1\","
                                 "\"kind\":\"ExecCredential\",\"status\":%2}\nJSON\n")
                      .arg(m_sandbox.tempPath(name + u".runs"),
                           QString::fromUtf8(QJsonDocument(status).toJson(QJsonDocument::Compact))));
        connection.clientCertPem.clear();
        connection.clientKeyPem.clear();
        ApiClient client(connection);
        QStringList lines;
        QCOMPARE(logs(client, QStringLiteral("default"), 1, &lines), QString());
        QCOMPARE(lines.size(), 1);
        QCOMPARE(echo(client, QStringLiteral("default"), QStringLiteral("by certificate")),
                 QStringLiteral("by certificate\n"));
        QCOMPARE(pluginRuns(name), 1); // cached: no expiry
    }
};

QTEST_GUILESS_MAIN(tst_LogsExecAuth)
#include "tst_logsexecauth.moc"
