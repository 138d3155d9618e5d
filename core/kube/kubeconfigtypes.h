#pragma once

#include "core/kube/connection.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace core::kube {

// The kubeconfig as client-go holds it after decoding (clientcmd/api.Config): file paths are kept
// as written; `sourceFile` (client-go's LocationOfOrigin) says which file defined the entry, so
// relative paths can be resolved against its directory when needed.
using KubeconfigExtensions = QMap<QString, QJsonValue>; // name -> extension object, kept raw

struct KubeconfigCluster
{
    QString server;
    QString tlsServerName;
    bool insecureSkipTlsVerify = false;
    QString certificateAuthority;
    QByteArray certificateAuthorityData;
    QString proxyUrl;
    bool disableCompression = false;
    KubeconfigExtensions extensions;
    QString sourceFile;
};

struct KubeconfigAuthProvider
{
    QString name;
    QMap<QString, QString> config;
};

struct KubeconfigUser
{
    QString clientCertificate;
    QByteArray clientCertificateData;
    QString clientKey;
    QByteArray clientKeyData;
    QString token;
    QString tokenFile;
    QString impersonate;
    QString impersonateUid;
    QStringList impersonateGroups;
    QJsonObject impersonateUserExtra; // name -> list of strings
    QString username;
    QString password;
    std::optional<KubeconfigAuthProvider> authProvider;
    std::optional<ExecConfig> exec;
    // Whether exec args/env were given as lists, even empty ones: kubectl prints [] for those
    // and null for absent ones.
    bool execArgsListed = false;
    bool execEnvListed = false;
    KubeconfigExtensions extensions;
    QString sourceFile;
};

struct KubeconfigContext
{
    QString cluster;
    QString user;
    QString nameSpace;
    KubeconfigExtensions extensions;
    QString sourceFile;
};

struct KubeconfigPreferences
{
    bool colors = false;
    KubeconfigExtensions extensions;
};

struct Kubeconfig
{
    QMap<QString, KubeconfigCluster> clusters;
    QMap<QString, KubeconfigUser> users;
    QMap<QString, KubeconfigContext> contexts;
    QString currentContext;
    KubeconfigPreferences preferences;
    KubeconfigExtensions extensions;
    QStringList files; // the files that were read, highest precedence first
};

} // namespace core::kube
