#pragma once

#include "core/sandbox/transport/httpwebsocket.h"

#include <atomic>
#include <memory>
#include <mutex>

namespace core::sandbox {

class HttpLoop;

// Internal. The HttpWebSocket handed to handlers: hops sends onto the server thread and brings
// received messages and the close back to the handler's callbacks.
class HttpWebSocketChannel final : public HttpWebSocket
{
public:
    using MessageCallback = std::function<void(const QByteArray &message, bool binary)>;
    using ClosedCallback = std::function<void(quint16 code, const QByteArray &reason)>;
    struct Sink
    {
        std::function<void(const QByteArray &message, bool binary)> send;
        std::function<void(quint16 code, const QByteArray &reason)> close;
        std::function<void()> abort;
    };

    HttpWebSocketChannel(std::shared_ptr<HttpLoop> loop, QByteArray subprotocol, Sink sink);

    QByteArray subprotocol() const override;
    bool sendBinary(const QByteArray &message) override;
    bool sendText(const QByteArray &utf8) override;
    void close(quint16 code, const QByteArray &reason) override;
    void abort() override;
    bool isOpen() const override;
    void setOnMessage(MessageCallback onMessage) override;
    void setOnClosed(ClosedCallback onClosed) override;

    // Server thread.
    void deliver(const QByteArray &message, bool binary);
    void markClosed(quint16 code, const QByteArray &reason);

private:
    bool send(const QByteArray &message, bool binary);

    const std::shared_ptr<HttpLoop> m_loop;
    const QByteArray m_subprotocol;
    const Sink m_sink;
    std::atomic<bool> m_open{true};
    std::mutex m_mutex;
    bool m_notified = false;
    quint16 m_closeCode = 0;
    QByteArray m_closeReason;
    MessageCallback m_onMessage;
    ClosedCallback m_onClosed;
};

} // namespace core::sandbox
