#include "core/cloud/iamtokenprovider.h"

#include "core/cloud/requestsigner.h"
#include "core/common/tr.h"
#include "core/kube/redact.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QThread>
#include <QTimeZone>

namespace core::cloud {

namespace {

Error makeError(const char *code, const QString &message, const QString &hint = {})
{
    return Error{QString::fromLatin1(code), message, hint};
}

QJsonObject identityJson(const IamPasswordIdentity &password)
{
    const QJsonObject user{
        {QStringLiteral("name"), password.userName},
        {QStringLiteral("password"), password.password},
        {QStringLiteral("domain"), QJsonObject{{QStringLiteral("name"), password.domainName}}}};
    return QJsonObject{{QStringLiteral("methods"), QJsonArray{QStringLiteral("password")}},
                       {QStringLiteral("password"), QJsonObject{{QStringLiteral("user"), user}}}};
}

QJsonObject identityJson(const IamAccessKeyIdentity &)
{
    // The signature is the credential; the body only names the method.
    return QJsonObject{{QStringLiteral("methods"), QJsonArray{QStringLiteral("hw_ak_sk")}}};
}

QByteArray requestBody(const IamTokenOptions &options)
{
    QJsonObject auth{{QStringLiteral("identity"),
                      std::visit([](const auto &identity) { return identityJson(identity); },
                                 options.identity)}};
    QJsonObject project;
    if (!options.projectId.isEmpty())
        project.insert(QStringLiteral("id"), options.projectId);
    else if (!options.projectName.isEmpty())
        project.insert(QStringLiteral("name"), options.projectName);
    if (!project.isEmpty())
        auth.insert(QStringLiteral("scope"), QJsonObject{{QStringLiteral("project"), project}});
    return QJsonDocument(QJsonObject{{QStringLiteral("auth"), auth}})
        .toJson(QJsonDocument::Compact);
}

QUrl tokensUrl(const QUrl &endpoint)
{
    QUrl url = endpoint;
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + QStringLiteral("/v3/auth/tokens"));
    return url;
}

// IAM writes expires_at with microseconds ("2020-01-04T09:08:49.965000Z").
QDateTime parseIamTime(const QString &text)
{
    static const QRegularExpression shape(
        QStringLiteral("^(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d)(?:\\.(\\d+))?Z$"));
    const auto match = shape.match(text);
    if (!match.hasMatch())
        return {};
    QDateTime moment = QDateTime::fromString(match.captured(1), Qt::ISODate);
    moment.setTimeZone(QTimeZone::utc());
    const QString fraction = match.captured(2).left(3).leftJustified(3, u'0');
    return match.captured(2).isEmpty() ? moment : moment.addMSecs(fraction.toInt());
}

QString serverMessage(const QByteArray &body)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    const QString message = object.value(u"error").toObject().value(u"message").toString();
    return kube::redact::text(!message.isEmpty() ? message : object.value(u"error_msg").toString());
}

Error networkError(const QNetworkReply *reply, const QUrl &url)
{
    switch (reply->error()) {
    case QNetworkReply::SslHandshakeFailedError:
        return makeError("iam.tls",
                         Tr::tr("The TLS connection to IAM at %1 failed: %2")
                             .arg(url.host(), reply->errorString()),
                         Tr::tr("Check the IAM endpoint, the system clock and, for a private "
                                "endpoint, the CA certificate."));
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TimeoutError:
        return makeError("iam.timeout", Tr::tr("IAM at %1 did not answer in time.").arg(url.host()),
                         Tr::tr("Check the network connection and any proxy, then try again."));
    default:
        return makeError("iam.unreachable",
                         Tr::tr("Cannot reach IAM at %1: %2").arg(url.host(), reply->errorString()),
                         Tr::tr("Check the IAM endpoint of the region, the network connection and "
                                "any proxy."));
    }
}

} // namespace

IamTokenProvider::IamTokenProvider(IamTokenOptions options, QObject *parent)
    : kube::CredentialProvider(parent), m_options(std::move(options)),
      m_network(new QNetworkAccessManager(this))
{
}

IamTokenProvider::~IamTokenProvider()
{
    // Nobody is left to answer: the reply must not call back into a half-destroyed provider.
    if (m_inFlight) {
        m_inFlight->disconnect(this);
        m_inFlight->abort();
    }
}

QDateTime IamTokenProvider::now() const
{
    return m_options.now ? m_options.now() : QDateTime::currentDateTimeUtc();
}

