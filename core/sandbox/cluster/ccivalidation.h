#pragma once

#include "core/common/diagnostic.h"
#include "core/sandbox/apiserver/apidelegate.h"
#include "core/sandbox/store/apistatus.h"

#include <QList>

namespace core::sandbox {

class ObjectStore;

// The errors of a core CCI lint as a 422's field causes (warnings pass). The field path is Go's
// (metadata.annotations[key], no quotes); the detail is the message with its code.
QList<ApiError::FieldCause> cciFieldCauses(const Diagnostics &diagnostics);

// The sandbox CCI's validating admission (guide 2.4): a v1 Namespace whose
// namespace.kubernetes.io/flavor is not a known flavour, and a networking.cci.io/v1beta1 Network
// that the core lint (core/burst/ccinetwork.h) finds errors in, are refused with 422 Invalid and
// one cause per error, as kube-apiserver's validation answers. With `store` (the CCI store, which
// must outlive the validator), a Pod that asks for GPUs in a namespace stored as
// general-computing is refused the same way (gpu.namespaceFlavor, the field of its GPU count).
// Everything else passes.
ApiValidator cciValidator(const ObjectStore *store = nullptr);

} // namespace core::sandbox
