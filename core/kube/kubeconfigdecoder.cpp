#include "core/kube/kubeconfigdecoder.h"

#include "core/common/tr.h"
#include "core/kube/manifestloader.h"

#include <QJsonArray>
#include <QJsonObject>

namespace core::kube {

namespace {

QString childPath(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : QString(path + QLatin1Char('.') + key);
}

QString itemPath(const QString &path, qsizetype index)
{
    return path + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

// Reads typed fields and remembers the first error; callers check failed() once at the end,
// which keeps each field a one-liner as in client-go's struct tags.
class Decoder
{
public:
    Decoder(const PositionMap &positions, const QString &file)
        : m_positions(positions), m_file(file)
    {
    }

    bool failed() const { return m_error.has_value(); }
    Error error() const { return *m_error; }

    void fail(const QString &path, const QString &message)
    {
        if (m_error)
            return;
        SourcePos pos;
        for (QString p = path; !p.isEmpty() && !pos.isValid();) {
            pos = m_positions.value(p);
            const qsizetype cut = qMax(p.lastIndexOf(QLatin1Char('.')), p.lastIndexOf(u'['));
            p.truncate(qMax<qsizetype>(cut, 0));
        }
        const ParseError where{m_file, pos.line, pos.column,
                               path.isEmpty() ? message : QString(path + u": " + message)};
        m_error =
            Error{QStringLiteral("kubeconfig.parse"),
                  Tr::tr("error loading config file \"%1\": %2").arg(m_file, where.toString()),
                  Tr::tr("Fix the kubeconfig file at the position shown; kubectl rejects "
                         "it too.")};
    }

    bool expect(const QJsonValue &v, const QString &path, QJsonValue::Type type,
                const QString &typeName)
    {
        if (v.isUndefined() || v.isNull() || v.type() == type)
            return true;
        fail(path, Tr::tr("expected %1, found %2").arg(typeName, jsonTypeName(v)));
        return false;
    }

    QString string(const QJsonObject &o, const QString &key, const QString &path)
    {
        const QJsonValue v = o.value(key);
        return expect(v, childPath(path, key), QJsonValue::String, Tr::tr("a string"))
                   ? v.toString()
                   : QString();
    }

    bool boolean(const QJsonObject &o, const QString &key, const QString &path)
    {
        const QJsonValue v = o.value(key);
        return expect(v, childPath(path, key), QJsonValue::Bool, Tr::tr("a boolean")) && v.toBool();
    }

    // Go's encoding/json reads []byte as standard, padded base64.
    QByteArray bytes(const QJsonObject &o, const QString &key, const QString &path)
    {
        const QString text = string(o, key, path);
        if (text.isEmpty())
            return {};
        const auto decoded = QByteArray::fromBase64Encoding(
            text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || text.size() % 4 != 0) {
            fail(childPath(path, key), Tr::tr("illegal base64 data"));
            return {};
        }
        return *decoded;
    }

    QJsonObject object(const QJsonObject &o, const QString &key, const QString &path)
    {
        const QJsonValue v = o.value(key);
        return expect(v, childPath(path, key), QJsonValue::Object, Tr::tr("a mapping"))
                   ? v.toObject()
                   : QJsonObject();
    }

    QJsonArray array(const QJsonObject &o, const QString &key, const QString &path)
    {
        const QJsonValue v = o.value(key);
        return expect(v, childPath(path, key), QJsonValue::Array, Tr::tr("a list")) ? v.toArray()
                                                                                    : QJsonArray();
    }

    QStringList strings(const QJsonObject &o, const QString &key, const QString &path)
    {
        QStringList out;
        const QJsonArray items = array(o, key, path);
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (expect(items.at(i), itemPath(childPath(path, key), i), QJsonValue::String,
                       Tr::tr("a string")))
                out.append(items.at(i).toString());
        }
        return out;
    }

    // A named list ([{name, <field>: {...}}]) as client-go's conversion to a map sees it.
    template <typename Fn>
    void named(const QJsonObject &o, const QString &key, const QString &field, Fn &&each)
    {
        const QJsonArray items = array(o, key, {});
        QSet<QString> seen;
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QString path = itemPath(key, i);
            if (!expect(items.at(i), path, QJsonValue::Object, Tr::tr("a mapping")))
                return;
            const QJsonObject item = items.at(i).toObject();
            const QString name = string(item, QStringLiteral("name"), path);
            if (seen.contains(name)) {
                fail(path, Tr::tr("duplicate name \"%1\" in list").arg(name));
                return;
            }
            seen.insert(name);
            each(name, object(item, field, path), childPath(path, field));
        }
    }

