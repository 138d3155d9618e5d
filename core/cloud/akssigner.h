#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <utility>

namespace core::cloud {

// One HTTP request as the Huawei Cloud API gateway sees it, before signing.
struct SignRequest
{
    QString method;
    QUrl url;
    // Header names as given; a Host header overrides the URL's host.
    QList<std::pair<QString, QString>> headers;
    QByteArray body;
    // Lower-case names to sign; empty signs every header given plus host and x-sdk-date.
    QStringList signedHeaders;
    // "20060102T150405Z" (UTC); empty takes the X-Sdk-Date header.
    QString sdkDate;
};

struct SignedRequest
{
    QString sdkDate;
    QStringList signedHeaders;
    QString canonicalRequest;
    QString stringToSign;
    QString signature;
    // The Authorization header value: "SDK-HMAC-SHA256 Access=AK, SignedHeaders=..., Signature=..."
    QString authorization;
};

// Huawei Cloud AK/SK signing, "SDK-HMAC-SHA256" as in the huaweicloud-sdk-*-v3 signers.
class AkSkSigner
{
public:
    AkSkSigner(QString accessKey, QString secretKey);

    Result<SignedRequest> sign(const SignRequest &request) const;

private:
    QString m_accessKey;
    QString m_secretKey;
};

// The pieces of the canonical request, exposed so tests can check each against the SDKs.
// `encodedPath` and `encodedQuery` are as on the wire (QUrl::FullyEncoded).
QString canonicalUri(const QString &encodedPath);
QString canonicalQueryString(const QString &encodedQuery);
QString canonicalHeaders(const QList<std::pair<QString, QString>> &headers,
                         const QStringList &signedHeaders);
QString hexSha256(const QByteArray &data);

// The X-Sdk-Date form of a moment: yyyyMMddTHHmmssZ in UTC.
QString formatSdkDate(const QDateTime &moment);
bool isValidSdkDate(const QString &date);

} // namespace core::cloud
