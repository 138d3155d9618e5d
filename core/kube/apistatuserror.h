#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace core::kube {

// A failed API call as a value: the HTTP status and the metav1.Status the server sent (code,
// reason, message), or a transport failure (httpStatus 0). A 409 on update carries both the
// object we sent and the server's current one, so the caller can show or merge them.
struct ApiStatusError
{
    int httpStatus = 0; // 0: no HTTP answer (connection refused, TLS failure, timeout)
    QString reason;     // metav1.Status reason: NotFound, Conflict, Expired, TooManyRequests...
    QString message;    // the server's message, or the transport's
    bool timedOut = false;
    QJsonObject status;  // the whole Status body when there was one
    QJsonObject ours;    // 409 on update: what we sent
    QJsonObject current; // 409 on update: the server's object now (empty if it could not be read)

    bool isNotFound() const { return httpStatus == 404; }
    bool isConflict() const { return httpStatus == 409 && reason == u"Conflict"; }
    // 410: an expired resourceVersion or continue token (watch, list).
    bool isGone() const { return httpStatus == 410 || reason == u"Expired" || reason == u"Gone"; }

    // Stable code "kube.<reason>" (or "kube.http<status>", "kube.transport") with a translated
    // message and hint, for layers that only show errors.
    Error toError() const;

    // Reads a response: the Status body when the server sent one, else a generic message.
    static ApiStatusError fromResponse(int httpStatus, const QByteArray &body);
    static ApiStatusError transport(const QString &message, bool timedOut = false);
    // A request the client refuses to send (an empty namespace or name); never reaches a server.
    static ApiStatusError invalidRequest(const QString &message);
    // A metav1.Status from a watch ERROR event.
    static ApiStatusError fromStatus(const QJsonObject &status);
};

template <typename T> using ApiResult = Result<T, ApiStatusError>;

} // namespace core::kube
