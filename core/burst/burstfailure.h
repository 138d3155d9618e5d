#pragma once

#include "core/burst/preview.h"

#include <QString>

namespace core::burst {

// Why bursting a pod failed, as an event about it says: the burst-failure triage groups the
// events of burst pods (CCE and CCI side) by this.
enum class FailureCause {
    None,           // not a failure of bursting
    Refused,        // ProviderCreateFailed: CCI did not admit the pod (the rule is in its preview)
    NodeLocked,     // VirtualKubeletLocked: the virtual node took its lock after a refusal
    WaitingForLock, // FailedScheduling because the virtual node is locked
    Quota,          // CCI's or the namespace's quota is exhausted
    ImagePull,      // the image cannot be pulled (CCI pulls it itself: registry, secret, SWR)
};

// By the event's reason and message. ProviderCreateFailed is virtual-kubelet's reason;
// VirtualKubeletLocked and the lock's FailedScheduling messages (the lock taint untolerated, or
// the planner's "locked after a failed CCI admission") are the sandbox's (cciconventions.h, "The
// virtual node's lock": assumed). Quota: the API server's ResourceQuota refusal ("exceeded
// quota") and a provider message naming a quota ("quota exceeded", "insufficient quota"), also
// inside ProviderCreateFailed, which is then no rule of the preview. Image pull: the kubelet's
// reasons (ErrImagePull, ImagePullBackOff, InvalidImageName, ErrImageNeverPull) and its
// "Failed to pull image" message.
FailureCause classifyFailureEvent(const QString &reason, const QString &message);

// The stable code of a cause for grouping ("burst.cause.quota", ...); Refused has
// "burst.cause.refused" when no rule of the preview explains it.
QString failureCauseCode(FailureCause cause);

// What a refused pod's CCI preview says: the first error diagnostic (its code, message, field
// and hint), when the refusal is one of the shape or resource rules. Empty code when the preview
// admits the pod (the refusal has another cause: quota, capacity, a CCI fault).
Diagnostic refusalRule(const PreviewResult &preview);

} // namespace core::burst
