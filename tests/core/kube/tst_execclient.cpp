#include "core/kube/execclient.h"

#include "core/kube/apiclient.h"
#include "core/sandbox/transport/tlscontext.h"
#include "tests/common/signalbytes.h"
#include "tests/core/kube/recordingserver.h"

#include <QSignalSpy>
#include <QTest>

#include <atomic>

// Expected values: the exec query and subprotocol offer are kubectl's (kubectl exec -v=8 against
// a 1.30+ server: command repeated per argument, stdout/stderr/stdin/tty flags,
// "v5.channel.k8s.io, v4.channel.k8s.io"); the channel-3 Status shapes and messages are the
// kubelet's (remotecommand: Success; Failure/NonZeroExitCode with details.causes ExitCode and
// "command terminated with non-zero exit code: error executing command [...], exit code N");
// the refusal message is kube-apiserver's RBAC Forbidden text.

using core::kube::ApiClient;
using core::kube::ExecClient;
using core::kube::ExecOptions;
using core::sandbox::HttpReply;
using core::sandbox::HttpRequest;
using core::sandbox::HttpWebSocket;

namespace {

using tests::joined;

const QString kExecPath = QStringLiteral("/api/v1/namespaces/shop/pods/web-0/exec");
const QByteArray kSuccess = R"({"metadata":{},"status":"Success"})";

QByteArray nonZeroExit(const QStringList &command, int code)
{
    return QStringLiteral(
               R"({"metadata":{},"status":"Failure","message":"command terminated with non-zero )"
               R"(exit code: error executing command [%1], exit code %2","reason":)"
               R"("NonZeroExitCode","details":{"causes":[{"reason":"ExitCode","message":"%2"}]}})")
        .arg(command.join(u' '))
        .arg(code)
        .toUtf8();
}

// Runs the few commands the tests use, as the kubelet would: echo, a failing sh, cat (stdin to
// stdout until stdin closes) and a resize echo.
void runCommand(const std::shared_ptr<HttpWebSocket> &socket, const QStringList &command)
{
    const std::weak_ptr<HttpWebSocket> weak = socket;
    if (command.value(0) == u"echo") {
        socket->sendChannel(1, QString(command.mid(1).join(u' ') + u'\n').toUtf8());
        socket->sendChannel(3, kSuccess);
        socket->close(1000);
    } else if (command.value(0) == u"drop") {
        socket->sendChannel(1, "partial");
    } else if (command.value(0) == u"sh") {
        socket->sendChannel(2, "oops\n");
        socket->sendChannel(3, nonZeroExit(command, 3));
        socket->close(1000);
    }
    socket->setOnMessage([weak](const QByteArray &message, bool binary) {
        const auto self = weak.lock();
        if (!self || !binary || message.isEmpty())
            return;
        const quint8 channel = quint8(message.at(0));
        if (channel == 0 || channel == 4) {
            self->sendChannel(1, message.mid(1));
        } else if (channel == 255 && message.mid(1) == QByteArray(1, '\0')) {
            self->sendChannel(3, kSuccess);
            self->close(1000);
        }
    });
}

struct ExecFake
{
    QList<QByteArray> supported{"v5.channel.k8s.io", "v4.channel.k8s.io"};

    HttpReply handle(const HttpRequest &request, RecordingServer &server) const
    {
        if (request.path == u"/api/v1/namespaces/shop/pods/locked/exec")
            return RecordingServer::status(
                403, QStringLiteral("Forbidden"),
                QStringLiteral("pods \"locked\" is forbidden: User \"dev\" cannot create "
                               "resource \"pods/exec\" in API group \"\" in the namespace "
                               "\"shop\""));
        if (request.path == u"/api/v1/namespaces/shop/pods/nohost/exec")
            return RecordingServer::status(
                400, QStringLiteral("BadRequest"),
                QStringLiteral("pod nohost does not have a host assigned"));
        if (request.path != kExecPath)
            return RecordingServer::status(404, QStringLiteral("NotFound"),
                                           QStringLiteral("pods \"x\" not found"));
        if (!request.isWebSocketUpgrade())
            return RecordingServer::status(400, QStringLiteral("BadRequest"),
                                           QStringLiteral("Upgrade request required"));
        const QByteArray protocol = request.pickWebSocketProtocol(supported);
        const QStringList command = request.query.value(QStringLiteral("command"));
        return HttpReply::webSocket(protocol, [&server, command](std::shared_ptr<HttpWebSocket> s) {
            runCommand(s, command);
            server.keepSocket(std::move(s));
        });
    }
};

