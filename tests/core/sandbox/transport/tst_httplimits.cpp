#include "core/sandbox/transport/httpserver.h"
#include "core/sandbox/transport/httpwebsocket.h"
#include "tests/core/sandbox/transport/httptesthelpers.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpSocket>
#include <QTest>
#include <QtEndian>

#include <memory>
#include <vector>

// The limits a hostile client meets at the sandbox's door (docs/limits.md), seen with raw
// sockets: expected answers come from RFC 9112 / 6455 and from what kube-apiserver answers.
using namespace core::sandbox;
using namespace httptest;
using namespace std::chrono_literals;

namespace {

constexpr int kWait = 5000;

// Writes `bytes` and reads until the server closes or stays quiet for a second.
QByteArray exchange(quint16 port, const QByteArray &bytes)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForConnected(kWait))
        return {};
    socket.write(bytes);
    QByteArray answer;
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(1000))
        answer += socket.readAll();
    return answer + socket.readAll();
}

QByteArray chunked(const QByteArray &chunks)
{
    return "POST /api/v1/namespaces/default/configmaps HTTP/1.1\r\nHost: x\r\n"
           "Transfer-Encoding: chunked\r\n\r\n" +
           chunks;
}

QByteArray bigChunks(qint64 total)
{
    QByteArray out;
    const QByteArray piece(1 << 20, 'x');
    for (qint64 sent = 0; sent < total; sent += piece.size())
        out += QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n";
    return out + "0\r\n\r\n";
}

QByteArray manyHeaders(qsizetype atLeast)
{
    QByteArray head("GET /api HTTP/1.1\r\nHost: x\r\n");
    const QByteArray value(100, 'v');
    for (int i = 0; head.size() <= atLeast; ++i)
        head.append("X-H").append(QByteArray::number(i)).append(": ").append(value).append("\r\n");
    head.append("\r\n");
    return head;
}

} // namespace

class tst_HttpLimits : public QObject
{
    Q_OBJECT

private slots:
    void refused_data();
    void refused();
    void slowClientsDoNotLockOutOthers();
    void dribblingClientIsCut();
    void oversizedWebSocketMessageCloses();
};

void tst_HttpLimits::refused_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("statusLine");
    QTest::addColumn<QByteArray>("bodyPart");

    const QByteArray limit = QByteArray::number(3 * 1024 * 1024);
    QTest::newRow("header over 1 MiB")
        << QByteArray("GET /api HTTP/1.1\r\nHost: x\r\nX-Big: " + QByteArray(1 << 20, 'h') +
                      "\r\n\r\n")
        << QByteArray("HTTP/1.1 431 ") << QByteArray();
    QTest::newRow("many headers just over 1 MiB")
        << manyHeaders(1 << 20) << QByteArray("HTTP/1.1 431 ") << QByteArray();
    QTest::newRow("many headers, 8 MiB")
        << manyHeaders(8 << 20) << QByteArray("HTTP/1.1 431 ") << QByteArray();
    QTest::newRow("content-length over 3 MiB")
        << QByteArray("POST /api/v1/namespaces/default/configmaps HTTP/1.1\r\nHost: x\r\n"
                      "Content-Length: 3145729\r\n\r\n")
        << QByteArray("HTTP/1.1 413 ")
        << QByteArray(R"("reason":"RequestEntityTooLarge")");
    QTest::newRow("chunked body over 3 MiB")
        << chunked(bigChunks(4 << 20)) << QByteArray("HTTP/1.1 413 ")
        << QByteArray("Request entity too large: limit is " + limit);
    QTest::newRow("chunk size not hex") << chunked("zz\r\nhello\r\n0\r\n\r\n")
                                        << QByteArray("HTTP/1.1 400 ") << QByteArray();
    QTest::newRow("chunk size overflows")
        << chunked("fffffffffffffffffffff\r\nhello\r\n0\r\n\r\n") << QByteArray("HTTP/1.1 400 ")
        << QByteArray();
    QTest::newRow("chunk longer than its size")
        << chunked("3\r\nhelloXX\r\n0\r\n\r\n") << QByteArray("HTTP/1.1 400 ") << QByteArray();
    QTest::newRow("chunk extension garbage")
        << chunked("5;\x01\r\nhello\r\n0\r\n\r\n") << QByteArray("HTTP/1.1 400 ") << QByteArray();
    QTest::newRow("body of exactly 3 MiB is served")
        << QByteArray("POST /x HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: " +
                      limit + "\r\n\r\n" + QByteArray(3 * 1024 * 1024, 'b'))
        << QByteArray("HTTP/1.1 200 ") << QByteArray(R"("method":"POST")");
}

