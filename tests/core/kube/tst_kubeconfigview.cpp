#include "core/kube/kubeconfigloader.h"
#include "core/kube/kubeconfigview.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace core::kube;
using namespace Qt::StringLiterals;

// Every expected value here is what the installed kubectl prints for the same files.
class tst_KubeconfigView : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void matchesKubectl_data();
    void matchesKubectl();
    void failsLikeKubectl_data();
    void failsLikeKubectl();
    void contextQueries();

private:
    void writeFiles(const QString &spec);
    QString expand(const QString &text) const;
    struct Both
    {
        int kubectlExitCode = -1;
        QByteArray kubectlOut;
        QString kubectlErr;
        core::Result<QJsonObject> ours;
    };
    Both runBoth(const QString &files, const QString &kubeconfigEnv, const QStringList &args);

    QString m_kubectl;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_savedCwd;
};

void tst_KubeconfigView::init()
{
    m_kubectl = QStandardPaths::findExecutable(QStringLiteral("kubectl"));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    // Relative KUBECONFIG entries are relative to the working directory, for kubectl and us.
    m_savedCwd = QDir::currentPath();
    QDir::setCurrent(m_dir->path());
}

void tst_KubeconfigView::cleanup()
{
    QDir::setCurrent(m_savedCwd);
    m_dir.reset();
}

QString tst_KubeconfigView::expand(const QString &text) const
{
    return QString(text).replace(u"$D"_s, m_dir->path());
}

// "=== path" lines start a file; the lines after it are its content.
void tst_KubeconfigView::writeFiles(const QString &spec)
{
    const QStringList parts = expand(spec).split(u"=== "_s, Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        const qsizetype eol = part.indexOf(u'\n');
        const QString path = m_dir->filePath(part.left(eol).trimmed());
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(part.mid(eol + 1).toUtf8());
    }
}

// Where two JSON values first differ, for a failure message that fits on a line.
static QString firstDifference(const QJsonValue &ours, const QJsonValue &theirs,
                               const QString &path)
{
    if (ours.isObject() && theirs.isObject()) {
        const QJsonObject a = ours.toObject(), b = theirs.toObject();
        QStringList keys = a.keys() + b.keys();
        keys.removeDuplicates();
        for (const QString &key : keys) {
            const QString d = firstDifference(a.value(key), b.value(key), path + u'.' + key);
            if (!d.isEmpty())
                return d;
        }
        return {};
    }
    if (ours.isArray() && theirs.isArray() && ours.toArray().size() == theirs.toArray().size()) {
        for (qsizetype i = 0; i < ours.toArray().size(); ++i) {
            const QString d = firstDifference(ours.toArray().at(i), theirs.toArray().at(i),
                                              path + u'[' + QString::number(i) + u']');
            if (!d.isEmpty())
                return d;
        }
        return {};
    }
    if (ours == theirs)
        return {};
    const QJsonArray pair{ours, theirs}; // a JSON document cannot hold a bare value
    return path + u": [ours, kubectl] = "_s +
           QString::fromUtf8(QJsonDocument(pair).toJson(QJsonDocument::Compact));
}

static const char *const kFull = R"(=== a/config
apiVersion: v1
kind: Config
current-context: ctx-a
preferences: {colors: true, extensions: [{name: p, extension: {from: a}}]}
clusters:
- name: shared
  cluster:
    server: https://a.example:6443
    certificate-authority: pki/ca.crt
    tls-server-name: api.a
    disable-compression: true
    proxy-url: http://proxy:3128
    extensions:
    - name: client.authentication.k8s.io/exec
      extension: {audience: a}
users:
- name: alice
  user:
    client-certificate: pki/alice.crt
    client-key: ../keys/alice.key
    tokenFile: secrets/token
    as: bob
    as-uid: "1000"
    as-groups: [g1, g2]
    as-user-extra: {scopes: [x1, y1]}
- name: plug
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1beta1
      command: ./bin/plugin
      args: [get-token, --cluster, a]
      env: [{name: A, value: "1"}]
      installHint: install it
      provideClusterInfo: true
      unknownField: ignored
contexts:
- name: ctx-a
  context: {cluster: shared, user: alice, namespace: team-a, extensions: [{name: e, extension: {list: [1, "2"]}}]}
