#include "core/kube/apiclient.h"

#include "core/common/tr.h"
#include "core/kube/networkrequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>

namespace core::kube {

using namespace std::chrono_literals;

struct ApiClient::Call
{
    ApiRequest request;
    QPointer<QObject> context;
    Callback<ApiResponse> done;
    int attempt = 0;
    bool authRetried = false;
};

ApiClient::ApiClient(Connection connection, QObject *parent)
    : QObject(parent), m_connection(std::move(connection)),
      m_network(new QNetworkAccessManager(this))
{
    m_network->setAutoDeleteReplies(false);
}

ApiClient::~ApiClient() = default;

void ApiClient::withCredential(
    QObject *context, std::function<void(const ApiResult<std::optional<Credential>> &)> next)
{
    if (!m_connection.credentialProvider) {
        next(std::optional<Credential>());
        return;
    }
    QPointer<QObject> guard(context);
    m_connection.credentialProvider->fetch(this, [guard, next](const Result<Credential> &c) {
        if (!guard)
            return;
        if (!c)
            next(ApiStatusError::transport(c.error().message));
        else
            next(std::optional<Credential>(c.value()));
    });
}

QNetworkReply *ApiClient::sendReply(const ApiRequest &request,
                                    const std::optional<Credential> &credential)
{
    QNetworkRequest r =
        makeRequest(m_connection, apiUrl(m_connection, request.path, request.query));
    if (credential)
        applyCredential(r, *credential);
    r.setRawHeader("Accept", request.accept);
    if (!request.body.isEmpty() || !request.contentType.isEmpty())
        r.setHeader(QNetworkRequest::ContentTypeHeader, request.contentType.isEmpty()
                                                            ? QByteArrayLiteral("application/json")
                                                            : request.contentType);
    if (m_connection.signRequest) {
        const QString problem = m_connection.signRequest(r, request.verb, request.body);
        if (!problem.isEmpty())
            qWarning("burst: cannot sign the request: %s", qUtf8Printable(problem));
    }
    return m_network->sendCustomRequest(r, request.verb, request.body);
}

void ApiClient::send(const ApiRequest &request, QObject *context, Callback<ApiResponse> done)
{
    auto call = std::make_shared<Call>();
    call->request = request;
    call->context = context;
    call->done = std::move(done);
    startCall(call);
}

void ApiClient::startCall(const std::shared_ptr<Call> &call)
{
    withCredential(call->context, [this, call](const ApiResult<std::optional<Credential>> &c) {
        if (!c) {
            if (call->context)
                call->done(c.error());
            return;
        }
        issue(call, c.value());
    });
}

void ApiClient::issue(const std::shared_ptr<Call> &call,
                      const std::optional<Credential> &credential)
{
    ++call->attempt;
    QNetworkReply *reply = sendReply(call->request, credential);
    auto *timer = new QTimer(reply);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, reply, [reply] {
        reply->setProperty("burstTimedOut", true);
        reply->abort();
    });
    timer->start(call->request.timeout > 0ms ? call->request.timeout : m_timeout);
    connect(reply, &QNetworkReply::finished, this, [this, call, reply] {
        finishCall(call, reply);
        reply->deleteLater();
    });
}

std::optional<std::chrono::milliseconds> ApiClient::retryDelay(const Call &call, int httpStatus,
                                                               QNetworkReply *reply) const
{
    if (call.attempt >= m_retry.maxAttempts || reply->property("burstTimedOut").toBool())
        return std::nullopt;
    const bool transportFailure = httpStatus == 0 &&
                                  reply->error() != QNetworkReply::SslHandshakeFailedError &&
                                  reply->error() != QNetworkReply::OperationCanceledError;
    const bool retryable =
        httpStatus == 429 || (call.request.isIdempotent() &&
                              (transportFailure || httpStatus == 500 || httpStatus == 502 ||
                               httpStatus == 503 || httpStatus == 504));
    if (!retryable)
        return std::nullopt;
    bool hasRetryAfter = false;
    const int retryAfter = reply->rawHeader("Retry-After").toInt(&hasRetryAfter);
    if (hasRetryAfter && retryAfter >= 0)
        return std::min<std::chrono::milliseconds>(std::chrono::seconds(retryAfter),
                                                   m_retry.maxRetryAfter);
    // Exponential with full jitter on the upper half, so many clients do not retry in step.
    const auto base = std::min(m_retry.maxBackoff,
                               m_retry.initialBackoff * (1 << std::min(call.attempt - 1, 16)));
    const auto jitter = QRandomGenerator::global()->bounded(qint64(base.count() / 2 + 1));
    return std::chrono::milliseconds(base.count() / 2 + jitter);
}

