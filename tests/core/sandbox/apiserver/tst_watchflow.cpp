#include "core/sandbox/apiserver/apirequestinfo.h"
#include "core/sandbox/apiserver/apiresources.h"
#include "core/sandbox/apiserver/watchstreamer.h"
#include "core/sandbox/store/objectstore.h"
#include "core/sandbox/transport/httpserver.h"
#include "core/sandbox/transport/timerloop.h"
#include "tests/core/sandbox/transport/fakehttpstreams.h"
#include "tests/core/sandbox/transport/httptesthelpers.h"
#include "tests/core/sandbox/transport/rawstreamclient.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QThread>

#include <thread>

using namespace core::sandbox;

namespace {

constexpr std::size_t kKiB = 1024;
constexpr std::size_t kMiB = kKiB * kKiB;

const ResourceType &podsType()
{
    return findResource(QString(), QStringLiteral("v1"), QStringLiteral("pods"))->type;
}

QString podName(int i)
{
    return QStringLiteral("p-%1").arg(i, 5, 10, QChar(u'0'));
}

// A pod of about `padBytes`, so a test knows how many MiB its events make.
QJsonObject paddedPod(int i, int padBytes)
{
    const QJsonObject annotations{{QStringLiteral("pad"), QString(padBytes, u'x')}};
    return {{QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("name"), podName(i)},
                         {QStringLiteral("annotations"), annotations}}}};
}

void createPods(ObjectStore &store, int from, int count, int padBytes)
{
    for (int i = from; i < from + count; ++i)
        store.create(podsType(), QStringLiteral("default"), paddedPod(i, padBytes));
}

HttpRequest watchRequest(const QString &resourceVersion)
{
    HttpRequest request;
    request.method = "GET";
    request.setTarget("/api/v1/namespaces/default/pods?watch=1&resourceVersion=" +
                      resourceVersion.toUtf8());
    return request;
}

HttpReply watchReply(ObjectStore &store, const HttpRequest &request,
                     const WatchStreamOptions &options, std::shared_ptr<TimerLoop> timers = {})
{
    const ApiRequestInfo info = parseApiRequest(request.path, request.method, true);
    return WatchStreamer::reply(store, request, info,
                                *findResource(QString(), QStringLiteral("v1"),
                                              QStringLiteral("pods")),
                                options, std::move(timers));
}

// The names of the ADDED events in `lines`, failing on anything else or a resourceVersion out of
// order.
QStringList addedNames(const QList<QByteArray> &lines)
{
    QStringList names;
    qint64 lastVersion = 0;
    for (const QByteArray &line : lines) {
        const QJsonObject event = QJsonDocument::fromJson(line).object();
        const QJsonObject metadata =
            event.value(u"object").toObject().value(u"metadata").toObject();
        const qint64 version = metadata.value(u"resourceVersion").toString().toLongLong();
        if (event.value(u"type").toString() != u"ADDED" || version <= lastVersion) {
            return names << QStringLiteral("unexpected after %1: %2 (%3 bytes)")
                                .arg(lastVersion)
                                .arg(QString::fromUtf8(line.left(120)))
                                .arg(line.size());
        }
        lastVersion = version;
        names << metadata.value(u"name").toString();
    }
    return names;
}

QList<QByteArray> eventLines(const QByteArray &data)
{
    QList<QByteArray> lines = data.split('\n');
    lines.removeAll(QByteArray());
    return lines;
}

QStringList expectedNames(int from, int count)
{
    QStringList names;
    for (int i = from; i < from + count; ++i)
        names << podName(i);
    return names;
}

// The watch endpoint alone on a real server, with the stream each watch got.
struct WatchServer
{
    ObjectStore &store;
    WatchStreamOptions options;
    std::shared_ptr<TimerLoop> timers = std::make_shared<TimerLoop>();
    httptest::Shared<std::shared_ptr<HttpStream>> stream;
    HttpServer server;

    WatchServer(ObjectStore &s, WatchStreamOptions watchOptions, HttpServerOptions serverOptions)
        : store(s), options(watchOptions),
          server([this](const HttpRequest &request) { return handle(request); }, serverOptions)
    {
    }

    HttpReply handle(const HttpRequest &request)
    {
        const HttpReply reply = watchReply(store, request, options, timers);
        if (reply.kind() != HttpReply::Kind::Stream)
            return reply;
        return HttpReply::stream(reply.response().status, reply.response().headers,
                                 [this, opened = reply.streamOpened()](std::shared_ptr<HttpStream> s) {
                                     stream.set(s);
                                     opened(std::move(s));
                                 });
    }
};

} // namespace

