#pragma once

#include "core/sandbox/apiserver/apirouter.h"
#include "core/sandbox/node/execsession.h"

namespace core::sandbox {

// The sandbox's stand-ins for the servers kube-apiserver hands requests on to (ApiDelegates):
// a node's kubelet for pods/log (PodLogStreamer) and pods/exec (ExecSession), metrics-server for
// metrics.k8s.io (PodMetrics). `options` with its delegates set to them. `execView`: what an exec's
// Downward API env reads of a pod (ExecSession's PodView; the stored pod when unset).
ApiRouterOptions withNodeEndpoints(ApiRouterOptions options = {}, PodView execView = {});

} // namespace core::sandbox
