#include "core/sandbox/transport/httpserver.h"
#include "core/sandbox/transport/httpstream.h"
#include "tests/core/sandbox/transport/httptesthelpers.h"
#include "tests/core/sandbox/transport/rawstreamclient.h"

#include <QTest>

#include <atomic>

using namespace core::sandbox;
using namespace httptest;

namespace {

constexpr std::size_t kMiB = std::size_t(1) << 20;

// One MiB of one letter per chunk, so a test can tell what arrived and in which order.
QByteArray chunkNumber(int i)
{
    return QByteArray(qsizetype(kMiB), char('a' + i % 26));
}

} // namespace

// A stream's flow control on real sockets: what it reports queued, the drain callback, and the
// guards against a client that stops reading.
class tst_httpstreamflow : public QObject
{
    Q_OBJECT

private:
    struct Fixture
    {
        Shared<std::shared_ptr<HttpStream>> stream;
        std::atomic<int> drained = 0;
        std::atomic<bool> closed = false;
        std::unique_ptr<HttpServer> server;

        explicit Fixture(HttpServerOptions options)
        {
            server = std::make_unique<HttpServer>(
                [this](const HttpRequest &) {
                    return HttpReply::stream(200, {}, [this](std::shared_ptr<HttpStream> s) {
                        s->setOnClosed([this] { closed = true; });
                        s->setOnDrained(kMiB, [this] { ++drained; });
                        stream.set(std::move(s));
                    });
                },
                std::move(options));
        }

        // Starts the server and opens one stream for `client`; null when either failed.
        std::shared_ptr<HttpStream> open(RawStreamClient &client, qint64 readBuffer)
        {
            if (!server->start().ok() ||
                !client.open(server->port(), "/logs?follow=true", readBuffer))
                return nullptr;
            if (!QTest::qWaitFor([this] { return stream.get().has_value(); }, kWaitMs))
                return nullptr;
            return *stream.get();
        }
    };

private slots:
    // What the client has not taken yet is queuedBytes(); reading it brings the count down
    // through the low-water mark once, with every byte in order.
    void queuedBytesFollowTheClient()
    {
        HttpServerOptions options;
        options.streamBufferLimit = 64 * kMiB;
        Fixture fixture(options);
        RawStreamClient client;
        const std::shared_ptr<HttpStream> stream = fixture.open(client, 64 * 1024);
        QVERIFY(stream);
        QCOMPARE(stream->queuedBytes(), std::size_t(0));
        QByteArray written;
        for (int i = 0; i < 32; ++i) {
            QVERIFY(stream->write(chunkNumber(i)));
            written += chunkNumber(i);
        }
        // The kernel's buffers take some MiB; the rest waits for the client.
        QVERIFY(stream->queuedBytes() <= 32 * kMiB);
        QTest::qWait(200);
        QVERIFY2(stream->queuedBytes() > 8 * kMiB,
                 QByteArray::number(qint64(stream->queuedBytes())));
        // (The kernel may have taken the first MiBs fast enough to cross the mark already.)
        const int drainedBefore = fixture.drained;
        QVERIFY(client.readUntil([&] { return client.body().size() >= written.size(); },
                                 256 * 1024, 0, 20000));
        QCOMPARE(client.body().size(), written.size());
        QVERIFY(client.body() == written);
        QTRY_COMPARE(stream->queuedBytes(), std::size_t(0));
        QCOMPARE(fixture.drained.load(), drainedBefore + 1);
        QVERIFY(stream->isOpen());
        stream->end();
        QVERIFY(client.readUntil([&] { return client.lastChunk(); }, 64 * 1024, 0, kWaitMs));
        QTRY_VERIFY(fixture.closed);
    }

    // The last resort: a writer that ignores queuedBytes() and a client that reads nothing; the
    // stream is cut once streamBufferLimit is queued, as it always was.
    void unpacedWriterIsCutAtLimit()
    {
        HttpServerOptions options;
        options.streamBufferLimit = 4 * kMiB;
        Fixture fixture(options);
        RawStreamClient client;
        const std::shared_ptr<HttpStream> stream = fixture.open(client, 16 * 1024);
        QVERIFY(stream);
        for (int i = 0; i < 32 && stream->isOpen(); ++i) {
            stream->write(chunkNumber(i));
            QTest::qWait(20);
        }
        QTRY_VERIFY(fixture.closed);
        QVERIFY(!stream->write("late\n"));
        QVERIFY(client.readUntilClosed(kWaitMs));
        QVERIFY(!client.lastChunk());
        QVERIFY(client.received() < 32 * qint64(kMiB));
    }

    // What is queued when a stream ends (or is aborted) gets idleTimeout per write, as any
    // response does; a client that takes nothing of it is cut rather than kept forever.
    void unreadTailIsCutAfterIdleTimeout_data()
    {
        QTest::addColumn<bool>("abort");
        QTest::newRow("end") << false;
        QTest::newRow("abort") << true;
    }

    void unreadTailIsCutAfterIdleTimeout()
    {
        QFETCH(bool, abort);
        HttpServerOptions options;
        options.streamBufferLimit = 64 * kMiB;
        options.idleTimeout = std::chrono::milliseconds(300);
        Fixture fixture(options);
        RawStreamClient client;
        const std::shared_ptr<HttpStream> stream = fixture.open(client, 16 * 1024);
        QVERIFY(stream);
        for (int i = 0; i < 24; ++i)
            QVERIFY(stream->write(chunkNumber(i)));
        QTest::qWait(1000); // longer than idleTimeout: a stream still open is never cut for it
        QVERIFY(stream->isOpen());
        QVERIFY(!fixture.closed);
        if (abort)
            stream->abort();
        else
            stream->end();
        QTest::qWait(1000);
        QVERIFY(client.readUntilClosed(kWaitMs));
        QVERIFY(!client.lastChunk());
        QVERIFY(client.received() < 24 * qint64(kMiB));
        QCOMPARE(client.error(), QAbstractSocket::RemoteHostClosedError);
    }
};

QTEST_GUILESS_MAIN(tst_httpstreamflow)
#include "tst_httpstreamflow.moc"
