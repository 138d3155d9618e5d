#include "core/kube/statuserror.h"

#include "core/common/tr.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace core::kube {

Error errorFromStatusBody(int httpStatus, const QByteArray &body)
{
    const QJsonObject status = QJsonDocument::fromJson(body).object();
    const QString message = status.value(QStringLiteral("message")).toString();
    if (status.value(QStringLiteral("kind")).toString() == u"Status" && !message.isEmpty()) {
        const QString reason = status.value(QStringLiteral("reason")).toString();
        return {reason.isEmpty() ? QStringLiteral("http.%1").arg(httpStatus)
                                 : QString(u"kube." + reason),
                message,
                {}};
    }
    const QString text = QString::fromUtf8(body.left(512)).trimmed();
    return {QStringLiteral("http.%1").arg(httpStatus),
            text.isEmpty()
                ? Tr::tr("The API server answered HTTP %1.").arg(httpStatus)
                : Tr::tr("The API server answered HTTP %1: %2").arg(httpStatus).arg(text),
            {}};
}

Error networkError(const QString &detail)
{
    return {QStringLiteral("network"), Tr::tr("Cannot reach the API server: %1").arg(detail),
            Tr::tr("Check the server address, the network and the TLS settings.")};
}

} // namespace core::kube
