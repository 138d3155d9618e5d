#include "core/sandbox/transport/httpserver.h"
#include "core/sandbox/transport/httpstream.h"
#include "core/sandbox/transport/httpwebsocket.h"
#include "core/sandbox/transport/tlscontext.h"
#include "tests/core/sandbox/transport/httptesthelpers.h"
#include "tests/core/sandbox/transport/kubectlrun.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

// Expected values come from the RFCs (9112 HTTP/1.1 framing, 6455 WebSocket accept key and
// framing), from what Qt's HTTP and TLS stacks report, and from the real kubectl driving the
// server; never from the server's own code.

using namespace core::sandbox;
using namespace httptest;
using namespace kubectltest;
using namespace std::chrono_literals;

// The real kubectl against the bare transport (skipped without kubectl): version over HTTP and
// HTTPS with a token or a client certificate, a watch stream, exec over WebSocket.
class tst_httpkubectl : public QObject
{
    Q_OBJECT

private slots:
    void kubectlVersion_data();
    void kubectlVersion();
    void kubectlWatchStreams();
    void kubectlExec();
};

void tst_httpkubectl::kubectlVersion_data()
{
    QTest::addColumn<bool>("useTls");
    QTest::addColumn<bool>("clientCertificate");
    QTest::newRow("http") << false << false;
    QTest::newRow("https with CA and token") << true << false;
    QTest::newRow("https with client certificate") << true << true;
}

void tst_httpkubectl::kubectlVersion()
{
    QFETCH(bool, useTls);
    QFETCH(bool, clientCertificate);
    if (QStandardPaths::findExecutable(QStringLiteral("kubectl")).isEmpty())
        QSKIP("kubectl is not installed");
    const auto tls = TlsContext::generate();
    QVERIFY(tls.ok());
    HttpServerOptions options;
    if (useTls)
        options.tls = *tls;
    Shared<TlsClientIdentity> identity;
    Shared<QByteArray> authorization;
    HttpServer server(
        [&](const HttpRequest &request) {
            if (request.path != u"/version")
                return HttpResponse::json(404, R"({"kind":"Status","code":404})");
            identity.set(request.client);
            authorization.set(request.headers.value("Authorization"));
            return HttpResponse::json(200,
                                      R"({"major":"1","minor":"32","gitVersion":"v1.32.0-sandbox",)"
                                      R"("platform":"linux/amd64"})");
        },
        options);
    QVERIFY(server.start().ok());

    QTemporaryDir home;
    QStringList arguments = {QStringLiteral("--server=") + server.url(),
                             QStringLiteral("--request-timeout=10s"), QStringLiteral("version"),
                             QStringLiteral("-o"), QStringLiteral("json")};
    if (useTls) {
        // Test-only throwaway PKI; the application never writes keys to disk.
        const QString ca = home.filePath(QStringLiteral("ca.pem"));
        QVERIFY(writeFile(ca, tls->caPem()));
        arguments << QStringLiteral("--certificate-authority=") + ca;
    }
    if (useTls && !clientCertificate) // kubectl prompts for a user name over https otherwise
        arguments << QStringLiteral("--token=sandbox-token");
    if (clientCertificate) {
        const QString certificate = home.filePath(QStringLiteral("client.pem"));
        const QString key = home.filePath(QStringLiteral("client-key.pem"));
        QVERIFY(writeFile(certificate, tls->clientCertPem()) &&
                writeFile(key, tls->clientKeyPem()));
        arguments << QStringLiteral("--client-certificate=") + certificate
                  << QStringLiteral("--client-key=") + key;
    }
    const KubectlRun run = runKubectl(home, arguments);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject version = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(version.value(u"serverVersion").toObject().value(u"gitVersion").toString(),
             QStringLiteral("v1.32.0-sandbox"));
    QCOMPARE(identity.get()->verified, clientCertificate);
    QCOMPARE(*authorization.get(),
             useTls && !clientCertificate ? QByteArray("Bearer sandbox-token") : QByteArray());
    QCOMPARE(identity.get()->commonName,
             clientCertificate ? QStringLiteral("sandbox-admin") : QString());
}

