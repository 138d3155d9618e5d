#pragma once

#include "core/sandbox/transport/httpresponse.h"

#include <chrono>
#include <functional>
#include <memory>

namespace core::sandbox {

class HttpResponder;
class HttpStream;
class HttpWebSocket;

// What a handler answers: a complete response, a chunked stream, a response promised for later,
// or a WebSocket upgrade. The callbacks run on the server thread once the transport is ready.
class HttpReply
{
public:
    enum class Kind { Response, Stream, Deferred, WebSocket };
    using StreamOpened = std::function<void(std::shared_ptr<HttpStream> stream)>;
    using ResponderReady = std::function<void(std::shared_ptr<HttpResponder> responder)>;
    using WebSocketOpened = std::function<void(std::shared_ptr<HttpWebSocket> socket)>;

    HttpReply(HttpResponse response); // implicit: a handler may simply return a response

    // Sends status and headers with Transfer-Encoding: chunked, then calls onOpen with the
    // stream. The connection closes after the stream ends (no reuse of a watch connection).
    static HttpReply stream(int status, HttpHeaders headers, StreamOpened onOpen);
    static HttpReply deferred(ResponderReady onReady);
    // Accepts the upgrade with `subprotocol` in Sec-WebSocket-Protocol (none if empty), then calls
    // onOpen. Answered with 400 when the request was no upgrade.
    static HttpReply webSocket(QByteArray subprotocol, WebSocketOpened onOpen);

    // Fault hook: the server waits this long before it starts to answer (slow API server).
    HttpReply &withDelay(std::chrono::milliseconds delay);

    Kind kind() const { return m_kind; }
    const HttpResponse &response() const { return m_response; } // status and headers of a stream
    const StreamOpened &streamOpened() const { return m_streamOpened; }
    const ResponderReady &responderReady() const { return m_responderReady; }
    const WebSocketOpened &webSocketOpened() const { return m_webSocketOpened; }
    const QByteArray &subprotocol() const { return m_subprotocol; }
    std::chrono::milliseconds delay() const { return m_delay; }

private:
    explicit HttpReply(Kind kind) : m_kind(kind) {}

    Kind m_kind = Kind::Response;
    HttpResponse m_response;
    StreamOpened m_streamOpened;
    ResponderReady m_responderReady;
    WebSocketOpened m_webSocketOpened;
    QByteArray m_subprotocol;
    std::chrono::milliseconds m_delay{0};
};

} // namespace core::sandbox
