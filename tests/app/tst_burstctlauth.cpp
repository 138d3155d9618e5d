#include "sandboxprocess.h"

#include <QFile>
#include <QProcess>
#include <QTest>

// burstctl against a TLS burst-sandbox through every way a kubeconfig can authenticate: the
// bearer token and client-certificate contexts the sandbox writes, an exec credential plugin
// (refused until trusted), and CCI through `burstctl iam-token` as the exec plugin signing its
// IAM request with an AK/SK. A second kubeconfig file, merged through KUBECONFIG, adds the
// plugin users to the sandbox's clusters.
class tst_BurstctlAuth : public QObject
{
    Q_OBJECT

private:
    SandboxProcess m_sandbox;
    using Run = SandboxProcess::Run;
    const QString m_pluginToken = QStringLiteral("token-from-the-exec-plugin");

    Run burstctl(const QStringList &args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KUBECONFIG"),
                   m_sandbox.kubeconfig() + u':' + m_sandbox.tempPath(QStringLiteral("extra")));
        // The exec trust file lives under XDG_CONFIG_HOME: keep it private to this test.
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_sandbox.tempPath(QStringLiteral("xdg")));
        env.insert(QStringLiteral("CCI_AK"), QStringLiteral("SANDBOXAK"));
        env.insert(QStringLiteral("CCI_SK"), QStringLiteral("sandbox-secret-key"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(BURSTCTL_PATH), args);
        if (!p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished();
            return {};
        }
        return Run{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                   QString::fromUtf8(p.readAllStandardError())};
    }

    QString cciServer() const
    {
        QFile file(m_sandbox.kubeconfig());
        if (!file.open(QIODevice::ReadOnly))
            return {};
        const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
        QStringList servers;
        for (const QString &line : lines)
            if (line.trimmed().startsWith(u"server:"))
                servers.append(line.trimmed().mid(7).trimmed());
        return servers.value(1); // the sandbox cluster first, then sandbox-cci
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_sandbox.start({QStringLiteral("--tls"), QStringLiteral("--token"), m_pluginToken,
                                 QStringLiteral("--iam-aksk"),
                                 QStringLiteral("SANDBOXAK:sandbox-secret-key"),
                                 QStringLiteral("--no-examples")}));
        const QString plugin = m_sandbox.tempPath(QStringLiteral("plugin.sh"));
        QFile script(plugin);
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write(QStringLiteral("#!/bin/sh\n"
                                    "cat <<JSON\n"
                                    "{\"apiVersion\": \"client.authentication.k8s.io/v1\", "
                                    "\"kind\": \"ExecCredential\", "
                                    "\"status\": {\"token\": \"%1\"}}\n"
                                    "JSON\n")
                         .arg(m_pluginToken)
                         .toUtf8());
        script.close();
        QVERIFY(QFile::setPermissions(plugin, QFile::permissions(plugin) | QFile::ExeOwner));
        QFile extra(m_sandbox.tempPath(QStringLiteral("extra")));
        QVERIFY(extra.open(QIODevice::WriteOnly));
        extra.write(QStringLiteral(
                        "apiVersion: v1\nkind: Config\n"
                        "contexts:\n"
                        "- name: sandbox-exec\n"
                        "  context: {cluster: sandbox, user: plugin-user}\n"
                        "- name: cci-aksk\n"
                        "  context: {cluster: sandbox-cci, user: cci-aksk, namespace: "
                        "cce-burst-sandbox}\n"
                        "users:\n"
                        "- name: plugin-user\n"
                        "  user:\n"
                        "    exec:\n"
                        "      apiVersion: client.authentication.k8s.io/v1\n"
                        "      command: ./plugin.sh\n"
                        "      interactiveMode: Never\n"
                        "- name: cci-aksk\n"
                        "  user:\n"
                        "    exec:\n"
                        "      apiVersion: client.authentication.k8s.io/v1beta1\n"
                        "      command: %1\n"
                        "      args: [iam-token, --iam-endpoint, '%2', --project-name, cn-north-4,\n"
                        "             --ak-env, CCI_AK, --sk-env, CCI_SK]\n"
                        "      provideClusterInfo: true\n")
                        .arg(QStringLiteral(BURSTCTL_PATH), cciServer())
                        .toUtf8());
    }

    void cleanupTestCase() { QCOMPARE(m_sandbox.stop(), 0); }

    void tokenAndClientCertificateContexts_data()
    {
        QTest::addColumn<QString>("context");
        QTest::newRow("bearer token") << QStringLiteral("sandbox");
        QTest::newRow("client certificate") << QStringLiteral("sandbox-cert");
    }
    void tokenAndClientCertificateContexts()
    {
        QFETCH(QString, context);
        const Run nodes = burstctl({QStringLiteral("get"), QStringLiteral("nodes"),
                                    QStringLiteral("--context"), context, QStringLiteral("-o"),
                                    QStringLiteral("name")});
        QVERIFY2(nodes.exitCode == 0, qPrintable(nodes.err));
        QCOMPARE(nodes.out.trimmed().split(u'\n').size(), 4);
        QVERIFY(nodes.out.contains(u"node/virtual-kubelet"));
    }

    void wrongTokenIsRefused()
    {
        const Run refused = burstctl({QStringLiteral("get"), QStringLiteral("pods"),
                                      QStringLiteral("--token"), QStringLiteral("not-valid")});
        QVERIFY(refused.exitCode != 0);
        QVERIFY2(refused.err.contains(u"Unauthorized"), qPrintable(refused.err));
    }

    void execPluginRunsOnlyOnceTrusted()
    {
        const QStringList args{QStringLiteral("get"), QStringLiteral("namespaces"),
                               QStringLiteral("--context"), QStringLiteral("sandbox-exec"),
                               QStringLiteral("-o"), QStringLiteral("name")};
        const Run untrusted = burstctl(args);
        QVERIFY(untrusted.exitCode != 0);
        QVERIFY2(untrusted.err.contains(u"--trust-exec"), qPrintable(untrusted.err));
        QVERIFY2(untrusted.err.contains(u"plugin.sh"), qPrintable(untrusted.err));
        // The error and its hint on one line, as every burstctl command prints them.
        QVERIFY2(untrusted.err.startsWith(u"burstctl get: ") && untrusted.err.count(u'\n') == 1,
                 qPrintable(untrusted.err));
        const Run trusted = burstctl(args + QStringList{QStringLiteral("--trust-exec")});
        QVERIFY2(trusted.exitCode == 0, qPrintable(trusted.err));
        QVERIFY(trusted.out.contains(u"namespace/payments"));
        const Run remembered = burstctl(args); // trust is kept per kubeconfig file and user
        QVERIFY2(remembered.exitCode == 0, qPrintable(remembered.err));
    }

    void cciWithAccessKeyThroughIamToken()
    {
        const QStringList args{QStringLiteral("get"), QStringLiteral("namespaces"),
                               QStringLiteral("--context"), QStringLiteral("cci-aksk"),
                               QStringLiteral("-o"), QStringLiteral("name"),
                               QStringLiteral("--trust-exec")};
        const Run cci = burstctl(args);
        QVERIFY2(cci.exitCode == 0, qPrintable(cci.err));
        QCOMPARE(cci.out.trimmed(), QStringLiteral("namespace/cce-burst-sandbox"));
        // Without the keys the plugin fails and so does the request.
        const Run placeholder = burstctl({QStringLiteral("get"), QStringLiteral("pods"),
                                          QStringLiteral("--context"),
                                          QStringLiteral("sandbox-cci")});
        QVERIFY(placeholder.exitCode != 0);
        QVERIFY2(placeholder.err.contains(u"Unauthorized"), qPrintable(placeholder.err));
    }
};

QTEST_GUILESS_MAIN(tst_BurstctlAuth)
#include "tst_burstctlauth.moc"
