#pragma once

#include <QStringList>

// burstctl subcommands. Each takes its own arguments (argv without "burstctl") and returns the
// process exit code.
namespace cli {

int runPreview(const QStringList &arguments);
int runSimulate(const QStringList &arguments);
int runSign(const QStringList &arguments);
int runLogs(const QStringList &arguments);
int runExec(const QStringList &arguments);
int runGet(const QStringList &arguments);
int runWatch(const QStringList &arguments);
int runIamToken(const QStringList &arguments);

} // namespace cli
