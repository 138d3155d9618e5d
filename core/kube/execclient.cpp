#include "core/kube/execclient.h"

#include "core/common/tr.h"
#include "core/kube/apiclient.h"
#include "core/kube/networkrequest.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSslSocket>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

namespace core::kube {

namespace {

enum Channel : quint8 { Stdin = 0, Stdout = 1, Stderr = 2, Status = 3, Resize = 4, Close = 255 };

QList<QPair<QString, QString>> execQuery(const ExecOptions &options)
{
    QList<QPair<QString, QString>> query;
    for (const QString &argument : options.command)
        query.append({QStringLiteral("command"), argument});
    if (!options.container.isEmpty())
        query.append({QStringLiteral("container"), options.container});
    const QString yes = QStringLiteral("true");
    if (options.stdinEnabled)
        query.append({QStringLiteral("stdin"), yes});
    if (options.stdoutEnabled)
        query.append({QStringLiteral("stdout"), yes});
    // With a TTY the terminal merges stderr into stdout; the API server rejects both.
    if (options.stderrEnabled && !options.tty)
        query.append({QStringLiteral("stderr"), yes});
    if (options.tty)
        query.append({QStringLiteral("tty"), yes});
    return query;
}

QUrl webSocketUrl(QUrl url)
{
    url.setScheme(url.scheme() == u"https" ? QStringLiteral("wss") : QStringLiteral("ws"));
    return url;
}

// QtWebSockets reports a refused upgrade only in its error text:
// "...: Unhandled http status code: 403 (Forbidden).", and a 400 without its number as
// "...processHandshake: Unknown error condition encountered...".
int refusedHttpStatus(const QString &errorText)
{
    static const QRegularExpression pattern(QStringLiteral(R"(status code: (\d{3}))"));
    const QRegularExpressionMatch match = pattern.match(errorText);
    if (match.hasMatch())
        return match.captured(1).toInt();
    return errorText.contains(u"processHandshake: Unknown error condition") ? 400 : 0;
}

} // namespace

ExecClient::ExecClient(ApiClient *client, QObject *parent) : QObject(parent), m_client(client) {}

ExecClient::~ExecClient()
{
    dropSocket();
}

void ExecClient::start(const QString &nameSpace, const QString &pod, const ExecOptions &options)
{
    abort();
    m_done = false;
    m_transportFailed = false;
    m_authRetried = false;
    m_options = options;
    m_request = ApiRequest();
    m_request.path = QStringLiteral("/api/v1/namespaces/%1/pods/%2/exec").arg(nameSpace, pod);
    m_request.query = execQuery(options);
    connectSocket();
}

// The upgrade is a GET like any other until the server switches protocols, so it is prepared
// and signed as the https:// request it starts as.
void ExecClient::connectSocket()
{
    const quint64 generation = m_generation;
    m_client->authorize(m_request, this,
                        [this, generation](const ApiResult<QNetworkRequest> &request) {
                            if (generation != m_generation)
                                return;
                            if (!request)
                                fail(request.error().toError());
                            else
                                open(request.value());
                        });
}

void ExecClient::abort()
{
    ++m_generation;
    m_done = true;
    m_protocol.clear();
    dropSocket();
}

bool ExecClient::isOpen() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState && !m_done;
}

bool ExecClient::writeStdin(const QByteArray &data)
{
    return m_options.stdinEnabled && sendChannel(Stdin, data);
}

bool ExecClient::resize(quint16 columns, quint16 rows)
{
    // client-go's TerminalSize has no JSON tags, so the keys are the Go field names.
    const QJsonObject size{{QStringLiteral("Width"), columns}, {QStringLiteral("Height"), rows}};
    return m_options.tty && sendChannel(Resize, QJsonDocument(size).toJson(QJsonDocument::Compact));
}

bool ExecClient::closeStdin()
{
    if (m_protocol != v5Protocol() || !m_options.stdinEnabled)
        return false;
    return sendChannel(Close, QByteArray(1, char(Stdin)));
}

void ExecClient::open(QNetworkRequest request)
{
    request.setUrl(webSocketUrl(request.url()));
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    connect(m_socket, &QWebSocket::connected, this, &ExecClient::onConnected);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &ExecClient::onMessage);
    connect(m_socket, &QWebSocket::disconnected, this, &ExecClient::onDisconnected);
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            &ExecClient::onSocketError);
    m_socket->setProxy(m_client->proxy());
    // QWebSocket takes TLS settings from itself, not from the request.
    if (request.url().scheme() == u"wss")
        m_socket->setSslConfiguration(request.sslConfiguration());
    QWebSocketHandshakeOptions handshake;
    handshake.setSubprotocols(
        {QString::fromLatin1(v5Protocol()), QString::fromLatin1(v4Protocol())});
    m_socket->open(request, handshake);
    // QWebSocket ignores the request's peer verify name. Its TLS socket (its child) has just
    // started connecting; the name set now is the one it verifies the certificate against.
    if (!request.peerVerifyName().isEmpty()) {
        if (auto *tls = m_socket->findChild<QSslSocket *>())
            tls->setPeerVerifyName(request.peerVerifyName());
    }
}

