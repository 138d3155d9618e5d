// Interim loadConnection for one kubeconfig file (current-context or --context, server, CA data,
// token, client certificate data, insecure), so the REST client and burstctl build and test
// before the full loader (kubeconfig.cpp) lands; the lead removes this file at merge.
#include "core/common/tr.h"
#include "core/kube/jsonyaml.h"
#include "core/kube/kubeconfig.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

#include <yaml-cpp/yaml.h>

namespace core::kube {

namespace {

QJsonObject namedEntry(const QJsonObject &config, const QString &list, const QString &field,
                       const QString &name)
{
    for (const QJsonValue &v : config.value(list).toArray())
        if (v.toObject().value(u"name").toString() == name)
            return v.toObject().value(field).toObject();
    return {};
}

Error configError(const QString &message)
{
    return Error{QStringLiteral("kubeconfig.invalid"), message,
                 Tr::tr("Check the kubeconfig file and the --context flag.")};
}

} // namespace

Result<Connection> loadConnection(const KubeconfigOverrides &overrides)
{
    QString path = overrides.kubeconfigPath;
    if (path.isEmpty())
        path = qEnvironmentVariable("KUBECONFIG").split(u':').value(0);
    if (path.isEmpty())
        path = QDir::homePath() + u"/.kube/config";
    QJsonObject config;
    QFile file(path);
    if (file.open(QIODevice::ReadOnly)) {
        try {
            config = yamlToJson(YAML::Load(file.readAll().toStdString())).toObject();
        } catch (const YAML::Exception &e) {
            return configError(
                Tr::tr("cannot parse %1: %2").arg(path, QString::fromUtf8(e.what())));
        }
    } else if (overrides.server.isEmpty()) {
        return configError(Tr::tr("cannot read kubeconfig %1").arg(path));
    }
    Connection c;
    c.contextName = overrides.context.isEmpty() ? config.value(u"current-context").toString()
                                                : overrides.context;
    const QJsonObject context =
        namedEntry(config, QStringLiteral("contexts"), QStringLiteral("context"), c.contextName);
    if (context.isEmpty() && overrides.server.isEmpty())
        return configError(Tr::tr("context \"%1\" not found in %2").arg(c.contextName, path));
    c.clusterName =
        overrides.cluster.isEmpty() ? context.value(u"cluster").toString() : overrides.cluster;
    c.userName = overrides.user.isEmpty() ? context.value(u"user").toString() : overrides.user;
    c.defaultNamespace = overrides.nameSpace.isEmpty() ? context.value(u"namespace").toString()
                                                       : overrides.nameSpace;
    const QJsonObject cluster =
        namedEntry(config, QStringLiteral("clusters"), QStringLiteral("cluster"), c.clusterName);
    const QJsonObject user =
        namedEntry(config, QStringLiteral("users"), QStringLiteral("user"), c.userName);
    c.server =
        QUrl(overrides.server.isEmpty() ? cluster.value(u"server").toString() : overrides.server);
    c.certificateAuthorityPem =
        QByteArray::fromBase64(cluster.value(u"certificate-authority-data").toString().toLatin1());
    c.insecureSkipTlsVerify =
        overrides.insecureSkipTlsVerify || cluster.value(u"insecure-skip-tls-verify").toBool();
    c.tlsServerName = cluster.value(u"tls-server-name").toString();
    c.token = overrides.token.isEmpty() ? user.value(u"token").toString() : overrides.token;
    c.clientCertPem =
        QByteArray::fromBase64(user.value(u"client-certificate-data").toString().toLatin1());
    c.clientKeyPem = QByteArray::fromBase64(user.value(u"client-key-data").toString().toLatin1());
    if (!c.server.isValid() || c.server.isEmpty())
        return configError(Tr::tr("no server found for cluster \"%1\"").arg(c.clusterName));
    return c;
}

} // namespace core::kube
