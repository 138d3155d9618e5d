#pragma once

#include "core/kube/apirequest.h"
#include "core/kube/apistatuserror.h"
#include "core/kube/connection.h"
#include "core/kube/restmapper.h"

#include <QJsonObject>
#include <QList>
#include <QNetworkProxy>
#include <QNetworkRequest>
#include <QHash>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace core::kube {

class ApiStream;

// What a patch or delete sends besides its body. dryRun asks for `?dryRun=All`: the server runs
// every check and default of the write and answers what it would store, storing nothing.
// `subresource` addresses one ("scale", "status"). A delete's preconditions (DeleteOptions
// preconditions): refused with 409 when the object's uid or resourceVersion is no longer this.
struct WriteOptions
{
    bool dryRun = false;
    QString subresource;
    QString uid;
    QString resourceVersion;
};

// The client side of one API server, asynchronous throughout (QNetworkAccessManager, HTTP/1.1,
// TLS and proxy from the Connection), and the one pipeline every request goes through: REST calls
// (send and what builds on it), watch and log streams (openStream, ApiStream) and exec's WebSocket
// (authorize). prepare() builds every request the same way: TLS, static and dynamic credentials
// (exec plugin tokens and client certificates, IAM), headers, then the AK/SK signature; a 401
// makes the credential provider invalidate and the request is sent once more
// (refreshAfterUnauthorized); failures are ApiStatusError, whose toError() is the one mapping to
// diagnostics. Every call takes a context object: the callback runs on this client's thread, and
// not at all once the context is gone. REST retries follow client-go: 429 with Retry-After for
// any verb, 5xx and lost connections for GET only, bounded, with exponential backoff and jitter.
class ApiClient : public QObject
{
    Q_OBJECT
public:
    template <typename T> using Callback = std::function<void(const ApiResult<T> &result)>;
    using ObjectCallback = Callback<QJsonObject>;
    // One page of a list (its items, or its rows for a Table) and its index; index 0 after
    // earlier pages means the list restarted. Return false to stop paging.
    using PageCallback = std::function<bool(const QJsonObject &page, int index)>;

    explicit ApiClient(Connection connection, QObject *parent = nullptr);
    ~ApiClient() override;

    const Connection &connection() const { return m_connection; }
    void setDefaultTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    void setRetryPolicy(const RetryPolicy &policy) { m_retry = policy; }

    void send(const ApiRequest &request, QObject *context, Callback<ApiResponse> done);

    // GET /api, /apis and every group version once; later calls answer from the cache.
    void discover(QObject *context, Callback<RestMapper> done);
    void resolve(const QString &name, QObject *context, Callback<ResourceMapping> done);

    void get(const ResourceMapping &resource, const QString &nameSpace, const QString &name,
             QObject *context, ObjectCallback done);
    // Pages through limit/continue. Without `page`, `done` gets the first page's object with
    // every page's items (or Table rows); with it, pages go to `page` and `done` gets the last
    // page's metadata. A continue token that expired (410) restarts the list from the first
    // page, as client-go's pager does (`page` sees index 0 again).
    void list(const ResourceMapping &resource, const ListOptions &options, QObject *context,
              ObjectCallback done, PageCallback page = {});
    // One page's items, each already passed through the list's transform; `encoded`: what the
    // list's encoder made of each item, in item order (empty without an encoder, or when the
    // page was decoded in place); index as PageCallback.
    using ItemsCallback = std::function<bool(const QList<QJsonObject> &items,
                                             const QList<QByteArray> &encoded, int index)>;
    using ItemTransform = std::function<QJsonObject(const QJsonObject &)>;
    // Bytes made of a transformed item on the decoder thread (e.g. the cache's compact form).
    using ItemEncoder = std::function<QByteArray(const QJsonObject &)>;
    // list() with `page`, its pages parsed and their items transformed on the decoder thread
    // (core/kube/decoderthread.h; `transform` must be safe to call there): this thread only
    // sends requests and hands pages on. The next page is asked for as soon as the current
    // one's continue token is read, so the server works on it while this page is transformed.
    // Pages, a failure and `done` (the last page's metadata) come in order; an expired continue
    // token restarts the list as in list(). Decodes in place on a thread other than the main one.
    void listItems(const ResourceMapping &resource, const ListOptions &options, QObject *context,
                   ObjectCallback done, ItemTransform transform, ItemsCallback page,
                   ItemEncoder encode = {});
    void create(const ResourceMapping &resource, const QString &nameSpace,
                const QJsonObject &object, QObject *context, ObjectCallback done);
    // PUT with the object's metadata.resourceVersion. A 409 is never retried: the error
    // carries our object and the server's current one.
    void update(const ResourceMapping &resource, const QJsonObject &object, QObject *context,
                ObjectCallback done);
    void patch(const ResourceMapping &resource, const QString &nameSpace, const QString &name,
               PatchType type, const QByteArray &patch, QObject *context, ObjectCallback done);
    void patch(const ResourceMapping &resource, const QString &nameSpace, const QString &name,
               PatchType type, const QByteArray &patch, const WriteOptions &options,
               QObject *context, ObjectCallback done);
    void remove(const ResourceMapping &resource, const QString &nameSpace, const QString &name,
                PropagationPolicy propagation, QObject *context, ObjectCallback done);
    void remove(const ResourceMapping &resource, const QString &nameSpace, const QString &name,
                PropagationPolicy propagation, const WriteOptions &options, QObject *context,
                ObjectCallback done);

