#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QTcpSocket>
#include <QThread>

#include <functional>

// A chunked-stream client on a bare socket that reads only when and as much as a test says, so
// the server meets a slow or a stopped reader. QNetworkAccessManager reads ahead without bound
// and may report a cut body as complete, so neither pacing nor a reset would show through it.
class RawStreamClient
{
public:
    // Sends GET `target`; Qt then takes at most `readBuffer` bytes from the kernel until read.
    bool open(quint16 port, const QByteArray &target, qint64 readBuffer)
    {
        m_socket.setReadBufferSize(readBuffer);
        m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        if (!m_socket.waitForConnected(5000))
            return false;
        m_socket.write("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        return m_socket.waitForBytesWritten(5000);
    }

    // Reads at most `maxBytes` of what arrives within `waitMs`; false once the connection is
    // closed and everything before was read.
    bool readSome(qint64 maxBytes, int waitMs)
    {
        if (!m_socket.bytesAvailable() && m_socket.state() == QAbstractSocket::ConnectedState)
            m_socket.waitForReadyRead(waitMs);
        const QByteArray data = m_socket.read(maxBytes);
        m_received += data.size();
        m_raw += data;
        decode();
        return !data.isEmpty() || m_socket.state() == QAbstractSocket::ConnectedState;
    }

    // Reads until `done` holds or the connection closed, `burst` bytes at a time with `pauseMs`
    // between bursts, for at most `timeoutMs`. True when `done` held.
    bool readUntil(const std::function<bool()> &done, qint64 burst, int pauseMs, int timeoutMs)
    {
        QElapsedTimer timer;
        timer.start();
        while (!done() && timer.elapsed() < timeoutMs) {
            if (!readSome(burst, 100))
                break;
            if (pauseMs > 0)
                QThread::msleep(pauseMs);
        }
        return done();
    }

    // Takes everything the server sends, however much, until it closes the connection.
    bool readUntilClosed(int timeoutMs)
    {
        m_socket.setReadBufferSize(0);
        return readUntil([this] { return !isConnected(); }, 1 << 20, 0, timeoutMs);
    }

    // The body's lines so far (each watch event is one), the partial last line kept back.
    QList<QByteArray> takeLines()
    {
        QList<QByteArray> lines;
        qsizetype start = 0;
        for (qsizetype end = m_body.indexOf('\n'); end >= 0; end = m_body.indexOf('\n', start)) {
            lines << m_body.mid(start, end - start);
            start = end + 1;
        }
        m_body.remove(0, start);
        return lines;
    }

    const QByteArray &head() const { return m_head; }
    const QByteArray &body() const { return m_body; }
    bool lastChunk() const { return m_lastChunk; } // the body ended, rather than being cut
    qint64 received() const { return m_received; }
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    QAbstractSocket::SocketError error() const { return m_socket.error(); }
    void close() { m_socket.abort(); }

private:
    void decode()
    {
        if (m_head.isEmpty()) {
            const qsizetype end = m_raw.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            m_head = m_raw.left(end + 4);
            m_raw.remove(0, end + 4);
        }
        qsizetype pos = 0;
        while (!m_lastChunk) {
            const qsizetype lineEnd = m_raw.indexOf("\r\n", pos);
            if (lineEnd < 0)
                break;
            bool ok = false;
            const qsizetype size = m_raw.mid(pos, lineEnd - pos).toLongLong(&ok, 16);
            if (!ok || m_raw.size() < lineEnd + 2 + size + 2)
                break;
            m_body += m_raw.mid(lineEnd + 2, size);
            m_lastChunk = size == 0;
            pos = lineEnd + 2 + size + 2;
        }
        m_raw.remove(0, pos);
    }

    QTcpSocket m_socket;
    QByteArray m_raw;
    QByteArray m_head;
    QByteArray m_body;
    bool m_lastChunk = false;
    qint64 m_received = 0;
};
