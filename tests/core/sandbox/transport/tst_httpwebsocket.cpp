#include "core/sandbox/transport/httpserver.h"
#include "core/sandbox/transport/httpwebsocket.h"
#include "core/sandbox/transport/tlscontext.h"
#include "tests/core/sandbox/transport/httptesthelpers.h"

#include <QCryptographicHash>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

#include <atomic>
#include <thread>

using namespace core::sandbox;
using namespace httptest;

namespace {

QByteArray closePayload(quint16 code, const QByteArray &reason)
{
    QByteArray payload(2, Qt::Uninitialized);
    qToBigEndian(code, payload.data());
    return payload + reason;
}

// Speaks the exec protocol the way kube-apiserver does: stdin (0) is echoed on stdout (1);
// "exit" on stdin closes with code 1000.
HttpReply execEcho(const HttpRequest &request, Shared<QByteArray> *protocolSeen,
                   std::atomic<int> *closedCode)
{
    const QByteArray protocol =
        request.pickWebSocketProtocol({"v5.channel.k8s.io", "v4.channel.k8s.io"});
    if (protocol.isEmpty())
        return HttpResponse::text(400, "no supported exec protocol\n");
    protocolSeen->set(protocol);
    return HttpReply::webSocket(protocol, [closedCode](std::shared_ptr<HttpWebSocket> socket) {
        const std::weak_ptr<HttpWebSocket> weak = socket;
        socket->setOnMessage([weak](const QByteArray &message, bool binary) {
            const auto self = weak.lock();
            if (!self || !binary || !message.startsWith('\0'))
                return;
            if (message.mid(1) == "exit")
                self->close(1000, "bye");
            else
                self->sendChannel(1, message.mid(1));
        });
        socket->setOnClosed([closedCode](quint16 code, const QByteArray &) { *closedCode = code; });
    });
}

} // namespace

// The WebSocket side of the sandbox transport: the RFC 6455 handshake and framing seen by a raw
// client (subprotocol choice, echo, close from either side, upgrade required), and the server
// giving up on a session: abort() while messages are still queued or being written must drop the
// connection cleanly (a write in flight once read a message freed under it).
class tst_HttpWebSocket : public QObject
{
    Q_OBJECT

private slots:
    void webSocket_data();
    void webSocket();
    void webSocketServerCloses();
    void webSocketUpgradeRequired();
    void abortWithQueuedMessages_data()
    {
        QTest::addColumn<int>("messages");
        QTest::addColumn<int>("messageBytes");
        QTest::addColumn<bool>("fromAnotherThread");
        QTest::newRow("one small, same thread") << 1 << 16 << false;
        QTest::newRow("many large, same thread") << 64 << 256 * 1024 << false;
        QTest::newRow("many large, another thread") << 64 << 256 * 1024 << true;
    }
    void abortWithQueuedMessages()
    {
        QFETCH(int, messages);
        QFETCH(int, messageBytes);
        QFETCH(bool, fromAnotherThread);
        HttpServer server([=](const HttpRequest &) -> HttpReply {
            return HttpReply::webSocket(
                QByteArrayLiteral("v5.channel.k8s.io"), [=](std::shared_ptr<HttpWebSocket> socket) {
                    const QByteArray payload(messageBytes, 'x');
                    for (int i = 0; i < messages; ++i)
                        socket->sendChannel(1, payload);
                    if (fromAnotherThread)
                        std::thread([socket] { socket->abort(); }).detach();
                    else
                        socket->abort();
                    QVERIFY(!socket->sendChannel(1, payload) || socket->isOpen());
                });
        });
        const auto port = server.start();
        QVERIFY(port.ok());
        QWebSocket client;
        QSignalSpy disconnected(&client, &QWebSocket::disconnected);
        QNetworkRequest request(QUrl(QStringLiteral("ws://127.0.0.1:%1/exec").arg(*port)));
        request.setRawHeader("Sec-WebSocket-Protocol", "v5.channel.k8s.io");
        client.open(request);
        QTRY_VERIFY_WITH_TIMEOUT(disconnected.count() == 1, 10000);
        server.stop();
    }
};

