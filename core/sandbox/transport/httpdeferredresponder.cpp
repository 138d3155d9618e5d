#include "core/sandbox/transport/httpdeferredresponder.h"

#include "core/sandbox/transport/httploop.h"

namespace core::sandbox {

HttpDeferredResponder::HttpDeferredResponder(std::shared_ptr<HttpLoop> loop, Sink sink)
    : m_loop(std::move(loop)), m_sink(std::move(sink))
{
}

HttpDeferredResponder::~HttpDeferredResponder()
{
    send(HttpResponse::text(500, "the sandbox handler dropped this request\n"));
}

bool HttpDeferredResponder::send(const HttpResponse &response)
{
    if (!m_open.exchange(false))
        return false;
    return m_loop->post([sink = m_sink, response] { sink(response); });
}

bool HttpDeferredResponder::isOpen() const
{
    return m_open;
}

void HttpDeferredResponder::markClosed()
{
    m_open = false;
}

} // namespace core::sandbox
