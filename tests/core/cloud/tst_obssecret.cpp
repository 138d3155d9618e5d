#include "core/cloud/obssecret.h"

#include <QTest>

using namespace core::cloud;

namespace {

QJsonObject secretWith(const QString &field, const QByteArray &value,
                       const QString &name = QStringLiteral("s"))
{
    return QJsonObject{
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name}}},
        {QStringLiteral("data"),
         QJsonObject{{field, QString::fromLatin1(value.toBase64())}}}};
}

} // namespace

class tst_ObsSecret : public QObject
{
    Q_OBJECT

private slots:
    void secretFormat()
    {
        const auto secret = obsSecret(QStringLiteral("shop"), QStringLiteral("longaksk"),
                                      ObsAccessKey{QStringLiteral("SUBUSERAK0000000000A"),
                                                   QStringLiteral("sub-user-secret-key")});
        QVERIFY(secret);
        QCOMPARE(secret->value(u"kind").toString(), QStringLiteral("Secret"));
        QCOMPARE(secret->value(u"type").toString(), QStringLiteral("Opaque"));
        const QJsonObject data = secret->value(u"data").toObject();
        QCOMPARE(data.keys(), (QStringList{QStringLiteral("ak"), QStringLiteral("sk")}));
        QCOMPARE(QByteArray::fromBase64(data.value(u"ak").toString().toLatin1()),
                 QByteArray("SUBUSERAK0000000000A"));
        QCOMPARE(QByteArray::fromBase64(data.value(u"sk").toString().toLatin1()),
                 QByteArray("sub-user-secret-key"));
        QVERIFY(!secret->contains(u"stringData"));
        QCOMPARE(secret->value(u"metadata").toObject().value(u"namespace").toString(),
                 QStringLiteral("shop"));
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("nameSpace");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("ak");
        QTest::addColumn<QString>("sk");
        QTest::addColumn<QString>("code");
        QTest::newRow("empty ak") << "shop" << "longaksk" << "" << "sk" << "obs.accessKey";
        QTest::newRow("empty sk") << "shop" << "longaksk" << "AK" << "" << "obs.accessKey";
        QTest::newRow("space in ak") << "shop" << "longaksk" << "A K" << "sk" << "obs.accessKey";
        QTest::newRow("newline in sk") << "shop" << "longaksk" << "AK" << "s\nk" << "obs.accessKey";
        QTest::newRow("namespace") << "Shop" << "longaksk" << "AK" << "secretvalue" << "obs.namespace";
        QTest::newRow("name") << "shop" << "Long_AKSK" << "AK" << "secretvalue" << "obs.name";
    }
    void refuses()
    {
        QFETCH(QString, nameSpace);
        QFETCH(QString, name);
        QFETCH(QString, ak);
        QFETCH(QString, sk);
        QFETCH(QString, code);
        const auto secret = obsSecret(nameSpace, name, ObsAccessKey{ak, sk});
        QVERIFY(!secret);
        QCOMPARE(secret.error().code, code);
        if (!sk.isEmpty())
            QVERIFY(!secret.error().message.contains(sk));
    }

    void findsTheMainKey_data()
    {
        QTest::addColumn<QJsonObject>("secret");
        QTest::addColumn<QString>("mainKey");
        QTest::addColumn<bool>("holds");
        const QString main = QStringLiteral("MAINACCOUNTAK0000001");
        QTest::newRow("guide's ak") << secretWith(QStringLiteral("ak"), main.toUtf8()) << main << true;
        QTest::newRow("CCE's access.key")
            << secretWith(QStringLiteral("access.key"), main.toUtf8()) << main << true;
        QTest::newRow("trailing newline (echo | base64)")
            << secretWith(QStringLiteral("ak"), main.toUtf8() + '\n') << main << true;
        QTest::newRow("sub-user key")
            << secretWith(QStringLiteral("ak"), "SUBUSERAK0000000000A") << main << false;
        QTest::newRow("prefix only") << secretWith(QStringLiteral("ak"), "MAINACCOUNTAK") << main
                                     << false;
        QTest::newRow("other field") << secretWith(QStringLiteral("token"), main.toUtf8()) << main
                                     << false;
        QTest::newRow("no main key given") << secretWith(QStringLiteral("ak"), "") << QString()
                                           << false;
    }
    void findsTheMainKey()
    {
        QFETCH(QJsonObject, secret);
        QFETCH(QString, mainKey);
        QFETCH(bool, holds);
        QCOMPARE(holdsAccessKey(secret, mainKey), holds);
    }

    void namesTheSecretsHoldingIt()
    {
        const QString main = QStringLiteral("MAINACCOUNTAK0000001");
        const QList<QJsonObject> secrets{
            secretWith(QStringLiteral("ak"), main.toUtf8(), QStringLiteral("longaksk")),
            secretWith(QStringLiteral("ak"), "SUBUSERAK0000000000A", QStringLiteral("obs-sub")),
            secretWith(QStringLiteral("access.key"), main.toUtf8(), QStringLiteral("cce-obs"))};
        QCOMPARE(secretsHoldingKey(secrets, main),
                 (QStringList{QStringLiteral("longaksk"), QStringLiteral("cce-obs")}));
        QVERIFY(sameAccessKey(main, main));
        QVERIFY(!sameAccessKey(main, main.left(5)));
        QVERIFY(!sameAccessKey(QString(), QString()));
    }
};

QTEST_GUILESS_MAIN(tst_ObsSecret)
#include "tst_obssecret.moc"
