#pragma once

#include "core/sandbox/transport/httpreply.h"

#include <functional>
#include <memory>

namespace core::sandbox {

class ObjectStore;
class SandboxClock;
class TimerLoop;
struct ApiRequestInfo;
struct HttpRequest;

// A request kube-apiserver does not answer from its store but hands on: pods/log and pods/exec
// to the pod's kubelet, metrics.k8s.io to metrics-server. The sandbox's stand-ins for those
// servers (node/nodeendpoints.h) get the store, the clock and the router's timer thread.
using ApiDelegate = std::function<HttpReply(
    ObjectStore &store, const HttpRequest &request, const ApiRequestInfo &info,
    std::shared_ptr<const SandboxClock> clock, std::shared_ptr<TimerLoop> timers)>;

struct ApiDelegates
{
    ApiDelegate podLog;  // .../pods/NAME/log
    ApiDelegate podExec; // .../pods/NAME/exec
    ApiDelegate metrics; // /apis/metrics.k8s.io/...
};

} // namespace core::sandbox
