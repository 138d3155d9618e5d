#include "core/kube/kubeconfigview.h"

#include "core/common/tr.h"
#include "core/kube/kubeconfigloader.h"

#include <QJsonArray>

namespace core::kube {

namespace {

void putString(QJsonObject &o, const char16_t *key, const QString &value)
{
    if (!value.isEmpty())
        o.insert(QString::fromUtf16(key), value);
}

void putBytes(QJsonObject &o, const char16_t *key, const QByteArray &value)
{
    if (!value.isEmpty())
        o.insert(QString::fromUtf16(key), QString::fromLatin1(value.toBase64()));
}

void putBool(QJsonObject &o, const char16_t *key, bool value)
{
    if (value)
        o.insert(QString::fromUtf16(key), true);
}

void putExtensions(QJsonObject &o, const KubeconfigExtensions &extensions)
{
    QJsonArray list;
    for (auto it = extensions.begin(); it != extensions.end(); ++it)
        list.append(QJsonObject{{QStringLiteral("name"), it.key()},
                                {QStringLiteral("extension"), it.value()}});
    if (!list.isEmpty())
        o.insert(QStringLiteral("extensions"), list);
}

// Go marshals a nil slice as null, which kubectl prints for an unset args/env.
QJsonValue listOrNull(const QJsonArray &list)
{
    return list.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(list);
}

QJsonObject clusterJson(const KubeconfigCluster &c)
{
    QJsonObject o{{QStringLiteral("server"), c.server}};
    putString(o, u"tls-server-name", c.tlsServerName);
    putBool(o, u"insecure-skip-tls-verify", c.insecureSkipTlsVerify);
    putString(o, u"certificate-authority", c.certificateAuthority);
    putBytes(o, u"certificate-authority-data", c.certificateAuthorityData);
    putString(o, u"proxy-url", c.proxyUrl);
    putBool(o, u"disable-compression", c.disableCompression);
    putExtensions(o, c.extensions);
    return o;
}

QJsonObject execJson(const KubeconfigUser &u)
{
    const ExecConfig &e = *u.exec;
    QJsonArray env;
    for (const auto &[name, value] : e.env)
        env.append(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("value"), value}});
    const QJsonArray args = QJsonArray::fromStringList(e.args);
    QJsonObject o{{QStringLiteral("command"), e.command},
                  {QStringLiteral("args"), u.execArgsListed ? QJsonValue(args) : listOrNull(args)},
                  {QStringLiteral("env"), u.execEnvListed ? QJsonValue(env) : listOrNull(env)},
                  {QStringLiteral("provideClusterInfo"), e.provideClusterInfo}};
    putString(o, u"apiVersion", e.apiVersion);
    putString(o, u"installHint", e.installHint);
    putString(o, u"interactiveMode", e.interactiveMode);
    return o;
}

QJsonObject userJson(const KubeconfigUser &u)
{
    QJsonObject o;
    putString(o, u"client-certificate", u.clientCertificate);
    putBytes(o, u"client-certificate-data", u.clientCertificateData);
    putString(o, u"client-key", u.clientKey);
    putBytes(o, u"client-key-data", u.clientKeyData);
    putString(o, u"token", u.token);
    putString(o, u"tokenFile", u.tokenFile);
    putString(o, u"as", u.impersonate);
    putString(o, u"as-uid", u.impersonateUid);
    if (!u.impersonateGroups.isEmpty())
        o.insert(QStringLiteral("as-groups"), QJsonArray::fromStringList(u.impersonateGroups));
    if (!u.impersonateUserExtra.isEmpty())
        o.insert(QStringLiteral("as-user-extra"), u.impersonateUserExtra);
    putString(o, u"username", u.username);
    putString(o, u"password", u.password);
    if (u.authProvider) {
        QJsonObject config;
        for (auto it = u.authProvider->config.begin(); it != u.authProvider->config.end(); ++it)
            config.insert(it.key(), it.value());
        o.insert(QStringLiteral("auth-provider"),
                 QJsonObject{{QStringLiteral("name"), u.authProvider->name},
                             {QStringLiteral("config"),
                              config.isEmpty() ? QJsonValue(QJsonValue::Null) : config}});
    }
    if (u.exec)
        o.insert(QStringLiteral("exec"), execJson(u));
    putExtensions(o, u.extensions);
    return o;
}

QJsonObject contextJson(const KubeconfigContext &c)
{
    QJsonObject o{{QStringLiteral("cluster"), c.cluster}, {QStringLiteral("user"), c.user}};
    putString(o, u"namespace", c.nameSpace);
    putExtensions(o, c.extensions);
    return o;
}

template <typename T, typename Fn>
QJsonValue namedList(const QMap<QString, T> &entries, const QString &field, Fn &&toJson)
{
    QJsonArray list;
    for (auto it = entries.begin(); it != entries.end(); ++it)
        list.append(QJsonObject{{QStringLiteral("name"), it.key()}, {field, toJson(it.value())}});
    return listOrNull(list);
}

