#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QString>

namespace core::kube {

// The error an API server answer carries: the metav1.Status message and reason when the body is
// one ("kube.NotFound"), else the HTTP status and the start of the body ("http.502").
Error errorFromStatusBody(int httpStatus, const QByteArray &body);

// A transport failure (connection refused, TLS, dropped) with Qt's description.
Error networkError(const QString &detail);

} // namespace core::kube
