#pragma once

#include <QByteArray>

#include <functional>

namespace core::sandbox {

// An accepted WebSocket (kubectl exec/attach/port-forward over v5/v4.channel.k8s.io). Every member
// is thread-safe; sends are queued on the server thread in call order.
class HttpWebSocket
{
public:
    virtual ~HttpWebSocket() = default;

    virtual QByteArray subprotocol() const = 0; // the one the handler chose, may be empty

    // False, and nothing sent, once the socket closed or close() was called.
    virtual bool sendBinary(const QByteArray &message) = 0;
    virtual bool sendText(const QByteArray &utf8) = 0;
    // The channel.k8s.io framing: one binary message whose first byte is the stream number
    // (0 stdin, 1 stdout, 2 stderr, 3 error/status, 4 resize, 255 close in v5).
    bool sendChannel(quint8 channel, const QByteArray &payload)
    {
        QByteArray message;
        message.reserve(payload.size() + 1);
        message.append(char(channel)).append(payload);
        return sendBinary(message);
    }

    // Sends a close frame after the queued messages; onClosed runs when the peer answers.
    virtual void close(quint16 code = 1000, const QByteArray &reason = {}) = 0;
    // Fault hook: drops the TCP connection without a close frame.
    virtual void abort() = 0;
    virtual bool isOpen() const = 0;

    // Both run on the server thread. Set them in the "opened" callback: reading starts only after
    // it returns, so no message is missed. onClosed runs once with the peer's close code (1006 when
    // the connection just dropped) and releases both callbacks afterwards.
    virtual void
    setOnMessage(std::function<void(const QByteArray &message, bool binary)> onMessage) = 0;
    virtual void
    setOnClosed(std::function<void(quint16 code, const QByteArray &reason)> onClosed) = 0;
};

} // namespace core::sandbox
