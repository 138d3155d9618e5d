#include "core/cloud/akssigner.h"

#include <QTest>
#include <QTimeZone>

using namespace core;
using namespace core::cloud;
using namespace Qt::StringLiterals;

using Headers = QList<std::pair<QString, QString>>;

// Expected signatures are the test vectors of the Huawei Cloud SDKs: huaweicloud-sdk-go-v3
// core/auth/signer/signer_test.go (TestSigner_Sign, TestSigner_canonicalQueryString) and
// huaweicloud-sdk-python-v3 tests/signer_test.py (test_signer1, test_signer2), all with
// AK "AccessKey" and SK "SecretKey". Canonical pieces follow those signers' rules: each path
// segment and query key/value percent-encoded except RFC 3986 unreserved characters; body hashes
// are SHA-256 from Python's hashlib.
class tst_AkSkSigner : public QObject
{
    Q_OBJECT

private slots:
    void sdkVectors_data();
    void sdkVectors();
    void canonicalUri_data();
    void canonicalUri();
    void canonicalQueryString_data();
    void canonicalQueryString();
    void canonicalRequest();
    void errors_data();
    void errors();
    void sdkDate_data();
    void sdkDate();
    void formatSdkDate();
};

void tst_AkSkSigner::sdkVectors_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("url");
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("signedHeaders");
    QTest::addColumn<QString>("date");
    QTest::addColumn<QString>("authorization");

    const QString goDate = u"20060102T150405Z"_s;
    QTest::newRow("go test1: GET, x-sdk-date signed")
        << u"GET"_s << u"https://example.huaweicloud.com/path?limit=1"_s << Headers()
        << QByteArray() << QStringList{u"x-sdk-date"_s} << goDate
        << u"SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, "
           "Signature=5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624"_s;
    // Go's json.Encoder ends the body with a newline.
    QTest::newRow("go test2: POST JSON body")
        << u"POST"_s << u"https://example.huaweicloud.com/path?key=value"_s
        << Headers{{u"Content-Type"_s, u"application/json"_s}}
        << QByteArray("{\"Name\":\"test\",\"Id\":1}\n") << QStringList{u"x-sdk-date"_s} << goDate
        << u"SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, "
           "Signature=cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59"_s;
    const Headers pyHeaders{{u"X-Sdk-Date"_s, u"20200608T023900Z"_s}};
    QTest::newRow("python test_signer1: GET, default signed headers")
        << u"GET"_s << u"https://service.endpoint.myhuaweicloud.com/resources?size=1"_s << pyHeaders
        << QByteArray() << QStringList() << QString()
        << u"SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, "
           "Signature=cfb4171acec81de07d50e53d57eb77edd537414d66ddb1d7d780f128e12cd842"_s;
    QTest::newRow("python test_signer1: explicit host;x-sdk-date and date")
        << u"GET"_s << u"https://service.endpoint.myhuaweicloud.com/resources?size=1"_s << Headers()
        << QByteArray() << QStringList{u"host"_s, u"x-sdk-date"_s} << u"20200608T023900Z"_s
        << u"SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, "
           "Signature=cfb4171acec81de07d50e53d57eb77edd537414d66ddb1d7d780f128e12cd842"_s;
    QTest::newRow("python test_signer2: POST body")
        << u"POST"_s << u"https://service.endpoint.myhuaweicloud.com/resources?size=1"_s
        << pyHeaders << QByteArray("{\"name\":\"test\",\"id\":1}") << QStringList() << QString()
        << u"SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, "
           "Signature=436b1ac0a1ae03705934bb70ef2f2e09f7bfed2117d731a38235053199323a1f"_s;
}

void tst_AkSkSigner::sdkVectors()
{
    QFETCH(QString, method);
    QFETCH(QString, url);
    QFETCH(Headers, headers);
    QFETCH(QByteArray, body);
    QFETCH(QStringList, signedHeaders);
    QFETCH(QString, date);
    QFETCH(QString, authorization);

    const auto result = AkSkSigner(u"AccessKey"_s, u"SecretKey"_s)
                            .sign({method, QUrl(url), headers, body, signedHeaders, date});
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(result->authorization, authorization);
}

