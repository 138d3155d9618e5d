#include "core/cloud/requestsigner.h"

#include <QNetworkRequest>

namespace core::cloud {

RequestSigner::RequestSigner(QString accessKey, QString secretKey)
    : m_signer(std::move(accessKey), std::move(secretKey))
{
}

std::optional<Error> RequestSigner::sign(QNetworkRequest *request, const QByteArray &method,
                                         const QByteArray &body, const QDateTime &now) const
{
    SignRequest toSign;
    toSign.method = QString::fromLatin1(method);
    toSign.url = request->url();
    toSign.body = body;
    toSign.sdkDate = formatSdkDate(now);
    toSign.signedHeaders = {QStringLiteral("host"), QStringLiteral("x-sdk-date")};
    // QNetworkAccessManager derives Host from the URL exactly as the signer does (port only when
    // not the scheme's default), so the host is left to the signer.
    const QByteArray contentType = request->rawHeader("Content-Type");
    if (!contentType.isEmpty()) {
        toSign.headers.append({QStringLiteral("content-type"), QString::fromLatin1(contentType)});
        toSign.signedHeaders.append(QStringLiteral("content-type"));
    }
    const auto signedRequest = m_signer.sign(toSign);
    if (!signedRequest)
        return signedRequest.error();
    request->setRawHeader("X-Sdk-Date", signedRequest->sdkDate.toLatin1());
    request->setRawHeader("Authorization", signedRequest->authorization.toLatin1());
    return std::nullopt;
}

} // namespace core::cloud
