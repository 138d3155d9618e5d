#include "core/sandbox/transport/httpresponder.h"
#include "core/sandbox/transport/httpserver.h"
#include "core/sandbox/transport/httpstream.h"
#include "core/sandbox/transport/httpwebsocket.h"
#include "core/sandbox/transport/tlscontext.h"
#include "tests/core/sandbox/transport/httptesthelpers.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <atomic>

// Expected values come from the RFCs (9112 HTTP/1.1 framing, 6455 WebSocket accept key and
// framing), from what Qt's HTTP and TLS stacks report, and from the real kubectl driving the
// server; never from the server's own code.

using namespace core::sandbox;
using namespace httptest;
using namespace std::chrono_literals;

namespace {

// Sends raw bytes on a new connection and returns everything the server answers until it closes
// the connection or goes quiet.
QByteArray exchangeRaw(quint16 port, const QByteArray &bytes)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForConnected(kWaitMs))
        return {};
    socket.write(bytes);
    QByteArray answer;
    while (socket.waitForReadyRead(1000))
        answer += socket.readAll();
    return answer + socket.readAll();
}

} // namespace

// HTTP/1.1 as the sandbox serves it: requests and keep-alive, malformed input, timeouts,
// delayed and deferred answers, chunked streams, stop and restart.
class tst_httpserver : public QObject
{
    Q_OBJECT

private slots:
    void requests_data();
    void requests();
    void keepAliveReusesConnection();
    void handlerErrors();
    void malformedRequests_data();
    void malformedRequests();
    void expectContinue();
    void idleConnectionCloses_data();
    void idleConnectionCloses();
    void randomInputNeverBreaksServer();
    void delayedReply();
    void deferredReply();
    void streamChunksArriveAsWritten();
    void streamNoticesClientLeaving();
    void streamAbortDropsConnection();
    void stopClosesOpenStreamsPromptly();
    void restartServesAgain();
};

void tst_httpserver::requests_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonObject>("query");

    QTest::newRow("GET") << QByteArray("GET") << QStringLiteral("/version") << QByteArray()
                         << QStringLiteral("/version") << QJsonObject();
    QTest::newRow("POST with body")
        << QByteArray("POST") << QStringLiteral("/api/v1/namespaces/default/pods")
        << QByteArray(R"({"kind":"Pod","metadata":{"name":"web-0"}})")
        << QStringLiteral("/api/v1/namespaces/default/pods") << QJsonObject();
    QTest::newRow("query decoding")
        << QByteArray("GET")
        << QStringLiteral("/api/v1/pods?labelSelector=app%3Dweb%2Ctier+in+(a)&watch=1&x=1&x=2&flag")
        << QByteArray() << QStringLiteral("/api/v1/pods")
        << QJsonObject{
               {QStringLiteral("labelSelector"), QJsonArray{QStringLiteral("app=web,tier in (a)")}},
               {QStringLiteral("watch"), QJsonArray{QStringLiteral("1")}},
               {QStringLiteral("x"), QJsonArray{QStringLiteral("1"), QStringLiteral("2")}},
               {QStringLiteral("flag"), QJsonArray{QString()}}};
    QTest::newRow("PATCH") << QByteArray("PATCH") << QStringLiteral("/apis/apps/v1/x")
                           << QByteArray(R"([{"op":"add"}])") << QStringLiteral("/apis/apps/v1/x")
                           << QJsonObject();
}

void tst_httpserver::requests()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, target);
    QFETCH(QByteArray, body);
    QFETCH(QString, path);
    QFETCH(QJsonObject, query);

    HttpServer server(describeRequest);
    QVERIFY(server.start().ok());
    QNetworkAccessManager manager;
    QNetworkRequest request(urlOf(server, target));
    request.setRawHeader("X-Probe", "probe-value");
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply *reply = manager.sendCustomRequest(request, method, body);
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(statusOf(reply), 200);
    QCOMPARE(reply->header(QNetworkRequest::ContentTypeHeader).toString(),
             QStringLiteral("application/json"));
    const QJsonObject seen = jsonOf(reply);
    QCOMPARE(seen.value(u"method").toString(), QString::fromLatin1(method));
    QCOMPARE(seen.value(u"path").toString(), path);
    QCOMPARE(seen.value(u"query").toObject(), query);
    QCOMPARE(seen.value(u"probe").toString(), QStringLiteral("probe-value"));
    QCOMPARE(seen.value(u"body").toString().toUtf8(), body);
    QCOMPARE(seen.value(u"remote").toString(), QStringLiteral("127.0.0.1"));
    QCOMPARE(seen.value(u"secure").toBool(), false);
    reply->deleteLater();
}

