#include "core/sandbox/transport/httpwebsocketsession.h"

#include "core/sandbox/transport/httploop.h"
#include "core/sandbox/transport/httpwebsocketchannel.h"

#include <boost/beast/core.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>

#include <deque>
#include <optional>
#include <string>

namespace core::sandbox {

namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;

// RFC 6455 7.4.1: 1001 "going away" when the server shuts down, 1006 for a connection that
// dropped without a close frame (never sent on the wire, only reported).
constexpr quint16 kGoingAway = 1001;
constexpr quint16 kAbnormal = 1006;

struct Outgoing
{
    std::string data;
    bool binary = true;
};

template <class Stream>
class HttpWebSocketSession final : public HttpLoop::Closable,
                                   public std::enable_shared_from_this<HttpWebSocketSession<Stream>>
{
public:
    HttpWebSocketSession(Stream stream, HttpUpgradeRequest request, HttpWebSocketStart start)
        : m_socket(std::move(stream)), m_request(std::move(request)), m_start(std::move(start))
    {
    }

    void run()
    {
        configure();
        m_socket.async_accept(m_request, [self = this->shared_from_this()](
                                             beast::error_code error) { self->onAccepted(error); });
    }

    void closeNow() override { abort(kGoingAway, "server stopping"); }

private:
    void configure()
    {
        // The WebSocket keeps its own timers; the TCP stream's would cut an idle exec session.
        beast::get_lowest_layer(m_socket).expires_never();
        auto timeout = websocket::stream_base::timeout::suggested(beast::role_type::server);
        timeout.handshake_timeout = m_start.handshakeTimeout;
        m_socket.set_option(timeout);
        m_socket.read_message_max(m_start.messageLimit);
        const std::string protocol = m_start.subprotocol.toStdString();
        m_socket.set_option(
            websocket::stream_base::decorator([protocol](websocket::response_type &response) {
                if (!protocol.empty())
                    response.set(http::field::sec_websocket_protocol, protocol);
            }));
    }

    void onAccepted(beast::error_code error)
    {
        if (error)
            return abort(kAbnormal, {});
        const auto weak = this->weak_from_this();
        m_channel = std::make_shared<HttpWebSocketChannel>(
            m_start.loop, m_start.subprotocol,
            HttpWebSocketChannel::Sink{[weak](const QByteArray &message, bool binary) {
                                           if (auto self = weak.lock())
                                               self->send(message, binary);
                                       },
                                       [weak](quint16 code, const QByteArray &reason) {
                                           if (auto self = weak.lock())
                                               self->requestClose(code, reason);
                                       },
                                       [weak] {
                                           if (auto self = weak.lock())
                                               self->abort(kAbnormal, "aborted");
                                       }});
        if (m_start.onOpen) {
            try {
                m_start.onOpen(m_channel);
            } catch (...) { // the handler could not take the socket; nobody will serve it
                return abort(kAbnormal, {});
            }
        }
        readNext();
    }

    void readNext()
    {
        m_socket.async_read(
            m_buffer, [self = this->shared_from_this()](beast::error_code error, std::size_t) {
                self->onRead(error);
            });
    }

    void onRead(beast::error_code error)
    {
        // RFC 6455 7.1.5: once the peer's close frame arrived, its code is the outcome even if
        // the TLS teardown after it fails (a client closing TCP before our close_notify).
        if (error == websocket::error::closed || (error && m_socket.reason().code != 0))
            return finishWithPeerReason();
        // A close we started ends the pending read too; its own completion reports the outcome.
        if (error && m_closeSent)
            return;
        if (error)
            return abort(kAbnormal, {});
        const auto data = m_buffer.cdata();
        m_channel->deliver(
            QByteArray(static_cast<const char *>(data.data()), qsizetype(data.size())),
            m_socket.got_binary());
        m_buffer.consume(m_buffer.size());
        readNext();
    }

    void send(const QByteArray &message, bool binary)
    {
        if (m_finished || m_closeReason)
            return;
        m_queue.push_back({message.toStdString(), binary});
        writeNext();
    }

    void requestClose(quint16 code, const QByteArray &reason)
    {
        if (m_finished || m_closeReason)
            return;
        m_closeReason.emplace(code);
        // A close frame carries at most 123 bytes of reason.
        m_closeReason->reason.assign(
            reason.constData(),
            std::min<std::size_t>(std::size_t(reason.size()), m_closeReason->reason.max_size()));
        writeNext();
    }

    // Messages leave one at a time, and the close frame only after them: Beast allows a single
    // pending write, and close counts as one.
    void writeNext()
    {
        if (m_writing || m_finished)
            return;
        if (m_queue.empty()) {
            if (m_closeReason && !m_closeSent) {
                m_closeSent = true;
                m_writing = true;
                m_socket.async_close(*m_closeReason,
                                     [self = this->shared_from_this()](beast::error_code error) {
                                         self->m_writing = false;
                                         if (error && self->m_socket.reason().code == 0)
                                             return self->abort(kAbnormal, {});
                                         self->finishWithPeerReason();
                                     });
            }
            return;
        }
        m_writing = true;
        m_socket.binary(m_queue.front().binary);
        m_socket.async_write(
            boost::asio::buffer(m_queue.front().data),
            [self = this->shared_from_this()](beast::error_code error, std::size_t) {
                self->m_writing = false;
                if (error)
                    return self->abort(kAbnormal, {});
                self->m_queue.pop_front();
                self->writeNext();
            });
    }

    void finishWithPeerReason()
    {
        const websocket::close_reason &reason = m_socket.reason();
        finish(quint16(reason.code),
               QByteArray(reason.reason.data(), qsizetype(reason.reason.size())));
    }

    void abort(quint16 code, const QByteArray &reason)
    {
        beast::get_lowest_layer(m_socket).close();
        finish(code, reason);
    }

    void finish(quint16 code, const QByteArray &reason)
    {
        if (m_finished)
            return;
        m_finished = true;
        // A write in flight still reads the front message's bytes: it goes when that write
        // completes (with an error, as the socket is closed), the rest can go now.
        if (m_writing && !m_queue.empty())
            m_queue.erase(std::next(m_queue.begin()), m_queue.end());
        else
            m_queue.clear();
        if (m_channel)
            m_channel->markClosed(code, reason);
    }

    websocket::stream<Stream> m_socket;
    HttpUpgradeRequest m_request;
    const HttpWebSocketStart m_start;
    beast::flat_buffer m_buffer;
    std::shared_ptr<HttpWebSocketChannel> m_channel;
    std::deque<Outgoing> m_queue;
    bool m_writing = false;
    std::optional<websocket::close_reason> m_closeReason;
    bool m_closeSent = false;
    bool m_finished = false;
};

template <class Stream>
void startSession(Stream stream, HttpUpgradeRequest request, HttpWebSocketStart start)
{
    const std::shared_ptr<HttpLoop> loop = start.loop;
    auto session = std::make_shared<HttpWebSocketSession<Stream>>(
        std::move(stream), std::move(request), std::move(start));
    loop->track(session);
    session->run();
}

} // namespace

void startWebSocketSession(beast::tcp_stream stream, HttpUpgradeRequest request,
                           HttpWebSocketStart start)
{
    startSession(std::move(stream), std::move(request), std::move(start));
}

void startWebSocketSession(beast::ssl_stream<beast::tcp_stream> stream, HttpUpgradeRequest request,
                           HttpWebSocketStart start)
{
    startSession(std::move(stream), std::move(request), std::move(start));
}

} // namespace core::sandbox
