#include "core/sandbox/transport/httpwebsocketchannel.h"

#include "core/sandbox/transport/httploop.h"

#include <utility>

namespace core::sandbox {

HttpWebSocketChannel::HttpWebSocketChannel(std::shared_ptr<HttpLoop> loop, QByteArray subprotocol,
                                           Sink sink)
    : m_loop(std::move(loop)), m_subprotocol(std::move(subprotocol)), m_sink(std::move(sink))
{
}

QByteArray HttpWebSocketChannel::subprotocol() const
{
    return m_subprotocol;
}

bool HttpWebSocketChannel::sendBinary(const QByteArray &message)
{
    return send(message, true);
}

bool HttpWebSocketChannel::sendText(const QByteArray &utf8)
{
    return send(utf8, false);
}

bool HttpWebSocketChannel::send(const QByteArray &message, bool binary)
{
    if (!m_open)
        return false;
    return m_loop->post([send = m_sink.send, message, binary] { send(message, binary); });
}

void HttpWebSocketChannel::close(quint16 code, const QByteArray &reason)
{
    if (m_open.exchange(false))
        m_loop->post([close = m_sink.close, code, reason] { close(code, reason); });
}

void HttpWebSocketChannel::abort()
{
    m_open = false;
    m_loop->post(m_sink.abort);
}

bool HttpWebSocketChannel::isOpen() const
{
    return m_open;
}

void HttpWebSocketChannel::setOnMessage(MessageCallback onMessage)
{
    const std::lock_guard lock(m_mutex);
    if (!m_notified)
        m_onMessage = std::move(onMessage);
}

void HttpWebSocketChannel::setOnClosed(ClosedCallback onClosed)
{
    quint16 code = 0;
    QByteArray reason;
    {
        const std::lock_guard lock(m_mutex);
        if (!m_notified) {
            m_onClosed = std::move(onClosed);
            return;
        }
        code = m_closeCode;
        reason = m_closeReason;
    }
    if (onClosed)
        onClosed(code, reason);
}

void HttpWebSocketChannel::deliver(const QByteArray &message, bool binary)
{
    MessageCallback onMessage;
    {
        const std::lock_guard lock(m_mutex);
        onMessage = m_onMessage;
    }
    if (!onMessage)
        return;
    try {
        onMessage(message, binary);
    } catch (...) { // a handler's exception must not unwind through the server thread
    }
}

void HttpWebSocketChannel::markClosed(quint16 code, const QByteArray &reason)
{
    m_open = false;
    ClosedCallback onClosed;
    {
        const std::lock_guard lock(m_mutex);
        if (m_notified)
            return;
        m_notified = true;
        m_closeCode = code;
        m_closeReason = reason;
        m_onMessage = nullptr;
        onClosed = std::exchange(m_onClosed, nullptr);
    }
    if (!onClosed)
        return;
    try {
        onClosed(code, reason);
    } catch (...) { // a handler's exception must not unwind through the server thread
    }
}

} // namespace core::sandbox