void tst_httpserver::keepAliveReusesConnection()
{
    HttpServer server(describeRequest);
    QVERIFY(server.start().ok());
    QNetworkAccessManager manager;
    QList<int> ports;
    for (int i = 0; i < 2; ++i) {
        QNetworkReply *reply = manager.get(QNetworkRequest(urlOf(server, QStringLiteral("/"))));
        QVERIFY(waitFinished(reply));
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        ports.append(jsonOf(reply).value(u"port").toInt());
        reply->deleteLater();
    }
    QCOMPARE(ports.first(), ports.last()); // same client port: one TCP connection

    // Two requests written back to back on one raw connection get two answers, in order.
    const QByteArray answer = exchangeRaw(
        server.port(), "GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(int(answer.count("HTTP/1.1 200 OK\r\n")), 2);
    QVERIFY(answer.indexOf(R"("path":"/a")") < answer.indexOf(R"("path":"/b")"));
}

void tst_httpserver::handlerErrors()
{
    HttpServer server([](const HttpRequest &request) -> HttpReply {
        if (request.path == u"/throw")
            throw std::runtime_error("handler bug");
        return HttpResponse::json(
            404,
            R"({"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404})");
    });
    QVERIFY(server.start().ok());
    QNetworkAccessManager manager;
    QNetworkReply *missing =
        manager.get(QNetworkRequest(urlOf(server, QStringLiteral("/api/v1/namespaces/x"))));
    QVERIFY(waitFinished(missing));
    QCOMPARE(missing->error(), QNetworkReply::ContentNotFoundError);
    QCOMPARE(statusOf(missing), 404);
    QCOMPARE(jsonOf(missing).value(u"reason").toString(), QStringLiteral("NotFound"));

    QNetworkReply *failing = manager.get(QNetworkRequest(urlOf(server, QStringLiteral("/throw"))));
    QVERIFY(waitFinished(failing));
    QCOMPARE(statusOf(failing), 500);
    missing->deleteLater();
    failing->deleteLater();
}

void tst_httpserver::malformedRequests_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("statusLine");

    QTest::newRow("garbage") << QByteArray("GARBAGE\r\n\r\n") << QByteArray("HTTP/1.1 400 ");
    QTest::newRow("bad method") << QByteArray("G(T / HTTP/1.1\r\n\r\n")
                                << QByteArray("HTTP/1.1 400 ");
    QTest::newRow("no version") << QByteArray("GET /\r\n\r\n") << QByteArray("HTTP/1.1 400 ");
    QTest::newRow("bad header") << QByteArray("GET / HTTP/1.1\r\nno colon here\r\n\r\n")
                                << QByteArray("HTTP/1.1 400 ");
    QTest::newRow("bad content-length")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: abc\r\n\r\n")
        << QByteArray("HTTP/1.1 400 ");
    QTest::newRow("bad chunk") << QByteArray(
                                      "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
                               << QByteArray("HTTP/1.1 400 ");
    QTest::newRow("TLS hello to plain port")
        << QByteArray(QByteArray::fromHex("16030100a5010000a10303") + QByteArray(64, '\x01'))
        << QByteArray("HTTP/1.1 400 ");
    QTest::newRow("body over limit")
        << QByteArray(QByteArray("POST / HTTP/1.1\r\nContent-Length: 2048\r\n\r\n") +
                      QByteArray(2048, 'x'))
        << QByteArray("HTTP/1.1 413 ");
    QTest::newRow("header over limit")
        << QByteArray(QByteArray("GET / HTTP/1.1\r\nX-Big: ") + QByteArray(4096, 'x') + "\r\n\r\n")
        << QByteArray("HTTP/1.1 431 ");
}

void tst_httpserver::malformedRequests()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, statusLine);
    HttpServerOptions options;
    options.bodyLimit = 1024;
    options.headerLimit = 2048;
    HttpServer server(describeRequest, options);
    QVERIFY(server.start().ok());

    const QByteArray answer = exchangeRaw(server.port(), bytes);
    QVERIFY2(answer.startsWith(statusLine), answer.constData());
    QVERIFY(answer.contains("Connection: close\r\n"));

    QNetworkAccessManager manager;
    QNetworkReply *reply = manager.get(QNetworkRequest(urlOf(server, QStringLiteral("/after"))));
    QVERIFY(waitFinished(reply));
    QCOMPARE(statusOf(reply), 200);
    reply->deleteLater();
}

