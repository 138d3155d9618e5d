#pragma once

#include "core/sandbox/apiserver/apidelegate.h"

#include <memory>

namespace core::sandbox {

// GET /api/v1/namespaces/NS/pods/NAME/log. Without follow, one text/plain answer; with
// follow=true a chunked stream that a timer on `timers` tops up with the lines SandboxClock time
// has produced since (generated per tick, never buffered), ending when the pod is deleted, the
// container instance terminates or restarts, or limitBytes is reached.
class PodLogStreamer
{
public:
    static HttpReply reply(ObjectStore &store, const HttpRequest &request,
                           const ApiRequestInfo &info, std::shared_ptr<const SandboxClock> clock,
                           std::shared_ptr<TimerLoop> timers);
};

} // namespace core::sandbox
