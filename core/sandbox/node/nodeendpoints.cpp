#include "core/sandbox/node/nodeendpoints.h"

#include "core/sandbox/apiserver/apihttp.h"
#include "core/sandbox/apiserver/sandboxclock.h"
#include "core/sandbox/node/execsession.h"
#include "core/sandbox/node/podlogstreamer.h"
#include "core/sandbox/node/podmetrics.h"

namespace core::sandbox {

namespace {

HttpReply metrics(ObjectStore &store, const HttpRequest &request, const ApiRequestInfo &info,
                  std::shared_ptr<const SandboxClock> clock, std::shared_ptr<TimerLoop>)
{
    const auto answer = PodMetrics::handle(
        store, info, request.queryValue(QStringLiteral("labelSelector")), clock->now());
    return answer ? jsonResponse(200, *answer) : statusResponse(answer.error());
}

} // namespace

ApiRouterOptions withNodeEndpoints(ApiRouterOptions options, PodView execView)
{
    options.delegates.podLog = &PodLogStreamer::reply;
    options.delegates.podExec = [execView](ObjectStore &store, const HttpRequest &request,
                                           const ApiRequestInfo &info,
                                           std::shared_ptr<const SandboxClock> clock,
                                           std::shared_ptr<TimerLoop> timers) {
        return ExecSession::reply(store, request, info, std::move(clock), std::move(timers),
                                  execView);
    };
    options.delegates.metrics = &metrics;
    return options;
}

} // namespace core::sandbox