// kubectl's FlattenContent.
std::optional<Error> inlineFile(QString &path, QByteArray &data, const QString &sourceFile)
{
    if (path.isEmpty())
        return std::nullopt;
    if (!data.isEmpty()) {
        return Error{QStringLiteral("kubeconfig.flatten"),
                     Tr::tr("cannot have values for both path and contents"),
                     Tr::tr("Remove either %1 or its -data field from %2.").arg(path, sourceFile)};
    }
    const QString absolute = resolveKubeconfigPath(path, sourceFile);
    QString why;
    const std::optional<QByteArray> content = readFileLikeGo(absolute, &why);
    if (!content) {
        return Error{QStringLiteral("kubeconfig.unreadableFile"), why,
                     Tr::tr("The file is named in %1.").arg(sourceFile)};
    }
    data = *content;
    path.clear();
    return std::nullopt;
}

} // namespace

QJsonObject kubeconfigToJson(const Kubeconfig &config)
{
    QJsonObject preferences;
    putBool(preferences, u"colors", config.preferences.colors);
    putExtensions(preferences, config.preferences.extensions);
    QJsonObject o{
        {QStringLiteral("kind"), QStringLiteral("Config")},
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("preferences"), preferences},
        {QStringLiteral("clusters"),
         namedList(config.clusters, QStringLiteral("cluster"), clusterJson)},
        {QStringLiteral("users"), namedList(config.users, QStringLiteral("user"), userJson)},
        {QStringLiteral("contexts"),
         namedList(config.contexts, QStringLiteral("context"), contextJson)},
        {QStringLiteral("current-context"), config.currentContext},
    };
    putExtensions(o, config.extensions);
    return o;
}

Result<Kubeconfig> minifyKubeconfig(const Kubeconfig &config, const QString &context)
{
    Kubeconfig out = config;
    if (!context.isEmpty())
        out.currentContext = context;
    const QString hint = Tr::tr("Choose a context with --context or set current-context.");
    if (out.currentContext.isEmpty()) {
        return Error{QStringLiteral("kubeconfig.noCurrentContext"),
                     Tr::tr("current-context must exist in order to minify"), hint};
    }
    const auto ctx = config.contexts.constFind(out.currentContext);
    if (ctx == config.contexts.constEnd()) {
        return Error{QStringLiteral("kubeconfig.contextNotFound"),
                     Tr::tr("cannot locate context %1").arg(out.currentContext), hint};
    }
    out.contexts = {{ctx.key(), ctx.value()}};
    out.clusters.clear();
    out.users.clear();
    if (!ctx->cluster.isEmpty()) {
        if (!config.clusters.contains(ctx->cluster)) {
            return Error{QStringLiteral("kubeconfig.clusterNotFound"),
                         Tr::tr("cannot locate cluster %1").arg(ctx->cluster), hint};
        }
        out.clusters.insert(ctx->cluster, config.clusters.value(ctx->cluster));
    }
    if (!ctx->user.isEmpty()) {
        if (!config.users.contains(ctx->user)) {
            return Error{QStringLiteral("kubeconfig.userNotFound"),
                         Tr::tr("cannot locate user %1").arg(ctx->user), hint};
        }
        out.users.insert(ctx->user, config.users.value(ctx->user));
    }
    return out;
}

Result<Kubeconfig> flattenKubeconfig(const Kubeconfig &config)
{
    Kubeconfig out = config;
    for (KubeconfigUser &u : out.users) {
        if (auto e = inlineFile(u.clientCertificate, u.clientCertificateData, u.sourceFile))
            return *e;
        if (auto e = inlineFile(u.clientKey, u.clientKeyData, u.sourceFile))
            return *e;
    }
    for (KubeconfigCluster &c : out.clusters) {
        if (auto e = inlineFile(c.certificateAuthority, c.certificateAuthorityData, c.sourceFile))
            return *e;
    }
    return out;
}

Result<QJsonObject> flattenedConfig(const Kubeconfig &config, const KubeconfigViewOptions &options)
{
    Kubeconfig view = config;
    if (options.minify) {
        Result<Kubeconfig> minified = minifyKubeconfig(config, options.context);
        if (!minified)
            return minified.error();
        view = minified.value();
    }
    Result<Kubeconfig> flat = flattenKubeconfig(view);
    if (!flat)
        return flat.error();
    return kubeconfigToJson(flat.value());
}

QList<KubeconfigContextInfo> listContexts(const Kubeconfig &config)
{
    QList<KubeconfigContextInfo> out;
    for (auto it = config.contexts.begin(); it != config.contexts.end(); ++it) {
        out.append({it.key(), it->cluster, it->user, it->nameSpace,
                    it.key() == config.currentContext, it->sourceFile});
    }
    return out;
}

QString sourceFileOf(const Kubeconfig &config, KubeconfigEntry kind, const QString &name)
{
    switch (kind) {
    case KubeconfigEntry::Cluster:
        return config.clusters.value(name).sourceFile;
    case KubeconfigEntry::User:
        return config.users.value(name).sourceFile;
    case KubeconfigEntry::Context:
        return config.contexts.value(name).sourceFile;
    }
    return {};
}

} // namespace core::kube