void ExecClient::onConnected()
{
    const QByteArray chosen = m_socket->subprotocol().toLatin1();
    if (chosen != v5Protocol() && chosen != v4Protocol()) {
        fail({QStringLiteral("exec.protocol"),
              Tr::tr("The API server offers no supported exec protocol (it chose \"%1\").")
                  .arg(QString::fromLatin1(chosen)),
              Tr::tr("The cluster needs Kubernetes 1.29 or newer for exec over WebSocket.")});
        dropSocket();
        return;
    }
    m_protocol = chosen;
    emit opened(m_protocol);
}

void ExecClient::onMessage(const QByteArray &message)
{
    if (message.isEmpty() || m_done)
        return;
    const QByteArray payload = message.mid(1);
    switch (quint8(message.at(0))) {
    case Stdout:
        emit stdoutReceived(payload);
        return;
    case Stderr:
        emit stderrReceived(payload);
        return;
    case Status:
        onStatus(payload);
        return;
    default:
        return; // kubectl ignores streams it does not know
    }
}

void ExecClient::onStatus(const QByteArray &payload)
{
    const Result<ExecExit> exit = decodeExecStatus(payload);
    if (exit)
        finishWith(exit.value());
    else
        fail(exit.error());
    if (m_socket)
        m_socket->close();
}

void ExecClient::onDisconnected()
{
    if (m_done || !m_socket)
        return;
    if (m_protocol.isEmpty())
        return; // a failed handshake: onSocketError reports it
    // A clean close without a status: client-go reads that as success. A dropped connection
    // (no close frame) reports a socket error first.
    if (!m_transportFailed && m_socket->closeCode() == QWebSocketProtocol::CloseCodeNormal) {
        finishWith({});
        return;
    }
    fail(ApiStatusError::transport(
             Tr::tr("the exec connection closed before the command ended (%1)")
                 .arg(m_socket->closeCode()))
             .toError());
}

void ExecClient::onSocketError()
{
    if (m_done || !m_socket)
        return;
    const QString errorText = m_socket->errorString();
    if (!m_protocol.isEmpty()) {
        m_transportFailed = true; // reported once, by onDisconnected
        return;
    }
    const int status = refusedHttpStatus(errorText);
    if (m_client->refreshAfterUnauthorized(status, &m_authRetried)) {
        dropSocket();
        connectSocket();
        return;
    }
    if (status != 0)
        fetchRefusal(status, errorText);
    else
        fail(ApiStatusError::transport(errorText).toError());
}

// A refused upgrade starts no command, and QtWebSockets drops its body; the same request
// without the upgrade gets the API server's Status for the same reason (not for a 401 that a
// fresh credential did not cure: asking again would only run the credential plugin again).
void ExecClient::fetchRefusal(int httpStatus, const QString &reason)
{
    m_done = true;
    const ApiStatusError fallback = ApiStatusError::fromResponse(httpStatus, reason.toUtf8());
    if (httpStatus == 401 && m_authRetried) {
        emit failed(fallback.toError());
        return;
    }
    ApiRequest request = m_request;
    request.maxAttempts = 1;
    const quint64 generation = m_generation;
    m_client->send(request, this,
                   [this, generation, httpStatus, fallback](const ApiResult<ApiResponse> &r) {
                       if (generation != m_generation)
                           return;
                       const bool same = !r && r.error().httpStatus == httpStatus;
                       emit failed((same ? r.error() : fallback).toError());
                   });
}

void ExecClient::fail(const Error &error)
{
    if (m_done)
        return;
    m_done = true;
    emit failed(error);
}

void ExecClient::finishWith(const ExecExit &exit)
{
    if (m_done)
        return;
    m_done = true;
    emit finished(exit.exitCode, exit.message);
}

bool ExecClient::sendChannel(quint8 channel, const QByteArray &payload)
{
    if (!isOpen() || m_protocol.isEmpty())
        return false;
    QByteArray message;
    message.reserve(payload.size() + 1);
    message.append(char(channel)).append(payload);
    return m_socket->sendBinaryMessage(message) == message.size();
}

void ExecClient::dropSocket()
{
    if (!m_socket)
        return;
    QWebSocket *socket = m_socket;
    m_socket = nullptr;
    disconnect(socket, nullptr, this, nullptr);
    socket->abort();
    socket->deleteLater();
}

} // namespace core::kube