void tst_HttpWebSocket::webSocket_data()
{
    QTest::addColumn<bool>("useTls");
    QTest::addColumn<QByteArray>("offered");
    QTest::addColumn<QByteArray>("expected"); // empty: the handler refuses the upgrade

    QTest::newRow("v5 first") << false << QByteArray("v5.channel.k8s.io, v4.channel.k8s.io")
                              << QByteArray("v5.channel.k8s.io");
    QTest::newRow("server prefers v5")
        << false << QByteArray("v4.channel.k8s.io, v5.channel.k8s.io")
        << QByteArray("v5.channel.k8s.io");
    QTest::newRow("v4 fallback") << false << QByteArray("v4.channel.k8s.io")
                                 << QByteArray("v4.channel.k8s.io");
    QTest::newRow("wss v5") << true << QByteArray("v5.channel.k8s.io, v4.channel.k8s.io")
                            << QByteArray("v5.channel.k8s.io");
    QTest::newRow("unsupported") << false << QByteArray("v3.channel.k8s.io") << QByteArray();
}

void tst_HttpWebSocket::webSocket()
{
    QFETCH(bool, useTls);
    QFETCH(QByteArray, offered);
    QFETCH(QByteArray, expected);
    const auto tls = TlsContext::generate();
    QVERIFY(tls.ok());
    HttpServerOptions options;
    if (useTls)
        options.tls = *tls;
    Shared<QByteArray> protocolSeen;
    std::atomic<int> closedCode = 0;
    HttpServer server(
        [&](const HttpRequest &request) { return execEcho(request, &protocolSeen, &closedCode); },
        options);
    QVERIFY(server.start().ok());

    RawWebSocket socket;
    QVERIFY(socket.connect(server.port(), useTls ? &*tls : nullptr));
    QByteArray key;
    const QByteArray head = socket.handshake(
        "/api/v1/namespaces/default/pods/web/exec?command=sh&stdin=true&stdout=true", offered,
        &key);
    if (expected.isEmpty()) {
        QVERIFY2(head.startsWith("HTTP/1.1 400 "), head.constData());
        return;
    }
    QVERIFY2(head.startsWith("HTTP/1.1 101 "), head.constData());
    const QByteArray accept =
        QCryptographicHash::hash(QByteArray(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"),
                                 QCryptographicHash::Sha1)
            .toBase64();
    QVERIFY(head.contains(QByteArray("Sec-WebSocket-Accept: " + accept + "\r\n")));
    QVERIFY(head.contains(QByteArray("Sec-WebSocket-Protocol: " + expected + "\r\n")));
    QCOMPARE(*protocolSeen.get(), expected);

    for (const QByteArray &input : {QByteArray("ls\n"), QByteArray(300, 'x')}) {
        socket.send(0x2, QByteArray(1, '\0') + input);
        const auto frame = socket.read();
        QVERIFY(frame.has_value());
        QCOMPARE(frame->opcode, 0x2);
        QCOMPARE(frame->payload, QByteArray(QByteArray(1, '\x01') + input));
    }
    socket.send(0x8, closePayload(1000, "done"));
    const auto closing = socket.read();
    QVERIFY(closing.has_value());
    QCOMPARE(closing->opcode, 0x8);
    QVERIFY(socket.finishClose());
    QTRY_COMPARE(closedCode.load(), 1000);
}

void tst_HttpWebSocket::webSocketServerCloses()
{
    Shared<QByteArray> protocolSeen;
    std::atomic<int> closedCode = 0;
    HttpServer server(
        [&](const HttpRequest &request) { return execEcho(request, &protocolSeen, &closedCode); });
    QVERIFY(server.start().ok());
    RawWebSocket socket;
    QVERIFY(socket.connect(server.port(), nullptr));
    QByteArray key;
    QVERIFY(socket.handshake("/exec", "v4.channel.k8s.io", &key).startsWith("HTTP/1.1 101 "));
    socket.send(0x2, QByteArray("\0exit", 5));
    const auto closing = socket.read();
    QVERIFY(closing.has_value());
    QCOMPARE(closing->opcode, 0x8);
    QCOMPARE(closing->payload, closePayload(1000, "bye"));
    socket.send(0x8, closing->payload);
    QVERIFY(socket.waitDisconnected());
    QTRY_COMPARE(closedCode.load(), 1000);
}

void tst_HttpWebSocket::webSocketUpgradeRequired()
{
    HttpServer server([](const HttpRequest &) {
        return HttpReply::webSocket("v5.channel.k8s.io", [](std::shared_ptr<HttpWebSocket>) {});
    });
    QVERIFY(server.start().ok());
    QNetworkAccessManager manager;
    QNetworkReply *reply = manager.get(QNetworkRequest(urlOf(server, QStringLiteral("/exec"))));
    QVERIFY(waitFinished(reply));
    QCOMPARE(statusOf(reply), 400);
    reply->deleteLater();
}

QTEST_GUILESS_MAIN(tst_HttpWebSocket)
#include "tst_httpwebsocket.moc"
