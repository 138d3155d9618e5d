#pragma once

#include "core/common/result.h"
#include "core/kube/apirequest.h"
#include "core/kube/execstatus.h"

#include <QByteArray>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QWebSocket>

namespace core::kube {

class ApiClient;

// corev1.PodExecOptions.
struct ExecOptions
{
    QString container; // empty: the pod's only (or default) container
    QStringList command;
    bool stdinEnabled = false;
    bool stdoutEnabled = true;
    bool stderrEnabled = true; // a TTY merges stderr into stdout, as kubectl asks
    bool tty = false;
};

// Runs a command in a container over a WebSocket (GET .../pods/NAME/exec), as kubectl does since
// 1.30: v5.channel.k8s.io preferred, v4.channel.k8s.io accepted. Every message is one binary frame
// whose first byte is the stream: 0 stdin, 1 stdout, 2 stderr, 3 status, 4 resize, 255 close (v5).
// The upgrade request is prepared, authorized and signed by the ApiClient's pipeline and goes
// through its proxy; a refused upgrade with 401 refreshes the credential and is tried once more.
// QtWebSockets takes no peer verify name from the request; tls-server-name is set on the TLS
// socket it opens instead.
class ExecClient : public QObject
{
    Q_OBJECT
public:
    static QByteArray v5Protocol() { return QByteArrayLiteral("v5.channel.k8s.io"); }
    static QByteArray v4Protocol() { return QByteArrayLiteral("v4.channel.k8s.io"); }

    explicit ExecClient(ApiClient *client, QObject *parent = nullptr);
    ~ExecClient() override;

    void start(const QString &nameSpace, const QString &pod, const ExecOptions &options);
    // Drops the connection; no signal follows.
    void abort();
    bool isOpen() const;
    QByteArray protocol() const { return m_protocol; } // the one the server chose

    // False when the stream is not open or stdin was not asked for.
    bool writeStdin(const QByteArray &data);
    // Sends the terminal size (TTY only); the remote side sees SIGWINCH.
    bool resize(quint16 columns, quint16 rows);
    // Ends the command's stdin (EOF). Only v5 can say so; false on v4, whose stdin closes only
    // with the connection.
    bool closeStdin();

signals:
    void opened(const QByteArray &protocol);
    void stdoutReceived(const QByteArray &data);
    void stderrReceived(const QByteArray &data);
    // The command ended: exit code 0 on success, the code and Status message otherwise.
    void finished(int exitCode, const QString &statusMessage);
    // It could not run or the connection broke: refused upgrade (HTTP status and the Status
    // message), a Failure status that is no exit code, network or TLS failure.
    void failed(const core::Error &error);

private:
    void connectSocket();
    void open(QNetworkRequest request);
    void onConnected();
    void onMessage(const QByteArray &message);
    void onStatus(const QByteArray &payload);
    void onDisconnected();
    void onSocketError();
    void fetchRefusal(int httpStatus, const QString &reason);
    void fail(const Error &error);
    void finishWith(const ExecExit &exit);
    bool sendChannel(quint8 channel, const QByteArray &payload);
    void dropSocket();

    ApiClient *m_client;
    ExecOptions m_options;
    ApiRequest m_request;
    QPointer<QWebSocket> m_socket;
    QByteArray m_protocol;
    quint64 m_generation = 0;
    bool m_done = false;
    bool m_transportFailed = false;
    bool m_authRetried = false;
};

} // namespace core::kube
