#pragma once

#include "core/sandbox/transport/httpreply.h"

#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include <chrono>
#include <memory>

namespace core::sandbox {

class HttpLoop;

// Internal. How to finish an upgrade the handler accepted.
struct HttpWebSocketStart
{
    std::shared_ptr<HttpLoop> loop;
    QByteArray subprotocol;
    HttpReply::WebSocketOpened onOpen;
    std::uint64_t messageLimit = 0;
    std::chrono::milliseconds handshakeTimeout{0};
};

using HttpUpgradeRequest = boost::beast::http::request<boost::beast::http::string_body>;

// Internal, server thread. Takes over the connection's stream (no operation may be pending on
// it), answers the upgrade and runs the WebSocket until either side closes it.
void startWebSocketSession(boost::beast::tcp_stream stream, HttpUpgradeRequest request,
                           HttpWebSocketStart start);
void startWebSocketSession(boost::beast::ssl_stream<boost::beast::tcp_stream> stream,
                           HttpUpgradeRequest request, HttpWebSocketStart start);

} // namespace core::sandbox