// Flow control of watch streams: events leave the store's Watch only while the stream has room,
// a client that reads gets every event however far behind it starts, and one that stopped
// reading is terminated with its memory bounded.
class tst_WatchFlow : public QObject
{
    Q_OBJECT

private slots:
    void pumpWritesOnlyWhileThereIsRoom_data()
    {
        QTest::addColumn<bool>("fromZero");
        QTest::newRow("every object from 0") << true;
        QTest::newRow("replay after a resourceVersion") << false;
    }

    void pumpWritesOnlyWhileThereIsRoom()
    {
        QFETCH(bool, fromZero);
        ObjectStore store;
        const QString before = store.resourceVersion();
        createPods(store, 0, 200, 2000);
        WatchStreamOptions options;
        options.highWater = 16 * kKiB;
        options.lowWater = 4 * kKiB;
        auto stream = std::make_shared<FakeStream>();
        stream->hold();
        watchReply(store, watchRequest(fromZero ? QStringLiteral("0") : before), options)
            .streamOpened()(stream);
        qsizetype written = stream->data().size();
        int refills = 0;
        while (stream->queuedBytes() > 0) {
            // Never more than one event beyond the mark (a pod's line is about 2.3 KB).
            QVERIFY2(stream->queuedBytes() < options.highWater + 3 * kKiB,
                     QByteArray::number(qint64(stream->queuedBytes())));
            stream->drain();
            QVERIFY(stream->data().size() > written || stream->queuedBytes() == 0);
            written = stream->data().size();
            ++refills;
        }
        QVERIFY2(refills >= 20, QByteArray::number(refills)); // 460 KB, 16 KB at a time
        QCOMPARE(addedNames(eventLines(stream->data())), expectedNames(0, 200));
        QVERIFY(stream->isOpen());
        stream->abort();
    }

    // A watcher that cannot keep up ends cleanly (the client resumes from its last
    // resourceVersion); one that reads is never ended, however often it is behind.
    void watcherThatFallsBehindEndsCleanly_data()
    {
        QTest::addColumn<qsizetype>("backlogLimit");
        QTest::addColumn<int>("blockedMs");
        QTest::addColumn<bool>("clientReads");
        QTest::newRow("backlog limit") << qsizetype(10) << 0 << false;
        QTest::newRow("blocked timeout") << qsizetype(0) << 100 << false;
        QTest::newRow("reading client") << qsizetype(10) << 100 << true;
    }

    void watcherThatFallsBehindEndsCleanly()
    {
        QFETCH(qsizetype, backlogLimit);
        QFETCH(int, blockedMs);
        QFETCH(bool, clientReads);
        ObjectStore store;
        WatchStreamOptions options;
        options.highWater = 16 * kKiB;
        options.lowWater = 4 * kKiB;
        options.backlogLimit = backlogLimit;
        options.blockedTimeout = std::chrono::milliseconds(blockedMs);
        auto stream = std::make_shared<FakeStream>();
        stream->hold();
        watchReply(store, watchRequest(store.resourceVersion()), options).streamOpened()(stream);
        for (int i = 0; i <= 40; ++i) {
            createPods(store, i, 1, 2000); // about 7 fit below the mark
            if (clientReads)
                stream->drain();
            if (i == 20)
                QTest::qWait(150);
        }
        if (clientReads) {
            while (stream->queuedBytes() > 0)
                stream->drain();
            QVERIFY(stream->isOpen());
            QCOMPARE(addedNames(eventLines(stream->data())),
                     expectedNames(0, 41));
            return stream->abort();
        }
        QVERIFY(stream->endedCleanly());
        const QStringList names = addedNames(eventLines(stream->data()));
        QVERIFY2(names.size() < 20, qPrintable(names.join(u',')));
        QCOMPARE(names, expectedNames(0, int(names.size()))); // what it got, it got in order
    }

    // The defect this flow control mends: a client that reads as fast as it can, but slower than
    // the server produces, while 24 MiB of events are due (more than streamBufferLimit). It used
    // to be cut whenever the backlog was written in one go.
    void slowReaderGetsEveryEvent_data()
    {
        QTest::addColumn<bool>("live");
        QTest::newRow("replayed backlog") << false;
        QTest::newRow("written while it reads") << true;
    }