void ApiClient::finishCall(const std::shared_ptr<Call> &call, QNetworkReply *reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 401 && m_connection.credentialProvider && !call->authRetried) {
        call->authRetried = true;
        m_connection.credentialProvider->invalidate();
        startCall(call);
        return;
    }
    if (status == 0 || status >= 400) {
        if (const auto delay = retryDelay(*call, status, reply)) {
            QTimer::singleShot(*delay, this, [this, call] {
                if (call->context)
                    startCall(call);
            });
            return;
        }
    }
    if (!call->context)
        return;
    if (status == 0) {
        const bool timedOut = reply->property("burstTimedOut").toBool();
        call->done(ApiStatusError::transport(
            timedOut ? Tr::tr("the request timed out (%1 %2)")
                           .arg(QString::fromLatin1(call->request.verb), call->request.path)
                     : reply->errorString(),
            timedOut));
        return;
    }
    const QByteArray body = reply->readAll();
    if (status >= 400)
        call->done(ApiStatusError::fromResponse(status, body));
    else
        call->done(ApiResponse{status, body});
}

void ApiClient::objectCall(const ApiRequest &request, QObject *context, ObjectCallback done)
{
    send(request, context, [done](const ApiResult<ApiResponse> &r) {
        if (!r)
            done(r.error());
        else
            done(r.value().json());
    });
}

void ApiClient::get(const ResourceMapping &resource, const QString &nameSpace, const QString &name,
                    QObject *context, ObjectCallback done)
{
    ApiRequest request;
    request.path = resource.path(nameSpace, name);
    objectCall(request, context, std::move(done));
}

void ApiClient::create(const ResourceMapping &resource, const QString &nameSpace,
                       const QJsonObject &object, QObject *context, ObjectCallback done)
{
    ApiRequest request;
    request.verb = QByteArrayLiteral("POST");
    request.path = resource.path(nameSpace);
    request.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    objectCall(request, context, std::move(done));
}

void ApiClient::update(const ResourceMapping &resource, const QJsonObject &object, QObject *context,
                       ObjectCallback done)
{
    const QJsonObject metadata = object.value(u"metadata").toObject();
    const QString nameSpace = metadata.value(u"namespace").toString();
    const QString name = metadata.value(u"name").toString();
    ApiRequest request;
    request.verb = QByteArrayLiteral("PUT");
    request.path = resource.path(nameSpace, name);
    request.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    QPointer<QObject> guard(context);
    objectCall(
        request, context,
        [this, resource, nameSpace, name, object, guard, done](const ApiResult<QJsonObject> &r) {
            if (r || !r.error().isConflict()) {
                done(r);
                return;
            }
            ApiStatusError conflict = r.error();
            conflict.ours = object;
            get(resource, nameSpace, name, guard,
                [conflict, done](const ApiResult<QJsonObject> &current) mutable {
                    if (current)
                        conflict.current = current.value();
                    done(conflict);
                });
        });
}

void ApiClient::patch(const ResourceMapping &resource, const QString &nameSpace,
                      const QString &name, PatchType type, const QByteArray &patch,
                      QObject *context, ObjectCallback done)
{
    ApiRequest request;
    request.verb = QByteArrayLiteral("PATCH");
    request.path = resource.path(nameSpace, name);
    request.body = patch;
    request.contentType = patchContentType(type);
    objectCall(request, context, std::move(done));
}

void ApiClient::remove(const ResourceMapping &resource, const QString &nameSpace,
                       const QString &name, PropagationPolicy propagation, QObject *context,
                       ObjectCallback done)
{
    ApiRequest request;
    request.verb = QByteArrayLiteral("DELETE");
    request.path = resource.path(nameSpace, name);
    static const QString policies[] = {QString(), QStringLiteral("Orphan"),
                                       QStringLiteral("Background"), QStringLiteral("Foreground")};
    const QString policy = policies[int(propagation)];
    // In the body, as kubectl sends DeleteOptions.
    if (!policy.isEmpty())
        request.body =
            QJsonDocument(QJsonObject{{QStringLiteral("kind"), QStringLiteral("DeleteOptions")},
                                      {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                      {QStringLiteral("propagationPolicy"), policy}})
                .toJson(QJsonDocument::Compact);
    objectCall(request, context, std::move(done));
}

void ApiClient::openStream(const ApiRequest &request, QObject *context,
                           Callback<QNetworkReply *> done)
{
    QPointer<QObject> guard(context);
    withCredential(context,
                   [this, request, guard, done](const ApiResult<std::optional<Credential>> &c) {
                       if (!guard)
                           return;
                       if (!c) {
                           done(c.error());
                           return;
                       }
                       done(sendReply(request, c.value()));
                   });
}

} // namespace core::kube