core::kube::Connection connectionTo(const RecordingServer &server)
{
    core::kube::Connection connection;
    connection.server = server.url();
    connection.token = QStringLiteral("exec-token");
    return connection;
}

// The exec fake over HTTPS with `tls`; null when it cannot listen.
std::unique_ptr<RecordingServer> tlsServer(ExecFake &fake, const core::sandbox::TlsContext &tls)
{
    core::sandbox::HttpServerOptions options;
    options.tls = tls;
    auto server = std::make_unique<RecordingServer>(
        [&fake](const HttpRequest &r, RecordingServer &s) { return fake.handle(r, s); }, options);
    return server->start() ? std::move(server) : nullptr;
}

} // namespace

class tst_execclient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qRegisterMetaType<core::Error>(); }
    void run_data();
    void run();
    void stdinRoundTrip_data();
    void stdinRoundTrip();
    void resizeOnChannel4();
    void upgradeRefused_data();
    void upgradeRefused();
    void droppedConnectionIsNoExit();
    void serverWithoutChannelProtocol();
    void overTlsWithClientCertificate();
    void tlsServerName();
};

void tst_execclient::run_data()
{
    QTest::addColumn<QStringList>("command");
    QTest::addColumn<QList<QByteArray>>("supported");
    QTest::addColumn<QByteArray>("protocol");
    QTest::addColumn<QByteArray>("out");
    QTest::addColumn<QByteArray>("err");
    QTest::addColumn<int>("exitCode");
    const QList<QByteArray> both{"v5.channel.k8s.io", "v4.channel.k8s.io"};
    const QList<QByteArray> v4Only{"v4.channel.k8s.io"};
    const QStringList echo{QStringLiteral("echo"), QStringLiteral("a+b"), QStringLiteral("c&d=e")};
    const QStringList failing{QStringLiteral("sh"), QStringLiteral("-c"),
                              QStringLiteral("echo oops >&2; exit 3")};
    QTest::newRow("echo v5") << echo << both << QByteArray("v5.channel.k8s.io")
                             << QByteArray("a+b c&d=e\n") << QByteArray() << 0;
    QTest::newRow("exit 3 v5") << failing << both << QByteArray("v5.channel.k8s.io") << QByteArray()
                               << QByteArray("oops\n") << 3;
    QTest::newRow("echo v4 only") << echo << v4Only << QByteArray("v4.channel.k8s.io")
                                  << QByteArray("a+b c&d=e\n") << QByteArray() << 0;
    QTest::newRow("exit 3 v4 only") << failing << v4Only << QByteArray("v4.channel.k8s.io")
                                    << QByteArray() << QByteArray("oops\n") << 3;
}

