#pragma once

#include "core/cloud/akssigner.h"
#include "core/common/result.h"

#include <QByteArray>
#include <QDateTime>

#include <optional>

class QNetworkRequest;

namespace core::cloud {

// Signs a QNetworkRequest with AK/SK for the "sign every request" alternative to IAM tokens:
// sets X-Sdk-Date and Authorization (SDK-HMAC-SHA256) over host, x-sdk-date and, when set,
// content-type, with the body hashed. Send exactly `method` and `body` afterwards, and do not
// touch the signed headers, or the gateway refuses the signature.
class RequestSigner
{
public:
    RequestSigner(QString accessKey, QString secretKey);

    std::optional<Error> sign(QNetworkRequest *request, const QByteArray &method,
                              const QByteArray &body,
                              const QDateTime &now = QDateTime::currentDateTimeUtc()) const;

private:
    AkSkSigner m_signer;
};

} // namespace core::cloud
