#pragma once

#include "core/sandbox/transport/httpresponder.h"

#include <atomic>
#include <functional>
#include <memory>

namespace core::sandbox {

class HttpLoop;

// Internal. The HttpResponder handed to handlers of deferred replies; hops onto the server thread.
class HttpDeferredResponder final : public HttpResponder
{
public:
    using Sink = std::function<void(const HttpResponse &response)>;

    HttpDeferredResponder(std::shared_ptr<HttpLoop> loop, Sink sink);
    ~HttpDeferredResponder() override;

    bool send(const HttpResponse &response) override;
    bool isOpen() const override;

    void markClosed(); // server thread: the client went away

private:
    const std::shared_ptr<HttpLoop> m_loop;
    const Sink m_sink;
    std::atomic<bool> m_open{true};
};

} // namespace core::sandbox
