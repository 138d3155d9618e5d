#include "core/kube/kubeconfig.h"
#include "core/kube/kubeconfigloader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace core::kube;
using namespace Qt::StringLiterals;
using core::Result;

// Expected values follow client-go's DirectClientConfig (kubectl's flags) and, where kubectl can
// show it without a cluster, what the installed kubectl does with the same files.
class tst_Kubeconfig : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void resolve_data();
    void resolve();
    void loadConnectionReadsKubeconfigEnv();

private:
    void writeFiles(const QString &spec);
    QString expand(const QString &text) const;

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_Kubeconfig::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString tst_Kubeconfig::expand(const QString &text) const
{
    return QString(text).replace(u"$D"_s, m_dir->path());
}

// "=== path" lines start a file; the lines after it are its content.
void tst_Kubeconfig::writeFiles(const QString &spec)
{
    for (const QString &part : expand(spec).split(u"=== "_s, Qt::SkipEmptyParts)) {
        const qsizetype eol = part.indexOf(u'\n');
        const QString path = m_dir->filePath(part.left(eol).trimmed());
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(part.mid(eol + 1).toUtf8());
    }
}

static QString field(const Connection &c, const QString &key)
{
    const auto yesNo = [](bool b) { return b ? u"true"_s : u"false"_s; };
    QStringList env;
    if (c.exec) {
        for (const auto &[name, value] : c.exec->env)
            env << name + u'=' + value;
    }
    const QHash<QString, QString> fields{
        {u"context"_s, c.contextName},
        {u"cluster"_s, c.clusterName},
        {u"user"_s, c.userName},
        {u"namespace"_s, c.defaultNamespace},
        {u"server"_s, c.server.toString()},
        {u"ca"_s, QString::fromUtf8(c.certificateAuthorityPem)},
        {u"insecure"_s, yesNo(c.insecureSkipTlsVerify)},
        {u"tlsServerName"_s, c.tlsServerName},
        {u"proxy"_s, c.proxyUrl.toString()},
        {u"token"_s, c.token},
        {u"tokenFile"_s, c.tokenFile},
        {u"cert"_s, QString::fromUtf8(c.clientCertPem)},
        {u"key"_s, QString::fromUtf8(c.clientKeyPem)},
        {u"username"_s, c.username},
        {u"password"_s, c.password},
        {u"exec"_s, yesNo(c.exec.has_value())},
        {u"exec.command"_s, c.exec ? c.exec->command : QString()},
        {u"exec.args"_s, c.exec ? c.exec->args.join(u' ') : QString()},
        {u"exec.env"_s, env.join(u',')},
        {u"exec.apiVersion"_s, c.exec ? c.exec->apiVersion : QString()},
        {u"exec.installHint"_s, c.exec ? c.exec->installHint : QString()},
        {u"exec.provideClusterInfo"_s, yesNo(c.exec && c.exec->provideClusterInfo)},
        {u"exec.interactiveMode"_s, c.exec ? c.exec->interactiveMode : QString()},
    };
    return fields.value(key, u"<unknown field "_s + key + u'>');
}

static const char *const kConfig = R"(=== a/config
current-context: main
clusters:
- name: main
  cluster:
    server: https://main.example:6443
    certificate-authority: pki/ca.crt
    tls-server-name: api.main
    proxy-url: socks5://proxy:1080
- name: inline
  cluster:
    server: inline.example:443
    certificate-authority-data: SU5MSU5FIENBCg==
- name: noserver
  cluster: {certificate-authority-data: SU5MSU5FIENBCg==}
