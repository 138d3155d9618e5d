#pragma once

#include <QHash>
#include <QProcess>
#include <QString>
#include <QStringList>

// burstctl run as a process by the integration tests: English messages, `env` on top of the
// test's environment without the names in `unset`, `stdinData` written and closed.
struct BurstctlRun
{
    int exitCode = -1; // -2: crashed; -1: did not finish within a minute
    QByteArray out;
    QString err;
};

// A manifest of resources/examples/, the files the product ships.
inline QString shippedExample(const QString &name)
{
    return qEnvironmentVariable("BURST_SOURCE_DIR") + QStringLiteral("/resources/examples/") + name;
}

inline BurstctlRun runBurstctl(const QStringList &args, const QHash<QString, QString> &env = {},
                               const QByteArray &stdinData = {}, const QStringList &unset = {})
{
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.insert(QStringLiteral("BURST_LANG"), QStringLiteral("en"));
    for (const QString &name : e.keys()) {
        for (const QString &prefix : unset) {
            if (name.startsWith(prefix))
                e.remove(name);
        }
    }
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        e.insert(it.key(), it.value());
    p.setProcessEnvironment(e);
    p.start(QStringLiteral(BURSTCTL_PATH), args);
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000))
        return {};
    return BurstctlRun{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2,
                       p.readAllStandardOutput(), QString::fromUtf8(p.readAllStandardError())};
}
