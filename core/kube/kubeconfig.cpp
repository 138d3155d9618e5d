#include "core/kube/kubeconfig.h"

#include "core/common/tr.h"
#include "core/kube/kubeconfigloader.h"

namespace core::kube {

namespace {

struct Selection
{
    QString contextName;
    KubeconfigContext context;
    QString clusterName;
    KubeconfigCluster cluster;
    QString userName;
    KubeconfigUser user;
};

Error notFound(const QString &code, const QString &message, const Kubeconfig &config)
{
    const QStringList contexts = config.contexts.keys();
    const QString hint =
        contexts.isEmpty()
            ? Tr::tr("No kubeconfig file defines any context; files read: %1.")
                  .arg(config.files.isEmpty() ? Tr::tr("none") : config.files.join(u", "))
            : Tr::tr("Known contexts: %1.").arg(contexts.join(u", "));
    return Error{code, message, hint};
}

// client-go's ResolveLocalPaths for the entries a connection uses.
void resolvePaths(Selection &s)
{
    KubeconfigCluster &c = s.cluster;
    c.certificateAuthority = resolveKubeconfigPath(c.certificateAuthority, c.sourceFile);
    KubeconfigUser &u = s.user;
    u.clientCertificate = resolveKubeconfigPath(u.clientCertificate, u.sourceFile);
    u.clientKey = resolveKubeconfigPath(u.clientKey, u.sourceFile);
    u.tokenFile = resolveKubeconfigPath(u.tokenFile, u.sourceFile);
    // A bare command name is looked up on PATH, so only one with a '/' is a file reference.
    if (u.exec && u.exec->command.contains(QLatin1Char('/')))
        u.exec->command = resolveKubeconfigPath(u.exec->command, u.sourceFile);
}

// client-go's DirectClientConfig.getCluster/getAuthInfo override rules.
void applyOverrides(Selection &s, const KubeconfigOverrides &o)
{
    if (!o.nameSpace.isEmpty())
        s.context.nameSpace = o.nameSpace;
    if (!o.server.isEmpty()) {
        s.cluster.server = o.server;
        s.cluster.tlsServerName.clear();
    }
    if (o.insecureSkipTlsVerify) {
        s.cluster.insecureSkipTlsVerify = true;
        s.cluster.certificateAuthority.clear();
        s.cluster.certificateAuthorityData.clear();
    }
    if (!o.token.isEmpty()) {
        s.user.token = o.token;
        s.user.tokenFile.clear();
        s.user.exec.reset();
        s.user.authProvider.reset();
    }
}

Result<Selection> selectEntries(const Kubeconfig &config, const KubeconfigOverrides &o)
{
    Selection s;
    s.contextName = o.context.isEmpty() ? config.currentContext : o.context;
    if (!s.contextName.isEmpty()) {
        if (!config.contexts.contains(s.contextName)) {
            return notFound(QStringLiteral("kubeconfig.contextNotFound"),
                            Tr::tr("context \"%1\" does not exist").arg(s.contextName), config);
        }
        s.context = config.contexts.value(s.contextName);
    }
    s.clusterName = o.cluster.isEmpty() ? s.context.cluster : o.cluster;
    s.userName = o.user.isEmpty() ? s.context.user : o.user;
    if (!s.clusterName.isEmpty()) {
        if (!config.clusters.contains(s.clusterName) &&
            (!o.cluster.isEmpty() || o.server.isEmpty()))
            return Error{QStringLiteral("kubeconfig.clusterNotFound"),
                         Tr::tr("cluster \"%1\" does not exist").arg(s.clusterName),
                         Tr::tr("Context \"%1\" names it; known clusters: %2.")
                             .arg(s.contextName, config.clusters.keys().join(u", "))};
        s.cluster = config.clusters.value(s.clusterName);
    }
    if (!s.userName.isEmpty()) {
        if (!config.users.contains(s.userName))
            return Error{QStringLiteral("kubeconfig.userNotFound"),
                         Tr::tr("auth info \"%1\" does not exist").arg(s.userName),
                         Tr::tr("Context \"%1\" names it; known users: %2.")
                             .arg(s.contextName, config.users.keys().join(u", "))};
        s.user = config.users.value(s.userName);
    }
    return s;
}

// client-go's validateClusterInfo, reading the CA as it goes.
QStringList loadCluster(const Selection &s, Connection &c)
{
    QStringList errors;
    const KubeconfigCluster &k = s.cluster;
    if (k.server.isEmpty()) {
        errors << (s.clusterName.isEmpty()
                       ? Tr::tr("default cluster has no server defined")
                       : Tr::tr("no server found for cluster \"%1\"").arg(s.clusterName));
    }
    if (!k.proxyUrl.isEmpty()) {
        c.proxyUrl = QUrl(k.proxyUrl, QUrl::StrictMode);
        const QString scheme = c.proxyUrl.scheme();
        if (!c.proxyUrl.isValid() ||
            (scheme != u"http" && scheme != u"https" && scheme != u"socks5"))
            errors << Tr::tr("invalid 'proxy-url' \"%1\" for cluster \"%2\": unsupported scheme "
                             "\"%3\", must be http, https, or socks5")
                          .arg(k.proxyUrl, s.clusterName, scheme);
    }
    c.certificateAuthorityPem = k.certificateAuthorityData;
    if (!k.certificateAuthority.isEmpty() && k.certificateAuthorityData.isEmpty()) {
        QString why;
        if (auto pem = readFileLikeGo(k.certificateAuthority, &why))
            c.certificateAuthorityPem = *pem;
        else
            errors << Tr::tr("unable to read certificate-authority %1 for %2 due to %3")
                          .arg(k.certificateAuthority, s.clusterName, why);
    }
    if (k.insecureSkipTlsVerify && !c.certificateAuthorityPem.isEmpty())
        errors << Tr::tr("specifying a root certificates file with the insecure flag is not "
                         "allowed");
    c.insecureSkipTlsVerify = k.insecureSkipTlsVerify;
    c.tlsServerName = k.tlsServerName;
    // client-go's DefaultServerURL: a bare host:port gets https when TLS is configured.
    QString server = k.server;
    if (!server.isEmpty() && !server.contains(u"://")) {
        const bool tls = !c.certificateAuthorityPem.isEmpty() || k.insecureSkipTlsVerify ||
                         !s.user.clientCertificate.isEmpty() ||
                         !s.user.clientCertificateData.isEmpty();
        server = QString((tls ? u"https://" : u"http://") + server);
    }
    c.server = QUrl(server);
    return errors;
}

QStringList loadExec(const Selection &s, Connection &c)
{
    QStringList errors;
    const ExecConfig &e = *s.user.exec;
    const QString &name = s.userName;
    if (e.command.isEmpty())
        errors << Tr::tr("command must be specified for %1 to use exec authentication plugin")
                      .arg(name);
    if (e.apiVersion.isEmpty())
        errors << Tr::tr("apiVersion must be specified for %1 to use exec authentication plugin")
                      .arg(name);
    for (const auto &var : e.env) {
        if (var.first.isEmpty())
            errors << Tr::tr("env variable name must be specified for %1 to use exec "
                             "authentication plugin")
                          .arg(name);
    }
    if (e.interactiveMode.isEmpty())
        errors << Tr::tr("interactiveMode must be specified for %1 to use exec authentication "
                         "plugin")
                      .arg(name);
    else if (e.interactiveMode != u"Never" && e.interactiveMode != u"IfAvailable" &&
             e.interactiveMode != u"Always")
        errors << Tr::tr("invalid interactiveMode: %1").arg(e.interactiveMode);
    c.exec = e;
    c.userSourceFile = s.user.sourceFile;
    return errors;
}

// client-go's validateAuthInfo and getUserIdentificationPartialConfig: data wins over files.
QStringList loadUser(const Selection &s, Connection &c)
{
    QStringList errors;
    const KubeconfigUser &u = s.user;
    const QString &name = s.userName;
    c.token = u.token;
    c.tokenFile = u.tokenFile;
    if (u.token.isEmpty() && !u.tokenFile.isEmpty()) {
        QString why;
        if (auto token = readFileLikeGo(u.tokenFile, &why))
            c.token = QString::fromUtf8(token->trimmed());
        else
            errors << why;
    }
    const bool hasCert = !u.clientCertificate.isEmpty() || !u.clientCertificateData.isEmpty();
    if (hasCert && u.clientKey.isEmpty() && u.clientKeyData.isEmpty())
        errors << Tr::tr("client-key-data or client-key must be specified for %1 to use the "
                         "clientCert authentication method.")
                      .arg(name);
    c.clientCertPem = u.clientCertificateData;
    c.clientKeyPem = u.clientKeyData;
    QString why;
    if (hasCert && c.clientCertPem.isEmpty()) {
        if (auto pem = readFileLikeGo(u.clientCertificate, &why))
            c.clientCertPem = *pem;
        else
            errors << Tr::tr("unable to read client-cert %1 for %2 due to %3")
                          .arg(u.clientCertificate, name, why);
    }
    if (hasCert && c.clientKeyPem.isEmpty() && !u.clientKey.isEmpty()) {
        if (auto pem = readFileLikeGo(u.clientKey, &why))
            c.clientKeyPem = *pem;
        else
            errors << Tr::tr("unable to read client-key %1 for %2 due to %3")
                          .arg(u.clientKey, name, why);
    }
    c.username = u.username;
    c.password = u.password;
    if (u.exec) {
        if (u.authProvider)
            errors << Tr::tr("authProvider cannot be provided in combination with an exec "
                             "plugin for %1")
                          .arg(name);
        errors << loadExec(s, c);
    }
    return errors;
}

} // namespace

Result<Kubeconfig> loadKubeconfig(const KubeconfigOverrides &overrides)
{
    return loadKubeconfig(KubeconfigSearch::fromEnvironment(overrides.kubeconfigPath));
}

Result<Connection> resolveConnection(const Kubeconfig &config, const KubeconfigOverrides &overrides)
{
    Result<Selection> selected = selectEntries(config, overrides);
    if (!selected)
        return selected.error();
    Selection &s = selected.value();
    resolvePaths(s);
    applyOverrides(s, overrides);
    if (s.clusterName.isEmpty() && s.cluster.server.isEmpty()) {
        return Error{QStringLiteral("kubeconfig.empty"),
                     Tr::tr("no configuration has been provided, try setting KUBERNETES_MASTER "
                            "environment variable"),
                     Tr::tr("Pass --kubeconfig or --server, set KUBECONFIG, or use the sandbox "
                            "cluster.")};
    }
    if (s.user.authProvider && !s.user.exec) {
        return Error{QStringLiteral("kubeconfig.authProvider"),
                     Tr::tr("auth-provider %1 is not supported; use an exec plugin")
                         .arg(s.user.authProvider->name),
                     Tr::tr("Replace the auth-provider of user \"%1\" in %2 with an exec "
                            "credential plugin (client.authentication.k8s.io).")
                         .arg(s.userName, s.user.sourceFile)};
    }
    Connection c;
    c.contextName = s.contextName;
    c.clusterName = s.clusterName;
    c.userName = s.userName;
    c.defaultNamespace = s.context.nameSpace;
    const QStringList errors = loadUser(s, c) + loadCluster(s, c);
    if (!errors.isEmpty()) {
        const QString where =
            s.contextName.isEmpty()
                ? config.files.join(u", ")
                : Tr::tr("context \"%1\" (%2)").arg(s.contextName, s.context.sourceFile);
        return Error{QStringLiteral("kubeconfig.invalid"), errors.join(QLatin1Char('\n')),
                     Tr::tr("Fix the kubeconfig entries used by %1.").arg(where)};
    }
    return c;
}

Result<Connection> loadConnection(const KubeconfigOverrides &overrides)
{
    Result<Kubeconfig> config = loadKubeconfig(overrides);
    if (!config)
        return config.error();
    return resolveConnection(config.value(), overrides);
}

} // namespace core::kube
