#pragma once

#include "core/sandbox/transport/httpserver.h"

#include <boost/asio/ip/tcp.hpp>

#include <memory>

namespace boost::asio::ssl {
class context;
}

namespace core::sandbox {

class HttpLoop;

// Internal. What every connection of one server shares.
struct HttpConnectionSettings
{
    std::shared_ptr<HttpLoop> loop;
    std::shared_ptr<const HttpHandler> handler;
    std::shared_ptr<boost::asio::ssl::context> tls; // null: plain HTTP
    HttpServerOptions options;
};

// Internal, server thread. Serves one accepted socket until it closes; the connection keeps
// itself alive through its pending operations and is registered with the loop for stop().
void startHttpConnection(boost::asio::ip::tcp::socket socket,
                         const HttpConnectionSettings &settings);

} // namespace core::sandbox
