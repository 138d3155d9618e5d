#include "core/kube/exectruststore.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// Trust decisions per (kubeconfig, user) and the command line shown to the user. The quoting is
// checked against a real peer: /bin/sh must split the shown line back into the same argv.

using core::kube::ExecConfig;
using core::kube::ExecTrustStore;

namespace {

const QString kKubeconfig = QStringLiteral("/home/op/.kube/config");
const QString kUser = QStringLiteral("cci-user");

ExecConfig cciConfig()
{
    ExecConfig config;
    config.apiVersion = QStringLiteral("client.authentication.k8s.io/v1beta1");
    config.command = QStringLiteral("cci-iam-authenticator");
    config.args = {QStringLiteral("token"), QStringLiteral("--ak=AKEXAMPLE"),
                   QStringLiteral("--sk=SKSECRETEXAMPLE")};
    return config;
}

} // namespace

class tst_ExecTrustStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void trustPersistsAcrossInstances()
    {
        const QString file = m_dir.filePath(QStringLiteral("persist.ini"));
        const ExecConfig config = cciConfig();
        QVERIFY(!ExecTrustStore(file).isTrusted(kKubeconfig, kUser, config));
        ExecTrustStore(file).trust(kKubeconfig, kUser, config);
        ExecTrustStore reopened(file);
        QVERIFY(reopened.isTrusted(kKubeconfig, kUser, config));
        QVERIFY(
            reopened.isTrusted(QStringLiteral("/home/op/.kube/../.kube/config"), kUser, config));
        QVERIFY(!reopened.isTrusted(kKubeconfig, QStringLiteral("other"), config));
        reopened.revoke(kKubeconfig, kUser);
        QVERIFY(!ExecTrustStore(file).isTrusted(kKubeconfig, kUser, config));
    }

    void secretsStayOutOfTheSettingsFile()
    {
        const QString file = m_dir.filePath(QStringLiteral("secret.ini"));
        ExecTrustStore(file).trust(kKubeconfig, kUser, cciConfig());
        QFile settings(file);
        QVERIFY(settings.open(QIODevice::ReadOnly));
        const QByteArray contents = settings.readAll();
        QVERIFY(!contents.isEmpty());
        QVERIFY(!contents.contains("SKSECRETEXAMPLE"));
        QVERIFY(!contents.contains("cci-iam-authenticator"));
    }

    // Moving a word between args and env, or splitting an arg, is a different command line.
    void fingerprintIsUnambiguous()
    {
        const QString file = m_dir.filePath(QStringLiteral("ambiguous.ini"));
        ExecConfig config = cciConfig();
        config.args = {QStringLiteral("token --ak=AKEXAMPLE")};
        ExecTrustStore store(file);
        store.trust(kKubeconfig, kUser, config);
        ExecConfig split = config;
        split.args = {QStringLiteral("token"), QStringLiteral("--ak=AKEXAMPLE")};
        QVERIFY(!store.isTrusted(kKubeconfig, kUser, split));
        ExecConfig merged = config;
        merged.command = QStringLiteral("cci-iam-authenticator token");
        merged.args.clear();
        QVERIFY(!store.isTrusted(kKubeconfig, kUser, merged));
    }

    void commandLine_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");

        QTest::newRow("plain") << QStringList{QStringLiteral("token"), QStringLiteral("--ak=AK")}
                               << "cci-iam-authenticator token --ak=AK";
        QTest::newRow("space") << QStringList{QStringLiteral("two words")}
                               << "cci-iam-authenticator 'two words'";
        QTest::newRow("single quote")
            << QStringList{QStringLiteral("it's")} << "cci-iam-authenticator 'it'\\''s'";
        QTest::newRow("empty") << QStringList{QString()} << "cci-iam-authenticator ''";
        QTest::newRow("shell expansions")
            << QStringList{QStringLiteral("$HOME"), QStringLiteral("`id`"), QStringLiteral("*")}
            << "cci-iam-authenticator '$HOME' '`id`' '*'";
    }

    void commandLine()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);

        ExecConfig config = cciConfig();
        config.args = args;
        const QString line = ExecTrustStore::commandLine(config);
        QCOMPARE(line, expected);

        // /bin/sh reads the words back: replace the command with a printer of its arguments.
        QProcess shell;
        shell.start(QStringLiteral("/bin/sh"),
                    {QStringLiteral("-c"),
                     QString(QStringLiteral("p() { for a in \"$@\"; do printf '[%s]' \"$a\"; "
                                            "done; }; ") +
                             QString(line).replace(config.command, QStringLiteral("p")))});
        QVERIFY(shell.waitForFinished(5000));
        QString expectedArgv;
        for (const QString &arg : args)
            expectedArgv += u'[' + arg + u']';
        QCOMPARE(QString::fromUtf8(shell.readAllStandardOutput()), expectedArgv);
    }

    void commandLineShowsEnv()
    {
        ExecConfig config = cciConfig();
        config.args = {QStringLiteral("token")};
        config.env = {{QStringLiteral("REGION"), QStringLiteral("cn north")}};
        QCOMPARE(ExecTrustStore::commandLine(config),
                 QStringLiteral("REGION='cn north' cci-iam-authenticator token"));
    }
};

QTEST_GUILESS_MAIN(tst_ExecTrustStore)
#include "tst_exectruststore.moc"
