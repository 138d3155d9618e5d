#pragma once

#include "core/common/result.h"
#include "core/kube/jsonyaml.h"
#include "core/kube/kubeconfigtypes.h"

#include <QJsonValue>
#include <QString>

namespace core::kube {

// Decodes one kubeconfig file (already converted from YAML to JSON) the way client-go decodes
// clientcmd/v1.Config into the internal type: unknown fields ignored, a value of the wrong type,
// bad base64 or a name listed twice is an error (with FILE:LINE:COL from `positions`), exec
// interactiveMode defaulted to IfAvailable for v1alpha1/v1beta1, and every entry stamped with
// `file` as its source. A null document is an empty config.
Result<Kubeconfig> decodeKubeconfig(const QJsonValue &root, const PositionMap &positions,
                                    const QString &file);

} // namespace core::kube