void tst_httpserver::expectContinue()
{
    HttpServer server(describeRequest);
    QVERIFY(server.start().ok());
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), server.port());
    QVERIFY(socket.waitForConnected(kWaitMs));
    socket.write(
        "POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
    QVERIFY(socket.waitForReadyRead(kWaitMs));
    QCOMPARE(socket.readAll(), QByteArray("HTTP/1.1 100 Continue\r\n\r\n"));
    socket.write("hello");
    QByteArray answer;
    while (!answer.contains(R"("body":"hello")") && socket.waitForReadyRead(kWaitMs))
        answer += socket.readAll();
    QVERIFY2(answer.startsWith("HTTP/1.1 200 OK\r\n"), answer.constData());
}

void tst_httpserver::idleConnectionCloses_data()
{
    QTest::addColumn<bool>("useTls");
    QTest::newRow("no request") << false;
    QTest::newRow("no TLS handshake") << true;
}

void tst_httpserver::idleConnectionCloses()
{
    QFETCH(bool, useTls);
    HttpServerOptions options;
    if (useTls) {
        const auto tls = TlsContext::generate();
        QVERIFY(tls.ok());
        options.tls = *tls;
        options.handshakeTimeout = 300ms;
    } else {
        options.idleTimeout = 300ms;
    }
    HttpServer server(describeRequest, options);
    QVERIFY(server.start().ok());
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), server.port());
    QVERIFY(socket.waitForConnected(kWaitMs));
    QElapsedTimer timer;
    timer.start();
    QVERIFY(socket.waitForDisconnected(kWaitMs));
    QVERIFY(timer.elapsed() >= 250);
    QVERIFY(timer.elapsed() < 3000);
}

void tst_httpserver::randomInputNeverBreaksServer()
{
    const auto tls = TlsContext::generate();
    QVERIFY(tls.ok());
    HttpServerOptions plainOptions;
    plainOptions.idleTimeout = 200ms; // half-sent requests need not hold the test up
    HttpServerOptions tlsOptions = plainOptions;
    tlsOptions.tls = *tls;
    HttpServer plain(describeRequest, plainOptions);
    HttpServer secure(describeRequest, tlsOptions);
    QVERIFY(plain.start().ok() && secure.start().ok());
    // Fixed seed: a failure reproduces. Half the inputs start like a request, so the fuzzing
    // reaches header, chunk and body parsing rather than dying at the method.
    QRandomGenerator random(20240611);
    const QList<QByteArray> prefixes = {
        {},
        "GET / HTTP/1.1\r\n",
        "POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n",
        "GET /ws HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"};
    for (int round = 0; round < 60; ++round) {
        QByteArray noise(int(random.bounded(1, 600)), Qt::Uninitialized);
        for (char &byte : noise)
            byte = char(random.bounded(256));
        const QByteArray input = prefixes[round % prefixes.size()] + noise;
        exchangeRaw(round % 3 == 0 ? secure.port() : plain.port(), input);
    }
    QNetworkAccessManager manager;
    QNetworkReply *reply = manager.get(QNetworkRequest(urlOf(plain, QStringLiteral("/alive"))));
    QVERIFY(waitFinished(reply));
    QCOMPARE(statusOf(reply), 200);
    QNetworkRequest secureRequest(urlOf(secure, QStringLiteral("/alive")));
    secureRequest.setSslConfiguration(trusting(*tls));
    QNetworkReply *secureReply = manager.get(secureRequest);
    QVERIFY(waitFinished(secureReply));
    QCOMPARE(statusOf(secureReply), 200);
    reply->deleteLater();
    secureReply->deleteLater();
}

void tst_httpserver::delayedReply()
{
    HttpServer server([](const HttpRequest &) {
        return HttpReply(HttpResponse::text(200, "slow\n")).withDelay(400ms);
    });
    QVERIFY(server.start().ok());
    QNetworkAccessManager manager;
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *reply = manager.get(QNetworkRequest(urlOf(server, QStringLiteral("/"))));
    QVERIFY(waitFinished(reply));
    QVERIFY(timer.elapsed() >= 380);
    QCOMPARE(reply->readAll(), QByteArray("slow\n"));
    reply->deleteLater();
}

