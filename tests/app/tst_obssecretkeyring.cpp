#include "burstctlprocess.h"

#include "core/cloud/cloudaccount.h"
#include "core/cloud/credentialstore.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

// burstctl obs-secret --from-account / --main-account against a real Secret Service
// (with-keyring.sh): the key comes from the console's account, as the console stored it.
class tst_ObsSecretKeyring : public QObject
{
    Q_OBJECT

private:
    static BurstctlRun run(const QStringList &args)
    {
        return runBurstctl(args, {}, {}, {QStringLiteral("OBS_")});
    }

    static bool store(core::cloud::CredentialStore &credentials, const QString &reference,
                      const QString &secret)
    {
        std::optional<bool> done;
        QObject context;
        credentials.write(reference, secret, &context,
                          [&](const core::Result<void> &r) { done = r.ok(); });
        return QTest::qWaitFor([&] { return done.has_value(); }, 20000) && *done;
    }

private slots:
    void keyFromTheConsolesAccount()
    {
        core::cloud::CredentialStore credentials;
        core::cloud::CloudAccount account;
        account.id = QStringLiteral("obs-test");
        account.displayName = QStringLiteral("OBS test");
        account.region = QStringLiteral("cn-north-4");
        account.authKind = core::cloud::CloudAccount::AuthKind::AkSk;
        account.assignReferences();
        QVERIFY(store(credentials, account.accessKeyReference,
                      QStringLiteral("SUBUSERAK0000000000A")));
        QVERIFY(store(credentials, account.secretKeyReference,
                      QStringLiteral("sub-user-secret-value")));
        if (!credentials.isPersistent())
            QSKIP("no Secret Service: the keychain is not reachable");
        {
            QSettings settings(QStringLiteral("BurstConsole"), QStringLiteral("burst-console"));
            QVERIFY(core::cloud::saveCloudAccount(settings, QStringLiteral("connections/accounts"),
                                                  account));
            settings.sync();
        }
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("obs.json"));
        const BurstctlRun written =
            run({QStringLiteral("obs-secret"), QStringLiteral("-n"), QStringLiteral("shop"),
                 QStringLiteral("--from-account"), account.id, QStringLiteral("--output-file"),
                 path});
        QVERIFY2(written.exitCode == 0, qPrintable(written.err));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject data =
            QJsonDocument::fromJson(file.readAll()).object().value(u"data").toObject();
        QCOMPARE(QByteArray::fromBase64(data.value(u"ak").toString().toLatin1()),
                 QByteArray("SUBUSERAK0000000000A"));
        QCOMPARE(QByteArray::fromBase64(data.value(u"sk").toString().toLatin1()),
                 QByteArray("sub-user-secret-value"));

        // The same account as the main one: the key is refused before anything is written.
        const QString second = dir.filePath(QStringLiteral("second.json"));
        const BurstctlRun refused =
            run({QStringLiteral("obs-secret"), QStringLiteral("-n"), QStringLiteral("shop"),
                 QStringLiteral("--from-account"), account.id, QStringLiteral("--main-account"),
                 account.id, QStringLiteral("--check-main-key"), QStringLiteral("--output-file"),
                 second});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY(!QFile::exists(second));
        QVERIFY(!refused.err.contains(QStringLiteral("SUBUSERAK")));

        const BurstctlRun unknown = run({QStringLiteral("obs-secret"), QStringLiteral("-n"),
                                 QStringLiteral("shop"), QStringLiteral("--from-account"),
                                 QStringLiteral("nobody"), QStringLiteral("--output-file"),
                                 dir.filePath(QStringLiteral("third.json"))});
        QCOMPARE(unknown.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(tst_ObsSecretKeyring)
#include "tst_obssecretkeyring.moc"
