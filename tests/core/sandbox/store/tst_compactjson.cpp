#include "core/sandbox/store/compactjson.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <limits>

using namespace core::sandbox;
using namespace Qt::StringLiterals;

// compactJson() must write what QJsonDocument::toJson(Compact) writes, byte for byte: clients
// compare the sandbox's bytes (watch frames, lists) with what they parse.
class tst_CompactJson : public QObject
{
    Q_OBJECT

private slots:
    void sameAsQt_data()
    {
        QTest::addColumn<QJsonObject>("object");
        QTest::newRow("empty") << QJsonObject();
        QTest::newRow("scalars") << QJsonObject{{u"t"_s, true}, {u"f"_s, false},
                                                {u"n"_s, QJsonValue::Null}, {u"i"_s, 42},
                                                {u"neg"_s, -7}, {u"s"_s, u"text"_s}};
        QTest::newRow("numbers")
            << QJsonObject{{u"half"_s, 0.5},
                           {u"third"_s, 1.0 / 3},
                           {u"big double"_s, 1e20},
                           {u"tiny"_s, 1e-7},
                           {u"integral double"_s, 3.0},
                           {u"negative zero"_s, -0.0},
                           {u"int64"_s, qint64(9007199254740993)},
                           {u"min"_s, std::numeric_limits<qint64>::min()},
                           {u"inf"_s, std::numeric_limits<double>::infinity()},
                           {u"nan"_s, std::numeric_limits<double>::quiet_NaN()}};
        QTest::newRow("escapes")
            << QJsonObject{{u"quote\"key"_s, u"a\"b\\c/d"_s},
                           {u"controls"_s, QString(u"\b\f\n\r\t"_s + QChar(1) + QChar(0x1f) +
                                                   QChar(0x7f) + u" end"_s)},
                           {u"unicode"_s, u"grüße ✓ 日本 😀"_s},
                           {u"lone surrogate"_s, QString(QChar(0xd800) + u"x"_s)},
                           {u"low surrogate"_s, QString(QChar(0xdc00))},
                           {u""_s, u""_s}};
        QTest::newRow("nested")
            << QJsonObject{{u"a"_s, QJsonArray{1, u"two"_s, QJsonArray{}, QJsonObject{},
                                                QJsonObject{{u"z"_s, 1}, {u"b"_s, QJsonArray{true}}}}},
                           {u"m"_s, QJsonObject{{u"k"_s, QJsonObject{{u"deep"_s, 2.25}}}}}};
        const QByteArray parsed =
            R"({"kind":"Pod","metadata":{"name":"p","labels":{"app":"x"},"generation":1},)"
            R"("spec":{"containers":[{"name":"c","ports":[{"containerPort":8080}]}],)"
            R"("priority":0,"w":1.5},"status":{"conditions":[{"lastProbeTime":null}]}})";
        QTest::newRow("parsed pod") << QJsonDocument::fromJson(parsed).object();
    }
    void sameAsQt()
    {
        QFETCH(QJsonObject, object);
        QCOMPARE(compactJson(object), QJsonDocument(object).toJson(QJsonDocument::Compact));
    }

    void faster()
    {
        QJsonArray env;
        for (int i = 0; i < 30; ++i)
            env.append(QJsonObject{{u"name"_s, u"SETTING_%1"_s.arg(i)},
                                   {u"value"_s, u"tenant=default;region=eu-west-1;flags=a,b,c"_s}});
        const QJsonObject pod{{u"metadata"_s, QJsonObject{{u"name"_s, u"p"_s}}},
                              {u"spec"_s, QJsonObject{{u"env"_s, env}}}};
        QElapsedTimer timer;
        timer.start();
        qsizetype qtBytes = 0, ourBytes = 0;
        for (int i = 0; i < 2000; ++i)
            qtBytes += QJsonDocument(pod).toJson(QJsonDocument::Compact).size();
        const qint64 qtNs = timer.nsecsElapsed();
        timer.restart();
        for (int i = 0; i < 2000; ++i)
            ourBytes += compactJson(pod).size();
        const qint64 ourNs = timer.nsecsElapsed();
        qInfo("%lld-byte object: QJsonDocument %lld ns, compactJson %lld ns", qtBytes / 2000,
              qtNs / 2000, ourNs / 2000);
        QCOMPARE(ourBytes, qtBytes);
    }
};

QTEST_GUILESS_MAIN(tst_CompactJson)
#include "tst_compactjson.moc"
