#pragma once

#include "core/burst/workspace.h"

#include <QDir>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

// The shipped examples for the workbench tests: read in place, or copied to a writable folder
// for tests that save.
namespace examplefiles {

inline QString examplesDir()
{
    return qEnvironmentVariable("BURST_SOURCE_DIR") + QStringLiteral("/resources/examples");
}

// Copies the examples into `dir` (over earlier copies) and returns its path.
inline QString copyExamples(const QTemporaryDir &dir)
{
    const QDir source(examplesDir());
    for (const QString &name : source.entryList({QStringLiteral("*.yaml")}, QDir::Files)) {
        QFile::remove(dir.filePath(name));
        QFile::copy(source.filePath(name), dir.filePath(name));
        QFile::setPermissions(dir.filePath(name), QFile::ReadOwner | QFile::WriteOwner);
    }
    return dir.path();
}

inline QString readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

inline core::burst::Workspace exampleWorkspace()
{
    core::burst::Workspace ws;
    ws.addFiles(core::burst::Workspace::readFiles({examplesDir()}));
    return ws;
}

} // namespace examplefiles
