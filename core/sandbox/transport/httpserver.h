#pragma once

#include "core/common/result.h"
#include "core/sandbox/transport/httpreply.h"
#include "core/sandbox/transport/httprequest.h"
#include "core/sandbox/transport/tlscontext.h"

#include <QString>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>

namespace core::sandbox {

// The one extension point of the transport: the API layer's router. Runs on the server thread,
// one request at a time, so it must not block (use HttpReply::deferred to answer from elsewhere)
// and must not call HttpServer::stop(). An exception it throws is answered with 500.
using HttpHandler = std::function<HttpReply(const HttpRequest &request)>;

struct HttpServerOptions
{
    QString address = QStringLiteral("127.0.0.1");
    quint16 port = 0; // 0: the system picks a free port; start() reports it
    TlsContext tls;   // generated: HTTPS (and wss) only; empty (the default): plain HTTP only
    // Limits a hostile client meets (docs/limits.md). A larger body gets 413 with a Kubernetes
    // Status, as the API server answers past its MaxRequestBodyBytes (k8s.io/apiserver,
    // 3 * 1024 * 1024); the same bound holds for one WebSocket message (closed with 1009).
    std::uint64_t bodyLimit = std::uint64_t(3) << 20;
    // Larger request heads get 431: Go's DefaultMaxHeaderBytes, which the API server keeps.
    std::uint32_t headerLimit = 1 << 20;
    // Our own. Open connections at most; past it a new one evicts the oldest that is waiting for
    // (or in the middle of sending) a request head, or is refused when none is: a slowloris
    // client holding many half-sent requests cannot lock kubectl out.
    std::size_t maxConnections = 4096;
    // A keep-alive connection waiting this long for its next request, or a client this slow to
    // send one (its whole head and body: a slowloris client dribbling bytes is cut) or to take a
    // byte of the answer, is closed. Open streams and WebSockets are
    // exempt; what is left of a stream after end() or abort() is not.
    std::chrono::milliseconds idleTimeout = std::chrono::seconds(60);
    std::chrono::milliseconds handshakeTimeout = std::chrono::seconds(10); // TLS and WebSocket
    // A stream is aborted once this much is queued unsent: the last resort against a client that
    // stopped reading while its writer ignores HttpStream::queuedBytes() (a log follow). A watch
    // waits below its high-water mark instead and never gets here while its client reads.
    std::size_t streamBufferLimit = std::size_t(16) << 20;
};

// An HTTP/1.1 server on loopback for the sandbox cluster: keep-alive request/response, chunked
// streams, WebSocket upgrade on the same port, TLS when options.tls holds keys. Owns one worker
// thread running all I/O and every handler callback. start() and stop() belong to the owning
// thread.
class HttpServer
{
public:
    explicit HttpServer(HttpHandler handler, HttpServerOptions options = {});
    ~HttpServer(); // stops
    HttpServer(const HttpServer &) = delete;
    HttpServer &operator=(const HttpServer &) = delete;

    // Binds, listens and starts the worker thread; the bound port on success.
    Result<quint16> start();
    // Closes the listener and every connection at once (streams and WebSockets included, their
    // onClosed callbacks run on the worker), then joins the worker. Handles kept by handlers stay
    // valid and do nothing. Does nothing when called from the worker thread itself.
    void stop();

    bool isRunning() const { return m_runtime != nullptr; }
    bool isTls() const { return !m_options.tls.isEmpty(); }
    quint16 port() const { return m_port; }
    QString url() const; // "https://127.0.0.1:43817"

private:
    struct Runtime;

    std::shared_ptr<const HttpHandler> m_handler;
    HttpServerOptions m_options;
    std::unique_ptr<Runtime> m_runtime;
    quint16 m_port = 0;
};

} // namespace core::sandbox
