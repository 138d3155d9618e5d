#include "core/cloud/cloudaccount.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

// Expected values are the account fields themselves (a save/load round trip) and the fixed list
// of keys SPEC's "settings hold only references" allows.

using core::cloud::CloudAccount;

namespace {

const QString kGroup = QStringLiteral("cloudAccounts");

CloudAccount passwordAccount()
{
    CloudAccount account;
    account.id = QStringLiteral("prod-bj4");
    account.displayName = QStringLiteral("生产 (北京四)");
    account.region = QStringLiteral("cn-north-4");
    account.authKind = CloudAccount::AuthKind::Password;
    account.userName = QStringLiteral("ops-admin");
    account.domainName = QStringLiteral("acme-cloud");
    account.projectName = QStringLiteral("cn-north-4");
    account.assignReferences();
    return account;
}

CloudAccount akskAccount()
{
    CloudAccount account;
    account.id = QStringLiteral("burst-gz");
    account.displayName = QStringLiteral("Burst Guangzhou");
    account.region = QStringLiteral("cn-south-1");
    account.authKind = CloudAccount::AuthKind::AkSk;
    account.domainName = QStringLiteral("acme-cloud");
    account.assignReferences();
    return account;
}

} // namespace

class tst_cloudaccount : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void references_data();
    void references();
    void loadAllSortedAndRemove();
    void rejects_data();
    void rejects();
};

void tst_cloudaccount::roundTrip_data()
{
    QTest::addColumn<CloudAccount>("account");
    QTest::addColumn<QStringList>("secretReferences");
    QTest::newRow("password") << passwordAccount()
                              << QStringList{QStringLiteral("cloud/prod-bj4/password")};
    QTest::newRow("aksk") << akskAccount()
                          << QStringList{QStringLiteral("cloud/burst-gz/access-key"),
                                         QStringLiteral("cloud/burst-gz/secret-key")};
}

void tst_cloudaccount::roundTrip()
{
    QFETCH(CloudAccount, account);
    QFETCH(QStringList, secretReferences);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("burst-console.ini"));
    {
        QSettings settings(path, QSettings::IniFormat);
        QVERIFY(core::cloud::saveCloudAccount(settings, kGroup, account));
        settings.sync();
        QCOMPARE(settings.status(), QSettings::NoError);
    }
    QSettings reopened(path, QSettings::IniFormat);
    const core::Result<CloudAccount> loaded =
        core::cloud::loadCloudAccount(reopened, kGroup, account.id);
    QVERIFY(loaded.ok());
    QCOMPARE(loaded.value(), account);
    QCOMPARE(QStringList(loaded->references()), secretReferences);

    // Only these keys may reach the file: names, region, kind and references, no secret field.
    reopened.beginGroup(kGroup + u'/' + account.id);
    QStringList keys = reopened.allKeys();
    reopened.endGroup();
    keys.sort();
    QCOMPARE(keys, (QStringList{QStringLiteral("accessKeyReference"), QStringLiteral("authKind"),
                                QStringLiteral("displayName"), QStringLiteral("domainName"),
                                QStringLiteral("passwordReference"), QStringLiteral("projectName"),
                                QStringLiteral("region"), QStringLiteral("secretKeyReference"),
                                QStringLiteral("userName")}));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    QVERIFY(content.contains(secretReferences.constFirst().toUtf8()));
    QVERIFY(!content.toLower().contains("secret=") && !content.toLower().contains("password="));
}

void tst_cloudaccount::references_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("accessKey");
    QTest::addColumn<QString>("secretKey");
    QTest::newRow("password") << int(CloudAccount::AuthKind::Password)
                              << QStringLiteral("cloud/a1/password") << QString() << QString();
    QTest::newRow("aksk") << int(CloudAccount::AuthKind::AkSk) << QString()
                          << QStringLiteral("cloud/a1/access-key")
                          << QStringLiteral("cloud/a1/secret-key");
}

void tst_cloudaccount::references()
{
    QFETCH(int, kind);
    QFETCH(QString, password);
    QFETCH(QString, accessKey);
    QFETCH(QString, secretKey);
    CloudAccount account;
    account.id = QStringLiteral("a1");
    account.passwordReference = QStringLiteral("stale");
    account.authKind = CloudAccount::AuthKind(kind);
    account.assignReferences();
    QCOMPARE(account.passwordReference, password);
    QCOMPARE(account.accessKeyReference, accessKey);
    QCOMPARE(account.secretKeyReference, secretKey);
}

void tst_cloudaccount::loadAllSortedAndRemove()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    QVERIFY(core::cloud::saveCloudAccount(settings, kGroup, passwordAccount()));
    QVERIFY(core::cloud::saveCloudAccount(settings, kGroup, akskAccount()));
    const QList<CloudAccount> all = core::cloud::loadCloudAccounts(settings, kGroup);
    QCOMPARE(all, (QList<CloudAccount>{akskAccount(), passwordAccount()}));
    core::cloud::removeCloudAccount(settings, kGroup, akskAccount().id);
    QCOMPARE(core::cloud::loadCloudAccounts(settings, kGroup),
             QList<CloudAccount>{passwordAccount()});
}

void tst_cloudaccount::rejects_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("authKind");
    QTest::addColumn<QString>("code");
    QTest::newRow("missing") << QStringLiteral("nope") << QString()
                             << QStringLiteral("cloudAccount.notFound");
    QTest::newRow("slash") << QStringLiteral("a/b") << QString()
                           << QStringLiteral("cloudAccount.invalidId");
    QTest::newRow("empty") << QString() << QString() << QStringLiteral("cloudAccount.invalidId");
    QTest::newRow("unknown kind") << QStringLiteral("odd") << QStringLiteral("token")
                                  << QStringLiteral("cloudAccount.authKind");
}

void tst_cloudaccount::rejects()
{
    QFETCH(QString, id);
    QFETCH(QString, authKind);
    QFETCH(QString, code);
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    if (!authKind.isEmpty())
        settings.setValue(kGroup + u'/' + id + QStringLiteral("/authKind"), authKind);
    const core::Result<CloudAccount> loaded = core::cloud::loadCloudAccount(settings, kGroup, id);
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error().code, code);
    CloudAccount bad = akskAccount();
    bad.id = QStringLiteral("x/y");
    const core::Result<void> saved = core::cloud::saveCloudAccount(settings, kGroup, bad);
    QVERIFY(!saved);
    QCOMPARE(saved.error().code, QStringLiteral("cloudAccount.invalidId"));
}

QTEST_GUILESS_MAIN(tst_cloudaccount)
#include "tst_cloudaccount.moc"
