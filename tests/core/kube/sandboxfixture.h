#pragma once

#include "core/kube/connection.h"
#include "core/sandbox/apiserver/apirouter.h"
#include "core/sandbox/cluster/scenario.h"
#include "core/sandbox/store/objectstore.h"
#include "core/sandbox/transport/httpserver.h"
#include "core/sandbox/transport/httpstream.h"
#include "core/sandbox/transport/tlscontext.h"

#include <QList>
#include <QMutex>
#include <QUrl>

#include <memory>

// An in-process sandbox API server on a free loopback port for the client tests, plain or TLS
// with its generated CA, recording every request it handles.
class SandboxFixture
{
public:
    explicit SandboxFixture(core::sandbox::FaultOptions faults = {}, bool tls = false,
                            qsizetype historyLimit = 20000)
        : m_store(core::sandbox::StoreOptions{historyLimit, 0}), m_faults(faults)
    {
        core::sandbox::seedDefaultScenario(m_store, QStringLiteral("sandbox"));
        m_router = std::make_unique<core::sandbox::ApiRouter>(m_store, QStringLiteral("127.0.0.1"),
                                                              faults);
        core::sandbox::HttpServerOptions options;
        if (tls) {
            auto generated = core::sandbox::TlsContext::generate();
            if (generated)
                m_tls = *generated;
            options.tls = m_tls;
        }
        m_options = options;
        m_server = std::make_unique<core::sandbox::HttpServer>(
            [this](const core::sandbox::HttpRequest &request) { return reply(request); }, options);
        m_started = bool(m_server->start());
    }

    bool started() const { return m_started; }
    // From now on a request with `token` is the sandbox's restricted user in `namespaces`
    // (core/sandbox/apiserver/authorizer.h); any other is the admin. Call before any request.
    void addRestrictedUser(const QString &token, const QStringList &namespaces)
    {
        core::sandbox::ApiRouterOptions options;
        options.faults = m_faults;
        options.authorizer.addUser(core::sandbox::restrictedUser(token, namespaces));
        QMutexLocker lock(&m_mutex);
        m_router = std::make_unique<core::sandbox::ApiRouter>(m_store, QStringLiteral("127.0.0.1"),
                                                              options);
    }
    // Routes with `options` from now on (its faults are replaced by the fixture's), e.g.
    // core::sandbox::withNodeEndpoints() to serve pod logs, exec and metrics.k8s.io as the
    // burst-sandbox program does. Call before any request.
    void setRouterOptions(core::sandbox::ApiRouterOptions options)
    {
        options.faults = m_faults;
        QMutexLocker lock(&m_mutex);
        m_router = std::make_unique<core::sandbox::ApiRouter>(m_store, QStringLiteral("127.0.0.1"),
                                                              options);
    }
    // The server's thread records requests into m_requests under m_mutex, both declared after
    // it and so destroyed before it: it stops first (ThreadSanitizer saw a request appended to
    // the list being destroyed, from a client still retrying).
    ~SandboxFixture()
    {
        if (m_server)
            m_server->stop();
    }
    // Stops answering: every connection and stream closes, new ones are refused.
    void stopServer() { m_server->stop(); }
    // Serves again on the same port, with the same store (a restarted API server).
    bool restartServer()
    {
        m_options.port = m_server->port();
        m_server->stop();
        m_server = std::make_unique<core::sandbox::HttpServer>(
            [this](const core::sandbox::HttpRequest &request) { return reply(request); },
            m_options);
        return bool(m_server->start());
    }
    core::sandbox::ObjectStore &store() { return m_store; }
    const core::sandbox::TlsContext &tls() const { return m_tls; }

    core::kube::Connection connection() const
    {
        core::kube::Connection c;
        c.server = QUrl(m_server->url());
        c.token = QStringLiteral("test-token");
        c.certificateAuthorityPem = m_tls.isEmpty() ? QByteArray() : m_tls.caPem();
        return c;
    }

    QList<core::sandbox::HttpRequest> requests()
    {
        QMutexLocker lock(&m_mutex);
        return m_requests;
    }
    // The next `count` requests with this method under `pathPrefix` fail with `status`.
    void failNext(const QByteArray &method, const QString &pathPrefix, int count, int status,
                  const QByteArray &retryAfter = {})
    {
        QMutexLocker lock(&m_mutex);
        m_failMethod = method;
        m_failPath = pathPrefix;
        m_failCount = count;
        m_failStatus = status;
        m_retryAfter = retryAfter;
    }
    // The next `count` watches that resume from a resourceVersion are answered as the watch
    // cache of kube-apiserver answers a compacted one: 200, then an ERROR event with a 410
    // Status, then the end of the stream.
    void goneEventOnNextWatches(int count)
    {
        QMutexLocker lock(&m_mutex);
        m_goneEvents = count;
    }
    void clearRequests()
    {
        QMutexLocker lock(&m_mutex);
        m_requests.clear();
    }

private:
    core::sandbox::HttpReply reply(const core::sandbox::HttpRequest &request)
    {
        {
            QMutexLocker lock(&m_mutex);
            m_requests.append(request);
            if (m_goneEvents > 0 && request.queryFlag(QStringLiteral("watch")) &&
                !request.queryValue(QStringLiteral("resourceVersion")).isEmpty()) {
                --m_goneEvents;
                return goneEventStream();
            }
            if (m_failCount > 0 && request.method == m_failMethod &&
                request.path.startsWith(m_failPath)) {
                --m_failCount;
                auto response = core::sandbox::HttpResponse::json(
                    m_failStatus, QByteArrayLiteral("{\"kind\":\"Status\",\"apiVersion\""
                                                    ":\"v1\",\"status\":\"Failure\"}"));
                if (!m_retryAfter.isEmpty())
                    response.headers.set("Retry-After", m_retryAfter);
                return core::sandbox::HttpReply(response);
            }
        }
        core::sandbox::ApiRouter *router;
        {
            QMutexLocker lock(&m_mutex);
            router = m_router.get();
        }
        return router->handle(request);
    }

    static core::sandbox::HttpReply goneEventStream()
    {
        return core::sandbox::HttpReply::stream(
            200, core::sandbox::HttpHeaders{{"Content-Type", "application/json"}},
            [](std::shared_ptr<core::sandbox::HttpStream> stream) {
                stream->write(QByteArrayLiteral(
                    "{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"apiVersion\":"
                    "\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":\"too old "
                    "resource version: 1 (2)\",\"reason\":\"Expired\",\"code\":410}}\n"));
                stream->end();
            });
    }

    core::sandbox::ObjectStore m_store;
    core::sandbox::FaultOptions m_faults;
    core::sandbox::HttpServerOptions m_options;
    core::sandbox::TlsContext m_tls;
    std::unique_ptr<core::sandbox::ApiRouter> m_router;
    std::unique_ptr<core::sandbox::HttpServer> m_server;
    QMutex m_mutex;
    QList<core::sandbox::HttpRequest> m_requests;
    bool m_started = false;
    QByteArray m_failMethod;
    QString m_failPath;
    int m_failCount = 0;
    int m_goneEvents = 0;
    int m_failStatus = 0;
    QByteArray m_retryAfter;
};