    // A long-lived streaming GET (watch, logs -f), owned by `parent`; see ApiStream. Not retried
    // except once after a 401 with a credential provider.
    ApiStream *openStream(const ApiRequest &request, QObject *parent);

    // The request as it leaves: the connection's TLS (CA, client certificate, tls-server-name),
    // static authentication (token, token file, basic) and extra headers, `credential` on top,
    // Accept and Content-Type, then Connection::signRequest over the final headers. An error
    // when it cannot be made (the signer or the proxy-url refuses).
    ApiResult<QNetworkRequest> prepare(const ApiRequest &request,
                                       const std::optional<Credential> &credential) const;
    // prepare() with the current credential, asked from the provider first when there is one.
    void authorize(const ApiRequest &request, QObject *context, Callback<QNetworkRequest> done);
    // For an answer's HTTP status: true when it is a 401 the credential provider may cure and
    // `*retried` is not set yet; the provider has then forgotten its credential, `*retried` is
    // set, and the caller authorizes and sends once more.
    bool refreshAfterUnauthorized(int httpStatus, bool *retried);
    // What every request and WebSocket of this client goes through (proxy-url).
    QNetworkProxy proxy() const;
    QNetworkAccessManager *network() const { return m_network; }
    // Streams (watches, log follows) stay open for minutes, and HTTP/1.1 lets one
    // QNetworkAccessManager keep only six connections per host: streams therefore never use
    // network() but a manager of their own kind, at most kStreamsPerManager streams each, so a
    // dozen watches neither wait for each other nor hold up requests.
    static constexpr int kStreamsPerManager = 6;
    QNetworkAccessManager *acquireStreamNetwork();
    void releaseStreamNetwork(QNetworkAccessManager *network);

private:
    struct Call;
    struct ListState;

    void startCall(const std::shared_ptr<Call> &call);
    void issue(const std::shared_ptr<Call> &call, const QNetworkRequest &request);
    void finishCall(const std::shared_ptr<Call> &call, QNetworkReply *reply, QByteArray body);
    std::optional<std::chrono::milliseconds> retryDelay(const Call &call, int httpStatus,
                                                        QNetworkReply *reply) const;
    void listPage(const std::shared_ptr<ListState> &state, const QString &continueToken);
    void listDecodedPage(const std::shared_ptr<ListState> &state, const QString &continueToken);
    void decodedPageFailed(const std::shared_ptr<ListState> &state, const QString &continueToken,
                           const ApiStatusError &error);
    void objectCall(ApiRequest request, const ApiResult<QString> &path, QObject *context,
                    ObjectCallback done);
    void writeCall(ApiRequest request, const WriteOptions &options,
                   const ApiResult<QString> &path, QObject *context, ObjectCallback done);
    void discoverGroupVersions(const QList<QPair<QString, bool>> &groupVersions);
    void finishDiscovery();

    Connection m_connection;
    QNetworkAccessManager *m_network;
    QHash<QNetworkAccessManager *, int> m_streamNetworks; // open streams per stream manager
    std::optional<Error> m_proxyError; // a proxy-url Qt cannot use fails every request
    std::chrono::milliseconds m_timeout{30000};
    RetryPolicy m_retry;
    std::optional<RestMapper> m_mapper;
    QList<QPair<QJsonObject, bool>> m_discovered; // per group version, in discovery order
    int m_discoveryPending = 0;
    bool m_discovering = false;
    std::optional<ApiStatusError> m_discoveryError;
    QList<std::function<void()>> m_discoveryWaiters;
};

} // namespace core::kube
