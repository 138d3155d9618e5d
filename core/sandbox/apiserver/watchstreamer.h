#pragma once

#include "core/sandbox/transport/httpreply.h"

#include <QtGlobal>

#include <chrono>
#include <cstddef>
#include <memory>

namespace core::sandbox {

class ObjectStore;
struct FaultCounts;
class TimerLoop;
struct ApiRequestInfo;
struct ApiResource;
struct HttpRequest;

struct WatchStreamOptions
{
    int dropEvery = 0;                        // fault: cut the stream after this many events
    std::chrono::milliseconds stall{0};       // fault: pause after the first events, then resume
    std::shared_ptr<FaultCounts> faultCounts; // counts the cuts (may be null)
    std::chrono::milliseconds bookmarkInterval{60000};
    // Flow control: events are written while less than highWater bytes wait unsent, and again
    // once the client has taken all but lowWater of them; meanwhile they wait in the Watch.
    std::size_t highWater = std::size_t(4) << 20;
    std::size_t lowWater = std::size_t(1) << 20;
    // A watcher that cannot keep up is terminated as kube-apiserver's cacher does it: the stream
    // ends cleanly (a client-go reflector watches again from its last resourceVersion, or relists
    // on 410) and its unread events are dropped. That happens once they outnumber the backlog it
    // started with (the replay after its resourceVersion, or every object for "0") by
    // backlogLimit (0: never), or when events wait while the stream has had no room for
    // blockedTimeout (0: never): a client that stopped reading.
    qsizetype backlogLimit = 20000;
    std::chrono::milliseconds blockedTimeout{30000};
};

// GET ...?watch=1 as a chunked stream of watch events: selectors, resourceVersion, Table rows
// for kubectl get -w, BOOKMARK events every bookmarkInterval with allowWatchBookmarks=true, a
// clean end after timeoutSeconds, flow control on the stream's queue, and the drop/stall faults.
// Timed work runs on `timers`.
class WatchStreamer
{
public:
    static HttpReply reply(ObjectStore &store, const HttpRequest &request,
                           const ApiRequestInfo &info, const ApiResource &resource,
                           const WatchStreamOptions &options, std::shared_ptr<TimerLoop> timers);
};

} // namespace core::sandbox
