#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QUrl>

class QNetworkRequest;

#include <functional>
#include <memory>
#include <optional>

namespace core::kube {

// users[].user.exec of a kubeconfig (client.authentication.k8s.io exec credential plugin).
struct ExecConfig
{
    QString apiVersion; // client.authentication.k8s.io/v1 or /v1beta1
    QString command;
    QStringList args;
    QList<QPair<QString, QString>> env;
    QString installHint;
    bool provideClusterInfo = false;
    QString interactiveMode; // "Never" | "IfAvailable" | "Always"; "" = unset
};

// A credential obtained at run time (exec plugin, IAM token).
struct Credential
{
    QString token;              // bearer token, or empty
    QByteArray clientCertPem;   // client certificate, or empty
    QByteArray clientKeyPem;    // its key
    QDateTime expiry;           // invalid = does not expire
};

// Provides credentials asynchronously. The REST client asks before a request (the provider
// answers from its cache when it can) and calls invalidate() after a 401 before asking again.
// `done` runs on the thread of `context`, after `context`'s event loop gets to it, and never
// after `context` is destroyed.
class CredentialProvider : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const Result<Credential> &credential)>;
    using QObject::QObject;
    virtual void fetch(QObject *context, Done done) = 0;
    virtual void invalidate() = 0;
};

// Everything needed to talk to one API server: a kubeconfig context resolved (files read,
// relative paths resolved), or an endpoint configured by hand (CCI with an IAM token).
struct Connection
{
    QString contextName;
    QString clusterName;
    QString userName;
    QString userSourceFile;   // the kubeconfig file that defines the user (exec trust key)
    QString defaultNamespace; // context namespace, "" = "default"

    QUrl server;
    QByteArray certificateAuthorityPem; // empty = system CAs
    bool insecureSkipTlsVerify = false;
    QString tlsServerName;
    QUrl proxyUrl;

    QString token; // static bearer token (token or tokenFile contents)
    QString tokenFile; // re-read when set (service-account style rotation)
    QByteArray clientCertPem;
    QByteArray clientKeyPem;
    QString username; // basic auth
    QString password;
    std::optional<ExecConfig> exec;
    // Extra headers on every request (X-Auth-Token for CCI).
    QList<QPair<QByteArray, QByteArray>> extraHeaders;
    // Dynamic credentials (exec plugin, IAM); consulted before every request when set.
    std::shared_ptr<CredentialProvider> credentialProvider;
    // Signs each request as it leaves, once every header is set (Huawei AK/SK signing of CCI
    // requests, the alternative to IAM tokens: core/cloud/requestsigner.h). Returns an error
    // message when it cannot sign.
    std::function<QString(QNetworkRequest &request, const QByteArray &verb,
                          const QByteArray &body)>
        signRequest;
};

} // namespace core::kube
