#pragma once

#include <QByteArray>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

// The real kubectl run against a sandbox server in the test's own process (the tests skip
// without kubectl): a throwaway HOME and no kubeconfig, so nothing of the user's leaks in.
namespace kubectltest {

struct KubectlRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

inline KubectlRun runKubectl(const QTemporaryDir &home, const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // No user kubeconfig or discovery cache may leak into the test.
    environment.insert(QStringLiteral("HOME"), home.path());
    environment.insert(QStringLiteral("KUBECONFIG"), home.filePath(QStringLiteral("none")));
    // exec over WebSocket is kubectl's default since 1.30; pin it so a user setting cannot
    // silently switch the test to SPDY.
    environment.insert(QStringLiteral("KUBECTL_REMOTE_COMMAND_WEBSOCKETS"), QStringLiteral("true"));
    process.setProcessEnvironment(environment);
    // Without credentials kubectl would prompt for a user name on stdin.
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(QStringLiteral("kubectl"), arguments);
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

inline bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

} // namespace kubectltest