void tst_httpserver::deferredReply()
{
    Shared<std::shared_ptr<HttpResponder>> kept;
    HttpServer server([&kept](const HttpRequest &request) {
        const bool drop = request.path == u"/drop";
        return HttpReply::deferred([&kept, drop](std::shared_ptr<HttpResponder> responder) {
            if (!drop)
                kept.set(std::move(responder));
        });
    });
    QVERIFY(server.start().ok());
    QNetworkAccessManager manager;
    QNetworkReply *reply = manager.get(QNetworkRequest(urlOf(server, QStringLiteral("/later"))));
    QTRY_VERIFY(kept.get().has_value());
    QTest::qWait(100);
    QVERIFY(!reply->isFinished());
    QVERIFY((*kept.get())->send(HttpResponse::text(201, "answered from the test thread\n")));
    QVERIFY(waitFinished(reply));
    QCOMPARE(statusOf(reply), 201);
    QCOMPARE(reply->readAll(), QByteArray("answered from the test thread\n"));
    QVERIFY(!(*kept.get())->send(HttpResponse::text(200, "twice")));

    QNetworkReply *dropped = manager.get(QNetworkRequest(urlOf(server, QStringLiteral("/drop"))));
    QVERIFY(waitFinished(dropped));
    QCOMPARE(statusOf(dropped), 500);
    reply->deleteLater();
    dropped->deleteLater();
}

void tst_httpserver::streamChunksArriveAsWritten()
{
    Shared<std::shared_ptr<HttpStream>> stream;
    HttpServer server([&stream](const HttpRequest &request) {
        if (!request.queryFlag(QStringLiteral("watch")))
            return HttpReply(HttpResponse::text(400, "watch only\n"));
        return HttpReply::stream(
            200, {{"Content-Type", "application/json"}},
            [&stream](std::shared_ptr<HttpStream> opened) { stream.set(std::move(opened)); });
    });
    QVERIFY(server.start().ok());
    QNetworkAccessManager manager;
    QNetworkReply *reply =
        manager.get(QNetworkRequest(urlOf(server, QStringLiteral("/api/v1/pods?watch=true"))));
    QTRY_VERIFY(stream.get().has_value());
    const std::shared_ptr<HttpStream> events = *stream.get();
    QSignalSpy readyRead(reply, &QNetworkReply::readyRead);
    const QList<QByteArray> chunks = {R"({"type":"ADDED","object":{"metadata":{"name":"a"}}})"
                                      "\n",
                                      R"({"type":"MODIFIED","object":{"metadata":{"name":"a"}}})"
                                      "\n",
                                      R"({"type":"DELETED","object":{"metadata":{"name":"a"}}})"
                                      "\n"};
    for (const QByteArray &chunk : chunks) {
        QTest::qWait(150); // the next event only exists after the previous one arrived
        QVERIFY(events->write(chunk));
        QByteArray received;
        while (received.size() < chunk.size()) {
            QVERIFY(reply->bytesAvailable() || readyRead.wait(kWaitMs));
            received += reply->readAll();
        }
        QCOMPARE(received, chunk);
        QVERIFY(!reply->isFinished());
    }
    QCOMPARE(statusOf(reply), 200);
    events->end();
    QVERIFY(!events->write("after end"));
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->readAll(), QByteArray());
    reply->deleteLater();
}

void tst_httpserver::streamNoticesClientLeaving()
{
    Shared<std::shared_ptr<HttpStream>> stream;
    std::atomic<bool> closed = false;
    HttpServer server([&](const HttpRequest &) {
        return HttpReply::stream(200, {}, [&](std::shared_ptr<HttpStream> opened) {
            opened->setOnClosed([&closed] { closed = true; });
            opened->write("first\n");
            stream.set(std::move(opened));
        });
    });
    QVERIFY(server.start().ok());
    QNetworkAccessManager manager;
    QNetworkReply *reply =
        manager.get(QNetworkRequest(urlOf(server, QStringLiteral("/logs?follow=true"))));
    QSignalSpy readyRead(reply, &QNetworkReply::readyRead);
    QVERIFY(readyRead.wait(kWaitMs));
    reply->abort();
    QTRY_VERIFY(closed);
    const std::shared_ptr<HttpStream> events = *stream.get();
    QVERIFY(!events->isOpen());
    QVERIFY(!events->write("nobody listens\n"));
    bool lateCallback = false;
    events->setOnClosed([&lateCallback] { lateCallback = true; });
    QVERIFY(lateCallback);
    reply->deleteLater();
}