void tst_execclient::run()
{
    QFETCH(QStringList, command);
    QFETCH(QList<QByteArray>, supported);
    QFETCH(QByteArray, protocol);
    QFETCH(QByteArray, out);
    QFETCH(QByteArray, err);
    QFETCH(int, exitCode);
    ExecFake fake{supported};
    RecordingServer server(
        [&fake](const HttpRequest &r, RecordingServer &s) { return fake.handle(r, s); });
    QVERIFY(server.start());
    ApiClient api(connectionTo(server));
    ExecClient client(&api);
    QSignalSpy stdoutSpy(&client, &ExecClient::stdoutReceived);
    QSignalSpy stderrSpy(&client, &ExecClient::stderrReceived);
    QSignalSpy finished(&client, &ExecClient::finished);
    QSignalSpy failed(&client, &ExecClient::failed);
    ExecOptions options;
    options.container = QStringLiteral("app");
    options.command = command;
    client.start(QStringLiteral("shop"), QStringLiteral("web-0"), options);
    QVERIFY(finished.wait(5000));
    QCOMPARE(failed.size(), 0);
    QCOMPARE(client.protocol(), protocol);
    QCOMPARE(joined(stdoutSpy), out);
    QCOMPARE(joined(stderrSpy), err);
    QCOMPARE(finished.constFirst().at(0).toInt(), exitCode);
    if (exitCode != 0)
        QVERIFY(finished.constFirst().at(1).toString().endsWith(
            QStringLiteral("exit code %1").arg(exitCode)));

    const HttpRequest request = server.requests().front();
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(request.path, kExecPath);
    QCOMPARE(request.query.value(QStringLiteral("command")), command);
    QCOMPARE(request.queryValue(QStringLiteral("container")), QStringLiteral("app"));
    QCOMPARE(request.queryValue(QStringLiteral("stdout")), QStringLiteral("true"));
    QCOMPARE(request.queryValue(QStringLiteral("stderr")), QStringLiteral("true"));
    QVERIFY(!request.query.contains(QStringLiteral("stdin")));
    QVERIFY(!request.query.contains(QStringLiteral("tty")));
    QCOMPARE(request.webSocketProtocols(),
             (QList<QByteArray>{"v5.channel.k8s.io", "v4.channel.k8s.io"}));
    QCOMPARE(request.headers.value("Authorization"), QByteArray("Bearer exec-token"));
}

void tst_execclient::stdinRoundTrip_data()
{
    QTest::addColumn<QList<QByteArray>>("supported");
    QTest::addColumn<bool>("canCloseStdin");
    QTest::newRow("v5 closes stdin") << QList<QByteArray>{"v5.channel.k8s.io"} << true;
    QTest::newRow("v4 cannot") << QList<QByteArray>{"v4.channel.k8s.io"} << false;
}

void tst_execclient::stdinRoundTrip()
{
    QFETCH(QList<QByteArray>, supported);
    QFETCH(bool, canCloseStdin);
    ExecFake fake{supported};
    RecordingServer server(
        [&fake](const HttpRequest &r, RecordingServer &s) { return fake.handle(r, s); });
    QVERIFY(server.start());
    ApiClient api(connectionTo(server));
    ExecClient client(&api);
    QSignalSpy opened(&client, &ExecClient::opened);
    QSignalSpy stdoutSpy(&client, &ExecClient::stdoutReceived);
    QSignalSpy finished(&client, &ExecClient::finished);
    ExecOptions options;
    options.command = {QStringLiteral("cat")};
    options.stdinEnabled = true;
    QVERIFY(!client.writeStdin("too early"));
    client.start(QStringLiteral("shop"), QStringLiteral("web-0"), options);
    QVERIFY(opened.wait(5000));
    QVERIFY(client.writeStdin("ping\n"));
    QVERIFY(client.writeStdin(QStringLiteral("你好\n").toUtf8()));
    QTRY_COMPARE(joined(stdoutSpy), QStringLiteral("ping\n你好\n").toUtf8());
    QCOMPARE(server.requests().front().queryValue(QStringLiteral("stdin")), QStringLiteral("true"));
    QCOMPARE(client.closeStdin(), canCloseStdin);
    if (canCloseStdin) {
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.constFirst().at(0).toInt(), 0);
        QVERIFY(!client.writeStdin("after the end"));
    } else {
        QVERIFY(client.isOpen());
        client.abort();
        QVERIFY(!client.isOpen());
        QCOMPARE(finished.size(), 0);
    }
}

