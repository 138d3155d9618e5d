#pragma once

#include "core/common/result.h"
#include "core/sandbox/transport/httprequest.h"
#include "core/sandbox/transport/httpresponse.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

namespace core::sandbox {

class SandboxClock;

struct IamUser
{
    QString name;
    QString password;
    QString domain = QStringLiteral("sandbox"); // the account name, as in auth.identity...domain
};

struct IamAccessKey
{
    QString accessKey;
    QString secretKey;
    QString userName = QStringLiteral("operator"); // whose token a signed token request gets
    QString domain = QStringLiteral("sandbox");
};

struct IamOptions
{
    QList<IamUser> users;
    QList<IamAccessKey> accessKeys;
    std::chrono::seconds tokenTtl = std::chrono::hours(24); // Huawei IAM tokens live 24 h
    // An X-Sdk-Date further than this from the sandbox clock is refused, as API Gateway does.
    std::chrono::seconds maxClockSkew = std::chrono::minutes(15);
};

// Who a token or a signed request stands for.
struct IamIdentity
{
    QString userName;
    QString domainName;
    QString projectName; // empty: not project scoped
    QString projectId;
    QStringList methods; // "password" or "hw_ak_sk"
    QDateTime expiresAt; // invalid for a signed request (no token)
};

// A refused IAM call: the HTTP status and Huawei IAM's {"error": {code, message, title}} body.
struct IamError
{
    int code = 401;
    QString title;
    QString message;

    HttpResponse toResponse() const;
    static IamError unauthorized(const QString &message);
    static IamError badRequest(const QString &message);
};

// The sandbox's Huawei IAM: POST /v3/auth/tokens with password identities (Keystone v3 body)
// or with a request signed by a known AK/SK (SDK-HMAC-SHA256), verified by recomputing the
// signature over the request as received. Issues opaque tokens that expire on the sandbox clock.
// Thread-safe: server threads issue and check tokens concurrently.
class IamService
{
public:
    IamService(const SandboxClock &clock, IamOptions options = {});

    // The answer to POST /v3/auth/tokens: 201 with X-Subject-Token, or an IAM error.
    HttpResponse issueToken(const HttpRequest &request);
    // The identity behind a token it issued that has not expired yet.
    std::optional<IamIdentity> identityForToken(const QString &token) const;
    // True when the request carries an SDK-HMAC-SHA256 Authorization header.
    static bool isSigned(const HttpRequest &request);
    // Checks an AK/SK signature (known key, every signed header present, host signed, date
    // within the skew, signature recomputed); the key owner's identity when it holds.
    Result<IamIdentity, IamError> verifySigned(const HttpRequest &request) const;

    qsizetype tokenCount() const; // unexpired tokens

private:
    Result<IamIdentity, IamError> authenticatePassword(const QJsonObject &identity) const;
    const IamAccessKey *findAccessKey(const QString &accessKey) const;
    QString storeToken(const IamIdentity &identity);

    const SandboxClock &m_clock;
    const IamOptions m_options;
    mutable QMutex m_mutex;
    QHash<QString, IamIdentity> m_tokens;
};

} // namespace core::sandbox
