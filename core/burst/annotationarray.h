#pragma once

#include "core/common/diagnostic.h"

#include <QJsonArray>
#include <QString>

#include <optional>

namespace core::burst {

// Both coordinator.cci.io annotations hold a JSON array as text. Returns it, or appends one error
// with `code` in `area` (malformed JSON with its offset, or not an array) and the `example` as the
// hint.
std::optional<QJsonArray> readAnnotationArray(const QString &value, const QString &code,
                                              FieldArea area, const QString &example,
                                              Diagnostics &diagnostics);

} // namespace core::burst
