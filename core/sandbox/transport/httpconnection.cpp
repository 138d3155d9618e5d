#include "core/sandbox/transport/httpconnection.h"

#include "core/sandbox/transport/httpchunkedstream.h"
#include "core/sandbox/transport/httpdeferredresponder.h"
#include "core/sandbox/transport/httploop.h"
#include "core/sandbox/transport/httpwebsocketsession.h"
#include "core/sandbox/transport/httpwire.h"

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#if defined(__linux__)
#include <sys/ioctl.h>
#endif

#include <array>
#include <deque>
#include <optional>
#include <string>
#include <type_traits>

namespace core::sandbox {

namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using PlainStream = beast::tcp_stream;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

// After the last byte of a closing response, how long unread client bytes are still drained: a
// close with unread data makes the kernel send RST, which can destroy the response in flight.
constexpr auto kLingerTime = std::chrono::seconds(2);

// Bytes written to `socket` that the peer has not acknowledged yet; 0 when it cannot be told.
int unacknowledgedBytes(tcp::socket &socket)
{
    int bytes = 0;
#if defined(__linux__)
    if (::ioctl(socket.native_handle(), TIOCOUTQ, &bytes) != 0)
        bytes = 0;
#else
    Q_UNUSED(socket);
#endif
    return bytes;
}

QByteArray bytes(std::string_view view)
{
    return QByteArray(view.data(), qsizetype(view.size()));
}

// 0: the client left or went quiet, close without a word; otherwise the status to answer with.
int statusForReadError(const beast::error_code &error)
{
    if (error == http::error::end_of_stream || error == http::error::partial_message)
        return 0;
    if (error == http::error::body_limit)
        return 413;
    if (error == http::error::header_limit)
        return 431;
    return error.category() == http::make_error_code(http::error::bad_target).category() ? 400 : 0;
}

template <class Stream> Stream makeStream(tcp::socket socket, const HttpConnectionSettings &);

template <> PlainStream makeStream(tcp::socket socket, const HttpConnectionSettings &)
{
    return PlainStream(std::move(socket));
}

template <> TlsStream makeStream(tcp::socket socket, const HttpConnectionSettings &settings)
{
    return TlsStream(std::move(socket), *settings.tls);
}

template <class Stream>
class HttpConnection final : public HttpLoop::Closable,
                             public std::enable_shared_from_this<HttpConnection<Stream>>
{
public:
    HttpConnection(tcp::socket socket, HttpConnectionSettings settings)
        : m_settings(std::move(settings)), m_remote(socket.remote_endpoint(m_ignored)),
          m_stream(makeStream<Stream>(std::move(socket), m_settings)),
          m_timer(m_stream.get_executor()), m_deliveryTimer(m_stream.get_executor())
    {
    }

    void start()
    {
        if constexpr (std::is_same_v<Stream, TlsStream>) {
            m_phase = Phase::Handshake;
            lowest().expires_after(m_settings.options.handshakeTimeout);
            m_stream.async_handshake(net::ssl::stream_base::server,
                                     [self = this->shared_from_this()](beast::error_code error) {
                                         self->onHandshake(error);
                                     });
        } else {
            readHeader();
        }
    }

    void closeNow() override { closeSocket(); }
    bool waitingForRequest() const override
    {
        return m_phase == Phase::Handshake || m_phase == Phase::Reading;
    }
    bool isClosed() const override { return m_phase == Phase::Closed; }

private:
    enum class Phase {
        Handshake,
        Reading,
        Handling,
        Responding,
        Streaming,
        Deferred,
        Closing,
        Closed
    };
    enum class AfterDrain { Nothing, ReadNext, Linger, Cut };
    // One write: `data`, then `body` (a response's body, sent from the handler's bytes: copying
    // a list of 100,000 pods into one string was a fifth of the sandbox's CPU for the list).
    struct Pending
    {
        std::string data;
        std::size_t payload = 0;
        QByteArray body;

        std::size_t size() const { return data.size() + std::size_t(body.size()); }
    };

    beast::tcp_stream &lowest() { return beast::get_lowest_layer(m_stream); }

    void onHandshake(beast::error_code error)
    {
        if (error)
            return closeSocket();
        if constexpr (std::is_same_v<Stream, TlsStream>)
            m_identity = TlsClientIdentity::fromConnection(m_stream.native_handle());
        readHeader();
    }

    void readHeader()
    {
        m_phase = Phase::Reading;
        m_parser.emplace();
        m_parser->body_limit(m_settings.options.bodyLimit);
        m_parser->header_limit(m_settings.options.headerLimit);
        lowest().expires_after(m_settings.options.idleTimeout);
        http::async_read_header(
            m_stream, m_buffer, *m_parser,
            [self = this->shared_from_this()](beast::error_code error, std::size_t size) {
                // Beast applies header_limit to what one read brings, so a head of many fields
                // read in pieces can pass it by a little: the size read decides.
                if (!error && size > self->m_settings.options.headerLimit)
                    error = http::error::header_limit;
                self->onHeader(error);
            });
    }

    void onHeader(beast::error_code error)
    {
        if (error)
            return failRead(error);
        const auto &message = m_parser->get();
        if (!beast::iequals(message[http::field::expect], "100-continue") || m_parser->is_done())
            return readBody();
        // curl waits a second for this before sending a large body.
        net::async_write(m_stream, net::buffer(kHttpContinue),
                         [self = this->shared_from_this()](beast::error_code error, std::size_t) {
                             if (error)
                                 return self->closeSocket();
                             self->readBody();
                         });
    }

    void readBody()
    {
        lowest().expires_after(m_settings.options.idleTimeout);
        http::async_read(m_stream, m_buffer, *m_parser,
                         [self = this->shared_from_this()](beast::error_code error, std::size_t) {
                             if (error)
                                 return self->failRead(error);
                             self->dispatch();
                         });
    }

    void failRead(beast::error_code error)
    {
        const int status = m_phase == Phase::Closed ? 0 : statusForReadError(error);
        if (status == 0)
            return closeSocket();
        m_head = false;
        if (status == 413) // as the API server answers it, so kubectl shows its message
            return sendResponse(HttpResponse::json(413, httpTooLargeStatus(m_settings.options.bodyLimit)),
                                false);
        sendResponse(HttpResponse::text(status, bytes(http::obsolete_reason(
                                                    http::int_to_status(unsigned(status)))) +
                                                    ": " + bytes(error.message()) + '\n'),
                     false);
    }

    HttpRequest makeRequest() const
    {
        const auto &message = m_parser->get();
        HttpRequest request;
        request.method = bytes(message.method_string());
        request.setTarget(bytes(message.target()));
        for (const auto &field : message)
            request.headers.add(bytes(field.name_string()), bytes(field.value()));
        request.body = QByteArray::fromStdString(message.body());
        request.remoteAddress = QString::fromStdString(m_remote.address().to_string());
        request.remotePort = m_remote.port();
        request.secure = std::is_same_v<Stream, TlsStream>;
        request.client = m_identity;
        return request;
    }

    HttpReply invokeHandler(const HttpRequest &request) const
    {
        try {
            return (*m_settings.handler)(request);
        } catch (...) { // the handler's failure is this request's 500, not the server's end
            return HttpResponse::text(500, "the sandbox handler failed\n");
        }
    }

    void dispatch()
    {
        m_phase = Phase::Handling;
        const HttpRequest request = makeRequest();
        m_keepAlive = m_parser->get().keep_alive();
        m_head = m_parser->get().method() == http::verb::head;
        m_upgrade = request.isWebSocketUpgrade();
        HttpReply reply = invokeHandler(request);
        if (reply.delay().count() <= 0)
            return runReply(reply);
        m_timer.expires_after(reply.delay());
        m_timer.async_wait([self = this->shared_from_this(), reply](beast::error_code error) {
            if (!error && self->m_phase == Phase::Handling)
                self->runReply(reply);
        });
    }

    void runReply(const HttpReply &reply)
    {
        switch (reply.kind()) {
        case HttpReply::Kind::Response:
            return sendResponse(reply.response(), m_keepAlive && !m_upgrade);
        case HttpReply::Kind::Stream:
            return beginStream(reply);
        case HttpReply::Kind::Deferred:
            return beginDeferred(reply);
        case HttpReply::Kind::WebSocket:
            if (!m_upgrade)
                return sendResponse(HttpResponse::text(400, "expected a WebSocket upgrade\n"),
                                    false);
            return upgrade(reply);
        }
    }

    void sendResponse(const HttpResponse &response, bool keepAlive)
    {
        m_phase = Phase::Responding;
        const bool hasBody = !m_head && !httpStatusForbidsBody(httpValidStatus(response.status));
        std::string head = httpResponseHead(response.status, response.headers,
                                            std::size_t(response.body.size()), keepAlive);
        m_afterDrain = keepAlive ? AfterDrain::ReadNext : AfterDrain::Linger;
        if constexpr (std::is_same_v<Stream, TlsStream>) {
            // TLS gets one buffer as before: the gathered write hung TLS responses
            // (tst_sandboxcci); not yet understood.
            if (hasBody)
                head.append(response.body.constData(), std::size_t(response.body.size()));
            return queue(std::move(head));
        }
        queue(std::move(head), 0, hasBody ? response.body : QByteArray());
    }

    void beginStream(const HttpReply &reply)
    {
        m_phase = Phase::Streaming;
        lowest().expires_never(); // a watch may idle for minutes between events
        const auto weak = this->weak_from_this();
        m_channel = std::make_shared<HttpChunkedStream>(
            m_settings.loop, HttpChunkedStream::Sink{[weak](const QByteArray &chunk) {
                                                         if (auto self = weak.lock())
                                                             self->streamWrite(chunk);
                                                     },
                                                     [weak] {
                                                         if (auto self = weak.lock())
                                                             self->streamEnd();
                                                     },
                                                     [weak] {
                                                         if (auto self = weak.lock())
                                                             self->streamAbort();
                                                     }});
        queue(httpResponseHead(reply.response().status, reply.response().headers, std::nullopt,
                               false));
        watchPeer();
        if (!reply.streamOpened())
            return streamEnd();
        try {
            reply.streamOpened()(m_channel);
        } catch (...) { // a half-written stream cannot be repaired; drop it like a dead watch
            closeSocket();
        }
    }

    void streamWrite(const QByteArray &chunk)
    {
        const auto payload = std::size_t(chunk.size());
        if (m_phase != Phase::Streaming)
            return m_channel->release(payload);
        // The last resort for a writer that ignores queuedBytes() and a client that stopped
        // reading; a watch waits below its high-water mark instead.
        if (m_queuedBytes + payload > m_settings.options.streamBufferLimit) {
            m_channel->release(payload);
            return resetSocket();
        }
        queue(httpChunk(chunk), payload);
    }

    void streamEnd()
    {
        if (m_phase != Phase::Streaming)
            return;
        m_phase = Phase::Responding;
        m_afterDrain = AfterDrain::Linger;
        queue(std::string(kHttpLastChunk));
        limitDelivery();
        notifyClosed();
    }

    // The drop fault: the chunks written before it still reach the client, then the connection
    // is reset without the last chunk. Resetting at once threw away the queued chunks and what
    // the kernel had not sent yet, so a stream cut "after N events" delivered fewer.
    void streamAbort()
    {
        if (m_phase != Phase::Streaming)
            return;
        m_phase = Phase::Closing;
        m_afterDrain = AfterDrain::Cut;
        writeNext();
        limitDelivery();
        notifyClosed();
    }

    // Once a stream ended or was aborted, what is still queued must reach the client as a
    // response does: a write it takes none of for idleTimeout resets the connection. (While the
    // stream is open, writes wait for as long as the client is away; its writer decides.)
    void limitDelivery()
    {
        if (!m_writing || m_phase == Phase::Closed)
            return;
        const auto deadline = m_writeStarted + m_settings.options.idleTimeout;
        if (std::chrono::steady_clock::now() >= deadline)
            return resetSocket();
        m_deliveryTimer.expires_at(deadline);
        m_deliveryTimer.async_wait([self = this->shared_from_this()](beast::error_code error) {
            if (!error)
                self->limitDelivery();
        });
    }

    // Resets once the client has every byte (the kernel's send queue is empty), or after the
    // linger time: a reset discards whatever the peer has not acknowledged.
    void resetWhenDelivered(std::chrono::steady_clock::time_point deadline)
    {
        if (m_phase == Phase::Closed)
            return;
        if (unacknowledgedBytes(lowest().socket()) == 0 ||
            std::chrono::steady_clock::now() >= deadline)
            return resetSocket();
        m_timer.expires_after(std::chrono::milliseconds(2));
        m_timer.async_wait([self = this->shared_from_this(), deadline](beast::error_code error) {
            if (!error)
                self->resetWhenDelivered(deadline);
        });
    }

    void beginDeferred(const HttpReply &reply)
    {
        m_phase = Phase::Deferred;
        lowest().expires_never();
        const auto weak = this->weak_from_this();
        auto responder = std::make_shared<HttpDeferredResponder>(
            m_settings.loop, [weak](const HttpResponse &response) {
                if (auto self = weak.lock(); self && self->m_phase == Phase::Deferred)
                    self->sendResponse(response, false);
            });
        m_responder = responder;
        watchPeer(); // keeps the connection alive and notices a client that gives up waiting
        if (!reply.responderReady())
            return;
        try {
            reply.responderReady()(std::move(responder));
        } catch (...) { // the responder's destructor answers 500 when the handler dropped it
        }
    }

    void upgrade(const HttpReply &reply)
    {
        m_phase = Phase::Closed; // the stream moves to the WebSocket session; hands off
        startWebSocketSession(
            std::move(m_stream), m_parser->release(),
            HttpWebSocketStart{m_settings.loop, reply.subprotocol(), reply.webSocketOpened(),
                               m_settings.options.bodyLimit, m_settings.options.handshakeTimeout});
    }

    // `payload`: the bytes of a stream's chunk in `data`, released to the stream once sent.
    void queue(std::string data, std::size_t payload = 0, QByteArray body = {})
    {
        m_queue.push_back({std::move(data), payload, std::move(body)});
        m_queuedBytes += m_queue.back().size();
        writeNext();
    }

    void writeNext()
    {
        if (m_writing || m_phase == Phase::Closed)
            return;
        if (m_queue.empty())
            return drained();
        m_writing = true;
        m_writeStarted = std::chrono::steady_clock::now();
        if (m_phase != Phase::Streaming)
            lowest().expires_after(m_settings.options.idleTimeout);
        const Pending &next = m_queue.front();
        const std::array<net::const_buffer, 2> buffers{
            net::buffer(next.data),
            net::const_buffer(next.body.constData(), std::size_t(next.body.size()))};
        net::async_write(m_stream, buffers,
                         [self = this->shared_from_this()](beast::error_code error, std::size_t) {
                             self->onWritten(error);
                         });
    }

    void onWritten(beast::error_code error)
    {
        m_writing = false;
        if (error)
            return closeSocket();
        const std::size_t payload = m_queue.front().payload;
        m_queuedBytes -= m_queue.front().size();
        m_queue.pop_front();
        if (payload > 0)
            m_channel->release(payload); // may write more, posted behind this handler
        writeNext();
    }

    void drained()
    {
        switch (std::exchange(m_afterDrain, AfterDrain::Nothing)) {
        case AfterDrain::ReadNext:
            return readHeader();
        case AfterDrain::Linger:
            return lingerClose();
        case AfterDrain::Cut:
            return resetWhenDelivered(std::chrono::steady_clock::now() + kLingerTime);
        case AfterDrain::Nothing:
            return;
        }
    }

    // Reads and discards whatever the client sends; the only way to learn that it left while
    // the server has nothing to write.
    void watchPeer()
    {
        if (m_watching || m_phase == Phase::Closed)
            return;
        m_watching = true;
        m_stream.async_read_some(net::buffer(m_scratch), [self = this->shared_from_this()](
                                                             beast::error_code error, std::size_t) {
            self->m_watching = false;
            if (error)
                return self->closeSocket();
            self->watchPeer();
        });
    }

    void lingerClose()
    {
        m_phase = Phase::Closing;
        lowest().socket().shutdown(tcp::socket::shutdown_send, m_ignored);
        watchPeer();
        m_timer.expires_after(kLingerTime);
        m_timer.async_wait([self = this->shared_from_this()](beast::error_code error) {
            if (!error)
                self->closeSocket();
        });
    }

    // A reset, not a FIN: clients must see a broken stream, never a body that merely ended.
    void resetSocket()
    {
        if (m_phase != Phase::Closed)
            lowest().socket().set_option(net::socket_base::linger(true, 0), m_ignored);
        closeSocket();
    }

    void closeSocket()
    {
        if (m_phase == Phase::Closed)
            return;
        m_phase = Phase::Closed;
        m_timer.cancel();
        m_deliveryTimer.cancel();
        lowest().close();
        notifyClosed();
    }

    void notifyClosed()
    {
        if (m_channel)
            m_channel->markClosed();
        if (auto responder = m_responder.lock())
            responder->markClosed();
    }

    const HttpConnectionSettings m_settings;
    boost::system::error_code m_ignored; // results nobody acts on: shutdown of a dying socket
    const tcp::endpoint m_remote;
    Stream m_stream;
    net::steady_timer m_timer; // the reply's delay, then the linger bound
    net::steady_timer m_deliveryTimer; // the bound on a stream's tail after end() or abort()
    beast::flat_buffer m_buffer;
    std::optional<http::request_parser<http::string_body>> m_parser;
    TlsClientIdentity m_identity;
    Phase m_phase = Phase::Reading;
    bool m_keepAlive = false;
    bool m_head = false;
    bool m_upgrade = false;
    std::deque<Pending> m_queue;
    std::size_t m_queuedBytes = 0;
    bool m_writing = false;
    std::chrono::steady_clock::time_point m_writeStarted;
    AfterDrain m_afterDrain = AfterDrain::Nothing;
    bool m_watching = false;
    std::array<char, 4096> m_scratch{};
    std::shared_ptr<HttpChunkedStream> m_channel;
    std::weak_ptr<HttpDeferredResponder> m_responder;
};

template <class Stream>
void startConnection(tcp::socket socket, const HttpConnectionSettings &settings)
{
    auto connection = std::make_shared<HttpConnection<Stream>>(std::move(socket), settings);
    settings.loop->track(connection);
    connection->start();
}

} // namespace

void startHttpConnection(tcp::socket socket, const HttpConnectionSettings &settings)
{
    // Small chunks (one watch event) must leave at once, not wait for Nagle's ACK.
    boost::system::error_code ignored;
    socket.set_option(tcp::no_delay(true), ignored);
    if (settings.tls)
        startConnection<TlsStream>(std::move(socket), settings);
    else
        startConnection<PlainStream>(std::move(socket), settings);
}

} // namespace core::sandbox
