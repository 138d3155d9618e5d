#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QString>

namespace core::kube {

// How a remote command ended, from the metav1.Status the API server sends on channel 3 of
// v4/v5.channel.k8s.io: Success is exit code 0; Failure with reason NonZeroExitCode carries the
// code in details.causes[reason=ExitCode].message.
struct ExecExit
{
    int exitCode = 0;
    QString message; // the Status message; empty on success
};

// An error for a Failure that is no exit code (container not found, internal error) or a
// payload that is no Status.
Result<ExecExit> decodeExecStatus(const QByteArray &payload);

} // namespace core::kube
