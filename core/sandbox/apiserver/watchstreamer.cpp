#include "core/sandbox/apiserver/watchstreamer.h"

#include "core/kube/objectmeta.h"
#include "core/sandbox/apiserver/apihttp.h"
#include "core/sandbox/apiserver/apirequestinfo.h"
#include "core/sandbox/apiserver/apiresources.h"
#include "core/sandbox/apiserver/faultinjector.h"
#include "core/sandbox/apiserver/tableconverter.h"
#include "core/sandbox/store/objectstore.h"
#include "core/sandbox/transport/httprequest.h"
#include "core/sandbox/transport/httpstream.h"
#include "core/sandbox/transport/timerloop.h"

#include <QJsonDocument>

#include <mutex>
#include <optional>

namespace core::sandbox {

namespace {

// One watch event line; kubectl get -w asks for Table rows, so each event then carries a one-row
// Table.
QJsonObject eventJson(const StoreEvent &e, bool table, const ResourceType &type,
                      TableObjects rowObjects)
{
    QJsonObject event = e.toJson();
    if (table && e.type != StoreEvent::Type::Bookmark && e.type != StoreEvent::Type::Error)
        event.insert(QStringLiteral("object"),
                     toTable(type, {e.object}, kube::resourceVersionOf(e.object), QString(),
                             QDateTime::currentDateTimeUtc(), rowObjects));
    return event;
}

// The event's line on the wire. The object's bytes are the store's when it has them: the frame
// is {"object":...,"type":"..."} either way (QJsonObject orders keys), without a second
// serialisation of every changed object for every watcher.
QByteArray eventLine(const StoreEvent &e, bool table, const ResourceType &type,
                     TableObjects rowObjects)
{
    if (table || e.json.isEmpty())
        return QJsonDocument(eventJson(e, table, type, rowObjects)).toJson(QJsonDocument::Compact) +
               '\n';
    return QByteArray("{\"object\":" + e.json + ",\"type\":\"" +
                      StoreEvent::typeName(e.type).toLatin1() + "\"}\n");
}

// The writer side of one watch stream. Store writers, the timer thread and the server thread
// (when the stream drains) all pump; the mutex keeps events in order on the wire. Events leave
// the Watch only while the stream has room, so a client that starts behind (a backlog of tens of
// MiB) gets it at the pace it reads instead of the stream being cut at streamBufferLimit.
struct WatchPump
{
    using Clock = std::chrono::steady_clock;

    std::weak_ptr<HttpStream> stream;
    std::weak_ptr<Watch> watch;
    bool table = false;
    TableObjects rowObjects = TableObjects::Metadata;
    ResourceType type;
    int dropEvery = 0;
    std::shared_ptr<FaultCounts> counts;
    std::size_t highWater = 0;
    std::chrono::milliseconds blockedTimeout{0};
    std::mutex mutex;
    int sent = 0;
    bool paused = false;
    std::optional<Clock::time_point> blockedSince; // events wait, the stream has had no room

    void pump()
    {
        const std::lock_guard lock(mutex);
        const std::shared_ptr<HttpStream> s = stream.lock();
        const std::shared_ptr<Watch> w = watch.lock();
        if (!s || !w || !s->isOpen() || paused)
            return;
        bool wrote = false;
        while (s->queuedBytes() < highWater) {
            const QList<StoreEvent> events = w->takeEvents(1);
            if (events.isEmpty()) {
                blockedSince.reset();
                if (w->isStopped())
                    s->end();
                return;
            }
            if (!s->write(eventLine(events.first(), table, type, rowObjects)))
                return; // closed meanwhile
            wrote = true;
            if (dropEvery > 0 && ++sent >= dropEvery) {
                if (counts)
                    ++counts->droppedStreams;
                s->abort(); // fault: the stream drops mid-watch, as a flaky network does
                return;
            }
        }
        if (w->isStopped() && w->queuedEvents() == 0)
            return s->end(); // e.g. past its queue limit: nothing left to wait for
        const Clock::time_point now = Clock::now();
        if (!blockedSince || wrote)
            blockedSince = now;
        else if (blockedTimeout.count() > 0 && now - *blockedSince >= blockedTimeout)
            terminate(*s, *w);
    }

    // Server thread: the client took most of what was queued.
    void drained()
    {
        {
            const std::lock_guard lock(mutex);
            blockedSince.reset();
        }
        pump();
    }