- name: missingca
  cluster: {server: https://x, certificate-authority: nothere.crt}
- name: both
  cluster: {server: https://x, insecure-skip-tls-verify: true, certificate-authority: pki/ca.crt}
users:
- name: alice
  user:
    client-certificate: pki/alice.crt
    client-key: ../keys/alice.key
    tokenFile: secrets/token
- name: inline
  user: {client-certificate-data: SU5MSU5FIENFUlQK, client-key-data: SU5MSU5FIEtFWQo=, token: tkn}
- name: basic
  user: {username: admin, password: pw}
- name: plug
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1beta1
      command: aws-iam-authenticator
      args: [token, -i, main]
      env: [{name: A, value: "1"}, {name: B, value: two}]
      installHint: brew install aws-iam-authenticator
      provideClusterInfo: true
- name: relplug
  user:
    exec: {apiVersion: client.authentication.k8s.io/v1, command: ./bin/../bin/plug, interactiveMode: Never}
- name: v1plug
  user:
    exec: {apiVersion: client.authentication.k8s.io/v1, command: plug}
- name: gcp
  user:
    auth-provider: {name: gcp, config: {cmd-path: gcloud}}
- name: certnokey
  user: {client-certificate-data: SU5MSU5FIENFUlQK}
- name: notokenfile
  user: {tokenFile: gone}
contexts:
- name: main
  context: {cluster: main, user: alice, namespace: team-a}
- name: inline
  context: {cluster: inline, user: inline}
- name: ghost-cluster
  context: {cluster: gone, user: alice}
- name: ghost-user
  context: {cluster: main, user: gone}
=== a/pki/ca.crt
MAIN CA
=== a/pki/alice.crt
ALICE CERT
=== keys/alice.key
ALICE KEY
=== a/secrets/token
  file-token
)";

void tst_Kubeconfig::resolve_data()
{
    QTest::addColumn<QString>("files");
    QTest::addColumn<QString>("kubeconfigEnv");
    QTest::addColumn<QStringList>("flags");    // kubectl flag=value
    QTest::addColumn<QStringList>("expected"); // field=value; error.code / error.message
    const QString files = QString::fromUtf8(kConfig);
    const QString env = u"$D/a/config"_s;

    QTest::newRow("current context, relative paths")
        << files << env << QStringList{}
        << QStringList{u"context=main"_s,
                       u"cluster=main"_s,
                       u"user=alice"_s,
                       u"namespace=team-a"_s,
                       u"server=https://main.example:6443"_s,
                       u"ca=MAIN CA\n"_s,
                       u"tlsServerName=api.main"_s,
                       u"proxy=socks5://proxy:1080"_s,
                       u"cert=ALICE CERT\n"_s,
                       u"key=ALICE KEY\n"_s,
                       u"token=file-token"_s,
                       u"tokenFile=$D/a/secrets/token"_s,
                       u"insecure=false"_s,
                       u"exec=false"_s};
    QTest::newRow("base64 data decoded, https added for a TLS host:port")
        << files << env << QStringList{u"context=inline"_s}
        << QStringList{u"server=https://inline.example:443"_s,
                       u"ca=INLINE CA\n"_s,
                       u"cert=INLINE CERT\n"_s,
                       u"key=INLINE KEY\n"_s,
                       u"token=tkn"_s,
                       u"tokenFile="_s,
                       u"namespace="_s};
    QTest::newRow("namespace, server and token flags")
        << files << env
        << QStringList{u"namespace=other"_s, u"server=https://override:1"_s, u"token=flag"_s}
        << QStringList{u"namespace=other"_s,  u"server=https://override:1"_s,
                       u"tlsServerName="_s,   u"token=flag"_s,
                       u"tokenFile="_s,       u"ca=MAIN CA\n"_s,
                       u"cert=ALICE CERT\n"_s};
    QTest::newRow("insecure flag drops the CA")
        << files << env << QStringList{u"insecure-skip-tls-verify=true"_s}
        << QStringList{u"insecure=true"_s, u"ca="_s, u"tlsServerName=api.main"_s};
    QTest::newRow("cluster and user flags")
        << files << env << QStringList{u"cluster=inline"_s, u"user=basic"_s}
        << QStringList{u"context=main"_s,
                       u"cluster=inline"_s,
                       u"user=basic"_s,
                       u"namespace=team-a"_s,
                       u"server=https://inline.example:443"_s,
                       u"username=admin"_s,
                       u"password=pw"_s,
                       u"token="_s,
                       u"cert="_s};
    QTest::newRow("exec block") << files << env << QStringList{u"user=plug"_s}
                                << QStringList{
                                       u"exec=true"_s,
                                       u"exec.command=aws-iam-authenticator"_s,
                                       u"exec.args=token -i main"_s,
                                       u"exec.env=A=1,B=two"_s,
                                       u"exec.apiVersion=client.authentication.k8s.io/v1beta1"_s,
                                       u"exec.installHint=brew install aws-iam-authenticator"_s,
                                       u"exec.provideClusterInfo=true"_s,
                                       u"exec.interactiveMode=IfAvailable"_s,
                                       u"token="_s};
    QTest::newRow("exec command with a slash is relative to the file")
        << files << env << QStringList{u"user=relplug"_s}
        << QStringList{u"exec.command=$D/a/bin/plug"_s, u"exec.interactiveMode=Never"_s,
                       u"exec.provideClusterInfo=false"_s, u"exec.args="_s};
    QTest::newRow("token flag replaces the exec plugin")
        << files << env << QStringList{u"user=plug"_s, u"token=t"_s}
        << QStringList{u"exec=false"_s, u"token=t"_s};
    QTest::newRow("server flag without any kubeconfig")
        << QString() << u"$D/none"_s << QStringList{u"server=https://10.0.0.1:6443"_s}
        << QStringList{u"server=https://10.0.0.1:6443"_s, u"context="_s, u"namespace="_s,
                       u"token="_s, u"exec=false"_s};
    QTest::newRow("--kubeconfig ignores KUBECONFIG")
        << (files + u"=== b\ncurrent-context: b\ncontexts: [{name: b, context: {cluster: c}}]\n"
                    u"clusters: [{name: c, cluster: {server: https://b}}]\n"_s)
        << env << QStringList{u"kubeconfig=$D/b"_s}
        << QStringList{u"context=b"_s, u"server=https://b"_s, u"user="_s};

    const auto error = [](const QString &code, const QString &message) {
        return QStringList{u"error.code="_s + code, u"error.message="_s + message};
    };
    QTest::newRow("unknown context flag")
        << files << env << QStringList{u"context=nope"_s}
        << error(u"kubeconfig.contextNotFound"_s, u"context \"nope\" does not exist"_s);
    QTest::newRow("current-context names no context")
        << (files + u"=== first\ncurrent-context: vanished\n"_s) << u"$D/first:$D/a/config"_s
        << QStringList{}
        << error(u"kubeconfig.contextNotFound"_s, u"context \"vanished\" does not exist"_s);
    QTest::newRow("unknown cluster flag")
        << files << env << QStringList{u"cluster=nope"_s}
        << error(u"kubeconfig.clusterNotFound"_s, u"cluster \"nope\" does not exist"_s);
    QTest::newRow("context names a missing cluster")
        << files << env << QStringList{u"context=ghost-cluster"_s}
        << error(u"kubeconfig.clusterNotFound"_s, u"cluster \"gone\" does not exist"_s);
    QTest::newRow("unknown user flag")
        << files << env << QStringList{u"user=nope"_s}
        << error(u"kubeconfig.userNotFound"_s, u"auth info \"nope\" does not exist"_s);
    QTest::newRow("context names a missing user")
        << files << env << QStringList{u"context=ghost-user"_s}
        << error(u"kubeconfig.userNotFound"_s, u"auth info \"gone\" does not exist"_s);
    QTest::newRow("unreadable certificate-authority")
        << files << env << QStringList{u"cluster=missingca"_s}
        << error(u"kubeconfig.invalid"_s,
                 u"unable to read certificate-authority $D/a/nothere.crt for missingca due to "
                 u"open $D/a/nothere.crt"_s);
    QTest::newRow("unreadable tokenFile") << files << env << QStringList{u"user=notokenfile"_s}
                                          << error(u"kubeconfig.invalid"_s, u"open $D/a/gone"_s);
    QTest::newRow("CA with insecure")
        << files << env << QStringList{u"cluster=both"_s}
        << error(u"kubeconfig.invalid"_s,
                 u"specifying a root certificates file with the insecure flag is not allowed"_s);
    QTest::newRow("cluster without server")
        << files << env << QStringList{u"cluster=noserver"_s}
        << error(u"kubeconfig.invalid"_s, u"no server found for cluster \"noserver\""_s);
    QTest::newRow("client certificate without key")
        << files << env << QStringList{u"user=certnokey"_s}
        << error(u"kubeconfig.invalid"_s,
                 u"client-key-data or client-key must be specified for certnokey to use the "
                 u"clientCert authentication method."_s);
    QTest::newRow("v1 exec without interactiveMode")
        << files << env << QStringList{u"user=v1plug"_s}
        << error(u"kubeconfig.invalid"_s,
                 u"interactiveMode must be specified for v1plug to use exec authentication "
                 u"plugin"_s);
    QTest::newRow("auth-provider")
        << files << env << QStringList{u"user=gcp"_s}
        << error(u"kubeconfig.authProvider"_s,
                 u"auth-provider gcp is not supported; use an exec plugin"_s);
    QTest::newRow("no configuration at all")
        << QString() << u"$D/none"_s << QStringList{}
        << error(u"kubeconfig.empty"_s, u"no configuration has been provided"_s);
    QTest::newRow("no KUBECONFIG and no ~/.kube/config")
        << QString() << QString() << QStringList{}
        << error(u"kubeconfig.empty"_s, u"no configuration has been provided"_s);
    QTest::newRow("missing --kubeconfig file")
        << QString() << env << QStringList{u"kubeconfig=$D/nope"_s}
        << error(u"kubeconfig.missing"_s, u"stat $D/nope: no such file or directory"_s);
    QTest::newRow("unreadable kubeconfig")
        << files << u"$D/a"_s << QStringList{}
        << error(u"kubeconfig.unreadable"_s, u"read $D/a: is a directory"_s);
    QTest::newRow("malformed YAML with FILE:LINE:COL")
        << u"=== bad\ncurrent-context: a\nclusters:\n- name: x\n  cluster: [\n"_s << u"$D/bad"_s
        << QStringList{} << error(u"kubeconfig.parse"_s, u"$D/bad:4:"_s);
    // Found by tests/fuzz/fuzz_kubeconfig: a kubeconfig did not meet the manifests' YAML limits,
    // so 9 levels of 9 aliases ran past libFuzzer's 10 s timeout.
    QString laughs = u"=== bomb\ncurrent-context: a\npreferences: {}\nl0: &a0 lol\n"_s;
    for (int level = 1; level < 10; ++level) {
        const QString alias = u"*a"_s + QString::number(level - 1);
        laughs += u"l"_s + QString::number(level) + u": &a"_s + QString::number(level) + u" ["_s +
                  QStringList(9, alias).join(u", "_s) + u"]\n"_s;
    }
    QTest::newRow("alias expansion refused (fuzz)")
        << laughs << u"$D/bomb"_s << QStringList{}
        << error(u"manifest.limit.aliasExpansion"_s, u"$D/bomb:"_s);
    QTest::newRow("mapping that merges itself refused (fuzz)")
        << u"=== self\ncurrent-context: a\npreferences: &m {colors: true, <<: *m}\n"_s
        << u"$D/self"_s << QStringList{} << error(u"manifest.yaml.aliasCycle"_s, u"$D/self:2:"_s);
    QTest::newRow("wrong type with FILE:LINE:COL")
        << u"=== bad\nclusters:\n- name: x\n  cluster:\n    server: [a]\n"_s << u"$D/bad"_s
        << QStringList{}
        << error(u"kubeconfig.parse"_s, u"$D/bad:4:5: clusters[0].cluster.server"_s);
}

void tst_Kubeconfig::resolve()
{
    QFETCH(QString, files);
    QFETCH(QString, kubeconfigEnv);
    QFETCH(QStringList, flags);
    QFETCH(QStringList, expected);
    writeFiles(files);
    KubeconfigOverrides o;
    for (const QString &flag : flags) {
        const QString name = flag.section(u'=', 0, 0);
        const QString value = expand(flag.section(u'=', 1));
        QString *target = name == u"kubeconfig"  ? &o.kubeconfigPath
                          : name == u"context"   ? &o.context
                          : name == u"cluster"   ? &o.cluster
                          : name == u"user"      ? &o.user
                          : name == u"namespace" ? &o.nameSpace
                          : name == u"server"    ? &o.server
                          : name == u"token"     ? &o.token
                                                 : nullptr;
        if (target)
            *target = value;
        else
            o.insecureSkipTlsVerify = value == u"true";
    }
    Result<Kubeconfig> config = loadKubeconfig(
        KubeconfigSearch{o.kubeconfigPath, expand(kubeconfigEnv), m_dir->filePath(u"home"_s)});
    const Result<Connection> c =
        config ? resolveConnection(config.value(), o) : Result<Connection>(config.error());
    for (const QString &want : expected) {
        const QString key = want.section(u'=', 0, 0);
        const QString value = expand(want.section(u'=', 1));
        if (key == u"error.code") {
            QVERIFY2(!c.ok(), qPrintable(u"expected error "_s + value));
            QCOMPARE(c.error().code, value);
            QVERIFY(!c.error().hint.isEmpty());
        } else if (key == u"error.message") {
            QVERIFY2(c.error().message.contains(value), qPrintable(c.error().message));
        } else {
            QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().message));
            QCOMPARE(field(c.value(), key), value);
        }
    }
}

void tst_Kubeconfig::loadConnectionReadsKubeconfigEnv()
{
    writeFiles(QString::fromUtf8(kConfig));
    const QByteArray saved = qgetenv("KUBECONFIG");
    qputenv("KUBECONFIG", expand(u"$D/missing::$D/a/config"_s).toUtf8());
    const Result<Connection> c = loadConnection(KubeconfigOverrides{});
    qputenv("KUBECONFIG", saved);
    QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().message));
    QCOMPARE(c->contextName, u"main"_s);
    QCOMPARE(c->token, u"file-token"_s);
}

QTEST_GUILESS_MAIN(tst_Kubeconfig)
#include "tst_kubeconfig.moc"