    KubeconfigExtensions extensions(const QJsonObject &o, const QString &path)
    {
        KubeconfigExtensions out;
        const QString key = QStringLiteral("extensions");
        const QJsonArray items = array(o, key, path);
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QString p = itemPath(childPath(path, key), i);
            if (!expect(items.at(i), p, QJsonValue::Object, Tr::tr("a mapping")))
                break;
            const QJsonObject item = items.at(i).toObject();
            const QString name = string(item, QStringLiteral("name"), p);
            if (out.contains(name)) {
                fail(p, Tr::tr("duplicate name \"%1\" in list").arg(name));
                break;
            }
            out.insert(name, item.value(u"extension"));
        }
        return out;
    }

    ExecConfig exec(const QJsonObject &o, const QString &path)
    {
        ExecConfig e;
        e.command = string(o, QStringLiteral("command"), path);
        e.args = strings(o, QStringLiteral("args"), path);
        const QJsonArray env = array(o, QStringLiteral("env"), path);
        for (qsizetype i = 0; i < env.size(); ++i) {
            const QString p = itemPath(childPath(path, QStringLiteral("env")), i);
            if (!expect(env.at(i), p, QJsonValue::Object, Tr::tr("a mapping")))
                break;
            const QJsonObject var = env.at(i).toObject();
            e.env.append(
                {string(var, QStringLiteral("name"), p), string(var, QStringLiteral("value"), p)});
        }
        e.apiVersion = string(o, QStringLiteral("apiVersion"), path);
        e.installHint = string(o, QStringLiteral("installHint"), path);
        e.provideClusterInfo = boolean(o, QStringLiteral("provideClusterInfo"), path);
        e.interactiveMode = string(o, QStringLiteral("interactiveMode"), path);
        // client-go's SetDefaults_ExecConfig: only the older APIs get a default.
        if (e.interactiveMode.isEmpty() &&
            (e.apiVersion == u"client.authentication.k8s.io/v1beta1" ||
             e.apiVersion == u"client.authentication.k8s.io/v1alpha1"))
            e.interactiveMode = QStringLiteral("IfAvailable");
        return e;
    }

    KubeconfigCluster cluster(const QJsonObject &o, const QString &path)
    {
        KubeconfigCluster c;
        c.server = string(o, QStringLiteral("server"), path);
        c.tlsServerName = string(o, QStringLiteral("tls-server-name"), path);
        c.insecureSkipTlsVerify = boolean(o, QStringLiteral("insecure-skip-tls-verify"), path);
        c.certificateAuthority = string(o, QStringLiteral("certificate-authority"), path);
        c.certificateAuthorityData = bytes(o, QStringLiteral("certificate-authority-data"), path);
        c.proxyUrl = string(o, QStringLiteral("proxy-url"), path);
        c.disableCompression = boolean(o, QStringLiteral("disable-compression"), path);
        c.extensions = extensions(o, path);
        c.sourceFile = m_file;
        return c;
    }

