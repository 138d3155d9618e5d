#pragma once

#include "core/sandbox/transport/httpstream.h"

#include <atomic>
#include <memory>
#include <mutex>

namespace core::sandbox {

class HttpLoop;

// Internal. The HttpStream handed to handlers: hops every call onto the server thread, where the
// connection owns the socket. The sink holds only weak references to the connection, so a handle
// kept after the client left costs nothing and writes go nowhere.
class HttpChunkedStream final : public HttpStream
{
public:
    struct Sink
    {
        std::function<void(const QByteArray &chunk)> write;
        std::function<void()> end;
        std::function<void()> abort;
    };

    HttpChunkedStream(std::shared_ptr<HttpLoop> loop, Sink sink);

    bool write(const QByteArray &chunk) override;
    void end() override;
    void abort() override;
    bool isOpen() const override;
    void setOnClosed(std::function<void()> onClosed) override;

    void markClosed(); // server thread: the stream is over, for whatever reason

private:
    bool stop(const std::function<void()> &action);

    const std::shared_ptr<HttpLoop> m_loop;
    const Sink m_sink;
    std::atomic<bool> m_open{true};
    std::mutex m_mutex;
    bool m_notified = false;
    std::function<void()> m_onClosed;
};

} // namespace core::sandbox