    void slowReaderGetsEveryEvent()
    {
        QFETCH(bool, live);
        constexpr int count = 4000;
        constexpr int pad = 6500;
        ObjectStore store;
        const QString before = store.resourceVersion();
        if (!live)
            createPods(store, 0, count, pad);
        WatchStreamOptions options;
        options.highWater = 2 * kMiB;
        options.lowWater = 512 * kKiB;
        HttpServerOptions serverOptions;
        serverOptions.streamBufferLimit = 8 * kMiB;
        WatchServer watch(store, options, serverOptions);
        QVERIFY(watch.server.start().ok());
        RawStreamClient client;
        QVERIFY(client.open(watch.server.port(),
                            "/api/v1/namespaces/default/pods?watch=1&resourceVersion=" +
                                before.toUtf8(),
                            16 * 1024));
        std::thread writer;
        if (live)
            writer = std::thread([&store] { createPods(store, 0, count, pad); });
        QList<QByteArray> lines;
        const bool all = client.readUntil(
            [&] {
                lines += client.takeLines();
                return lines.size() >= count;
            },
            16 * 1024, 1, 120000);
        if (writer.joinable())
            writer.join();
        QVERIFY2(all, qPrintable(QStringLiteral("%1 events, connected: %2")
                                     .arg(lines.size())
                                     .arg(client.isConnected())));
        QVERIFY(client.head().startsWith("HTTP/1.1 200 OK\r\n"));
        QVERIFY(client.received() > 24 * qint64(kMiB));
        const QStringList names = addedNames(lines);
        QVERIFY2(names == expectedNames(0, count),
                 qPrintable(QStringLiteral("%1 lines, %2 names, last: %3")
                                .arg(lines.size())
                                .arg(names.size())
                                .arg(names.isEmpty() ? QString() : names.constLast())));
        QVERIFY(client.isConnected());
        QVERIFY((*watch.stream.get())->isOpen());
        client.close();
    }

    // A client that reads nothing is terminated, and until then the server keeps no more than
    // the high-water mark queued for it, however much is written meanwhile.
    void stoppedReaderIsCutOff_data()
    {
        QTest::addColumn<qsizetype>("backlogLimit");
        QTest::addColumn<int>("blockedMs");
        QTest::newRow("backlog limit") << qsizetype(300) << 0;
        QTest::newRow("blocked timeout") << qsizetype(0) << 300;
    }

    void stoppedReaderIsCutOff()
    {
        QFETCH(qsizetype, backlogLimit);
        QFETCH(int, blockedMs);
        constexpr int pad = 6000;
        ObjectStore store(StoreOptions{100000, 0});
        WatchStreamOptions options;
        options.highWater = kMiB;
        options.lowWater = 256 * kKiB;
        options.backlogLimit = backlogLimit;
        options.blockedTimeout = std::chrono::milliseconds(blockedMs);
        HttpServerOptions serverOptions;
        serverOptions.idleTimeout = std::chrono::milliseconds(300);
        WatchServer watch(store, options, serverOptions);
        QVERIFY(watch.server.start().ok());
        RawStreamClient client;
        QVERIFY(client.open(watch.server.port(),
                            "/api/v1/namespaces/default/pods?watch=1&resourceVersion=" +
                                store.resourceVersion().toUtf8(),
                            16 * 1024));
        QTRY_VERIFY(watch.stream.get().has_value());
        const std::shared_ptr<HttpStream> stream = *watch.stream.get();
        std::size_t mostQueued = 0;
        int written = 0;
        QElapsedTimer timer;
        timer.start();
        while (stream->isOpen() && timer.elapsed() < 30000) {
            createPods(store, written++, 1, pad);
            mostQueued = std::max(mostQueued, stream->queuedBytes());
            if (written % 20 == 0)
                QThread::msleep(2);
        }
        QVERIFY2(!stream->isOpen(), QByteArray::number(written));
        qInfo("%d events (%d MiB) written until the watch ended, at most %d KiB queued", written,
              int(qint64(written) * pad / qint64(kMiB)), int(mostQueued / kKiB));
        QVERIFY2(qint64(written) * pad > 4 * qint64(options.highWater),
                 QByteArray::number(written));
        QVERIFY2(mostQueued < options.highWater + 8 * kKiB, QByteArray::number(qint64(mostQueued)));
        const std::size_t queued = stream->queuedBytes();
        createPods(store, written, 100, pad); // nobody queues these any more
        QVERIFY(stream->queuedBytes() <= queued);
        QTest::qWait(600); // past idleTimeout: the tail it never took is cut
        QVERIFY(client.readUntilClosed(httptest::kWaitMs));
        const QList<QByteArray> lines = client.takeLines();
        QVERIFY(!client.lastChunk());
        QCOMPARE(client.error(), QAbstractSocket::RemoteHostClosedError);
        QVERIFY(lines.size() < written);
        QCOMPARE(addedNames(lines), expectedNames(0, int(lines.size())));
    }
};

QTEST_GUILESS_MAIN(tst_WatchFlow)
#include "tst_watchflow.moc"
