#include "core/kube/apistatuserror.h"

#include "core/common/tr.h"
#include "core/kube/redact.h"

#include <QJsonDocument>

namespace core::kube {

namespace {

// Status.reason when the server sent none, as apimachinery's errors.ReasonForError derives it.
QString reasonForCode(int code)
{
    switch (code) {
    case 400:
        return QStringLiteral("BadRequest");
    case 401:
        return QStringLiteral("Unauthorized");
    case 403:
        return QStringLiteral("Forbidden");
    case 404:
        return QStringLiteral("NotFound");
    case 405:
        return QStringLiteral("MethodNotAllowed");
    case 409:
        return QStringLiteral("Conflict");
    case 410:
        return QStringLiteral("Expired");
    case 415:
        return QStringLiteral("UnsupportedMediaType");
    case 422:
        return QStringLiteral("Invalid");
    case 429:
        return QStringLiteral("TooManyRequests");
    case 500:
        return QStringLiteral("InternalError");
    case 503:
        return QStringLiteral("ServiceUnavailable");
    case 504:
        return QStringLiteral("Timeout");
    default:
        return {};
    }
}

} // namespace

ApiStatusError ApiStatusError::fromStatus(const QJsonObject &status)
{
    ApiStatusError e;
    e.status = status;
    e.httpStatus = status.value(u"code").toInt();
    e.reason = status.value(u"reason").toString();
    if (e.reason.isEmpty())
        e.reason = reasonForCode(e.httpStatus);
    // A server (or a proxy in front of it) may echo a request's credentials in its message.
    e.message = redact::text(status.value(u"message").toString());
    return e;
}

ApiStatusError ApiStatusError::fromResponse(int httpStatus, const QByteArray &body)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    ApiStatusError e;
    if (object.value(u"kind").toString() == u"Status")
        e = fromStatus(object);
    e.httpStatus = httpStatus;
    if (e.reason.isEmpty())
        e.reason = reasonForCode(httpStatus);
    if (e.message.isEmpty())
        e.message = body.size() < 512 && !body.trimmed().isEmpty()
                        ? redact::text(QString::fromUtf8(body.trimmed()))
                        : Tr::tr("the server answered HTTP %1").arg(httpStatus);
    return e;
}

ApiStatusError ApiStatusError::transport(const QString &message, bool timedOut)
{
    ApiStatusError e;
    e.message = message;
    e.timedOut = timedOut;
    e.reason = timedOut ? QStringLiteral("Timeout") : QString();
    return e;
}

ApiStatusError ApiStatusError::invalidRequest(const QString &message)
{
    ApiStatusError e;
    e.message = message;
    e.reason = QStringLiteral("InvalidRequest");
    return e;
}

Error ApiStatusError::toError() const
{
    if (httpStatus == 0 && reason == u"InvalidRequest")
        return Error{QStringLiteral("kube.invalidRequest"), message,
                     Tr::tr("Name the object and its namespace.")};
    if (httpStatus == 0)
        return Error{timedOut ? QStringLiteral("kube.timeout") : QStringLiteral("kube.transport"),
                     Tr::tr("Cannot reach the API server: %1").arg(message),
                     Tr::tr("Check the server address, the network and the TLS settings of the "
                            "kubeconfig context.")};
    const QString code = reason.isEmpty() ? QStringLiteral("kube.http%1").arg(httpStatus)
                                          : QString(u"kube." + reason);
    // kubectl's "Error from server (NotFound): ..." when the server sent a Status; without one
    // (a proxy's or gateway's page) the HTTP status is all there is to go by, so it is shown.
    QString label = reason;
    if (status.isEmpty())
        label = reason.isEmpty() ? QStringLiteral("HTTP %1").arg(httpStatus)
                                 : QStringLiteral("%1, HTTP %2").arg(reason).arg(httpStatus);
    QString hint;
    if (httpStatus == 401)
        hint = Tr::tr("The credentials were refused; log in again or refresh the token.");
    else if (httpStatus == 403)
        hint = Tr::tr("The user lacks the permission; ask the cluster administrator.");
    else if (isConflict())
        hint = Tr::tr("The object changed on the server; reload it and apply the change again.");
    return Error{code, Tr::tr("Error from server (%1): %2").arg(label, message), hint};
}

} // namespace core::kube
