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
    return m_loop->post([write = m_sink.write, chunk] { write(chunk); });
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
    return m_loop->post(action);
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
    }
    if (!onClosed)
        return;
    try {
        onClosed();
    } catch (...) { // a handler's exception must not unwind through the server thread
    }
}

} // namespace core::sandbox
