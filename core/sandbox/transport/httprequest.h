#pragma once

#include "core/sandbox/transport/httpheaders.h"
#include "core/sandbox/transport/tlsclientidentity.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace core::sandbox {

// One HTTP request as the handler sees it: a plain value, detached from the connection, so the
// handler may copy it to another thread.
struct HttpRequest
{
    QByteArray method;                // as sent: "GET", "PATCH", ...
    QByteArray target;                // raw request-target: "/api/v1/pods?watch=1"
    QString path;                     // percent-decoded path without the query
    QMap<QString, QStringList> query; // decoded like Go's url.ParseQuery ('+' is a space)
    HttpHeaders headers;
    QByteArray body;
    QString remoteAddress;
    quint16 remotePort = 0;
    bool secure = false;      // arrived over TLS
    TlsClientIdentity client; // verified client certificate, if any

    // Fills target, path and query from a raw request-target.
    void setTarget(const QByteArray &rawTarget);

    QString queryValue(const QString &key, const QString &fallback = {}) const; // first value
    // Go's strconv.ParseBool, as the API server reads "watch" or "follow": 1 t T TRUE true True.
    bool queryFlag(const QString &key) const;

    bool isWebSocketUpgrade() const;
    QList<QByteArray> webSocketProtocols() const; // Sec-WebSocket-Protocol, in the client's order
    // The first of `supported` (in the server's preference order) that the client offered; empty
    // when none was. Kubernetes exec prefers v5.channel.k8s.io, then v4.channel.k8s.io.
    QByteArray pickWebSocketProtocol(const QList<QByteArray> &supported) const;
};

} // namespace core::sandbox
