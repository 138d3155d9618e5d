#include "core/kube/execcredential.h"

#include "core/common/tr.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace core::kube {

ExecClusterInfo ExecClusterInfo::fromConnection(const Connection &connection,
                                                const QJsonValue &execExtension)
{
    ExecClusterInfo info;
    info.server = connection.server.toString();
    info.certificateAuthorityPem = connection.certificateAuthorityPem;
    info.insecureSkipTlsVerify = connection.insecureSkipTlsVerify;
    info.tlsServerName = connection.tlsServerName;
    info.proxyUrl = connection.proxyUrl.toString();
    info.config = execExtension;
    return info;
}

namespace execcredential {

namespace {

const QString kKind = QStringLiteral("ExecCredential");

Error configError(const QString &message, const QString &hint = {})
{
    return Error{QStringLiteral("exec.invalid-config"), message, hint};
}

Error outputError(const QString &detail)
{
    return Error{QStringLiteral("exec.bad-output"), Tr::tr("decoding stdout: %1").arg(detail),
                 Tr::tr("The credential plugin must print one ExecCredential JSON object on "
                        "standard output.")};
}

QJsonObject clusterJson(const ExecClusterInfo &cluster)
{
    // Field names and omitempty rules of clientauthentication/v1.Cluster: server is always sent.
    QJsonObject json{{QStringLiteral("server"), cluster.server}};
    if (!cluster.tlsServerName.isEmpty())
        json.insert(QStringLiteral("tls-server-name"), cluster.tlsServerName);
    if (cluster.insecureSkipTlsVerify)
        json.insert(QStringLiteral("insecure-skip-tls-verify"), true);
    if (!cluster.certificateAuthorityPem.isEmpty()) {
        json.insert(QStringLiteral("certificate-authority-data"),
                    QString::fromLatin1(cluster.certificateAuthorityPem.toBase64()));
    }
    if (!cluster.proxyUrl.isEmpty())
        json.insert(QStringLiteral("proxy-url"), cluster.proxyUrl);
    if (!cluster.config.isUndefined() && !cluster.config.isNull())
        json.insert(QStringLiteral("config"), cluster.config);
    return json;
}

std::optional<Error> validateInteractiveMode(const ExecConfig &config, const QString &userName)
{
    const QString &mode = config.interactiveMode;
    if (mode.isEmpty()) {
        if (config.apiVersion == QStringView(kV1)) {
            return configError(
                Tr::tr("interactiveMode must be specified for %1 to use exec authentication plugin")
                    .arg(userName),
                Tr::tr("Add interactiveMode: Never (or IfAvailable) to the user's exec section."));
        }
        return std::nullopt; // v1beta1 defaults to IfAvailable
    }
    if (mode == u"Always") {
        return Error{QStringLiteral("exec.interactive-unsupported"),
                     Tr::tr("exec plugin cannot support interactive mode: standard input is not a "
                            "terminal"),
                     Tr::tr("The console cannot give the plugin a terminal. Set interactiveMode to "
                            "IfAvailable or Never, or log in with the plugin in a terminal first "
                            "if it caches its credentials.")};
    }
    if (mode != u"Never" && mode != u"IfAvailable") {
        return configError(Tr::tr("invalid interactiveMode for %1: \"%2\"").arg(userName, mode),
                           Tr::tr("interactiveMode is one of Never, IfAvailable or Always."));
    }
    return std::nullopt;
}

} // namespace

std::optional<Error> validate(const ExecConfig &config, const QString &userName)
{
    if (config.command.isEmpty()) {
        return configError(
            Tr::tr("command must be specified for %1 to use exec authentication plugin")
                .arg(userName));
    }
    if (config.apiVersion.isEmpty()) {
        return configError(
            Tr::tr("apiVersion must be specified for %1 to use exec authentication plugin")
                .arg(userName));
    }
    if (config.apiVersion != QStringView(kV1) && config.apiVersion != QStringView(kV1Beta1)) {
        return configError(Tr::tr("exec plugin: invalid apiVersion \"%1\"").arg(config.apiVersion),
                           Tr::tr("Supported apiVersions: %1, %2. Update the plugin or the "
                                  "kubeconfig entry.")
                               .arg(QString::fromUtf16(kV1), QString::fromUtf16(kV1Beta1)));
    }
    for (const auto &[name, value] : config.env) {
        if (name.isEmpty()) {
            return configError(
                Tr::tr("env variable name must be specified for %1 to use exec authentication "
                       "plugin")
                    .arg(userName));
        }
    }
    return validateInteractiveMode(config, userName);
}

QByteArray execInfo(const ExecConfig &config, const std::optional<ExecClusterInfo> &cluster)
{
    QJsonObject spec{{QStringLiteral("interactive"), false}};
    if (cluster)
        spec.insert(QStringLiteral("cluster"), clusterJson(*cluster));
    const QJsonObject credential{{QStringLiteral("apiVersion"), config.apiVersion},
                                 {QStringLiteral("kind"), kKind},
                                 {QStringLiteral("spec"), spec}};
    return QJsonDocument(credential).toJson(QJsonDocument::Compact);
}

namespace {

Result<QString> optionalString(const QJsonObject &object, const QString &key)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return QString();
    if (!value.isString())
        return outputError(Tr::tr("status.%1 is not a string").arg(key));
    return value.toString();
}

Result<Credential> parseStatus(const QJsonObject &status)
{
    const auto token = optionalString(status, QStringLiteral("token"));
    const auto cert = optionalString(status, QStringLiteral("clientCertificateData"));
    const auto key = optionalString(status, QStringLiteral("clientKeyData"));
    const auto expiry = optionalString(status, QStringLiteral("expirationTimestamp"));
    for (const auto *field : {&token, &cert, &key, &expiry}) {
        if (!field->ok())
            return field->error();
    }
    if (token->isEmpty() && cert->isEmpty() && key->isEmpty()) {
        return Error{QStringLiteral("exec.bad-output"),
                     Tr::tr("exec plugin didn't return a token or cert/key pair"),
                     {}};
    }
    if (cert->isEmpty() != key->isEmpty()) {
        return Error{QStringLiteral("exec.bad-output"),
                     Tr::tr("exec plugin returned only certificate or key, not both"),
                     {}};
    }
    Credential credential;
    credential.token = *token;
    credential.clientCertPem = cert->toUtf8();
    credential.clientKeyPem = key->toUtf8();
    if (!expiry->isEmpty()) {
        // metav1.Time is RFC 3339 with an optional fraction; ISODateWithMs reads both.
        credential.expiry = QDateTime::fromString(*expiry, Qt::ISODateWithMs);
        if (!credential.expiry.isValid())
            return outputError(Tr::tr("invalid status.expirationTimestamp \"%1\"").arg(*expiry));
    }
    return credential;
}

} // namespace

