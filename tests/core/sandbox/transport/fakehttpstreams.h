#pragma once

#include "core/sandbox/transport/httpreply.h"
#include "core/sandbox/transport/httpstream.h"
#include "core/sandbox/transport/httpwebsocket.h"

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QPair>

#include <functional>
#include <memory>

// In-memory stand-ins for the transport's stream and WebSocket, so router tests can open a
// watch, a log follow or an exec session without sockets. Thread-safe like the real ones.
class FakeStream : public core::sandbox::HttpStream
{
public:
    bool write(const QByteArray &chunk) override
    {
        QMutexLocker lock(&m_mutex);
        if (!m_open)
            return false;
        m_data += chunk;
        if (m_holding)
            m_queued += std::size_t(chunk.size());
        return true;
    }
    void end() override { close(true); }
    void abort() override { close(false); }
    bool isOpen() const override
    {
        QMutexLocker lock(&m_mutex);
        return m_open;
    }
    void setOnClosed(std::function<void()> onClosed) override
    {
        QMutexLocker lock(&m_mutex);
        m_onClosed = std::move(onClosed);
    }
    std::size_t queuedBytes() const override
    {
        QMutexLocker lock(&m_mutex);
        return m_queued;
    }
    void setOnDrained(std::size_t lowWater, std::function<void()> onDrained) override
    {
        QMutexLocker lock(&m_mutex);
        m_lowWater = lowWater;
        m_onDrained = std::move(onDrained);
    }
    // Flow control as a test plays the client: after hold(), what is written stays queued (data()
    // still shows it) until drain() hands it all to the client and runs the drain callback.
    void hold()
    {
        QMutexLocker lock(&m_mutex);
        m_holding = true;
    }
    void drain()
    {
        std::function<void()> onDrained;
        {
            QMutexLocker lock(&m_mutex);
            if (m_queued > m_lowWater)
                onDrained = m_onDrained;
            m_queued = 0;
        }
        if (onDrained)
            onDrained();
    }
    QByteArray data() const
    {
        QMutexLocker lock(&m_mutex);
        return m_data;
    }
    bool endedCleanly() const
    {
        QMutexLocker lock(&m_mutex);
        return !m_open && m_clean;
    }

private:
    void close(bool clean)
    {
        std::function<void()> onClosed;
        {
            QMutexLocker lock(&m_mutex);
            if (!m_open)
                return;
            m_open = false;
            m_clean = clean;
            onClosed = std::exchange(m_onClosed, {});
        }
        if (onClosed)
            onClosed();
    }

    mutable QMutex m_mutex;
    QByteArray m_data;
    bool m_open = true;
    bool m_clean = false;
    std::function<void()> m_onClosed;
    bool m_holding = false;
    std::size_t m_queued = 0;
    std::size_t m_lowWater = 0;
    std::function<void()> m_onDrained;
};

class FakeWebSocket : public core::sandbox::HttpWebSocket
{
public:
    explicit FakeWebSocket(QByteArray protocol) : m_protocol(std::move(protocol)) {}

    QByteArray subprotocol() const override { return m_protocol; }
    bool sendBinary(const QByteArray &message) override
    {
        QMutexLocker lock(&m_mutex);
        if (m_closeCode)
            return false;
        m_sent.append(message);
        return true;
    }
    bool sendText(const QByteArray &utf8) override { return sendBinary(utf8); }
    void close(quint16 code, const QByteArray &) override
    {
        std::function<void(quint16, const QByteArray &)> onClosed;
        {
            QMutexLocker lock(&m_mutex);
            if (m_closeCode)
                return;
            m_closeCode = code;
            onClosed = std::exchange(m_onClosed, {});
            m_onMessage = {};
        }
        if (onClosed)
            onClosed(code, {});
    }
    void abort() override { close(1006, {}); }
    bool isOpen() const override
    {
        QMutexLocker lock(&m_mutex);
        return m_closeCode == 0;
    }
    void setOnMessage(std::function<void(const QByteArray &, bool)> onMessage) override
    {
        QMutexLocker lock(&m_mutex);
        m_onMessage = std::move(onMessage);
    }
    void setOnClosed(std::function<void(quint16, const QByteArray &)> onClosed) override
    {
        QMutexLocker lock(&m_mutex);
        m_onClosed = std::move(onClosed);
    }

    // What the client sends: one binary message on `channel`.
    void receive(quint8 channel, const QByteArray &payload)
    {
        std::function<void(const QByteArray &, bool)> onMessage;
        {
            QMutexLocker lock(&m_mutex);
            onMessage = m_onMessage;
        }
        if (onMessage)
            onMessage(QByteArray(1, char(channel)) + payload, true);
    }
    // Everything sent on one channel, concatenated.
    QByteArray channel(quint8 number) const
    {
        QMutexLocker lock(&m_mutex);
        QByteArray out;
        for (const QByteArray &m : m_sent) {
            if (!m.isEmpty() && quint8(m.at(0)) == number)
                out += m.mid(1);
        }
        return out;
    }
    quint16 closeCode() const
    {
        QMutexLocker lock(&m_mutex);
        return m_closeCode;
    }

private:
    mutable QMutex m_mutex;
    QByteArray m_protocol;
    QList<QByteArray> m_sent;
    quint16 m_closeCode = 0;
    std::function<void(const QByteArray &, bool)> m_onMessage;
    std::function<void(quint16, const QByteArray &)> m_onClosed;
};

// The fake a stream reply was opened on (nothing written when the reply is no stream).
inline std::shared_ptr<FakeStream> openStream(const core::sandbox::HttpReply &reply)
{
    auto stream = std::make_shared<FakeStream>();
    if (reply.kind() == core::sandbox::HttpReply::Kind::Stream)
        reply.streamOpened()(stream);
    return stream;
}

// The fake a WebSocket reply was opened on (never opened when the reply is no upgrade).
inline std::shared_ptr<FakeWebSocket> openWebSocket(const core::sandbox::HttpReply &reply)
{
    auto socket = std::make_shared<FakeWebSocket>(reply.subprotocol());
    if (reply.kind() == core::sandbox::HttpReply::Kind::WebSocket)
        reply.webSocketOpened()(socket);
    return socket;
}