void tst_HttpLimits::refused()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, statusLine);
    QFETCH(QByteArray, bodyPart);
    HttpServer server(describeRequest); // the defaults are the limits under test
    QVERIFY(server.start().ok());
    QElapsedTimer timer;
    timer.start();
    const QByteArray answer = exchange(server.port(), bytes);
    QVERIFY2(answer.startsWith(statusLine), answer.left(300).constData());
    QVERIFY2(answer.contains(bodyPart), answer.left(600).constData());
    if (!statusLine.contains(" 200 ")) {
        QVERIFY(answer.contains("Connection: close\r\n"));
        if (statusLine.contains(" 413 ")) {
            const QByteArray body = answer.mid(answer.indexOf("\r\n\r\n") + 4);
            const QJsonObject status = QJsonDocument::fromJson(body).object();
            QCOMPARE(status.value(u"kind").toString(), QStringLiteral("Status"));
            QCOMPARE(status.value(u"code").toInt(), 413);
        }
    }
    qInfo("%s: answered in %lld ms", QTest::currentDataTag(), timer.elapsed());
    // The server still serves others.
    QVERIFY(exchange(server.port(), "GET /after HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                .startsWith("HTTP/1.1 200 "));
}

// A slowloris client opens many connections and sends half a request head on each; the server,
// full, evicts the oldest of them for each new connection, so kubectl still gets answers.
void tst_HttpLimits::slowClientsDoNotLockOutOthers()
{
    HttpServerOptions options;
    options.maxConnections = 64;
    options.idleTimeout = 30s; // the eviction, not the timeout, must let the client in
    HttpServer server(describeRequest, options);
    QVERIFY(server.start().ok());
    constexpr int kSlow = 300;
    std::vector<std::unique_ptr<QTcpSocket>> slow;
    for (int i = 0; i < kSlow; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QStringLiteral("127.0.0.1"), server.port());
        QVERIFY(socket->waitForConnected(kWait));
        socket->write("GET /slow HTTP/1.1\r\nHost: x\r\nX-Slow: ");
        socket->flush();
        slow.push_back(std::move(socket));
    }
    QElapsedTimer timer;
    timer.start();
    QNetworkAccessManager manager;
    for (int i = 0; i < 5; ++i) {
        QNetworkReply *reply = manager.get(QNetworkRequest(urlOf(server, QStringLiteral("/ok"))));
        QVERIFY(waitFinished(reply));
        QCOMPARE(statusOf(reply), 200);
        reply->deleteLater();
    }
    const qint64 ms = timer.elapsed();
    QTest::qWait(200);
    int closed = 0;
    for (const auto &socket : slow) {
        socket->waitForReadyRead(1);
        if (socket->state() != QAbstractSocket::ConnectedState)
            ++closed;
    }
    qInfo("%d slow connections held, %d of them evicted; 5 requests answered in %lld ms", kSlow,
          closed, ms);
    QVERIFY(ms < 3000);
    QVERIFY2(closed >= kSlow - int(options.maxConnections), qPrintable(QString::number(closed)));
    // The newest slow connections were kept: eviction goes oldest first.
    QCOMPARE(slow.back()->state(), QAbstractSocket::ConnectedState);
}

// Sending a byte now and then does not keep a request head open past the idle timeout.
void tst_HttpLimits::dribblingClientIsCut()
{
    HttpServerOptions options;
    options.idleTimeout = 500ms;
    HttpServer server(describeRequest, options);
    QVERIFY(server.start().ok());
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), server.port());
    QVERIFY(socket.waitForConnected(kWait));
    QElapsedTimer timer;
    timer.start();
    const QByteArray head = "GET / HTTP/1.1\r\nHost: x\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    for (const char byte : head) {
        if (socket.state() != QAbstractSocket::ConnectedState)
            break;
        socket.write(&byte, 1);
        socket.flush();
        socket.waitForDisconnected(100);
    }
    QVERIFY(socket.state() == QAbstractSocket::UnconnectedState ||
            socket.waitForDisconnected(kWait));
    qInfo("dribbling client cut after %lld ms", timer.elapsed());
    QVERIFY(timer.elapsed() >= 450);
    QVERIFY(timer.elapsed() < 3000);
}

// RFC 6455 5.2: a frame header announcing a message past the limit is refused before its payload
// arrives: the server closes with 1009 (message too big).
void tst_HttpLimits::oversizedWebSocketMessageCloses()
{
    HttpServer server([](const HttpRequest &) {
        return HttpReply::webSocket("v5.channel.k8s.io", [](std::shared_ptr<HttpWebSocket>) {});
    });
    QVERIFY(server.start().ok());
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), server.port());
    QVERIFY(socket.waitForConnected(kWait));
    socket.write("GET /exec HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                 "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                 "Sec-WebSocket-Protocol: v5.channel.k8s.io\r\n\r\n");
    QByteArray answer;
    while (!answer.contains("\r\n\r\n") && socket.waitForReadyRead(kWait))
        answer += socket.readAll();
    QVERIFY2(answer.startsWith("HTTP/1.1 101 "), answer.constData());
    // FIN + binary, masked, 64-bit length of 4 MiB; no payload follows.
    QByteArray frame("\x82\xFF", 2);
    QByteArray length(8, '\0');
    qToBigEndian(quint64(4) << 20, length.data());
    frame += length + QByteArray("\x01\x02\x03\x04", 4);
    socket.write(frame);
    QByteArray reply;
    while (socket.waitForReadyRead(2000))
        reply += socket.readAll();
    reply += socket.readAll();
    QVERIFY2(reply.startsWith(QByteArray("\x88\x02\x03\xF1", 4)), reply.toHex().constData());
}

QTEST_GUILESS_MAIN(tst_HttpLimits)
#include "tst_httplimits.moc"
