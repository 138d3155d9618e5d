#include "core/common/savefile.h"

#include "core/common/tr.h"

#include <QDir>
#include <QSaveFile>

namespace core {

Error saveFileError(const QString &path, const QString &reason)
{
    return Error{QStringLiteral("file.saveFailed"),
                 Tr::tr("Could not save %1: %2").arg(QDir::toNativeSeparators(path), reason),
                 Tr::tr("The file on disk was not changed. Free some disk space or choose another "
                        "location, then save again.")};
}

bool writeAll(QIODevice &device, QByteArrayView data)
{
    while (!data.isEmpty()) {
        const qint64 written = device.write(data.data(), data.size());
        if (written <= 0)
            return false;
        data = data.sliced(written);
    }
    return true;
}

Result<void> saveFile(const QString &path, const std::function<bool(QIODevice &)> &write)
{
    QSaveFile file(path);
    // Unbuffered, so that every write reaches the system at once and its failure shows there:
    // QSaveFile::commit() (Qt 6.4) ignores a failure of the flush it makes on closing, and renamed
    // a truncated temporary file over the original when the last buffered writes did not fit.
    if (file.open(QIODevice::WriteOnly | QIODevice::Unbuffered) && write(file) && file.commit())
        return Result<void>::success();
    // A write the system took only in part (a disk filling up) sets no error; the next one fails
    // with the system's reason. The temporary file is thrown away anyway.
    if (file.isOpen() && file.error() == QFileDevice::NoError)
        file.write("\n", 1);
    QString reason = file.errorString();
    if (file.error() == QFileDevice::NoError)
        reason = Tr::tr("not everything could be written");
    file.cancelWriting(); // the temporary file goes with `file`
    return saveFileError(path, reason);
}

Result<void> saveFile(const QString &path, const QByteArray &data)
{
    return saveFile(path, [&data](QIODevice &device) { return writeAll(device, data); });
}

} // namespace core
