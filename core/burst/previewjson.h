#pragma once

#include "core/burst/preview.h"

#include <QJsonObject>

namespace core::burst {

// The `burstctl preview` element: {kind, namespace, name, strategy{value, source, profile},
// admissible, normalized, podResources{cpu, memory}, containers[{name, cpu, memory, changed, ...}],
// cciPod, diagnostics[{severity, code, path, message, hint}]}. Quantities are canonical. An
// absent value (no profile, a BestEffort container's cpu, a value unset as written) is null,
// never "". A pod asking for GPUs adds gpus (their count). A lint-only result (a Namespace or a CCI
// Network) is {kind, apiVersion, namespace (null for a Namespace), name, admissible, diagnostics}.
QJsonObject previewToJson(const PreviewResult &result);
QJsonObject diagnosticToJson(const Diagnostic &diagnostic);

} // namespace core::burst