void tst_execclient::resizeOnChannel4()
{
    ExecFake fake;
    RecordingServer server(
        [&fake](const HttpRequest &r, RecordingServer &s) { return fake.handle(r, s); });
    QVERIFY(server.start());
    ApiClient api(connectionTo(server));
    ExecClient client(&api);
    QSignalSpy opened(&client, &ExecClient::opened);
    QSignalSpy stdoutSpy(&client, &ExecClient::stdoutReceived);
    ExecOptions options;
    options.command = {QStringLiteral("top")};
    options.stdinEnabled = true;
    options.tty = true;
    client.start(QStringLiteral("shop"), QStringLiteral("web-0"), options);
    QVERIFY(opened.wait(5000));
    const HttpRequest request = server.requests().front();
    QCOMPARE(request.queryValue(QStringLiteral("tty")), QStringLiteral("true"));
    // A terminal merges stderr into stdout; kubectl does not ask for both.
    QVERIFY(!request.query.contains(QStringLiteral("stderr")));
    QVERIFY(client.resize(120, 40));
    // client-go's remotecommand.TerminalSize, marshalled without JSON tags.
    QTRY_COMPARE(joined(stdoutSpy), QByteArray(R"({"Height":40,"Width":120})"));
    client.abort();
}

void tst_execclient::upgradeRefused_data()
{
    QTest::addColumn<QString>("pod");
    QTest::addColumn<QString>("code"); // the Status reason of the refusal
    QTest::addColumn<QStringList>("messageParts");
    QTest::newRow("403 RBAC") << QStringLiteral("locked") << QStringLiteral("kube.Forbidden")
                              << QStringList{QStringLiteral("(Forbidden)"),
                                             QStringLiteral("pods \"locked\" is forbidden: User "
                                                            "\"dev\" cannot create resource")};
    // QtWebSockets words a 400 unlike other refusals ("Unknown error condition"); the Status
    // still comes through.
    QTest::newRow("400 no host")
        << QStringLiteral("nohost") << QStringLiteral("kube.BadRequest")
        << QStringList{QStringLiteral("(BadRequest)"),
                       QStringLiteral("pod nohost does not have a host assigned")};
}

void tst_execclient::upgradeRefused()
{
    QFETCH(QString, pod);
    QFETCH(QString, code);
    QFETCH(QStringList, messageParts);
    ExecFake fake;
    RecordingServer server(
        [&fake](const HttpRequest &r, RecordingServer &s) { return fake.handle(r, s); });
    QVERIFY(server.start());
    ApiClient api(connectionTo(server));
    ExecClient client(&api);
    QSignalSpy failed(&client, &ExecClient::failed);
    QSignalSpy finished(&client, &ExecClient::finished);
    ExecOptions options;
    options.command = {QStringLiteral("sh")};
    client.start(QStringLiteral("shop"), pod, options);
    QVERIFY(failed.wait(5000));
    const auto error = failed.constFirst().constFirst().value<core::Error>();
    QCOMPARE(error.code, code);
    for (const QString &part : messageParts)
        QVERIFY2(error.message.contains(part), qPrintable(error.message));
    QCOMPARE(finished.size(), 0);
}

void tst_execclient::droppedConnectionIsNoExit()
{
    ExecFake fake;
    RecordingServer server(
        [&fake](const HttpRequest &r, RecordingServer &s) { return fake.handle(r, s); });
    QVERIFY(server.start());
    ApiClient api(connectionTo(server));
    ExecClient client(&api);
    QSignalSpy failed(&client, &ExecClient::failed);
    QSignalSpy finished(&client, &ExecClient::finished);
    ExecOptions options;
    options.command = {QStringLiteral("drop")};
    QSignalSpy stdoutSpy(&client, &ExecClient::stdoutReceived);
    client.start(QStringLiteral("shop"), QStringLiteral("web-0"), options);
    QVERIFY(stdoutSpy.wait(5000));
    QCOMPARE(server.sockets().size(), size_t(1));
    server.stop(); // the TCP connection breaks without a close frame
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.constFirst().constFirst().value<core::Error>().code,
             QStringLiteral("kube.transport"));
    QCOMPARE(finished.size(), 0);
}

