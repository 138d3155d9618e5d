#include "core/sandbox/transport/httpresponder.h"
#include "core/sandbox/transport/httpserver.h"
#include "core/sandbox/transport/httpstream.h"
#include "core/sandbox/transport/httpwebsocket.h"
#include "core/sandbox/transport/tlscontext.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <atomic>
#include <mutex>
#include <optional>
#include <thread>

// Expected values come from the RFCs (9112 HTTP/1.1 framing, 6455 WebSocket accept key and
// framing), from what Qt's HTTP and TLS stacks report, and from the real kubectl driving the
// server; never from the server's own code.

using namespace core::sandbox;
using namespace std::chrono_literals;

namespace {

constexpr int kWaitMs = 5000;

// A value the handler (server thread) writes and the test thread reads.
template <class T> class Shared
{
public:
    void set(T value)
    {
        const std::lock_guard lock(m_mutex);
        m_value = std::move(value);
    }
    std::optional<T> get() const
    {
        const std::lock_guard lock(m_mutex);
        return m_value;
    }

private:
    mutable std::mutex m_mutex;
    std::optional<T> m_value;
};

QUrl urlOf(const HttpServer &server, const QString &path, const QString &host = {})
{
    QUrl url(server.url() + path);
    if (!host.isEmpty())
        url.setHost(host);
    return url;
}

bool waitFinished(QNetworkReply *reply)
{
    if (reply->isFinished())
        return true;
    QSignalSpy finished(reply, &QNetworkReply::finished);
    return finished.wait(kWaitMs);
}

int statusOf(const QNetworkReply *reply)
{
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

QSslConfiguration trusting(const TlsContext &tls)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setCaCertificates(QSslCertificate::fromData(tls.caPem()));
    return configuration;
}

// Describes what the handler saw, so data rows can compare with what the client sent.
HttpReply describeRequest(const HttpRequest &request)
{
    QJsonObject query;
    for (auto it = request.query.cbegin(); it != request.query.cend(); ++it)
        query.insert(it.key(), QJsonArray::fromStringList(it.value()));
    const QJsonObject description{
        {QStringLiteral("method"), QString::fromLatin1(request.method)},
        {QStringLiteral("path"), request.path},
        {QStringLiteral("query"), query},
        {QStringLiteral("probe"), QString::fromUtf8(request.headers.value("x-PROBE"))},
        {QStringLiteral("body"), QString::fromUtf8(request.body)},
        {QStringLiteral("remote"), request.remoteAddress},
        {QStringLiteral("port"), request.remotePort},
        {QStringLiteral("secure"), request.secure},
        {QStringLiteral("user"), request.client.commonName},
        {QStringLiteral("groups"), QJsonArray::fromStringList(request.client.organizations)},
        {QStringLiteral("verified"), request.client.verified}};
    return HttpResponse::json(200, QJsonDocument(description).toJson(QJsonDocument::Compact));
}

QJsonObject jsonOf(QNetworkReply *reply)
{
    return QJsonDocument::fromJson(reply->readAll()).object();
}

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

// A minimal RFC 6455 client over QTcpSocket/QSslSocket: QtWebSockets is not linked into the test.
class RawWebSocket
{
public:
    struct Frame
    {
        int opcode = 0;
        QByteArray payload;
    };

    bool connect(quint16 port, const TlsContext *tls)
    {
        if (!tls) {
            m_socket = std::make_unique<QTcpSocket>();
            m_socket->connectToHost(QStringLiteral("127.0.0.1"), port);
            return m_socket->waitForConnected(kWaitMs);
        }
        auto socket = std::make_unique<QSslSocket>();
        socket->setSslConfiguration(trusting(*tls));
        socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
        const bool encrypted = socket->waitForEncrypted(kWaitMs);
        m_socket = std::move(socket);
        return encrypted;
    }