void tst_AkSkSigner::canonicalUri_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty path") << QString() << u"/"_s;
    QTest::newRow("root") << u"/"_s << u"/"_s;
    QTest::newRow("trailing slash added") << u"/path"_s << u"/path/"_s;
    QTest::newRow("trailing slash kept") << u"/v1/pods/"_s << u"/v1/pods/"_s;
    QTest::newRow("space") << u"/a%20b"_s << u"/a%20b/"_s;
    QTest::newRow("unicode") << u"/%E4%B8%80/x"_s << u"/%E4%B8%80/x/"_s;
    QTest::newRow("lower-case escapes upper-cased") << u"/%e4%b8%80"_s << u"/%E4%B8%80/"_s;
    QTest::newRow("encoded slash stays in its segment") << u"/a%2Fb/c"_s << u"/a%2Fb/c/"_s;
    QTest::newRow("sub-delims encoded") << u"/x*y(z)"_s << u"/x%2Ay%28z%29/"_s;
    QTest::newRow("unreserved kept") << u"/~user/a-b_c.d"_s << u"/~user/a-b_c.d/"_s;
}

void tst_AkSkSigner::canonicalUri()
{
    QFETCH(QString, path);
    QFETCH(QString, expected);
    QCOMPARE(core::cloud::canonicalUri(path), expected);
}

void tst_AkSkSigner::canonicalQueryString_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("expected");

    QTest::newRow("go TestSigner_canonicalQueryString")
        << u"limit=1&enable=true&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29&path=/tmp/123"
           "&multi=1&multi=2&multi=3"_s
        << u"enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123"
           "&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29"_s;
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("keys sorted") << u"b=2&a=1&c=3"_s << u"a=1&b=2&c=3"_s;
    QTest::newRow("repeated key sorted by value") << u"m=3&m=1&m=2"_s << u"m=1&m=2&m=3"_s;
    QTest::newRow("key without value") << u"b=2&a"_s << u"a=&b=2"_s;
    QTest::newRow("key with empty value") << u"a=&b"_s << u"a=&b="_s;
    QTest::newRow("space and unicode")
        << u"name=a%20b&q=%E4%B8%80"_s << u"name=a%20b&q=%E4%B8%80"_s;
    QTest::newRow("plus is a literal plus") << u"q=a+b"_s << u"q=a%2Bb"_s;
    QTest::newRow("only the first = splits") << u"f=a=b"_s << u"f=a%3Db"_s;
    QTest::newRow("empty parts skipped") << u"&a=1&&b=2&"_s << u"a=1&b=2"_s;
}

void tst_AkSkSigner::canonicalQueryString()
{
    QFETCH(QString, query);
    QFETCH(QString, expected);
    QCOMPARE(core::cloud::canonicalQueryString(query), expected);
}

void tst_AkSkSigner::canonicalRequest()
{
    const SignRequest request{
        u"POST"_s,
        QUrl(u"https://example.com:8443/v1/a b/一?z=1&A=2"_s),
        Headers{{u"  Content-Type "_s, u"  application/json  "_s}, {u"X-Project-Id"_s, u"p1"_s}},
        QByteArray("{\"name\":\"test\",\"id\":1}"),
        {},
        u"20060102T150405Z"_s};
    const auto result = AkSkSigner(u"AccessKey"_s, u"SecretKey"_s).sign(request);
    QVERIFY(result.ok());
    QCOMPARE(result->signedHeaders,
             (QStringList{u"content-type"_s, u"host"_s, u"x-project-id"_s, u"x-sdk-date"_s}));
    QCOMPARE(result->canonicalRequest,
             u"POST\n"
             "/v1/a%20b/%E4%B8%80/\n"
             "A=2&z=1\n"
             "content-type:application/json\n"
             "host:example.com:8443\n"
             "x-project-id:p1\n"
             "x-sdk-date:20060102T150405Z\n"
             "\n"
             "content-type;host;x-project-id;x-sdk-date\n"
             "8ed555081b9961769014bc1182c629bb0fe68d7b01c1fc1caab4dc791f377e8c"_s);
    QVERIFY(result->stringToSign.startsWith(u"SDK-HMAC-SHA256\n20060102T150405Z\n"_s));
    QCOMPARE(core::cloud::hexSha256({}),
             u"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"_s);
}

