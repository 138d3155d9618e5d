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

    // compactJson(object, previous, compactJson(previous)) copies the members that did not
    // change: the bytes must still be compactJson(object)'s, whatever changed.
    void reusingPrevious_data()
    {
        QTest::addColumn<QJsonObject>("previous");
        QTest::addColumn<QJsonObject>("object");
        const QJsonObject pod = QJsonDocument::fromJson(
            R"({"kind":"Pod","metadata":{"name":"p","labels":{"app":"x"},"resourceVersion":"7",)"
            R"("generation":1,)"
            R"("annotations":{"ü":"✓"}},"spec":{"containers":[{"name":"c",)"
            R"("ports":[{"containerPort":8080}]}],"priority":0,"w":1.5},)"
            R"("status":{"phase":"Running","conditions":[{"type":"Ready","status":"True"}]}})")
                                    .object();
        const auto with = [](QJsonObject object, const QString &key, const QJsonValue &value) {
            object.insert(key, value);
            return object;
        };
        const auto withMeta = [&](const QString &key, const QJsonValue &value) {
            return with(pod, u"metadata"_s, with(pod.value(u"metadata").toObject(), key, value));
        };
        const QJsonObject escaped = with(pod, u"escaped"_s,
                                         QJsonObject{{u"a\"b"_s, u"c\nd\\"_s}, {u"e"_s, 1}});
        QTest::newRow("same") << pod << pod;
        QTest::newRow("escapes kept")
            << escaped << with(escaped, u"status"_s, QJsonObject{{u"phase"_s, u"Failed"_s}});
        QTest::newRow("status")
            << pod << with(pod, u"status"_s, QJsonObject{{u"phase"_s, u"Failed"_s}});
        QTest::newRow("resourceVersion") << pod << withMeta(u"resourceVersion"_s, u"8"_s);
        QTest::newRow("new metadata key") << pod << withMeta(u"deletionTimestamp"_s, u"now"_s);
        QTest::newRow("first key added") << pod << with(pod, u"aaa"_s, 1);
        QTest::newRow("last key added") << pod << with(pod, u"zzz"_s, QJsonArray{1, 2});
        QJsonObject fewer = pod;
        fewer.remove(u"spec"_s);
        QTest::newRow("key removed") << pod << fewer;
        QTest::newRow("key back") << fewer << pod;
        QTest::newRow("integer to double") << pod << withMeta(u"generation"_s, 1.0);
        QTest::newRow("double to integer")
            << with(pod, u"spec"_s, with(pod.value(u"spec"_s).toObject(), u"w"_s, 2.0))
            << with(pod, u"spec"_s, with(pod.value(u"spec"_s).toObject(), u"w"_s, 2));
        QTest::newRow("zero sign") << QJsonObject{{u"z"_s, 0.0}} << QJsonObject{{u"z"_s, -0.0}};
        QTest::newRow("object to array") << pod << with(pod, u"spec"_s, QJsonArray{u"x"_s});
        QTest::newRow("empty to full") << QJsonObject() << pod;
        QTest::newRow("full to empty") << pod << QJsonObject();
        QJsonObject many, renamed;
        for (int i = 0; i < 40; ++i) {
            many.insert(u"k%1"_s.arg(i), i);
            renamed.insert(u"r%1"_s.arg(i), i);
        }
        QTest::newRow("every key new") << many << renamed;
    }
    void reusingPrevious()
    {
        QFETCH(QJsonObject, previous);
        QFETCH(QJsonObject, object);
        const QByteArray expected = QJsonDocument(object).toJson(QJsonDocument::Compact);
        QCOMPARE(compactJson(object, previous, compactJson(previous)), expected);
        // Bytes that are not the previous object's compact JSON are not copied from.
        QCOMPARE(compactJson(object, previous, QByteArray()), expected);
        QCOMPARE(compactJson(object, previous, QByteArrayLiteral("{\"a\":")), expected);
    }

    // The members that did not change are taken from the previous bytes as they are (here
    // marked by a space compactJson() would not write), the changed ones written again.
    void copiesUnchangedMembers()
    {
        const QJsonObject previous{{u"a"_s, QJsonObject{{u"x"_s, 1}}}, {u"b"_s, 2}};
        const QJsonObject object{{u"a"_s, QJsonObject{{u"x"_s, 1}}}, {u"b"_s, 3}};
        QCOMPARE(compactJson(object, previous, R"({"a":{"x":1 },"b":2})"_ba),
                 R"({"a":{"x":1 },"b":3})"_ba);
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