void tst_httpserver::streamAbortDropsConnection()
{
    Shared<std::shared_ptr<HttpStream>> stream;
    std::atomic<bool> closed = false;
    HttpServer server([&](const HttpRequest &) {
        return HttpReply::stream(200, {}, [&](std::shared_ptr<HttpStream> opened) {
            opened->setOnClosed([&closed] { closed = true; });
            opened->write("partial\n");
            stream.set(std::move(opened));
        });
    });
    QVERIFY(server.start().ok());
    // Raw bytes, because QNetworkAccessManager may report a cut chunked body as complete.
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), server.port());
    QVERIFY(socket.waitForConnected(kWaitMs));
    socket.write("GET /api/v1/pods?watch=1 HTTP/1.1\r\nHost: x\r\n\r\n");
    QByteArray received;
    while (!received.endsWith("8\r\npartial\n\r\n") && socket.waitForReadyRead(kWaitMs))
        received += socket.readAll();
    QVERIFY2(received.startsWith("HTTP/1.1 200 OK\r\n"), received.constData());
    QVERIFY(received.contains("\r\nTransfer-Encoding: chunked\r\n"));
    (*stream.get())->abort();
    QVERIFY(socket.waitForDisconnected(kWaitMs));
    received += socket.readAll();
    QVERIFY(!received.endsWith("0\r\n\r\n")); // no last chunk: the body is cut, not ended
    QCOMPARE(socket.error(), QAbstractSocket::RemoteHostClosedError);
    QTRY_VERIFY(closed);
}

void tst_httpserver::stopClosesOpenStreamsPromptly()
{
    Shared<std::shared_ptr<HttpStream>> stream;
    Shared<std::shared_ptr<HttpWebSocket>> webSocket;
    Shared<std::shared_ptr<HttpResponder>> responder;
    std::atomic<bool> streamClosed = false;
    std::atomic<int> socketClosed = 0;
    auto server = std::make_unique<HttpServer>([&](const HttpRequest &request) -> HttpReply {
        if (request.isWebSocketUpgrade()) {
            return HttpReply::webSocket("v5.channel.k8s.io", [&](std::shared_ptr<HttpWebSocket> s) {
                s->setOnClosed(
                    [&socketClosed](quint16 code, const QByteArray &) { socketClosed = code; });
                webSocket.set(std::move(s));
            });
        }
        if (request.path == u"/deferred")
            return HttpReply::deferred([&](std::shared_ptr<HttpResponder> r) { responder.set(r); });
        return HttpReply::stream(200, {}, [&](std::shared_ptr<HttpStream> s) {
            s->setOnClosed([&streamClosed] { streamClosed = true; });
            stream.set(std::move(s));
        });
    });
    QVERIFY(server->start().ok());
    QNetworkAccessManager manager;
    QNetworkReply *watch = manager.get(QNetworkRequest(urlOf(*server, QStringLiteral("/watch"))));
    QNetworkReply *pending =
        manager.get(QNetworkRequest(urlOf(*server, QStringLiteral("/deferred"))));
    RawWebSocket socket;
    QVERIFY(socket.connect(server->port(), nullptr));
    QByteArray key;
    QVERIFY(socket.handshake("/exec", "v5.channel.k8s.io", &key).startsWith("HTTP/1.1 101 "));
    QTRY_VERIFY(stream.get() && webSocket.get() && responder.get());

    QElapsedTimer timer;
    timer.start();
    server->stop();
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(streamClosed);
    QCOMPARE(socketClosed.load(), 1001);
    QVERIFY(!(*stream.get())->write("late\n"));
    QVERIFY(!(*webSocket.get())->sendBinary("late"));
    QVERIFY(!(*responder.get())->send(HttpResponse::text(200, "late")));
    QVERIFY(socket.waitDisconnected());
    QVERIFY(waitFinished(watch));
    QVERIFY(waitFinished(pending));
    QVERIFY(watch->error() != QNetworkReply::NoError);
    server.reset();
    (*stream.get())->end(); // handles outlive the server and stay harmless
    watch->deleteLater();
    pending->deleteLater();
}

void tst_httpserver::restartServesAgain()
{
    HttpServer server(describeRequest);
    QVERIFY(server.start().ok());
    QVERIFY(!server.start().ok());
    server.stop();
    QVERIFY(!server.isRunning());
    const auto port = server.start();
    QVERIFY(port.ok());
    QCOMPARE(*port, server.port());
    QNetworkAccessManager manager;
    QNetworkReply *reply = manager.get(QNetworkRequest(urlOf(server, QStringLiteral("/"))));
    QVERIFY(waitFinished(reply));
    QCOMPARE(statusOf(reply), 200);
    reply->deleteLater();
}

QTEST_GUILESS_MAIN(tst_httpserver)
#include "tst_httpserver.moc"