    KubeconfigUser user(const QJsonObject &o, const QString &path)
    {
        KubeconfigUser u;
        u.clientCertificate = string(o, QStringLiteral("client-certificate"), path);
        u.clientCertificateData = bytes(o, QStringLiteral("client-certificate-data"), path);
        u.clientKey = string(o, QStringLiteral("client-key"), path);
        u.clientKeyData = bytes(o, QStringLiteral("client-key-data"), path);
        u.token = string(o, QStringLiteral("token"), path);
        u.tokenFile = string(o, QStringLiteral("tokenFile"), path);
        u.impersonate = string(o, QStringLiteral("as"), path);
        u.impersonateUid = string(o, QStringLiteral("as-uid"), path);
        u.impersonateGroups = strings(o, QStringLiteral("as-groups"), path);
        const QString extraKey = QStringLiteral("as-user-extra");
        u.impersonateUserExtra = object(o, extraKey, path);
        for (auto it = u.impersonateUserExtra.begin(); it != u.impersonateUserExtra.end(); ++it)
            strings(u.impersonateUserExtra, it.key(), childPath(path, extraKey));
        u.username = string(o, QStringLiteral("username"), path);
        u.password = string(o, QStringLiteral("password"), path);
        const QString providerKey = QStringLiteral("auth-provider");
        if (o.value(providerKey).isObject()) {
            const QJsonObject p = o.value(providerKey).toObject();
            const QString pPath = childPath(path, providerKey);
            KubeconfigAuthProvider provider{string(p, QStringLiteral("name"), pPath), {}};
            const QJsonObject config = object(p, QStringLiteral("config"), pPath);
            for (auto it = config.begin(); it != config.end(); ++it)
                provider.config.insert(it.key(), string(config, it.key(), pPath));
            u.authProvider = provider;
        } else {
            object(o, providerKey, path);
        }
        if (o.value(u"exec").isObject()) {
            const QJsonObject e = o.value(u"exec").toObject();
            u.exec = exec(e, childPath(path, QStringLiteral("exec")));
            u.execArgsListed = e.value(u"args").isArray();
            u.execEnvListed = e.value(u"env").isArray();
        } else
            object(o, QStringLiteral("exec"), path);
        u.extensions = extensions(o, path);
        u.sourceFile = m_file;
        return u;
    }

    KubeconfigContext context(const QJsonObject &o, const QString &path)
    {
        KubeconfigContext c;
        c.cluster = string(o, QStringLiteral("cluster"), path);
        c.user = string(o, QStringLiteral("user"), path);
        c.nameSpace = string(o, QStringLiteral("namespace"), path);
        c.extensions = extensions(o, path);
        c.sourceFile = m_file;
        return c;
    }

private:
    const PositionMap &m_positions;
    QString m_file;
    std::optional<Error> m_error;
};

} // namespace

Result<Kubeconfig> decodeKubeconfig(const QJsonValue &root, const PositionMap &positions,
                                    const QString &file)
{
    Kubeconfig config;
    config.files = {file};
    Decoder d(positions, file);
    if (!d.expect(root, {}, QJsonValue::Object, Tr::tr("a mapping")))
        return d.error();
    const QJsonObject o = root.toObject();
    d.named(o, QStringLiteral("clusters"), QStringLiteral("cluster"),
            [&](const QString &name, const QJsonObject &v, const QString &path) {
                config.clusters.insert(name, d.cluster(v, path));
            });
    d.named(o, QStringLiteral("users"), QStringLiteral("user"),
            [&](const QString &name, const QJsonObject &v, const QString &path) {
                config.users.insert(name, d.user(v, path));
            });
    d.named(o, QStringLiteral("contexts"), QStringLiteral("context"),
            [&](const QString &name, const QJsonObject &v, const QString &path) {
                config.contexts.insert(name, d.context(v, path));
            });
    config.currentContext = d.string(o, QStringLiteral("current-context"), {});
    const QString prefsKey = QStringLiteral("preferences");
    const QJsonObject prefs = d.object(o, prefsKey, {});
    config.preferences.colors = d.boolean(prefs, QStringLiteral("colors"), prefsKey);
    config.preferences.extensions = d.extensions(prefs, prefsKey);
    config.extensions = d.extensions(o, {});
    if (d.failed())
        return d.error();
    return config;
}

} // namespace core::kube
