#pragma once

#include "core/common/result.h"

namespace core::kube {

// Whether an error answering a pod's log or exec request means the pod or its container is not
// there or not running *yet*: the pod is not found (its controller has not created it, or the
// informer saw it before the request reached a server that has it), it has no node yet, or its
// container is still being created or initialised. A viewer opened for such a pod waits and
// retries rather than failing: an operator opens the logs of a pod that is starting. A
// permanent refusal (an unknown container name, no previous container, forbidden) is not one.
// The messages are the API server's (pod/strategy.go and the kubelet) and the sandbox's, which
// uses the same words.
bool meansPodNotStartedYet(const core::Error &error);

// How long a viewer waits before its `attempt`-th retry (0 first) for such a pod: 0.5 s,
// doubling, at most 5 s. The log viewer and the terminal wait alike.
constexpr int podStartRetryDelayMs(int attempt)
{
    const int delay = 500 << (attempt < 4 ? (attempt < 0 ? 0 : attempt) : 4);
    return delay < 5000 ? delay : 5000;
}

} // namespace core::kube