- name: ctx-plug
  context: {cluster: shared, user: plug}
=== a/pki/ca.crt
-----BEGIN CERTIFICATE-----
A-CA
-----END CERTIFICATE-----
=== a/pki/alice.crt
alice cert
=== keys/alice.key
alice key
=== b/config
current-context: ctx-b
preferences: {extensions: [{name: p, extension: {from: b}}, {name: q, extension: {}}]}
clusters:
- name: shared
  cluster: {server: https://b.example, insecure-skip-tls-verify: true}
- name: only-b
  cluster:
    server: https://only-b
    certificate-authority-data: QkNBCg==
users:
- name: alice
  user: {token: from-b}
- name: carol
  user:
    username: carol
    password: secret
    client-certificate-data: Q0VSVAo=
    client-key-data: S0VZCg==
    auth-provider: {name: oidc, config: {client-id: k}}
contexts:
- name: ctx-a
  context: {cluster: only-b, user: carol}
- name: ctx-b
  context: {cluster: only-b, user: carol, namespace: b}
extensions:
- name: top
  extension: {kind: Thing, count: 1}
=== c/config
clusters:
- name: only-c
  cluster:
    server: https://c
    certificate-authority: ca.pem
contexts:
- name: ctx-c
  context: {cluster: only-c, user: v1user}
users:
- name: v1user
  user:
    exec: {apiVersion: client.authentication.k8s.io/v1, command: plug, interactiveMode: Never}
=== c/ca.pem
C CA
=== empty/config
=== comments/config
# nothing here yet
=== home/.kube/config
current-context: home
clusters:
- name: home
  cluster: {server: https://home, certificate-authority: ca.crt}
contexts:
- name: home
  context: {cluster: home, user: ""}
=== home/.kube/ca.crt
HOME CA
)";

void tst_KubeconfigView::matchesKubectl_data()
{
    QTest::addColumn<QString>("files");
    QTest::addColumn<QString>("kubeconfigEnv");
    QTest::addColumn<QStringList>("args");
    const QString full = QString::fromUtf8(kFull);
    const QStringList flatten{u"--flatten"_s};
    const QStringList minify{u"--flatten"_s, u"--minify"_s};

    QTest::newRow("one file, relative certs") << full << u"$D/a/config"_s << flatten;
    QTest::newRow("two files, first wins") << full << u"$D/a/config:$D/b/config"_s << flatten;
    QTest::newRow("two files, reversed") << full << u"$D/b/config:$D/a/config"_s << flatten;
    QTest::newRow("three files with missing, empty and duplicate entries")
        << full << u"$D/c/config::$D/nope/config:$D/b/config:$D/c/config:$D/a/config"_s << flatten;
    QTest::newRow("current-context from the first file that sets it")
        << full << u"$D/c/config:$D/empty/config:$D/b/config:$D/a/config"_s << flatten;
    QTest::newRow("relative KUBECONFIG entries") << full << u"c/config:./b/config"_s << flatten;
    QTest::newRow("empty and comment-only files")
        << full << u"$D/empty/config:$D/comments/config"_s << flatten;
    QTest::newRow("only missing files") << full << u"$D/x:$D/y"_s << flatten;
    QTest::newRow("home config when KUBECONFIG is unset") << full << QString() << flatten;
    QTest::newRow("--kubeconfig ignores KUBECONFIG")
        << full << u"$D/a/config"_s << QStringList{u"--flatten"_s, u"--kubeconfig=$D/c/config"_s};
    QTest::newRow("minify current context") << full << u"$D/b/config:$D/a/config"_s << minify;
    QTest::newRow("minify merged context") << full << u"$D/a/config:$D/b/config"_s << minify;
    QTest::newRow("minify --context")
        << full << u"$D/a/config:$D/c/config"_s << (minify + QStringList{u"--context=ctx-c"_s});
    QTest::newRow("empty lists stay lists")
        << u"=== k\nusers:\n- name: u\n  user:\n    as-groups: []\n    auth-provider: {name: "
           u"oidc}\n"
           u"    exec: {command: x, apiVersion: client.authentication.k8s.io/v1, args: [], env: []}\n"_s
        << u"$D/k"_s << flatten;
    QTest::newRow("yaml 1.1 bool and null")
        << u"=== k\nclusters: [{name: x, cluster: {insecure-skip-tls-verify: yes, server: ~}}]\n"_s
        << u"$D/k"_s << flatten;
}

void tst_KubeconfigView::failsLikeKubectl_data()
{
    QTest::addColumn<QString>("files");
    QTest::addColumn<QString>("kubeconfigEnv");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("sharedWording"); // in kubectl's message and ours
    const QString full = QString::fromUtf8(kFull);
    const QStringList flatten{u"--flatten"_s};
    const QStringList minify{u"--flatten"_s, u"--minify"_s};

    QTest::newRow("minify without current-context")
        << full << u"$D/c/config"_s << minify << u"current-context must exist in order to minify"_s;
    QTest::newRow("minify unknown context")
        << full << u"$D/c/config"_s << (minify + QStringList{u"--context=nope"_s})
        << u"cannot locate context nope"_s;
    QTest::newRow("minify context with missing cluster")
        << u"=== k\ncurrent-context: x\ncontexts: [{name: x, context: {cluster: gone}}]\n"_s
        << u"$D/k"_s << minify << u"cannot locate cluster gone"_s;
    QTest::newRow("missing certificate file")
        << u"=== k\nclusters: [{name: x, cluster: {server: s, certificate-authority: no.crt}}]\n"_s
        << u"$D/k"_s << flatten << u"open $D/no.crt: no such file or directory"_s;
    QTest::newRow("certificate is a directory")
        << u"=== k\nclusters: [{name: x, cluster: {server: s, certificate-authority: d}}]\n"
           u"=== d/f\n"_s
        << u"$D/k"_s << flatten << u"read $D/d: is a directory"_s;
    QTest::newRow("kubeconfig is a directory")
        << u"=== d/f\n"_s << u"$D/d"_s << flatten
        << u"error loading config file \"$D/d\": read $D/d: is a directory"_s;
    QTest::newRow("path and data both set")
        << u"=== k\nusers: [{name: x, user: {client-key: k, client-key-data: S0VZCg==}}]\n"_s
        << u"$D/k"_s << flatten << u"cannot have values for both path and contents"_s;
    QTest::newRow("duplicate cluster name")
        << u"=== k\nclusters:\n- {name: x, cluster: {server: a}}\n- {name: x, cluster: {server: b}}\n"_s
        << u"$D/k"_s << flatten << u"duplicate name \"x\" in list"_s;
    QTest::newRow("bad base64")
        << u"=== k\nclusters: [{name: x, cluster: {certificate-authority-data: abc}}]\n"_s
        << u"$D/k"_s << flatten << u"illegal base64 data"_s;
    QTest::newRow("string for a bool")
        << u"=== k\nclusters: [{name: x, cluster: {insecure-skip-tls-verify: \"yes\"}}]\n"_s
        << u"$D/k"_s << flatten << u"insecure-skip-tls-verify"_s;
    QTest::newRow("broken file fails the merge")
        << u"=== good\ncurrent-context: a\n=== bad\nclusters: [\n"_s << u"$D/good:$D/bad"_s
        << flatten << u"error loading config file \"$D/bad\""_s;
}

// Runs `kubectl config view -o json ARGS` and our loader on the same files.
tst_KubeconfigView::Both tst_KubeconfigView::runBoth(const QString &files,
                                                     const QString &kubeconfigEnv,
                                                     const QStringList &args)
{
    writeFiles(files);
    const QString env = expand(kubeconfigEnv);
    QStringList kubectlArgs{u"config"_s, u"view"_s, u"-o"_s, u"json"_s};
    KubeconfigSearch search{QString(), env, m_dir->filePath(u"home"_s)};
    KubeconfigViewOptions options;
    for (const QString &arg : args) {
        kubectlArgs.append(expand(arg));
        if (arg == u"--minify")
            options.minify = true;
        else if (arg.startsWith(u"--context="))
            options.context = arg.mid(10);
        else if (arg.startsWith(u"--kubeconfig="))
            search.explicitPath = expand(arg.mid(13));
    }
    QProcess p;
    QProcessEnvironment penv = QProcessEnvironment::systemEnvironment();
    penv.insert(u"KUBECONFIG"_s, env);
    penv.insert(u"HOME"_s, m_dir->filePath(u"home"_s));
    p.setProcessEnvironment(penv);
    p.setWorkingDirectory(m_dir->path());
    p.start(m_kubectl, kubectlArgs);
    p.waitForFinished(30000);
    const auto config = loadKubeconfig(search);
    return {p.exitCode(), p.readAllStandardOutput(), QString::fromUtf8(p.readAllStandardError()),
            config ? flattenedConfig(config.value(), options)
                   : core::Result<QJsonObject>(config.error())};
}

void tst_KubeconfigView::matchesKubectl()
{
    if (m_kubectl.isEmpty())
        QSKIP("kubectl is not installed");
    QFETCH(QString, files);
    QFETCH(QString, kubeconfigEnv);
    QFETCH(QStringList, args);
    const Both both = runBoth(files, kubeconfigEnv, args);
    QVERIFY2(both.kubectlExitCode == 0, qPrintable(both.kubectlErr));
    if (!both.ours.ok())
        QFAIL(qPrintable(u"kubectl succeeded, we failed: "_s + both.ours.error().message));
    const QJsonObject want = QJsonDocument::fromJson(both.kubectlOut).object();
    QVERIFY(!want.isEmpty());
    QVERIFY2(both.ours.value() == want, qPrintable(firstDifference(both.ours.value(), want, {})));
}

void tst_KubeconfigView::failsLikeKubectl()
{
    if (m_kubectl.isEmpty())
        QSKIP("kubectl is not installed");
    QFETCH(QString, files);
    QFETCH(QString, kubeconfigEnv);
    QFETCH(QStringList, args);
    QFETCH(QString, sharedWording);
    const Both both = runBoth(files, kubeconfigEnv, args);
    QVERIFY(both.kubectlExitCode > 0);
    if (both.ours.ok())
        QFAIL(qPrintable(u"kubectl failed with "_s + both.kubectlErr + u" but we succeeded"_s));
    const QString wording = expand(sharedWording);
    QVERIFY2(both.kubectlErr.contains(wording), qPrintable(both.kubectlErr));
    QVERIFY2(both.ours.error().message.contains(wording), qPrintable(both.ours.error().message));
    QVERIFY(!both.ours.error().code.isEmpty() && !both.ours.error().hint.isEmpty());
}

void tst_KubeconfigView::contextQueries()
{
    writeFiles(QString::fromUtf8(kFull));
    const auto config = loadKubeconfig(
        KubeconfigSearch{QString(), expand(u"$D/b/config:$D/a/config"_s), QString()});
    QVERIFY(config.ok());
    const QList<KubeconfigContextInfo> contexts = listContexts(config.value());
    QCOMPARE(contexts.size(), 3);
    // `kubectl config get-contexts` lists ctx-a with b's cluster and user: b comes first.
    QCOMPARE(contexts.at(0).name, u"ctx-a"_s);
    QCOMPARE(contexts.at(0).cluster, u"only-b"_s);
    QCOMPARE(contexts.at(0).user, u"carol"_s);
    QCOMPARE(contexts.at(0).sourceFile, expand(u"$D/b/config"_s));
    QCOMPARE(contexts.at(1).name, u"ctx-b"_s);
    QVERIFY(contexts.at(1).current);
    QCOMPARE(contexts.at(1).nameSpace, u"b"_s);
    QCOMPARE(contexts.at(2).name, u"ctx-plug"_s);
    QVERIFY(!contexts.at(2).current);
    QCOMPARE(sourceFileOf(config.value(), KubeconfigEntry::User, u"plug"_s),
             expand(u"$D/a/config"_s));
    QCOMPARE(sourceFileOf(config.value(), KubeconfigEntry::Cluster, u"shared"_s),
             expand(u"$D/b/config"_s));
    QCOMPARE(sourceFileOf(config.value(), KubeconfigEntry::Cluster, u"none"_s), QString());
}

QTEST_GUILESS_MAIN(tst_KubeconfigView)
#include "tst_kubeconfigview.moc"