void tst_AkSkSigner::errors_data()
{
    QTest::addColumn<QString>("accessKey");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("url");
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<QStringList>("signedHeaders");
    QTest::addColumn<QString>("date");
    QTest::addColumn<QString>("code");

    const QString url = u"https://example.com/path"_s;
    const QString date = u"20060102T150405Z"_s;
    const QStringList hostAndDate{u"host"_s, u"x-sdk-date"_s};
    QTest::newRow("host signed, relative URL")
        << u"AccessKey"_s << u"GET"_s << u"/path"_s << Headers() << hostAndDate << date
        << u"aksk.missingHost"_s;
    QTest::newRow("host signed by default, relative URL")
        << u"AccessKey"_s << u"GET"_s << u"/path"_s << Headers() << QStringList() << date
        << u"aksk.missingHost"_s;
    QTest::newRow("date with separators")
        << u"AccessKey"_s << u"GET"_s << url << Headers() << hostAndDate
        << u"2006-01-02T15:04:05Z"_s << u"aksk.date"_s;
    QTest::newRow("month 13") << u"AccessKey"_s << u"GET"_s << url << Headers() << hostAndDate
                              << u"20061302T150405Z"_s << u"aksk.date"_s;
    QTest::newRow("hour 24") << u"AccessKey"_s << u"GET"_s << url << Headers() << hostAndDate
                             << u"20060102T240405Z"_s << u"aksk.date"_s;
    QTest::newRow("no Z") << u"AccessKey"_s << u"GET"_s << url << Headers() << hostAndDate
                          << u"20060102T150405"_s << u"aksk.date"_s;
    QTest::newRow("no date at all") << u"AccessKey"_s << u"GET"_s << url << Headers() << hostAndDate
                                    << QString() << u"aksk.date"_s;
    QTest::newRow("signed header absent")
        << u"AccessKey"_s << u"GET"_s << url << Headers() << QStringList{u"content-type"_s} << date
        << u"aksk.missingSignedHeader"_s;
    QTest::newRow("duplicate header")
        << u"AccessKey"_s << u"GET"_s << url << Headers{{u"X-A"_s, u"1"_s}, {u"x-a"_s, u"2"_s}}
        << QStringList() << date << u"aksk.duplicateHeader"_s;
    QTest::newRow("bad header name")
        << u"AccessKey"_s << u"GET"_s << url << Headers{{u"X A"_s, u"1"_s}} << QStringList() << date
        << u"aksk.headerName"_s;
    QTest::newRow("bad method") << u"AccessKey"_s << u"GE T"_s << url << Headers() << hostAndDate
                                << date << u"aksk.method"_s;
    QTest::newRow("empty method") << u"AccessKey"_s << QString() << url << Headers() << hostAndDate
                                  << date << u"aksk.method"_s;
    QTest::newRow("empty access key")
        << QString() << u"GET"_s << url << Headers() << hostAndDate << date << u"aksk.emptyKey"_s;
}

void tst_AkSkSigner::errors()
{
    QFETCH(QString, accessKey);
    QFETCH(QString, method);
    QFETCH(QString, url);
    QFETCH(Headers, headers);
    QFETCH(QStringList, signedHeaders);
    QFETCH(QString, date);
    QFETCH(QString, code);

    const auto result = AkSkSigner(accessKey, u"SecretKey"_s)
                            .sign({method, QUrl(url), headers, {}, signedHeaders, date});
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, code);
    QVERIFY(!result.error().message.isEmpty());
    QVERIFY(!result.error().message.contains(u"SecretKey"_s));
}

void tst_AkSkSigner::sdkDate_data()
{
    QTest::addColumn<QString>("date");
    QTest::addColumn<bool>("valid");

    QTest::newRow("go date") << u"20060102T150405Z"_s << true;
    QTest::newRow("leap day") << u"20200229T000000Z"_s << true;
    QTest::newRow("not a leap year") << u"20210229T000000Z"_s << false;
    QTest::newRow("lower-case t") << u"20060102t150405Z"_s << false;
    QTest::newRow("trailing space") << u"20060102T150405Z "_s << false;
}

void tst_AkSkSigner::sdkDate()
{
    QFETCH(QString, date);
    QFETCH(bool, valid);
    QCOMPARE(isValidSdkDate(date), valid);
}

void tst_AkSkSigner::formatSdkDate()
{
    QCOMPARE(
        core::cloud::formatSdkDate(QDateTime(QDate(2006, 1, 2), QTime(15, 4, 5), QTimeZone::utc())),
        u"20060102T150405Z"_s);
    // 2006-01-02 15:04:05 -0700 is Go's reference time: 22:04:05 UTC.
    QCOMPARE(core::cloud::formatSdkDate(
                 QDateTime(QDate(2006, 1, 2), QTime(15, 4, 5), QTimeZone(-7 * 3600))),
             u"20060102T220405Z"_s);
}

QTEST_GUILESS_MAIN(tst_AkSkSigner)
#include "tst_akssigner.moc"
