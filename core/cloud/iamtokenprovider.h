#pragma once

#include "core/common/result.h"
#include "core/kube/connection.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <chrono>
#include <functional>
#include <optional>
#include <variant>

class QNetworkAccessManager;
class QNetworkReply;

namespace core::cloud {

// An IAM user (or the account itself) logging in with its password.
struct IamPasswordIdentity
{
    QString userName;
    QString password;
    QString domainName; // the account name
};

// An access key: the token request is signed with it instead of carrying a password.
struct IamAccessKeyIdentity
{
    QString accessKey;
    QString secretKey;
};

struct IamTokenOptions
{
    QUrl iamEndpoint; // https://iam.<region>.myhuaweicloud.com
    std::variant<IamPasswordIdentity, IamAccessKeyIdentity> identity;
    QString projectName; // project scope by name (usually the region id, e.g. cn-north-4) ...
    QString projectId;   // ... or by id, which wins when both are given
    QByteArray caCertificatesPem; // trusted besides the system CAs (the sandbox's CA)
    // A token this close to expires_at is fetched again rather than risked on a request.
    std::chrono::seconds refreshMargin = std::chrono::minutes(5);
    std::chrono::milliseconds timeout = std::chrono::seconds(30);
    std::function<QDateTime()> now; // UTC; empty = the system clock (tests step it)
};

// Huawei IAM tokens for CCI (X-Auth-Token): POST /v3/auth/tokens, the token from the
// X-Subject-Token header and its expiry from token.expires_at. The token is cached until
// expires_at minus the margin; concurrent fetch() calls share one request; invalidate() (after a
// 401) forgets it. Lives on one thread; fetch() from another thread is moved to it.
class IamTokenProvider : public kube::CredentialProvider
{
    Q_OBJECT
public:
    explicit IamTokenProvider(IamTokenOptions options, QObject *parent = nullptr);
    ~IamTokenProvider() override;

    void fetch(QObject *context, Done done) override;
    void invalidate() override;

    int requestsSent() const { return m_requestsSent; }

private:
    struct Waiter
    {
        QPointer<QObject> context;
        Done done;
    };

    QDateTime now() const;
    bool cacheIsFresh() const;
    void startRequest();
    void onFinished(QNetworkReply *reply);
    Result<kube::Credential> readReply(QNetworkReply *reply) const;
    void answerWaiters(const Result<kube::Credential> &result);
    static void answer(const Waiter &waiter, const Result<kube::Credential> &result);

    IamTokenOptions m_options;
    QNetworkAccessManager *m_network = nullptr;
    std::optional<kube::Credential> m_cached;
    QList<Waiter> m_waiters;
    QPointer<QNetworkReply> m_inFlight;
    int m_requestsSent = 0;
};

} // namespace core::cloud