// A server that accepts the upgrade without choosing v5 or v4 (only v1-v3 or none) cannot carry
// the exit status; the client says so instead of running blind.
void tst_execclient::serverWithoutChannelProtocol()
{
    ExecFake fake{{}};
    RecordingServer server(
        [&fake](const HttpRequest &r, RecordingServer &s) { return fake.handle(r, s); });
    QVERIFY(server.start());
    ApiClient api(connectionTo(server));
    ExecClient client(&api);
    QSignalSpy failed(&client, &ExecClient::failed);
    QSignalSpy finished(&client, &ExecClient::finished);
    ExecOptions options;
    options.command = {QStringLiteral("echo"), QStringLiteral("x")};
    client.start(QStringLiteral("shop"), QStringLiteral("web-0"), options);
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.constFirst().constFirst().value<core::Error>().code,
             QStringLiteral("exec.protocol"));
    QCOMPARE(finished.size(), 0);
}

void tst_execclient::overTlsWithClientCertificate()
{
    const auto tls = core::sandbox::TlsContext::generate();
    QVERIFY(tls.ok());
    ExecFake fake;
    const auto server = tlsServer(fake, tls.value());
    QVERIFY(server);
    core::kube::Connection connection;
    connection.server = server->url();
    connection.certificateAuthorityPem = tls->caPem();
    connection.clientCertPem = tls->clientCertPem();
    connection.clientKeyPem = tls->clientKeyPem();
    ApiClient api(connection);
    ExecClient client(&api);
    QSignalSpy stdoutSpy(&client, &ExecClient::stdoutReceived);
    QSignalSpy finished(&client, &ExecClient::finished);
    ExecOptions options;
    options.command = {QStringLiteral("echo"), QStringLiteral("secure")};
    client.start(QStringLiteral("shop"), QStringLiteral("web-0"), options);
    QVERIFY(finished.wait(5000));
    QCOMPARE(joined(stdoutSpy), QByteArray("secure\n"));
    const HttpRequest request = server->requests().front();
    QVERIFY(request.secure);
    QCOMPARE(request.client.commonName, QStringLiteral("sandbox-admin"));

    // Without the CA the server is not trusted and nothing runs.
    connection.certificateAuthorityPem.clear();
    ApiClient untrustingApi(connection);
    ExecClient untrusting(&untrustingApi);
    QSignalSpy failed(&untrusting, &ExecClient::failed);
    untrusting.start(QStringLiteral("shop"), QStringLiteral("web-0"), options);
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.constFirst().constFirst().value<core::Error>().code,
             QStringLiteral("kube.transport"));
}

// tls-server-name reaches the WebSocket's TLS socket: a name the certificate carries is
// accepted, one it does not carry fails verification, as for every other request.
void tst_execclient::tlsServerName()
{
    core::sandbox::TlsOptions tlsOptions;
    tlsOptions.extraNames = {QStringLiteral("api.burst.test")};
    const auto tls = core::sandbox::TlsContext::generate(tlsOptions);
    QVERIFY(tls.ok());
    ExecFake fake;
    const auto server = tlsServer(fake, tls.value());
    QVERIFY(server);
    core::kube::Connection connection = connectionTo(*server);
    connection.certificateAuthorityPem = tls->caPem();
    connection.tlsServerName = QStringLiteral("api.burst.test");
    ExecOptions options;
    options.command = {QStringLiteral("echo"), QStringLiteral("named")};
    ApiClient api(connection);
    ExecClient client(&api);
    QSignalSpy finished(&client, &ExecClient::finished);
    client.start(QStringLiteral("shop"), QStringLiteral("web-0"), options);
    QVERIFY(finished.wait(5000));

    connection.tlsServerName = QStringLiteral("other.burst.test");
    ApiClient otherApi(connection);
    ExecClient other(&otherApi);
    QSignalSpy failed(&other, &ExecClient::failed);
    other.start(QStringLiteral("shop"), QStringLiteral("web-0"), options);
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.constFirst().constFirst().value<core::Error>().code,
             QStringLiteral("kube.transport"));
    QCOMPARE(server->requests().size(), size_t(1)); // nothing reached the server the second time
}

QTEST_GUILESS_MAIN(tst_execclient)
#include "tst_execclient.moc"