    // Returns the response head; `key` receives the Sec-WebSocket-Key sent.
    QByteArray handshake(const QByteArray &path, const QByteArray &protocols, QByteArray *key)
    {
        QByteArray nonce(16, Qt::Uninitialized); // RFC 6455 4.1: 16 random bytes, base64
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(nonce.data()), 4);
        *key = nonce.toBase64();
        m_socket->write("GET " + path +
                        " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                        "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: " +
                        *key + "\r\nSec-WebSocket-Protocol: " + protocols + "\r\n\r\n");
        while (!m_buffer.contains("\r\n\r\n") && m_socket->waitForReadyRead(kWaitMs))
            m_buffer += m_socket->readAll();
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        const QByteArray head = end < 0 ? m_buffer : m_buffer.left(end + 4);
        m_buffer.remove(0, head.size());
        return head;
    }

    void send(int opcode, const QByteArray &payload)
    {
        QByteArray frame(1, char(0x80 | opcode));
        if (payload.size() < 126) {
            frame.append(char(0x80 | payload.size()));
        } else {
            frame.append(char(0x80 | 126));
            frame.append(char(payload.size() >> 8)).append(char(payload.size() & 0xff));
        }
        const quint32 maskBits = QRandomGenerator::global()->generate();
        const QByteArray mask(reinterpret_cast<const char *>(&maskBits), 4);
        frame.append(mask);
        for (qsizetype i = 0; i < payload.size(); ++i)
            frame.append(char(payload[i] ^ mask[i % 4]));
        m_socket->write(frame);
    }

    std::optional<Frame> read()
    {
        if (!fill(2))
            return std::nullopt;
        const auto byte = [this](qsizetype i) { return quint8(m_buffer[i]); };
        if (byte(1) & 0x80)
            return std::nullopt; // RFC 6455 5.1: a server must not mask
        qsizetype header = 2;
        quint64 length = byte(1) & 0x7f;
        if (length == 126) {
            if (!fill(4))
                return std::nullopt;
            length = qFromBigEndian<quint16>(m_buffer.constData() + 2);
            header = 4;
        } else if (length == 127) {
            if (!fill(10))
                return std::nullopt;
            length = qFromBigEndian<quint64>(m_buffer.constData() + 2);
            header = 10;
        }
        if (!fill(header + qsizetype(length)))
            return std::nullopt;
        Frame frame{byte(0) & 0x0f, m_buffer.mid(header, qsizetype(length))};
        m_buffer.remove(0, header + qsizetype(length));
        return frame;
    }

    // After the close handshake: a TLS server waits for the client's close_notify, which real
    // clients (QWebSocket, gorilla/websocket in kubectl) send by closing their end.
    bool finishClose()
    {
        if (qobject_cast<QSslSocket *>(m_socket.get()))
            m_socket->disconnectFromHost();
        return waitDisconnected();
    }

    bool waitDisconnected()
    {
        return m_socket->state() == QAbstractSocket::UnconnectedState ||
               m_socket->waitForDisconnected(kWaitMs);
    }

private:
    bool fill(qsizetype size)
    {
        while (m_buffer.size() < size) {
            if (!m_socket->bytesAvailable() && !m_socket->waitForReadyRead(kWaitMs))
                return false;
            m_buffer += m_socket->readAll();
        }
        return true;
    }

    std::unique_ptr<QTcpSocket> m_socket;
    QByteArray m_buffer;
};

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

struct KubectlRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

