#pragma once

#include "core/sandbox/transport/httpserver.h"
#include "core/sandbox/transport/tlscontext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <QtEndian>

#include <memory>
#include <mutex>
#include <optional>

// What the transport's tests share: a value handed from the server thread to the test, URLs,
// waiting for replies, a handler that describes the request it saw, a raw WebSocket client.
namespace httptest {

using namespace core::sandbox;

inline constexpr int kWaitMs = 5000;

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

inline QUrl urlOf(const HttpServer &server, const QString &path, const QString &host = {})
{
    QUrl url(server.url() + path);
    if (!host.isEmpty())
        url.setHost(host);
    return url;
}

inline bool waitFinished(QNetworkReply *reply)
{
    if (reply->isFinished())
        return true;
    QSignalSpy finished(reply, &QNetworkReply::finished);
    return finished.wait(kWaitMs);
}

inline int statusOf(const QNetworkReply *reply)
{
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

inline QSslConfiguration trusting(const TlsContext &tls)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setCaCertificates(QSslCertificate::fromData(tls.caPem()));
    return configuration;
}

// Describes what the handler saw, so data rows can compare with what the client sent.
inline HttpReply describeRequest(const HttpRequest &request)
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

inline QJsonObject jsonOf(QNetworkReply *reply)
{
    return QJsonDocument::fromJson(reply->readAll()).object();
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

} // namespace httptest
