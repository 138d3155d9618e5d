#pragma once

#include "core/common/result.h"
#include "core/kube/connection.h"

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace core::kube {

// What an exec plugin learns about the cluster when provideClusterInfo is set: spec.cluster of
// client.authentication.k8s.io ExecCredential.
struct ExecClusterInfo
{
    QString server;
    QByteArray certificateAuthorityPem;
    bool insecureSkipTlsVerify = false;
    QString tlsServerName;
    QString proxyUrl;
    // clusters[].cluster.extensions["client.authentication.k8s.io/exec"]; undefined = absent.
    QJsonValue config;

    // `execExtension`: the cluster's client.authentication.k8s.io/exec extension, which
    // Connection does not carry; the kubeconfig loader passes it when it has one.
    static ExecClusterInfo fromConnection(const Connection &connection,
                                          const QJsonValue &execExtension = {});
};

// The ExecCredential wire format (client-go plugin/pkg/client/auth/exec), as free functions.
namespace execcredential {

inline constexpr char16_t kV1[] = u"client.authentication.k8s.io/v1";
inline constexpr char16_t kV1Beta1[] = u"client.authentication.k8s.io/v1beta1";

// client-go's kubeconfig validation and authenticator construction, in its wording: supported
// apiVersion, a command, env names, and interactiveMode (required for v1). An interactiveMode of
// Always is refused because the console never gives a plugin a terminal.
std::optional<Error> validate(const ExecConfig &config, const QString &userName);

// The KUBERNETES_EXEC_INFO value: {apiVersion, kind, spec: {interactive: false[, cluster]}}.
QByteArray execInfo(const ExecConfig &config, const std::optional<ExecClusterInfo> &cluster);

// Decodes the plugin's stdout; the credential or client-go's error for a bad answer.
Result<Credential> parseOutput(const QByteArray &stdoutData, const QString &apiVersion);

} // namespace execcredential

} // namespace core::kube
