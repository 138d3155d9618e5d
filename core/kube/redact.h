#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QLoggingCategory>
#include <QPair>
#include <QString>
#include <QUrl>

class QNetworkRequest;

namespace core::kube {

// The one redaction of credentials in what the client prints: debug logs of requests and
// responses, and error messages that quote a server's body or a credential plugin's stderr.
// Nothing here is a security boundary for data the program keeps; it keeps secrets out of
// text that may be copied into a log, a bug report or a terminal's scrollback.
namespace redact {

// The placeholder that replaces a secret.
inline constexpr QLatin1StringView kRedacted{"<redacted>"};

// Authorization, Proxy-Authorization, X-Auth-Token, X-Subject-Token, Cookie, Set-Cookie
// (any case).
bool isSensitiveHeader(QByteArrayView name);
// The value of header `name` as it may be printed: a sensitive header's value becomes
// "<redacted>", keeping an authentication scheme in front ("Bearer <redacted>",
// "SDK-HMAC-SHA256 <redacted>"); any other header's value is returned as it is.
QByteArray headerValue(QByteArrayView name, const QByteArray &value);
// "Name: value" lines, values through headerValue().
QString headers(const QList<QPair<QByteArray, QByteArray>> &headers);
// A request's method, URL and headers on one line each, redacted, for a debug log.
QString request(const QByteArray &verb, const QNetworkRequest &request);
// The URL without a password in its user info and with the values of credential query
// parameters (access_token, token, password, ...) redacted.
QString url(const QUrl &url);
// Free text (a response body, a plugin's stderr): header lines of sensitive headers, bearer and
// basic credentials, the values of credential fields of JSON ("token", "password", "secret",
// "access_token", ...) and credential query parameters are redacted.
QString text(const QString &text);

} // namespace redact

// Debug log of every request the client sends and of IAM token answers, redacted: enable with
// QT_LOGGING_RULES="burst.kube.http.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcHttp)

} // namespace core::kube
