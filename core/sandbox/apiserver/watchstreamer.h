#pragma once

#include "core/sandbox/transport/httpreply.h"

#include <chrono>
#include <memory>

namespace core::sandbox {

class ObjectStore;
class TimerLoop;
struct ApiRequestInfo;
struct ApiResource;
struct HttpRequest;

struct WatchStreamOptions
{
    int dropEvery = 0;                  // fault: cut the stream after this many events
    std::chrono::milliseconds stall{0}; // fault: pause after the first events, then resume
    std::chrono::milliseconds bookmarkInterval{60000};
};

// GET ...?watch=1 as a chunked stream of watch events: selectors, resourceVersion, Table rows
// for kubectl get -w, BOOKMARK events every bookmarkInterval with allowWatchBookmarks=true, a
// clean end after timeoutSeconds, and the drop/stall faults. Timed work runs on `timers`.
class WatchStreamer
{
public:
    static HttpReply reply(ObjectStore &store, const HttpRequest &request,
                           const ApiRequestInfo &info, const ApiResource &resource,
                           const WatchStreamOptions &options, std::shared_ptr<TimerLoop> timers);
};

} // namespace core::sandbox