KubectlRun runKubectl(const QTemporaryDir &home, const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // No user kubeconfig or discovery cache may leak into the test.
    environment.insert(QStringLiteral("HOME"), home.path());
    environment.insert(QStringLiteral("KUBECONFIG"), home.filePath(QStringLiteral("none")));
    // exec over WebSocket is kubectl's default since 1.30; pin it so a user setting cannot
    // silently switch the test to SPDY.
    environment.insert(QStringLiteral("KUBECTL_REMOTE_COMMAND_WEBSOCKETS"), QStringLiteral("true"));
    process.setProcessEnvironment(environment);
    // Without credentials kubectl would prompt for a user name on stdin.
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(QStringLiteral("kubectl"), arguments);
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

} // namespace

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

    void tlsTrustedClient_data();
    void tlsTrustedClient();
    void tlsUntrustedClientFails();
    void tlsHostNames_data();
    void tlsHostNames();
    void tlsClientIdentity_data();
    void tlsClientIdentity();

    void webSocket_data();
    void webSocket();
    void webSocketServerCloses();
    void webSocketUpgradeRequired();

    void stopClosesOpenStreamsPromptly();
    void restartServesAgain();

    void kubectlVersion_data();
    void kubectlVersion();
    void kubectlWatchStreams();
    void kubectlExec();
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

void tst_httpserver::tlsTrustedClient_data()
{
    QTest::addColumn<bool>("rsa");
    QTest::addColumn<QString>("host");
    QTest::newRow("P-256 127.0.0.1") << false << QStringLiteral("127.0.0.1");
    QTest::newRow("P-256 localhost") << false << QStringLiteral("localhost");
    QTest::newRow("RSA-2048 127.0.0.1") << true << QStringLiteral("127.0.0.1");
}

void tst_httpserver::tlsTrustedClient()
{
    QFETCH(bool, rsa);
    QFETCH(QString, host);
    TlsOptions tlsOptions;
    tlsOptions.keyType = rsa ? TlsOptions::KeyType::Rsa2048 : TlsOptions::KeyType::EcP256;
    const auto tls = TlsContext::generate(tlsOptions);
    QVERIFY(tls.ok());
    HttpServerOptions options;
    options.tls = *tls;
    HttpServer server(describeRequest, options);
    QVERIFY(server.start().ok());
    QVERIFY(server.url().startsWith(u"https://127.0.0.1:"));

    QNetworkAccessManager manager;
    QNetworkRequest request(urlOf(server, QStringLiteral("/version"), host));
    request.setSslConfiguration(trusting(*tls));
    QNetworkReply *reply = manager.get(request);
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    const QJsonObject seen = jsonOf(reply);
    QCOMPARE(seen.value(u"secure").toBool(), true);
    QCOMPARE(seen.value(u"verified").toBool(), false); // no client certificate offered
    reply->deleteLater();
}

void tst_httpserver::tlsUntrustedClientFails()
{
    const auto tls = TlsContext::generate();
    QVERIFY(tls.ok());
    HttpServerOptions options;
    options.tls = *tls;
    std::atomic<int> handled = 0;
    HttpServer server(
        [&handled](const HttpRequest &request) {
            ++handled;
            return describeRequest(request);
        },
        options);
    QVERIFY(server.start().ok());
    QNetworkAccessManager manager;
    QNetworkReply *reply = manager.get(QNetworkRequest(urlOf(server, QStringLiteral("/"))));
    QSignalSpy sslErrors(reply, &QNetworkReply::sslErrors);
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->error(), QNetworkReply::SslHandshakeFailedError);
    QVERIFY(!sslErrors.isEmpty());
    QCOMPARE(handled.load(), 0);
    reply->deleteLater();
}

void tst_httpserver::tlsHostNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("IP SAN") << QStringLiteral("127.0.0.1") << true;
    QTest::newRow("DNS SAN") << QStringLiteral("localhost") << true;
    QTest::newRow("extra DNS SAN") << QStringLiteral("sandbox.test") << true;
    QTest::newRow("extra IP SAN") << QStringLiteral("10.1.2.3") << true;
    QTest::newRow("other name") << QStringLiteral("other.test") << false;
    QTest::newRow("other IP") << QStringLiteral("127.0.0.2") << false;
}

