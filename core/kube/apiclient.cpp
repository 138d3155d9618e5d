#include "core/kube/apiclient.h"

#include "core/common/tr.h"
#include "core/kube/apistream.h"
#include "core/kube/networkrequest.h"
#include "core/kube/redact.h"

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

namespace {

// A path with an empty segment ("/api/v1/namespaces//pods/web/log", a trailing "/") names an
// empty namespace or object. Sent, it would address another resource, so it is refused.
std::optional<ApiStatusError> refusedPath(const ApiRequest &request)
{
    if (request.path.startsWith(u'/') && !request.path.mid(1).split(u'/').contains(QString()))
        return std::nullopt;
    return ApiStatusError::invalidRequest(
        Tr::tr("refused to send %1 %2: its namespace or name is empty")
            .arg(QString::fromLatin1(request.verb), request.path));
}

// One object's path (`named` false: its collection's, for create). An empty name, or an empty
// namespace of a namespaced resource, would address the whole collection or every namespace.
ApiResult<QString> objectPath(const ResourceMapping &resource, const QString &nameSpace,
                              const QString &name, bool named = true)
{
    if (resource.namespaced && nameSpace.isEmpty())
        return ApiStatusError::invalidRequest(
            Tr::tr("refused to address %1 without a namespace")
                .arg(name.isEmpty() ? resource.resource : QString(resource.resource + u'/' + name)));
    if (named && name.isEmpty())
        return ApiStatusError::invalidRequest(
            Tr::tr("refused to address one of %1 without a name").arg(resource.resource));
    return resource.path(nameSpace, name);
}

// A refused request is answered later, as an answer would come: callers may not be listening yet.
template <typename Callback>
void refuseLater(QObject *client, QObject *context, const Callback &done,
                 const ApiStatusError &error)
{
    QPointer<QObject> guard(context);
    QMetaObject::invokeMethod(
        client,
        [guard, done, error] {
            if (guard)
                done(error);
        },
        Qt::QueuedConnection);
}

} // namespace

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
    const Result<QNetworkProxy> proxy = networkProxy(m_connection);
    if (proxy)
        m_network->setProxy(proxy.value());
    else
        m_proxyError = proxy.error();
}

ApiClient::~ApiClient()
{
    // Qt keeps TLS connections in its HTTP thread's cache; closing them with the client lets
    // OpenSSL free their state before the process exits.
    m_network->clearConnectionCache();
    for (auto it = m_streamNetworks.cbegin(); it != m_streamNetworks.cend(); ++it)
        it.key()->clearConnectionCache();
}

QNetworkAccessManager *ApiClient::acquireStreamNetwork()
{
    for (auto it = m_streamNetworks.begin(); it != m_streamNetworks.end(); ++it) {
        if (it.value() < kStreamsPerManager) {
            ++it.value();
            return it.key();
        }
    }
    auto *network = new QNetworkAccessManager(this);
    network->setAutoDeleteReplies(false);
    network->setProxy(m_network->proxy());
    m_streamNetworks.insert(network, 1);
    return network;
}

void ApiClient::releaseStreamNetwork(QNetworkAccessManager *network)
{
    const auto it = m_streamNetworks.find(network);
    if (it != m_streamNetworks.end() && it.value() > 0)
        --it.value();
}

QNetworkProxy ApiClient::proxy() const
{
    return m_network->proxy();
}

ApiResult<QNetworkRequest> ApiClient::prepare(const ApiRequest &request,
                                              const std::optional<Credential> &credential) const
{
    if (m_proxyError)
        return ApiStatusError::transport(m_proxyError->message);
    if (const auto refused = refusedPath(request))
        return *refused;
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
            return ApiStatusError::transport(Tr::tr("cannot sign the request: %1").arg(problem));
    }
    qCDebug(lcHttp).noquote() << redact::request(request.verb, r);
    return r;
}

void ApiClient::authorize(const ApiRequest &request, QObject *context,
                          Callback<QNetworkRequest> done)
{
    // After a proxy-url problem, as prepare() reports them: the client's own setup comes first.
    const auto refused = m_proxyError ? std::nullopt : refusedPath(request);
    if (refused) {
        refuseLater(this, context, done, *refused);
        return;
    }
    if (!m_connection.credentialProvider) {
        done(prepare(request, std::nullopt));
        return;
    }
    QPointer<QObject> guard(context);
    QPointer<ApiClient> self(this);
    m_connection.credentialProvider->fetch(
        this, [self, guard, request, done](const Result<Credential> &credential) {
            if (!guard || !self)
                return;
            if (!credential)
                done(ApiStatusError::transport(credential.error().message));
            else
                done(self->prepare(request, credential.value()));
        });
}

