#pragma once

#include "core/kube/connection.h"

#include <QString>

namespace core::kube {

// Which exec plugin command lines the user has agreed to run, per (kubeconfig file, user name).
// A kubeconfig from elsewhere can name any program, so nothing runs until the user has seen and
// trusted that exact command line; any change to command, args or env makes it untrusted again.
// Only a SHA-256 fingerprint of the command line is stored: args and env often carry secrets
// (cci-iam-authenticator --sk), and settings files must not.
// Each call opens the settings file afresh, so several stores (or threads) may share one file.
class ExecTrustStore
{
public:
    // `settingsFile`: an INI file (the app passes its settings location, tests a temporary one).
    explicit ExecTrustStore(QString settingsFile);

    bool isTrusted(const QString &kubeconfigPath, const QString &userName,
                   const ExecConfig &config) const;
    void trust(const QString &kubeconfigPath, const QString &userName, const ExecConfig &config);
    void revoke(const QString &kubeconfigPath, const QString &userName);

    // The command line as shown to the user: env assignments, command and args, shell-quoted.
    static QString commandLine(const ExecConfig &config);

private:
    static QString entryKey(const QString &kubeconfigPath, const QString &userName);
    static QString fingerprint(const ExecConfig &config);

    QString m_settingsFile;
};

// The file burstctl and the console share, so a command line trusted in one is trusted in the
// other: <config>/burst-console/exec-trust.ini.
QString defaultExecTrustFile();

} // namespace core::kube