    // As kube-apiserver's cacher terminates a watcher whose buffer stays full: the stream ends
    // after what is queued, and the events it never took are dropped at once.
    static void terminate(HttpStream &s, Watch &w)
    {
        w.setNotifier({}); // stop() would call back into the pump, whose lock is held
        w.stop();
        w.takeEvents();
        s.end();
    }
};

void scheduleTimers(TimerLoop &timers, const std::shared_ptr<WatchPump> &pump,
                    const WatchStreamOptions &options, qint64 timeoutSeconds, bool bookmarks)
{
    const std::weak_ptr<WatchPump> weak = pump;
    if (options.stall.count() > 0) {
        pump->paused = true;
        timers.after(options.stall, [weak] {
            if (const auto p = weak.lock()) {
                {
                    const std::lock_guard lock(p->mutex);
                    p->paused = false;
                }
                p->pump();
            }
        });
    }
    if (timeoutSeconds > 0) {
        // The API server ends a watch after timeoutSeconds with the last chunk, not an error.
        timers.after(std::chrono::seconds(timeoutSeconds), [weak] {
            if (const auto p = weak.lock()) {
                if (const auto w = p->watch.lock())
                    w->stop();
            }
        });
    }
    if (bookmarks && options.bookmarkInterval.count() > 0) {
        timers.every(options.bookmarkInterval, [weak] {
            const auto p = weak.lock();
            const auto w = p ? p->watch.lock() : nullptr;
            if (!w || w->isStopped())
                return false;
            w->requestBookmark();
            return true;
        });
    }
}

} // namespace

HttpReply WatchStreamer::reply(ObjectStore &store, const HttpRequest &request,
                               const ApiRequestInfo &info, const ApiResource &resource,
                               const WatchStreamOptions &options, std::shared_ptr<TimerLoop> timers)
{
    const auto selectors = readSelectors(request);
    if (!selectors)
        return statusResponse(selectors.error());
    WatchOptions watchOptions;
    watchOptions.labelSelector = selectors->labels;
    watchOptions.fieldSelector = selectors->fields;
    watchOptions.namespaceName = resource.type.namespaced ? info.nameSpace : QString();
    watchOptions.resourceVersion = request.queryValue(QStringLiteral("resourceVersion"));
    watchOptions.allowBookmarks = request.queryFlag(QStringLiteral("allowWatchBookmarks"));
    const bool table = wantsTable(request.headers.value("Accept"));
    const auto rowObjects = tableObjects(request.queryValue(QStringLiteral("includeObject")));
    if (table && !rowObjects)
        return statusResponse(rowObjects.error());
    watchOptions.bytesSuffice = !table; // eventLine() writes the bytes as they are
    const qint64 timeoutSeconds = request.queryValue(QStringLiteral("timeoutSeconds")).toLongLong();
    const auto started = store.watch(resource.type, watchOptions);
    if (!started && started.error().code == 410) {
        // As kube-apiserver's watch cache answers a resourceVersion it no longer holds: 200,
        // then one ERROR event carrying the 410 Expired Status (the --fault-gone-every fault
        // answers a plain HTTP 410 instead, the other form clients meet).
        const QJsonObject event{{QStringLiteral("type"), QStringLiteral("ERROR")},
                                {QStringLiteral("object"), started.error().toStatus()}};
        const QByteArray line = QJsonDocument(event).toJson(QJsonDocument::Compact) + '\n';
        return HttpReply::stream(200, HttpHeaders{{"Content-Type", "application/json"}},
                                 [line](std::shared_ptr<HttpStream> stream) {
                                     stream->write(line);
                                     stream->end();
                                 });
    }
    if (!started)
        return statusResponse(started.error());
    const std::shared_ptr<Watch> w = *started;
    if (options.backlogLimit > 0)
        w->setQueueLimit(w->queuedEvents() + options.backlogLimit);
    auto pump = std::make_shared<WatchPump>();
    pump->watch = w;
    pump->table = table;
    pump->rowObjects = table ? *rowObjects : TableObjects::Metadata;
    pump->type = resource.type;
    pump->dropEvery = options.dropEvery;
    pump->counts = options.faultCounts;
    pump->highWater = options.highWater;
    pump->blockedTimeout = options.blockedTimeout;
    const bool bookmarks = watchOptions.allowBookmarks;
    const std::weak_ptr<TimerLoop> weakTimers = timers;
    return HttpReply::stream(200, HttpHeaders{{"Content-Type", "application/json"}},
                             [w, pump, options, weakTimers, timeoutSeconds,
                              bookmarks](std::shared_ptr<HttpStream> stream) {
                                 pump->stream = stream;
                                 // The stream's close callback owns the watch and the pump; the
                                 // notifier and the timers hold weak references only, so neither
                                 // outlives the connection.
                                 stream->setOnClosed([w, pump] {
                                     w->setNotifier({});
                                     w->stop();
                                 });
                                 const std::weak_ptr<WatchPump> weak = pump;
                                 w->setNotifier([weak] {
                                     if (const auto p = weak.lock())
                                         p->pump();
                                 });
                                 stream->setOnDrained(options.lowWater, [weak] {
                                     if (const auto p = weak.lock())
                                         p->drained();
                                 });
                                 pump->pump();
                                 if (const auto timers = weakTimers.lock())
                                     scheduleTimers(*timers, pump, options, timeoutSeconds,
                                                    bookmarks);
                             });
}

} // namespace core::sandbox