Result<Credential> parseOutput(const QByteArray &stdoutData, const QString &apiVersion)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(stdoutData, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return outputError(parseError.errorString());
    if (!document.isObject())
        return outputError(Tr::tr("couldn't get version/kind; the output is not a JSON object"));
    const QJsonObject object = document.object();
    const QString returnedVersion = object.value(QStringLiteral("apiVersion")).toString();
    const QString kind = object.value(QStringLiteral("kind")).toString();
    if (returnedVersion.isEmpty() || kind.isEmpty())
        return outputError(Tr::tr("couldn't get version/kind"));
    if (returnedVersion != apiVersion) {
        return Error{QStringLiteral("exec.version-mismatch"),
                     Tr::tr("exec plugin is configured to use API version %1, plugin returned "
                            "version %2")
                         .arg(apiVersion, returnedVersion),
                     Tr::tr("Set the kubeconfig's exec apiVersion to the version the plugin "
                            "prints, or update the plugin.")};
    }
    if (kind != kKind)
        return outputError(Tr::tr("unexpected kind \"%1\", want ExecCredential").arg(kind));
    const QJsonValue status = object.value(QStringLiteral("status"));
    if (!status.isObject()) {
        return Error{QStringLiteral("exec.bad-output"),
                     Tr::tr("exec plugin didn't return a status field"),
                     {}};
    }
    return parseStatus(status.toObject());
}

} // namespace execcredential

} // namespace core::kube
