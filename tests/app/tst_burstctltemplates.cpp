#include "burstctlprocess.h"
#include "sandboxprocess.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// burstctl template, prometheus and obs-secret as processes: the pipe into preview, where secrets
// may and may not come from, the 0600 file, and obs-secret against the sandbox.
class tst_BurstctlTemplates : public QObject
{
    Q_OBJECT

private:
    using Run = BurstctlRun;

    QTemporaryDir m_home; // HOME and XDG_DATA_HOME: no user templates, no settings of the user's

    Run run(const QStringList &args, QHash<QString, QString> env = {},
            const QByteArray &stdinData = {}) const
    {
        env.insert(QStringLiteral("HOME"), m_home.path());
        if (!env.contains(QStringLiteral("XDG_DATA_HOME")))
            env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        return runBurstctl(args, env, stdinData,
                           {QStringLiteral("BURST_SECRET_"), QStringLiteral("OBS_"),
                            QStringLiteral("BURST_MAIN_")});
    }

    static QHash<QString, QString> wordpressSecrets()
    {
        return {{QStringLiteral("BURST_SECRET_MYSQL_ROOT_PASSWORD"), QStringLiteral("pw-from-env")},
                {QStringLiteral("BURST_SECRET_IMAGE_PULL_CONFIG"), QStringLiteral("{\"auths\":{}}")}};
    }

    static QStringList wordpressArgs()
    {
        return {QStringLiteral("template"), QStringLiteral("wordpress"), QStringLiteral("-n"),
                QStringLiteral("blog"), QStringLiteral("--set"), QStringLiteral("elbId=elb-1")};
    }

private slots:
    void templateOutputPreviews()
    {
        const Run rendered = run(wordpressArgs(), wordpressSecrets());
        QCOMPARE(rendered.exitCode, 0);
        QCOMPARE(rendered.out.count("\n---\n") + 1, 7);
        const Run preview =
            run({QStringLiteral("preview"), QStringLiteral("-f"), QStringLiteral("-")}, {},
                rendered.out);
        QVERIFY2(preview.exitCode == 0, qPrintable(preview.err));
        const QJsonArray results = QJsonDocument::fromJson(preview.out).array();
        QStringList names;
        for (const QJsonValue &r : results) {
            names << r.toObject().value(u"name").toString();
            QVERIFY(r.toObject().value(u"admissible").toBool());
            QCOMPARE(r.toObject().value(u"namespace").toString(), QStringLiteral("blog"));
        }
        QVERIFY(names.contains(QStringLiteral("mysql")));
        QVERIFY(names.contains(QStringLiteral("wordpress")));
    }

    void secretsNeverFromTheCommandLine()
    {
        const Run refused = run(wordpressArgs() + QStringList{QStringLiteral("--set"),
                                                              QStringLiteral("mysqlRootPassword=oops")},
                                wordpressSecrets());
        QCOMPARE(refused.exitCode, 2);
        QVERIFY(refused.out.isEmpty());
        QVERIFY(refused.err.contains(QStringLiteral("BURST_SECRET_MYSQL_ROOT_PASSWORD")));
        QVERIFY(!refused.err.contains(QStringLiteral("oops")));
    }

