#pragma once

#include "core/sandbox/store/apistatus.h"
#include "core/sandbox/store/resourcetype.h"
#include "core/sandbox/transport/httpreply.h"

#include <QJsonObject>

#include <functional>
#include <memory>
#include <optional>

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
    ApiDelegate podExec; // .../pods/NAME/exec and .../pods/NAME/attach
    ApiDelegate metrics; // /apis/metrics.k8s.io/...
};

// Checks an object about to be stored: nullopt lets it through, an ApiError refuses it.
using ApiValidator =
    std::function<std::optional<ApiError>(const ResourceType &type, const QJsonObject &object)>;

} // namespace core::sandbox
