#include "core/sandbox/transport/httpchunkedstream.h"

#include "core/sandbox/transport/httploop.h"

#include <utility>

namespace core::sandbox {

HttpChunkedStream::HttpChunkedStream(std::shared_ptr<HttpLoop> loop, Sink sink)
    : m_loop(std::move(loop)), m_sink(std::move(sink))
{
}

bool HttpChunkedStream::write(const QByteArray &chunk)
{
    if (!m_open)
        return false;
    if (chunk.isEmpty())
        return true;
    const auto size = std::size_t(chunk.size());
    m_queued += size;
    const std::lock_guard lock(m_pendingMutex);
    m_pending.append(chunk);
    if (postFlush())
        return true;
    m_pending.removeLast();
    m_queued -= size;
    return false;
}

void HttpChunkedStream::end()
{
    stop(m_sink.end);
}

void HttpChunkedStream::abort()
{
    stop(m_sink.abort);
}

bool HttpChunkedStream::stop(const std::function<void()> &action)
{
    // Clearing the flag here, not on the server thread, refuses writes made after end() at once.
    if (!m_open.exchange(false))
        return false;
    const std::lock_guard lock(m_pendingMutex);
    m_stop = action;
    return postFlush();
}

// Writes reach the connection through this one queue, not a post each: posts are not ordered
// across threads (the server thread's own posts wait in a private queue until its handler
// returns), and a watch writes from the store's threads and from the server thread's drain
// callback alike.
bool HttpChunkedStream::postFlush()
{
    if (!m_flushPosted) {
        m_flushPosted = m_loop->post([weak = weak_from_this()] {
            if (const auto self = weak.lock())
                self->flush();
        });
    }
    return m_flushPosted;
}

void HttpChunkedStream::flush()
{
    QList<QByteArray> chunks;
    std::function<void()> stop;
    {
        const std::lock_guard lock(m_pendingMutex);
        chunks = std::exchange(m_pending, {});
        stop = std::exchange(m_stop, nullptr);
        m_flushPosted = false;
    }
    for (const QByteArray &chunk : std::as_const(chunks))
        m_sink.write(chunk);
    if (stop)
        stop();
}

bool HttpChunkedStream::isOpen() const
{
    return m_open;
}

void HttpChunkedStream::setOnClosed(std::function<void()> onClosed)
{
    {
        const std::lock_guard lock(m_mutex);
        if (!m_notified) {
            m_onClosed = std::move(onClosed);
            return;
        }
    }
    if (onClosed)
        onClosed();
}

std::size_t HttpChunkedStream::queuedBytes() const
{
    return m_queued;
}

void HttpChunkedStream::setOnDrained(std::size_t lowWater, std::function<void()> onDrained)
{
    const std::lock_guard lock(m_mutex);
    if (m_notified)
        return;
    m_lowWater = lowWater;
    m_onDrained = std::move(onDrained);
}

void HttpChunkedStream::markClosed()
{
    m_open = false;
    std::function<void()> onClosed;
    {
        const std::lock_guard lock(m_mutex);
        if (m_notified)
            return;
        m_notified = true;
        onClosed = std::exchange(m_onClosed, nullptr);
        m_onDrained = nullptr;
    }
    runGuarded(onClosed);
}

void HttpChunkedStream::release(std::size_t bytes)
{
    // Writers only add, so the one release that takes the count from above the mark to at or
    // below it is seen here, whatever the writers did meanwhile.
    const std::size_t before = m_queued.fetch_sub(bytes);
    std::function<void()> onDrained;
    {
        const std::lock_guard lock(m_mutex);
        if (before <= m_lowWater || before - bytes > m_lowWater)
            return;
        onDrained = m_onDrained;
    }
    runGuarded(onDrained);
}

void HttpChunkedStream::runGuarded(const std::function<void()> &callback)
{
    if (!callback)
        return;
    try {
        callback();
    } catch (...) { // a handler's exception must not unwind through the server thread
    }
}

} // namespace core::sandbox