void tst_httpserver::tlsHostNames()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    TlsOptions tlsOptions;
    tlsOptions.extraNames = {QStringLiteral("sandbox.test"), QStringLiteral("10.1.2.3")};
    const auto tls = TlsContext::generate(tlsOptions);
    QVERIFY(tls.ok());
    HttpServerOptions options;
    options.tls = *tls;
    HttpServer server(describeRequest, options);
    QVERIFY(server.start().ok());

    QSslSocket socket;
    socket.setSslConfiguration(trusting(*tls));
    socket.setPeerVerifyName(name);
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), server.port());
    QCOMPARE(socket.waitForEncrypted(kWaitMs), valid);
    const auto errors = socket.sslHandshakeErrors();
    if (!valid) {
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().error(), QSslError::HostNameMismatch);
    }
}

void tst_httpserver::tlsClientIdentity_data()
{
    QTest::addColumn<QString>("certificate"); // none | admin | issued | foreign
    QTest::addColumn<bool>("connects");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QStringList>("groups");
    QTest::newRow("none") << QStringLiteral("none") << true << QString() << QStringList();
    QTest::newRow("admin") << QStringLiteral("admin") << true << QStringLiteral("sandbox-admin")
                           << QStringList{QStringLiteral("system:masters")};
    QTest::newRow("issued") << QStringLiteral("issued") << true << QStringLiteral("jane")
                            << QStringList{QStringLiteral("dev"), QStringLiteral("ops")};
    QTest::newRow("foreign CA") << QStringLiteral("foreign") << false << QString() << QStringList();
}

void tst_httpserver::tlsClientIdentity()
{
    QFETCH(QString, certificate);
    QFETCH(bool, connects);
    QFETCH(QString, user);
    QFETCH(QStringList, groups);
    const auto tls = TlsContext::generate();
    const auto foreign = TlsContext::generate();
    QVERIFY(tls.ok() && foreign.ok());
    HttpServerOptions options;
    options.tls = *tls;
    HttpServer server(describeRequest, options);
    QVERIFY(server.start().ok());

    QSslConfiguration configuration = trusting(*tls);
    TlsKeyPair pair;
    if (certificate == u"admin") {
        pair = {tls->clientCertPem(), tls->clientKeyPem()};
    } else if (certificate == u"issued") {
        const auto issued = tls->issueClientCertificate(QStringLiteral("jane"), groups);
        QVERIFY(issued.ok());
        pair = *issued;
    } else if (certificate == u"foreign") {
        pair = {foreign->clientCertPem(), foreign->clientKeyPem()};
    }
    if (!pair.certificatePem.isEmpty()) {
        configuration.setLocalCertificate(QSslCertificate(pair.certificatePem));
        configuration.setPrivateKey(QSslKey(pair.privateKeyPem, QSsl::Ec));
    }
    QNetworkAccessManager manager;
    QNetworkRequest request(urlOf(server, QStringLiteral("/whoami")));
    request.setSslConfiguration(configuration);
    QNetworkReply *reply = manager.get(request);
    QVERIFY(waitFinished(reply));
    QCOMPARE(reply->error() == QNetworkReply::NoError, connects);
    if (connects) {
        const QJsonObject seen = jsonOf(reply);
        QCOMPARE(seen.value(u"verified").toBool(), !user.isEmpty());
        QCOMPARE(seen.value(u"user").toString(), user);
        QCOMPARE(seen.value(u"groups").toVariant().toStringList(), groups);
    }
    reply->deleteLater();
}

void tst_httpserver::webSocket_data()
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

void tst_httpserver::webSocket()
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

void tst_httpserver::webSocketServerCloses()
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

void tst_httpserver::webSocketUpgradeRequired()
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

void tst_httpserver::kubectlVersion_data()
{
    QTest::addColumn<bool>("useTls");
    QTest::addColumn<bool>("clientCertificate");
    QTest::newRow("http") << false << false;
    QTest::newRow("https with CA and token") << true << false;
    QTest::newRow("https with client certificate") << true << true;
}

void tst_httpserver::kubectlVersion()
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

void tst_httpserver::kubectlWatchStreams()
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

void tst_httpserver::kubectlExec()
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

QTEST_GUILESS_MAIN(tst_httpserver)
#include "tst_httpserver.moc"
