#pragma once

#include "core/sandbox/transport/httpstream.h"

#include <QList>

#include <atomic>
#include <memory>
#include <mutex>

namespace core::sandbox {

class HttpLoop;

// Internal. The HttpStream handed to handlers: hops every call onto the server thread, in the
// order the calls were made, where the connection owns the socket. The sink holds only weak
// references to the connection, so a handle kept after the client left costs nothing and writes
// go nowhere. It counts the bytes written until the connection reports them handed to the socket
// (or dropped), for queuedBytes() and the drain callback.
class HttpChunkedStream final : public HttpStream,
                                public std::enable_shared_from_this<HttpChunkedStream>
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
    std::size_t queuedBytes() const override;
    void setOnDrained(std::size_t lowWater, std::function<void()> onDrained) override;

    void markClosed(); // server thread: the stream is over, for whatever reason
    // Server thread: `bytes` of written chunks left the queue (sent, or dropped by a closing
    // connection); runs the drain callback when that crosses the low-water mark.
    void release(std::size_t bytes);

private:
    bool stop(const std::function<void()> &action);
    bool postFlush(); // under m_pendingMutex
    void flush();     // server thread
    static void runGuarded(const std::function<void()> &callback);

    const std::shared_ptr<HttpLoop> m_loop;
    const Sink m_sink;
    std::atomic<bool> m_open{true};
    std::atomic<std::size_t> m_queued{0};
    std::mutex m_pendingMutex;
    QList<QByteArray> m_pending; // written, not yet handed to the connection
    std::function<void()> m_stop; // end or abort, after m_pending
    bool m_flushPosted = false;
    std::mutex m_mutex;
    bool m_notified = false;
    std::function<void()> m_onClosed;
    std::size_t m_lowWater = 0;
    std::function<void()> m_onDrained;
};

} // namespace core::sandbox
