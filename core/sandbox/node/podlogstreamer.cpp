#include "core/sandbox/node/podlogstreamer.h"

#include "core/common/tr.h"
#include "core/sandbox/apiserver/apihttp.h"
#include "core/sandbox/apiserver/apirequestinfo.h"
#include "core/sandbox/apiserver/sandboxclock.h"
#include "core/sandbox/node/podlogs.h"
#include "core/sandbox/store/objectstore.h"
#include "core/sandbox/transport/httprequest.h"
#include "core/sandbox/transport/httpstream.h"
#include "core/sandbox/transport/timerloop.h"


namespace core::sandbox {

namespace {

// Real time between follow ticks; at most this many lines go out per tick so a fast clock or a
// high rate cannot make one tick build an unbounded chunk.
constexpr std::chrono::milliseconds kTick{100};
// 50,000 lines (5-10 MB) a tick lets a follow catch up with a long history at 500,000 lines a
// second.
constexpr qint64 kMaxLinesPerTick = 50000;

struct FollowState
{
    ObjectStore *store = nullptr;
    std::shared_ptr<const SandboxClock> clock;
    std::weak_ptr<HttpStream> stream;
    QString nameSpace;
    PodLogOptions options;
    LogSource source;
    qint64 next = 0;
    qint64 written = 0;

    // Writes lines [next, upTo); false once limitBytes is used up.
    bool writeUpTo(HttpStream &s, qint64 upTo)
    {
        QByteArray chunk;
        for (; next < upTo; ++next) {
            chunk += source.line(next, options.timestamps);
            if (options.limitBytes && written + chunk.size() >= *options.limitBytes) {
                s.write(chunk.left(*options.limitBytes - written));
                return false;
            }
        }
        written += chunk.size();
        s.write(chunk);
        return true;
    }

    // One timer tick; false ends the timer.
    bool tick()
    {
        const std::shared_ptr<HttpStream> s = stream.lock();
        if (!s || !s->isOpen())
            return false;
        const QDateTime now = clock->now();
        const auto pod = store->get(podsType(), nameSpace, source.podName);
        const auto current =
            pod ? PodLogs::resolve(*pod, options) : ServerResult<LogSource>(pod.error());
        const bool sameInstance = current && current->start == source.start;
        if (sameInstance)
            source.end = current->end;
        else if (!source.end) // deleted now, or replaced by the instance that started since
            source.end = current && current->start < now ? current->start : now;
        const qint64 available = source.countAt(now);
        if (!writeUpTo(*s, qMin(available, next + kMaxLinesPerTick))) {
            s->end();
            return false;
        }
        // The kubelet ends a follow when the container stops; a restart or a deleted pod ends
        // the instance being followed just the same.
        if (source.end && next >= available) {
            s->end();
            return false;
        }
        return true;
    }
};

} // namespace

HttpReply PodLogStreamer::reply(ObjectStore &store, const HttpRequest &request,
                                const ApiRequestInfo &info,
                                std::shared_ptr<const SandboxClock> clock,
                                std::shared_ptr<TimerLoop> timers)
{
    if (info.verb != u"get")
        return statusResponse(ApiError::methodNotAllowed(
            Tr::tr("the server does not allow this method on the requested resource")));
    const auto options = PodLogOptions::fromRequest(request);
    if (!options)
        return statusResponse(options.error());
    const auto pod = store.get(podsType(), info.nameSpace, info.name);
    if (!pod)
        return statusResponse(pod.error());
    const auto source = PodLogs::resolve(*pod, *options);
    if (!source)
        return statusResponse(source.error());
    const QDateTime now = clock->now();
    if (!options->follow || !timers) {
        return HttpResponse::text(200, PodLogs::render(*source, *options, now));
    }
    auto state = std::make_shared<FollowState>();
    state->store = &store;
    state->clock = clock;
    state->nameSpace = info.nameSpace;
    state->options = *options;
    state->source = *source;
    state->next = PodLogs::firstLine(*source, *options, now);
    const std::weak_ptr<TimerLoop> weakTimers = timers;
    return HttpReply::stream(200, HttpHeaders{{"Content-Type", "text/plain"}},
                             [state, weakTimers](std::shared_ptr<HttpStream> stream) {
                                 state->stream = stream;
                                 const auto loop = weakTimers.lock();
                                 if (!loop) {
                                     stream->end();
                                     return;
                                 }
                                 // Every tick, the first included, runs on the timer thread,
                                 // so only that thread touches the state.
                                 loop->after(std::chrono::milliseconds(0),
                                             [state] { state->tick(); });
                                 loop->every(kTick, [state] { return state->tick(); });
                             });
}

} // namespace core::sandbox
