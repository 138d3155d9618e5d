#pragma once

#include "core/kube/connection.h"

#include <QList>
#include <QNetworkProxy>
#include <QNetworkRequest>
#include <QPair>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace core::kube {

// A request to `url` carrying the connection's TLS settings (CA PEM, client certificate and key,
// insecure -> VerifyNone, tlsServerName -> peer verify name) and its static authentication
// (token, tokenFile re-read on every call, basic auth, extra headers). HTTP/1.1 only, as
// kube-apiserver watches are long-lived streams that HTTP/2 multiplexing gains nothing from.
QNetworkRequest makeRequest(const Connection &connection, const QUrl &url);

// Dynamic credentials (exec plugin, IAM token) on top of makeRequest's static ones.
void applyCredential(QNetworkRequest &request, const Credential &credential);

// connection.server + path (the server URL may carry a path prefix, as behind a proxy) + query.
QUrl apiUrl(const Connection &connection, const QString &path,
            const QList<QPair<QString, QString>> &query = {});

// The proxy of the connection's proxy-url as Qt can use it: http:// (CONNECT for https servers,
// absolute URIs for http ones) and socks5:// (host names resolved by the proxy), credentials from
// the URL, Go's default ports (80, 1080). NoProxy without a proxy-url. An https:// proxy-url (TLS
// to the proxy itself) is an error: Qt speaks plain HTTP to proxies.
Result<QNetworkProxy> networkProxy(const Connection &connection);

// Sends `verb` with `body` (none when empty) and limits what Qt's HTTP thread reads of the answer
// before the caller takes it to `readBuffer` bytes (QNetworkReply::setReadBufferSize), so TCP
// pushes back on a server faster than the caller. Qt's HTTP thread only hears the size once it
// has started the request (QHttpThreadDelegate drops a size that arrives earlier), and a request
// with a body starts from Qt's event queue, after sendCustomRequest returns: the size set right
// away reached nobody and the buffer did not engage (an endless list had 1,131 MiB sent before
// the client refused it). So a bodiless request starts at once, and the size is given again
// after Qt's queued start, which it then reaches.
QNetworkReply *sendWithReadBuffer(QNetworkAccessManager *network, const QNetworkRequest &request,
                                  const QByteArray &verb, const QByteArray &body,
                                  qint64 readBuffer);

} // namespace core::kube