    void missingSecretIsNamed()
    {
        QHash<QString, QString> env = wordpressSecrets();
        env.remove(QStringLiteral("BURST_SECRET_MYSQL_ROOT_PASSWORD"));
        const Run missing = run(wordpressArgs(), env);
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.out.isEmpty());
        QVERIFY2(missing.err.contains(QStringLiteral("mysqlRootPassword")), qPrintable(missing.err));
    }

    void secretFromStandardInput()
    {
        QHash<QString, QString> env = wordpressSecrets();
        env.remove(QStringLiteral("BURST_SECRET_MYSQL_ROOT_PASSWORD"));
        const Run fromStdin =
            run(wordpressArgs() + QStringList{QStringLiteral("--secret-stdin"),
                                              QStringLiteral("mysqlRootPassword")},
                env, "pw-from-stdin\n");
        QCOMPARE(fromStdin.exitCode, 0);
        QVERIFY(fromStdin.out.contains("password: pw-from-stdin\n"));
    }

    void userTemplatesFromFolders()
    {
        const QByteArray text = "apiVersion: templates.burst-console.io/v1alpha1\n"
                                "kind: WorkloadTemplate\nmetadata:\n  name: cache\n"
                                "description: a cache\nparameters:\n  - name: replicas\n"
                                "    type: int\n    default: 1\n    targets:\n"
                                "      - object: Deployment/cache\n        path: spec.replicas\n"
                                "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n"
                                "  name: cache\nspec:\n  replicas: 1\n";
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("cache.yaml")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
        file.close();
        const Run listed =
            run({QStringLiteral("template"), QStringLiteral("--list"), QStringLiteral("--template-dir"),
                 dir.path()});
        QCOMPARE(listed.exitCode, 0);
        QVERIFY(listed.out.contains("cache"));
        QVERIFY(listed.out.contains("wordpress"));
        const Run rendered = run({QStringLiteral("template"), QStringLiteral("cache"),
                                  QStringLiteral("--template-dir"), dir.path(), QStringLiteral("-n"),
                                  QStringLiteral("x"), QStringLiteral("--set"),
                                  QStringLiteral("replicas=3")});
        QCOMPARE(rendered.exitCode, 0);
        QVERIFY(rendered.out.contains("replicas: 3"));
        // The XDG data folder is searched without a flag.
        const QString xdg = m_home.filePath(QStringLiteral("data/burst-console/templates"));
        QVERIFY(QDir().mkpath(xdg));
        QVERIFY(QFile::copy(file.fileName(), xdg + QStringLiteral("/cache.yaml")));
        const Run fromXdg = run({QStringLiteral("template"), QStringLiteral("cache"),
                                 QStringLiteral("-n"), QStringLiteral("x")});
        QCOMPARE(fromXdg.exitCode, 0);
        QVERIFY(QFile::remove(xdg + QStringLiteral("/cache.yaml")));
    }

    void prometheusObjectsAndCheck()
    {
        const Run placeholder =
            run({QStringLiteral("prometheus"), QStringLiteral("--namespace"), QStringLiteral("mon")});
        QCOMPARE(placeholder.exitCode, 0);
        QCOMPARE(placeholder.out.count("\n---\n") + 1, 3);
        QVERIFY(placeholder.out.contains("kind: Secret"));
        QVERIFY(placeholder.out.contains("REPLACE-ME"));
        QVERIFY(placeholder.err.contains(QStringLiteral("placeholder")));

        QTemporaryDir dir;
        QFile kubeconfig(dir.filePath(QStringLiteral("kc")));
        QVERIFY(kubeconfig.open(QIODevice::WriteOnly));
        kubeconfig.write("apiVersion: v1\nkind: Config\n");
        kubeconfig.close();
        const Run embedded = run({QStringLiteral("prometheus"), QStringLiteral("-n"),
                                  QStringLiteral("mon"), QStringLiteral("--kubeconfig-secret"),
                                  QStringLiteral("cci-kc"), QStringLiteral("--kubeconfig-file"),
                                  kubeconfig.fileName()});
        QCOMPARE(embedded.exitCode, 0);
        QVERIFY(embedded.out.contains("kind: Config"));
        QVERIFY(embedded.out.contains("secretName: cci-kc"));
        QVERIFY(!embedded.out.contains("REPLACE-ME"));

        QFile workload(dir.filePath(QStringLiteral("w.yaml")));
        QVERIFY(workload.open(QIODevice::WriteOnly));
        workload.write("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n"
                       "    prometheus.io/scrape: 'true'\n    prometheus.io/port: '99999'\n"
                       "spec:\n  containers:\n    - name: c\n      image: nginx\n");
        workload.close();
        const Run check = run({QStringLiteral("prometheus"), QStringLiteral("-f"), workload.fileName()});
        QCOMPARE(check.exitCode, 1);
        QVERIFY2(check.out.contains("[prometheus.port]"), check.out.constData());
        QVERIFY(check.out.startsWith(QByteArray(workload.fileName().toUtf8() + ":")));
    }

    void obsSecretNeverPrinted()
    {
        const QHash<QString, QString> key{
            {QStringLiteral("OBS_ACCESS_KEY_ID"), QStringLiteral("SUBUSERAK0000000000A")},
            {QStringLiteral("OBS_SECRET_ACCESS_KEY"), QStringLiteral("sub-user-secret-value")}};
        const Run refused = run({QStringLiteral("obs-secret"), QStringLiteral("-n"),
                                 QStringLiteral("shop")},
                                key);
        QCOMPARE(refused.exitCode, 2);
        QVERIFY(refused.out.isEmpty());
        QVERIFY(refused.err.contains(QStringLiteral("--output-file")));

        const Run noKey = run({QStringLiteral("obs-secret"), QStringLiteral("-n"),
                               QStringLiteral("shop"), QStringLiteral("--output-file"),
                               m_home.filePath(QStringLiteral("none.json"))});
        QCOMPARE(noKey.exitCode, 2);
        QVERIFY(noKey.err.contains(QStringLiteral("OBS_ACCESS_KEY_ID")));

        const QString path = m_home.filePath(QStringLiteral("obs.json"));
        const Run written = run({QStringLiteral("obs-secret"), QStringLiteral("-n"),
                                 QStringLiteral("shop"), QStringLiteral("--output-file"), path},
                                key);
        QVERIFY2(written.exitCode == 0, qPrintable(written.err));
        QVERIFY(written.out.isEmpty());
        QVERIFY(!written.err.contains(QStringLiteral("sub-user-secret-value")));
        QCOMPARE(QFile::permissions(path) & (QFileDevice::ReadGroup | QFileDevice::ReadOther |
                                             QFileDevice::WriteGroup | QFileDevice::WriteOther),
                 QFileDevice::Permissions());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject secret = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(secret.value(u"metadata").toObject().value(u"name").toString(),
                 QStringLiteral("longaksk"));
        QCOMPARE(QByteArray::fromBase64(
                     secret.value(u"data").toObject().value(u"sk").toString().toLatin1()),
                 QByteArray("sub-user-secret-value"));
        const Run again = run({QStringLiteral("obs-secret"), QStringLiteral("-n"),
                               QStringLiteral("shop"), QStringLiteral("--output-file"), path},
                              key);
        QCOMPARE(again.exitCode, 2); // never overwrites
    }

    void obsSecretAgainstTheSandbox()
    {
        SandboxProcess sandbox;
        QVERIFY(sandbox.start());
        const QString main = QStringLiteral("MAINACCOUNTAK0000001");
        const QHash<QString, QString> mainKey{
            {QStringLiteral("OBS_ACCESS_KEY_ID"), main},
            {QStringLiteral("OBS_SECRET_ACCESS_KEY"), QStringLiteral("main-secret-value")},
            {QStringLiteral("BURST_MAIN_ACCESS_KEY_ID"), main}};
        const QStringList base{QStringLiteral("obs-secret"), QStringLiteral("--kubeconfig"),
                               sandbox.kubeconfig(), QStringLiteral("-n"), QStringLiteral("default")};
        // A key that is the main one is refused when the check is asked for...
        const Run refused = run(base + QStringList{QStringLiteral("--apply"),
                                                   QStringLiteral("--check-main-key")},
                                mainKey);
        QCOMPARE(refused.exitCode, 1);
        // ...and created without it (the check runs only when asked).
        const Run created = run(base + QStringList{QStringLiteral("--apply")}, mainKey);
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        QVERIFY(created.out.contains("secret/longaksk created"));
        QVERIFY(!created.out.contains("main-secret-value") &&
                !created.err.contains(QStringLiteral("main-secret-value")));

        const Run warned = run(base + QStringList{QStringLiteral("--check-main-key")}, mainKey);
        QCOMPARE(warned.exitCode, 1);
        QVERIFY2(warned.err.contains(QStringLiteral("default/longaksk")), qPrintable(warned.err));
        QVERIFY(!warned.err.contains(main));

        const Run clean = run(base + QStringList{QStringLiteral("--check-main-key")},
                              {{QStringLiteral("BURST_MAIN_ACCESS_KEY_ID"),
                                QStringLiteral("OTHERACCOUNTAK000001")}});
        QCOMPARE(clean.exitCode, 0);

        const Run twice = run(base + QStringList{QStringLiteral("--apply")}, mainKey);
        QCOMPARE(twice.exitCode, 1); // AlreadyExists from the server

        // The Prometheus objects are what an API server takes: kubectl applies them.
        if (SandboxProcess::kubectlPath().isEmpty())
            QSKIP("kubectl is not installed");
        const Run objects = run({QStringLiteral("prometheus"), QStringLiteral("-n"),
                                 QStringLiteral("default")});
        QCOMPARE(objects.exitCode, 0);
        QFile file(sandbox.tempPath(QStringLiteral("prometheus.yaml")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(objects.out);
        file.close();
        const SandboxProcess::Run applied =
            sandbox.kubectl({QStringLiteral("apply"), QStringLiteral("-f"), file.fileName()});
        QVERIFY2(applied.exitCode == 0, qPrintable(applied.err));
        QVERIFY(applied.out.contains(QStringLiteral("deployment.apps/prometheus created")));
        QVERIFY(applied.out.contains(QStringLiteral("configmap/prometheus-config created")));
    }

    void newCommandsInCompletionAndHelp()
    {
        const Run completion = run({QStringLiteral("completion"), QStringLiteral("bash")});
        QCOMPARE(completion.exitCode, 0);
        for (const char *command : {"template", "prometheus", "obs-secret"}) {
            QVERIFY(completion.out.contains(QByteArray(QByteArray("        ") + command + ") options=")));
            const Run help = run({QString::fromLatin1(command), QStringLiteral("--help")});
            QCOMPARE(help.exitCode, 0);
            QVERIFY(help.out.contains("Exit status"));
        }
        QVERIFY(completion.out.contains("--template-dir"));
        const Run templateHelp = run({QStringLiteral("template"), QStringLiteral("--help")});
        for (const char *flag : {"-n, --namespace", "--set", "--secret-stdin", "--template-dir",
                                 "--list", "--help-params", "BURST_SECRET_"})
            QVERIFY2(templateHelp.out.contains(flag), flag);
        const Run prometheusHelp = run({QStringLiteral("prometheus"), QStringLiteral("--help")});
        for (const char *flag : {"-n, --namespace", "--kubeconfig-secret", "--kubeconfig-file",
                                 "--monitor-namespace", "--image", "-f, --filename", "not the "
                                 "guide's ConfigMap"})
            QVERIFY2(prometheusHelp.out.contains(flag), flag);
        const Run usage = run({QStringLiteral("--help")});
        QVERIFY(usage.out.contains("obs-secret"));
    }
};

QTEST_GUILESS_MAIN(tst_BurstctlTemplates)
#include "tst_burstctltemplates.moc"
