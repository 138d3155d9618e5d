#pragma once

#include "core/sandbox/apiserver/apirouter.h"

namespace core::sandbox {

// The sandbox's stand-ins for the servers kube-apiserver hands requests on to (ApiDelegates):
// a node's kubelet for pods/log (PodLogStreamer) and pods/exec (ExecSession), metrics-server for
// metrics.k8s.io (PodMetrics). `options` with its delegates set to them.
ApiRouterOptions withNodeEndpoints(ApiRouterOptions options = {});

} // namespace core::sandbox
