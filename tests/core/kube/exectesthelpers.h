#pragma once

#include <QDir>
#include <QFile>
#include <QString>
#include <QTemporaryDir>
#include <QTest>

#include "core/kube/execcredentialprovider.h"
#include "core/kube/exectruststore.h"

#include <memory>
#include <optional>

// A temporary directory of plugin scripts that count their runs.
class PluginTestDir
{
public:
    QString dir() const { return m_dir.path(); }
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString runsFile() const { return m_dir.filePath(QStringLiteral("runs.log")); }

    QString write(const QString &name, const QString &body, const QString &subdir = {})
    {
        const QString folder = subdir.isEmpty() ? dir() : m_dir.filePath(subdir);
        QDir().mkpath(folder);
        const QString file = folder + u'/' + name;
        QFile script(file);
        if (!script.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(file));
        script.write(QString(QStringLiteral("#!/bin/sh\necho run >> '") + runsFile() +
                             QStringLiteral("'\n") + body + u'\n')
                         .toUtf8());
        script.close();
        script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        return file;
    }

    // A plugin printing `stdoutText` verbatim.
    QString writePrinting(const QString &name, const QString &stdoutText)
    {
        return write(name, QString(QStringLiteral("cat <<'JSON'\n") + stdoutText +
                                   QStringLiteral("\nJSON")));
    }

    int runs() const
    {
        QFile file(runsFile());
        if (!file.open(QIODevice::ReadOnly))
            return 0;
        return int(file.readAll().count('\n'));
    }

    QByteArray read(const QString &name) const
    {
        QFile file(path(name));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private:
    QTemporaryDir m_dir;
};

inline const QString kV1 = QStringLiteral("client.authentication.k8s.io/v1");
inline const QString kV1Beta1 = QStringLiteral("client.authentication.k8s.io/v1beta1");
inline const QString kKubeconfig = QStringLiteral("/home/op/.kube/config");
inline const QString kUser = QStringLiteral("alice");
inline const QString kSystemPath = QStringLiteral("/usr/bin:/bin");

inline QString credentialJson(const QString &apiVersion, const QString &status)
{
    return QStringLiteral(R"({"apiVersion":"%1","kind":"ExecCredential","spec":{},"status":%2})")
        .arg(apiVersion, status);
}

inline core::kube::ExecConfig execConfig(const QString &command, const QString &apiVersion = kV1,
                                         const QString &interactiveMode = QStringLiteral("Never"))
{
    core::kube::ExecConfig config;
    config.apiVersion = apiVersion;
    config.command = command;
    config.interactiveMode = interactiveMode;
    return config;
}

inline QProcessEnvironment baseEnvironment(const QString &path = kSystemPath)
{
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("PATH"), path);
    environment.insert(QStringLiteral("HOME"), QDir::homePath());
    return environment;
}

inline core::Result<core::kube::Credential> fetchNow(core::kube::ExecCredentialProvider &provider,
                                                     int timeoutMs = 10000)
{
    std::optional<core::Result<core::kube::Credential>> result;
    QObject context;
    provider.fetch(&context,
                   [&result](const core::Result<core::kube::Credential> &r) { result = r; });
    if (!QTest::qWaitFor([&result] { return result.has_value(); }, timeoutMs))
        return core::Error{QStringLiteral("test.no-answer"), QStringLiteral("no answer"), {}};
    return *result;
}

// The failure text for QVERIFY2, which evaluates its message even when the check passes.
inline QByteArray failureText(const core::Result<core::kube::Credential> &result)
{
    return result.ok() ? QByteArray("ok") : result.error().message.toUtf8();
}

// A provider whose command line is already trusted in a fresh store under `settingsDir`.
inline std::unique_ptr<core::kube::ExecCredentialProvider>
trustedProvider(const QString &settingsDir, const core::kube::ExecConfig &config,
                core::kube::ExecCredentialProvider::Options options = {},
                const core::kube::ExecClusterInfo &cluster = {})
{
    static int counter = 0;
    options.kubeconfigPath = kKubeconfig;
    options.userName = kUser;
    if (options.environment.value(QStringLiteral("PATH")).isEmpty())
        options.environment = baseEnvironment();
    auto store = std::make_shared<core::kube::ExecTrustStore>(
        settingsDir + QStringLiteral("/trust%1.ini").arg(++counter));
    store->trust(kKubeconfig, kUser, config);
    return std::make_unique<core::kube::ExecCredentialProvider>(config, cluster, store, options);
}