bool IamTokenProvider::cacheIsFresh() const
{
    return m_cached && now().secsTo(m_cached->expiry) > m_options.refreshMargin.count();
}

void IamTokenProvider::fetch(QObject *context, Done done)
{
    if (QThread::currentThread() != thread()) {
        QMetaObject::invokeMethod(
            this,
            [this, context = QPointer<QObject>(context), done] {
                if (context)
                    fetch(context, done);
            },
            Qt::QueuedConnection);
        return;
    }
    const Waiter waiter{context, std::move(done)};
    if (cacheIsFresh()) {
        answer(waiter, *m_cached);
        return;
    }
    m_waiters.append(waiter);
    if (!m_inFlight)
        startRequest();
}

void IamTokenProvider::invalidate()
{
    m_cached.reset();
}

void IamTokenProvider::startRequest()
{
    QNetworkRequest request(tokensUrl(m_options.iamEndpoint));
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QStringLiteral("application/json;charset=utf8"));
    request.setTransferTimeout(int(m_options.timeout.count()));
    if (!m_options.caCertificatesPem.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(QSslCertificate::fromData(m_options.caCertificatesPem));
        request.setSslConfiguration(tls);
    }
    const QByteArray body = requestBody(m_options);
    if (const auto *keys = std::get_if<IamAccessKeyIdentity>(&m_options.identity)) {
        if (const auto error = RequestSigner(keys->accessKey, keys->secretKey)
                                   .sign(&request, "POST", body, now())) {
            answerWaiters(*error);
            return;
        }
    }
    ++m_requestsSent;
    QNetworkReply *reply = m_network->post(request, body);
    m_inFlight = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onFinished(reply); });
}

void IamTokenProvider::onFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    if (m_inFlight == reply)
        m_inFlight.clear();
    const Result<kube::Credential> result = readReply(reply);
    if (result)
        m_cached = result.value();
    answerWaiters(result);
}

Result<kube::Credential> IamTokenProvider::readReply(QNetworkReply *reply) const
{
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid())
        return networkError(reply, m_options.iamEndpoint);
    const QByteArray body = reply->readAll();
    const int code = status.toInt();
    if (kube::lcHttp().isDebugEnabled()) {
        QList<QPair<QByteArray, QByteArray>> headers;
        for (const QByteArray &name : reply->rawHeaderList())
            headers.append({name, reply->rawHeader(name)});
        qCDebug(kube::lcHttp).noquote() << "IAM answered" << code << kube::redact::url(reply->url())
                                        << u'\n' + kube::redact::headers(headers);
    }
    if (code == 401 || code == 403) {
        const bool password = std::holds_alternative<IamPasswordIdentity>(m_options.identity);
        return makeError("iam.unauthorized",
                         Tr::tr("IAM refused the credentials: %1").arg(serverMessage(body)),
                         password ? Tr::tr("Check the user name, the password and the account "
                                           "(domain) name.")
                                  : Tr::tr("Check the access key, the secret key and the system "
                                           "clock."));
    }
    if (code != 200 && code != 201)
        return makeError("iam.http",
                         Tr::tr("IAM answered HTTP %1: %2").arg(code).arg(serverMessage(body)),
                         Tr::tr("Check the project (region) name and the IAM endpoint."));
    kube::Credential credential;
    credential.token = QString::fromLatin1(reply->rawHeader("X-Subject-Token"));
    credential.expiry = parseIamTime(QJsonDocument::fromJson(body)
                                         .object()
                                         .value(u"token")
                                         .toObject()
                                         .value(u"expires_at")
                                         .toString());
    if (credential.token.isEmpty() || !credential.expiry.isValid())
        return makeError("iam.badResponse",
                         Tr::tr("IAM answered without a token or its expiry time."),
                         Tr::tr("Check that the endpoint is Huawei Cloud IAM "
                                "(https://iam.<region>.myhuaweicloud.com)."));
    return credential;
}

void IamTokenProvider::answerWaiters(const Result<kube::Credential> &result)
{
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter &waiter : waiters)
        answer(waiter, result);
}

void IamTokenProvider::answer(const Waiter &waiter, const Result<kube::Credential> &result)
{
    if (!waiter.context)
        return;
    // Queued even when the answer is at hand: callers are never re-entered from fetch().
    QMetaObject::invokeMethod(
        waiter.context.data(), [done = waiter.done, result] { done(result); },
        Qt::QueuedConnection);
}

} // namespace core::cloud