bool ApiClient::refreshAfterUnauthorized(int httpStatus, bool *retried)
{
    if (httpStatus != 401 || !m_connection.credentialProvider || *retried)
        return false;
    *retried = true;
    m_connection.credentialProvider->invalidate();
    return true;
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
    authorize(call->request, call->context, [this, call](const ApiResult<QNetworkRequest> &r) {
        if (!r) {
            if (call->context)
                call->done(r.error());
            return;
        }
        issue(call, r.value());
    });
}

namespace {

// Our own (docs/limits.md): the most of one response held in memory. A list page or an object is
// far smaller (the API server stores objects of 1.5 MiB at most and the client lists in pages);
// a server that sends an endless list or a huge object is cut here with a clear error.
constexpr qint64 kMaxResponseBytes = qint64(256) << 20;
// What Qt's HTTP thread may buffer of one reply before we read it (as ApiStream's).
constexpr qint64 kReplyReadBuffer = qint64(2) << 20;

} // namespace

void ApiClient::issue(const std::shared_ptr<Call> &call, const QNetworkRequest &request)
{
    ++call->attempt;
    // Qt's HTTP thread reads a reply as fast as the socket gives, whatever the GUI thread does; with
    // no read buffer limit an endless answer grew by 0.7 GB before the progress signal that refuses
    // it was handled. Bounded, the HTTP thread stops reading (TCP pushes back) until we drain it
    // here, so what is held never passes the limit by more than one buffer.
    QNetworkReply *reply = sendWithReadBuffer(m_network, request, call->request.verb,
                                              call->request.body, kReplyReadBuffer);
    auto *timer = new QTimer(reply);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, reply, [reply] {
        reply->setProperty("burstTimedOut", true);
        reply->abort();
    });
    timer->start(call->request.timeout > 0ms ? call->request.timeout : m_timeout);
    auto body = std::make_shared<QByteArray>();
    connect(reply, &QNetworkReply::readyRead, reply, [reply, body] {
        if (reply->property("burstTooLarge").toBool())
            return;
        body->append(reply->readAll());
        if (body->size() > kMaxResponseBytes) {
            reply->setProperty("burstTooLarge", true);
            body->clear();
            body->squeeze();
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64 total) {
        if (received > kMaxResponseBytes || total > kMaxResponseBytes) {
            reply->setProperty("burstTooLarge", true);
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, call, reply, body] {
        if (!reply->property("burstTooLarge").toBool() && reply->isOpen())
            body->append(reply->readAll());
        finishCall(call, reply, std::move(*body));
        reply->deleteLater();
    });
}

std::optional<std::chrono::milliseconds> ApiClient::retryDelay(const Call &call, int httpStatus,
                                                               QNetworkReply *reply) const
{
    const int maxAttempts =
        call.request.maxAttempts > 0 ? call.request.maxAttempts : m_retry.maxAttempts;
    if (call.attempt >= maxAttempts || reply->property("burstTimedOut").toBool())
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

void ApiClient::finishCall(const std::shared_ptr<Call> &call, QNetworkReply *reply,
                           QByteArray body)
{
    if (reply->property("burstTooLarge").toBool()) { // not retried: it would be as large again
        if (call->context)
            call->done(ApiStatusError::transport(
                Tr::tr("the server's answer to %1 %2 is larger than %3 MiB (the client's limit); "
                       "list in pages or narrow the request")
                    .arg(QString::fromLatin1(call->request.verb), call->request.path)
                    .arg(kMaxResponseBytes >> 20)));
        return;
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (refreshAfterUnauthorized(status, &call->authRetried)) {
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
    if (status >= 400)
        call->done(ApiStatusError::fromResponse(status, body));
    else
        call->done(ApiResponse{status, std::move(body)});
}

void ApiClient::objectCall(ApiRequest request, const ApiResult<QString> &path, QObject *context,
                           ObjectCallback done)
{
    if (!path) {
        refuseLater(this, context, done, path.error());
        return;
    }
    request.path = path.value();
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
    objectCall(ApiRequest(), objectPath(resource, nameSpace, name), context, std::move(done));
}

void ApiClient::create(const ResourceMapping &resource, const QString &nameSpace,
                       const QJsonObject &object, QObject *context, ObjectCallback done)
{
    ApiRequest request;
    request.verb = QByteArrayLiteral("POST");
    request.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    objectCall(request, objectPath(resource, nameSpace, {}, false), context, std::move(done));
}

void ApiClient::update(const ResourceMapping &resource, const QJsonObject &object, QObject *context,
                       ObjectCallback done)
{
    const QJsonObject metadata = object.value(u"metadata").toObject();
    const QString nameSpace = metadata.value(u"namespace").toString();
    const QString name = metadata.value(u"name").toString();
    ApiRequest request;
    request.verb = QByteArrayLiteral("PUT");
    request.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    QPointer<QObject> guard(context);
    objectCall(
        request, objectPath(resource, nameSpace, name), context,
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
    this->patch(resource, nameSpace, name, type, patch, WriteOptions(), context, std::move(done));
}

void ApiClient::patch(const ResourceMapping &resource, const QString &nameSpace,
                      const QString &name, PatchType type, const QByteArray &patch,
                      const WriteOptions &options, QObject *context, ObjectCallback done)
{
    ApiRequest request;
    request.verb = QByteArrayLiteral("PATCH");
    request.body = patch;
    request.contentType = patchContentType(type);
    writeCall(request, options, objectPath(resource, nameSpace, name), context, std::move(done));
}

void ApiClient::remove(const ResourceMapping &resource, const QString &nameSpace,
                       const QString &name, PropagationPolicy propagation, QObject *context,
                       ObjectCallback done)
{
    remove(resource, nameSpace, name, propagation, WriteOptions(), context, std::move(done));
}

void ApiClient::remove(const ResourceMapping &resource, const QString &nameSpace,
                       const QString &name, PropagationPolicy propagation,
                       const WriteOptions &options, QObject *context, ObjectCallback done)
{
    ApiRequest request;
    request.verb = QByteArrayLiteral("DELETE");
    static const QString policies[] = {QString(), QStringLiteral("Orphan"),
                                       QStringLiteral("Background"), QStringLiteral("Foreground")};
    const QString policy = policies[int(propagation)];
    // In the body, as kubectl sends DeleteOptions; the API server reads the query's options only
    // when there is no body, so dryRun goes in the body too.
    QJsonObject preconditions;
    if (!options.uid.isEmpty())
        preconditions.insert(QStringLiteral("uid"), options.uid);
    if (!options.resourceVersion.isEmpty())
        preconditions.insert(QStringLiteral("resourceVersion"), options.resourceVersion);
    if (!policy.isEmpty() || !preconditions.isEmpty() || options.dryRun) {
        QJsonObject body{{QStringLiteral("kind"), QStringLiteral("DeleteOptions")},
                         {QStringLiteral("apiVersion"), QStringLiteral("v1")}};
        if (!policy.isEmpty())
            body.insert(QStringLiteral("propagationPolicy"), policy);
        if (!preconditions.isEmpty())
            body.insert(QStringLiteral("preconditions"), preconditions);
        if (options.dryRun)
            body.insert(QStringLiteral("dryRun"), QJsonArray{QStringLiteral("All")});
        request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    }
    WriteOptions inBody = options;
    inBody.dryRun = false;
    writeCall(request, inBody, objectPath(resource, nameSpace, name), context, std::move(done));
}

void ApiClient::writeCall(ApiRequest request, const WriteOptions &options,
                          const ApiResult<QString> &path, QObject *context, ObjectCallback done)
{
    if (options.dryRun)
        request.query.append({QStringLiteral("dryRun"), QStringLiteral("All")});
    if (path && !options.subresource.isEmpty())
        objectCall(request, QString(path.value() + u'/' + options.subresource), context,
                   std::move(done));
    else
        objectCall(request, path, context, std::move(done));
}

ApiStream *ApiClient::openStream(const ApiRequest &request, QObject *parent)
{
    auto *stream = new ApiStream(this, request, parent);
    QMetaObject::invokeMethod(stream, [stream] { stream->start(); }, Qt::QueuedConnection);
    return stream;
}

} // namespace core::kube
