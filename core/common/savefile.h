#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <functional>

class QIODevice;

namespace core {

// Writes `path` the only safe way: into a temporary file beside it (QSaveFile), which replaces the
// file only once everything is written and flushed. When a write fails (a full disk: "No space
// left on device"; a file size limit: "File too large"; no permission), the temporary file is
// removed and the file on disk keeps its bytes. The error (code `file.saveFailed`) names the file,
// gives the system's reason and says that the file was not changed.
//
// `write` streams the contents into the device (unbuffered: each write goes to the system) and
// returns false when a write failed or was short; writeAll() writes one piece that way.
Result<void> saveFile(const QString &path, const std::function<bool(QIODevice &)> &write);
Result<void> saveFile(const QString &path, const QByteArray &data);

// Writes all of `data`, again after a short write; false when a write fails.
bool writeAll(QIODevice &device, QByteArrayView data);

// The error saveFile() returns, for a caller that writes by other means.
Error saveFileError(const QString &path, const QString &reason);

} // namespace core
