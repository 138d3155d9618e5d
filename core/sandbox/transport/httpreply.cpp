#include "core/sandbox/transport/httpreply.h"

namespace core::sandbox {

HttpReply::HttpReply(HttpResponse response) : m_response(std::move(response)) {}

HttpReply HttpReply::stream(int status, HttpHeaders headers, StreamOpened onOpen)
{
    HttpReply reply(Kind::Stream);
    reply.m_response.status = status;
    reply.m_response.headers = std::move(headers);
    reply.m_streamOpened = std::move(onOpen);
    return reply;
}

HttpReply HttpReply::deferred(ResponderReady onReady)
{
    HttpReply reply(Kind::Deferred);
    reply.m_responderReady = std::move(onReady);
    return reply;
}

HttpReply HttpReply::webSocket(QByteArray subprotocol, WebSocketOpened onOpen)
{
    HttpReply reply(Kind::WebSocket);
    reply.m_response.status = 101;
    reply.m_subprotocol = std::move(subprotocol);
    reply.m_webSocketOpened = std::move(onOpen);
    return reply;
}

HttpReply &HttpReply::withDelay(std::chrono::milliseconds delay)
{
    m_delay = delay;
    return *this;
}

} // namespace core::sandbox
