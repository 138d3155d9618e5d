#include "core/kube/execclient.h"

#include "core/common/tr.h"
#include "core/kube/networkrequest.h"
#include "core/kube/statuserror.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
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

QUrl withScheme(QUrl url, bool webSocket)
{
    const bool secure = url.scheme() == u"https" || url.scheme() == u"wss";
    url.setScheme(webSocket ? (secure ? QStringLiteral("wss") : QStringLiteral("ws"))
                            : (secure ? QStringLiteral("https") : QStringLiteral("http")));
    return url;
}

// QtWebSockets reports a refused upgrade only in its error text:
// "...: Unhandled http status code: 403 (Forbidden)."
int refusedHttpStatus(const QString &errorText)
{
    static const QRegularExpression pattern(QStringLiteral(R"(status code: (\d{3}))"));
    const QRegularExpressionMatch match = pattern.match(errorText);
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

} // namespace

ExecClient::ExecClient(QNetworkAccessManager *network, Connection connection, QObject *parent)
    : QObject(parent), m_network(network), m_connection(std::move(connection))
{
}

ExecClient::~ExecClient()
{
    dropSocket();
}

void ExecClient::start(const QString &nameSpace, const QString &pod, const ExecOptions &options)
{
    abort();
    m_done = false;
    m_transportFailed = false;
    m_options = options;
    const QString path = QStringLiteral("/api/v1/namespaces/%1/pods/%2/exec").arg(nameSpace, pod);
    const QUrl url = apiUrl(m_connection, path, execQuery(options));
    m_request = makeRequest(m_connection, withScheme(url, false));
    m_request.setUrl(withScheme(url, true));
    if (!m_connection.credentialProvider) {
        open(nullptr);
        return;
    }
    const quint64 generation = m_generation;
    m_connection.credentialProvider->fetch(
        this, [this, generation](const Result<Credential> &credential) {
            if (generation != m_generation)
                return;
            if (!credential) {
                fail(credential.error());
                return;
            }
            open(&credential.value());
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

void ExecClient::open(const Credential *credential)
{
    if (credential)
        applyCredential(m_request, *credential);
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    connect(m_socket, &QWebSocket::connected, this, &ExecClient::onConnected);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &ExecClient::onMessage);
    connect(m_socket, &QWebSocket::disconnected, this, &ExecClient::onDisconnected);
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            &ExecClient::onSocketError);
    // QWebSocket takes TLS settings from itself, not from the request.
    if (m_request.url().scheme() == u"wss")
        m_socket->setSslConfiguration(m_request.sslConfiguration());
    QWebSocketHandshakeOptions handshake;
    handshake.setSubprotocols(
        {QString::fromLatin1(v5Protocol()), QString::fromLatin1(v4Protocol())});
    m_socket->open(m_request, handshake);
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
    fail(networkError(Tr::tr("the exec connection closed before the command ended (%1)")
                          .arg(m_socket->closeCode())));
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
    if (status != 0)
        fetchRefusal(status, errorText);
    else
        fail(networkError(errorText));
}

// A refused upgrade starts no command, and QtWebSockets drops its body; the same request
// without the upgrade gets the API server's Status message for the same reason.
void ExecClient::fetchRefusal(int httpStatus, const QString &reason)
{
    m_done = true;
    const auto refused = [this, httpStatus](const QString &message) {
        emit failed({QStringLiteral("exec.refused"),
                     Tr::tr("The API server refused the exec request with HTTP %1: %2")
                         .arg(httpStatus)
                         .arg(message),
                     {}});
    };
    if (!m_network) {
        refused(reason);
        return;
    }
    QNetworkRequest request = m_request;
    request.setUrl(withScheme(m_request.url(), false));
    QNetworkReply *reply = m_network->get(request);
    const quint64 generation = m_generation;
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, generation, httpStatus, reason, refused] {
                reply->deleteLater();
                if (generation != m_generation)
                    return;
                const int status =
                    reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                refused(status == httpStatus ? errorFromStatusBody(status, reply->readAll()).message
                                             : reason);
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