void tst_httpkubectl::kubectlWatchStreams()
{
    if (QStandardPaths::findExecutable(QStringLiteral("kubectl")).isEmpty())
        QSKIP("kubectl is not installed");
    const QList<QByteArray> events = {
        R"({"type":"ADDED","object":{"kind":"Pod","metadata":{"name":"a"}}})"
        "\n",
        R"({"type":"MODIFIED","object":{"kind":"Pod","metadata":{"name":"a"}}})"
        "\n",
        R"({"type":"DELETED","object":{"kind":"Pod","metadata":{"name":"a"}}})"
        "\n"};
    std::atomic<bool> closed = false;
    HttpServer server([&](const HttpRequest &request) {
        if (!request.queryFlag(QStringLiteral("watch")))
            return HttpReply(HttpResponse::json(400, R"({"kind":"Status","code":400})"));
        return HttpReply::stream(200, {{"Content-Type", "application/json"}},
                                 [&](std::shared_ptr<HttpStream> stream) {
                                     stream->setOnClosed([&closed] { closed = true; });
                                     std::thread([stream, events] {
                                         for (const QByteArray &event : events) {
                                             std::this_thread::sleep_for(100ms);
                                             stream->write(event);
                                         }
                                         stream->end();
                                     }).detach();
                                 });
    });
    QVERIFY(server.start().ok());
    QTemporaryDir home;
    const KubectlRun run = runKubectl(
        home, {QStringLiteral("--server=") + server.url(), QStringLiteral("get"),
               QStringLiteral("--raw"), QStringLiteral("/api/v1/namespaces/default/pods?watch=1")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(run.out, events.join());
    QTRY_VERIFY(closed);
}

void tst_httpkubectl::kubectlExec()
{
    if (QStandardPaths::findExecutable(QStringLiteral("kubectl")).isEmpty())
        QSKIP("kubectl is not installed");
    const auto tls = TlsContext::generate();
    QVERIFY(tls.ok());
    HttpServerOptions options;
    options.tls = *tls;
    Shared<QByteArray> protocolSeen;
    HttpServer server(
        [&protocolSeen](const HttpRequest &request) -> HttpReply {
            // kubectl resolves "web" through legacy discovery first.
            if (request.path == u"/api")
                return HttpResponse::json(200, R"({"kind":"APIVersions","versions":["v1"]})");
            if (request.path == u"/apis")
                return HttpResponse::json(200, R"({"kind":"APIGroupList","groups":[]})");
            if (request.path == u"/api/v1") {
                return HttpResponse::json(
                    200, R"({"kind":"APIResourceList","groupVersion":"v1","resources":[)"
                         R"({"name":"pods","singularName":"pod","namespaced":true,"kind":"Pod",)"
                         R"("verbs":["get","list"]}]})");
            }
            const QString pod = QStringLiteral("/api/v1/namespaces/default/pods/web");
            if (request.path == pod && request.method == "GET") {
                return HttpResponse::json(
                    200, R"({"kind":"Pod","apiVersion":"v1","metadata":{"name":"web",)"
                         R"("namespace":"default","uid":"0e4c8f3e"},"spec":{"containers":)"
                         R"([{"name":"app","image":"nginx"}]},"status":{"phase":"Running"}})");
            }
            if (request.path != pod + u"/exec" || !request.isWebSocketUpgrade())
                return HttpResponse::json(404, R"({"kind":"Status","code":404})");
            const QByteArray protocol =
                request.pickWebSocketProtocol({"v5.channel.k8s.io", "v4.channel.k8s.io"});
            protocolSeen.set(protocol);
            const QStringList command = request.query.value(QStringLiteral("command"));
            return HttpReply::webSocket(protocol, [command](std::shared_ptr<HttpWebSocket> socket) {
                socket->sendChannel(1, command.mid(1).join(u' ').toUtf8() + '\n');
                socket->sendChannel(3, R"({"metadata":{},"status":"Success"})");
                socket->close(1000, {});
            });
        },
        options);
    QVERIFY(server.start().ok());
    QTemporaryDir home;
    const QString ca = home.filePath(QStringLiteral("ca.pem"));
    QVERIFY(writeFile(ca, tls->caPem()));
    const KubectlRun run = runKubectl(
        home, {QStringLiteral("--server=") + server.url(),
               QStringLiteral("--certificate-authority=") + ca,
               QStringLiteral("--token=sandbox-token"), QStringLiteral("--namespace=default"),
               QStringLiteral("exec"), QStringLiteral("web"), QStringLiteral("--"),
               QStringLiteral("echo"), QStringLiteral("hello"), QStringLiteral("sandbox")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(run.out, QByteArray("hello sandbox\n"));
    QCOMPARE(*protocolSeen.get(), QByteArray("v5.channel.k8s.io"));
}

QTEST_GUILESS_MAIN(tst_httpkubectl)
#include "tst_httpkubectl.moc"
