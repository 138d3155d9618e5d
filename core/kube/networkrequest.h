#pragma once

#include "core/kube/connection.h"

#include <QList>
#include <QNetworkRequest>
#include <QPair>
#include <QString>
#include <QUrl>

namespace core::kube {

// A request to `url` carrying the Connection's TLS settings (CA PEM -> QSslConfiguration CA list,
// client certificate + key, insecureSkipTlsVerify -> VerifyNone, tlsServerName ->
// QNetworkRequest::setPeerVerifyName) and static auth (token / tokenFile re-read / basic auth /
// extraHeaders).
QNetworkRequest makeRequest(const Connection &connection, const QUrl &url);
// Dynamic credentials (exec plugin, IAM) on top: bearer token and/or client certificate.
void applyCredential(QNetworkRequest &request, const Credential &credential);
// The Connection's server URL joined with an API path and query ("/api/v1/pods",
// {{"limit","500"}}).
QUrl apiUrl(const Connection &connection, const QString &path,
            const QList<QPair<QString, QString>> &query = {});

} // namespace core::kube
