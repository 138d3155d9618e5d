#include "core/cloud/cciregions.h"

#include <QTest>

using namespace core;
using namespace core::cloud;

// Endpoint URLs follow Huawei Cloud's "Regions and Endpoints" pattern:
// https://iam.<region>.myhuaweicloud.com and https://cci.<region>.myhuaweicloud.com.
class tst_CciRegions : public QObject
{
    Q_OBJECT

private slots:
    void defaults()
    {
        const QList<CciRegion> regions = defaultCciRegions();
        QVERIFY(regions.size() >= 9);
        const auto beijing4 = findCciRegion(regions, QStringLiteral("cn-north-4"));
        QVERIFY(beijing4.has_value());
        QCOMPARE(beijing4->iamEndpoint,
                 QUrl(QStringLiteral("https://iam.cn-north-4.myhuaweicloud.com")));
        QCOMPARE(beijing4->cciEndpoint,
                 QUrl(QStringLiteral("https://cci.cn-north-4.myhuaweicloud.com")));
        for (const QString &id :
             {QStringLiteral("cn-north-1"), QStringLiteral("cn-east-3"),
              QStringLiteral("cn-east-2"), QStringLiteral("cn-south-1"),
              QStringLiteral("cn-southwest-2"), QStringLiteral("ap-southeast-1"),
              QStringLiteral("ap-southeast-2"), QStringLiteral("ap-southeast-3")})
            QVERIFY2(findCciRegion(regions, id).has_value(), qPrintable(id));
        QVERIFY(!findCciRegion(regions, QStringLiteral("mars-1")).has_value());
    }

    void roundTrip()
    {
        QList<CciRegion> regions = defaultCciRegions();
        regions.append(CciRegion{QStringLiteral("sandbox"), QStringLiteral("Local sandbox"),
                                 QUrl(QStringLiteral("https://127.0.0.1:40001")),
                                 QUrl(QStringLiteral("https://127.0.0.1:40001"))});
        const auto parsed = parseCciRegions(serializeCciRegions(regions));
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value(), regions);
    }

    void parse_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("cciUrl"); // of the first region when parsed
        QTest::newRow("endpoints derived from the id")
            << QByteArray("[{\"id\":\"cn-east-3\"}]") << QString()
            << "https://cci.cn-east-3.myhuaweicloud.com";
        QTest::newRow("endpoint overridden")
            << QByteArray("[{\"id\":\"cn-east-3\",\"cci\":\"http://127.0.0.1:8080\"}]") << QString()
            << "http://127.0.0.1:8080";
        QTest::newRow("empty list") << QByteArray("[]") << QString() << QString();
        QTest::newRow("not json") << QByteArray("[{") << "cciRegions.json" << QString();
        QTest::newRow("object, not array") << QByteArray("{}") << "cciRegions.json" << QString();
        QTest::newRow("no id") << QByteArray("[{\"name\":\"x\"}]") << "cciRegions.id" << QString();
        QTest::newRow("bad id") << QByteArray("[{\"id\":\"CN North\"}]") << "cciRegions.id"
                                << QString();
        QTest::newRow("ftp endpoint") << QByteArray("[{\"id\":\"cn-east-3\",\"iam\":\"ftp://x\"}]")
                                      << "cciRegions.endpoint" << QString();
        QTest::newRow("relative endpoint")
            << QByteArray("[{\"id\":\"cn-east-3\",\"cci\":\"cci.example\"}]")
            << "cciRegions.endpoint" << QString();
        QTest::newRow("duplicate") << QByteArray("[{\"id\":\"cn-east-3\"},{\"id\":\"cn-east-3\"}]")
                                   << "cciRegions.duplicate" << QString();
    }

    void parse()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        QFETCH(QString, cciUrl);
        const auto parsed = parseCciRegions(json);
        if (!error.isEmpty()) {
            QVERIFY(!parsed.ok());
            QCOMPARE(parsed.error().code, error);
            QVERIFY(!parsed.error().message.isEmpty());
            return;
        }
        QVERIFY(parsed.ok());
        if (cciUrl.isEmpty())
            QVERIFY(parsed.value().isEmpty());
        else
            QCOMPARE(parsed.value().first().cciEndpoint, QUrl(cciUrl));
    }
};

QTEST_GUILESS_MAIN(tst_CciRegions)
#include "tst_cciregions.moc"
