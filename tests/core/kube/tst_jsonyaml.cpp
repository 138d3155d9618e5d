#include "core/kube/jsonyaml.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <yaml-cpp/yaml.h>

using namespace core::kube;

class tst_Jsonyaml : public QObject
{
    Q_OBJECT

private slots:
    void plainScalars_data();
    void plainScalars();
    void quotedStaysString();
    void positions();
    void roundTrip_data();
    void roundTrip();
    void rootScalarRoundTrip_data();
    void rootScalarRoundTrip();
    void withValueAt();
};

void tst_Jsonyaml::plainScalars_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QJsonValue>("expected");
    // YAML 1.1 resolution as go-yaml v2 (what kubectl's sigs.k8s.io/yaml reads).
    QTest::newRow("off is false") << "off" << QJsonValue(false);
    QTest::newRow("On is true") << "On" << QJsonValue(true);
    QTest::newRow("yes") << "yes" << QJsonValue(true);
    QTest::newRow("n") << "n" << QJsonValue(false);
    QTest::newRow("TRUE") << "TRUE" << QJsonValue(true);
    QTest::newRow("tRUE is a string") << "tRUE" << QJsonValue(QStringLiteral("tRUE"));
    QTest::newRow("tilde null") << "~" << QJsonValue(QJsonValue::Null);
    QTest::newRow("Null") << "Null" << QJsonValue(QJsonValue::Null);
    QTest::newRow("int") << "42" << QJsonValue(qint64(42));
    QTest::newRow("negative int") << "-7" << QJsonValue(qint64(-7));
    QTest::newRow("hex") << "0x1F" << QJsonValue(qint64(31));
    QTest::newRow("octal 1.1") << "0755" << QJsonValue(qint64(493));
    QTest::newRow("binary") << "0b101" << QJsonValue(qint64(5));
    QTest::newRow("underscores") << "1_000" << QJsonValue(qint64(1000));
    QTest::newRow("float") << "0.5" << QJsonValue(0.5);
    QTest::newRow("exponent float") << "1e3" << QJsonValue(1000.0);
    QTest::newRow("quantity stays string") << "250m" << QJsonValue(QStringLiteral("250m"));
    QTest::newRow("512Mi string") << "512Mi" << QJsonValue(QStringLiteral("512Mi"));
    QTest::newRow("version-like string") << "1.2.3" << QJsonValue(QStringLiteral("1.2.3"));
    QTest::newRow("int64 overflow is float")
        << "9223372036854775808" << QJsonValue(9223372036854775808.0);
}

void tst_Jsonyaml::plainScalars()
{
    QFETCH(QString, text);
    QFETCH(QJsonValue, expected);
    const QJsonValue got = yamlToJson(YAML::Load(QString(u"v: " + text).toStdString())["v"]);
    QCOMPARE(got, expected);
}

void tst_Jsonyaml::quotedStaysString()
{
    const YAML::Node n = YAML::Load("a: 'off'\nb: \"1\"\nc: |\n  yes\n");
    const QJsonObject o = yamlToJson(n).toObject();
    QCOMPARE(o.value(u"a"), QJsonValue(QStringLiteral("off")));
    QCOMPARE(o.value(u"b"), QJsonValue(QStringLiteral("1")));
    QCOMPARE(o.value(u"c"), QJsonValue(QStringLiteral("yes\n")));
}

void tst_Jsonyaml::positions()
{
    const YAML::Node n = YAML::Load("spec:\n  containers:\n    - name: a\n      image: x\n");
    PositionMap positions;
    yamlToJson(n, 10, &positions);
    QCOMPARE(positions.value(QStringLiteral("spec")), (SourcePos{11, 1}));
    QCOMPARE(positions.value(QStringLiteral("spec.containers")), (SourcePos{12, 3}));
    QCOMPARE(positions.value(QStringLiteral("spec.containers[0]")), (SourcePos{13, 7}));
    QCOMPARE(positions.value(QStringLiteral("spec.containers[0].image")), (SourcePos{14, 7}));
}

void tst_Jsonyaml::roundTrip_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("strings that look typed")
        << QByteArray(R"({"a":"off","b":"1","c":"","d":"null","e":"yes","f":" padded","g":"1e3"})");
    QTest::newRow("nested") << QByteArray(
        R"({"spec":{"containers":[{"name":"x","args":["-c","sleep 1"],"ports":[{"containerPort":80}]}],"empty":{},"list":[]}})");
    QTest::newRow("numbers and bools") << QByteArray(R"({"n":-5,"f":0.25,"t":true,"z":null})");
    QTest::newRow("annotation json") << QByteArray(
        R"({"k":"[{\"name\":\"*\",\"policyType\":\"remove\"}]","multi":"line1\nline2"})");
    // fuzz_jsonyaml: yaml-cpp's emitter wrote every noncharacter as U+FFFD; they are written
    // escaped now ("\uFFFE").
    QTest::newRow("noncharacters U+FFFE and U+FFFF (fuzz)")
        << QByteArray(R"({"a":"x\uFFFEy","b":"\uFFFF","c":"\uFFFF\u0004Q"})");
    QTest::newRow("noncharacter in a key (fuzz)") << QByteArray(R"({"k\uFFFF":"v","\uFFFE":1})");
    QTest::newRow("noncharacters U+FDD0..U+FDEF and of other planes (fuzz)")
        << QByteArray(R"({"a":"\uFDD0 \uFDEF","b":"\uD83F\uDFFE","c":"\uDBFF\uDFFF"})");
    QTest::newRow("noncharacter beside private use characters (fuzz)")
        << QByteArray(R"({"a":"\uE000\uFFFE\uE001","b":["\uE002","\uFFFF"]})");
}

void tst_Jsonyaml::roundTrip()
{
    QFETCH(QByteArray, json);
    const QJsonObject original = QJsonDocument::fromJson(json).object();
    QVERIFY(!QJsonDocument(original).toJson().contains("\xEF\xBF\xBD")); // Qt kept them
    const QByteArray yaml = jsonToYaml(original);
    const QJsonValue back = yamlToJson(YAML::Load(yaml.toStdString()));
    QCOMPARE(back.toObject(), original);
    QVERIFY2(!yaml.contains("\xEF\xBF\xBD"), yaml.constData()); // no U+FFFD written
}

void tst_Jsonyaml::rootScalarRoundTrip_data()
{
    QTest::addColumn<QString>("value");
    // fuzz_jsonyaml: a string written plain as the whole document read back as a new document.
    QTest::newRow("document start and text (fuzz)") << QStringLiteral("--- l");
    QTest::newRow("document start") << QStringLiteral("---");
    QTest::newRow("document end") << QStringLiteral("...");
    QTest::newRow("document end and text") << QStringLiteral("... x");
    QTest::newRow("plain text") << QStringLiteral("a -- b");
}

void tst_Jsonyaml::rootScalarRoundTrip()
{
    QFETCH(QString, value);
    const QByteArray yaml = jsonToYaml(QJsonValue(value));
    QCOMPARE(yamlToJson(YAML::Load(yaml.toStdString())), QJsonValue(value));
}

void tst_Jsonyaml::withValueAt()
{
    const QJsonObject pod =
        QJsonDocument::fromJson(
            R"({"metadata":{"name":"p"},"spec":{"containers":[{"name":"a"},{"name":"b"}]}})")
            .object();
    const QJsonValue labelled = core::kube::withValueAt(
        pod, {QStringLiteral("metadata"), QStringLiteral("labels"), QStringLiteral("x")},
        QJsonValue(QStringLiteral("y")));
    QCOMPARE(labelled.toObject()
                 .value(u"metadata")
                 .toObject()
                 .value(u"labels")
                 .toObject()
                 .value(u"x")
                 .toString(),
             QStringLiteral("y"));
    const QJsonValue image =
        core::kube::withValueAt(pod,
                                {QStringLiteral("spec"), QStringLiteral("containers"),
                                 QStringLiteral("[1]"), QStringLiteral("image")},
                                QJsonValue(QStringLiteral("nginx")));
    QCOMPARE(image.toObject()
                 .value(u"spec")
                 .toObject()
                 .value(u"containers")
                 .toArray()
                 .at(1)
                 .toObject()
                 .value(u"image")
                 .toString(),
             QStringLiteral("nginx"));
    const QJsonValue removed = core::kube::withValueAt(
        pod, {QStringLiteral("spec"), QStringLiteral("containers"), QStringLiteral("[0]")},
        std::nullopt);
    QCOMPARE(removed.toObject().value(u"spec").toObject().value(u"containers").toArray().size(), 1);
}

QTEST_GUILESS_MAIN(tst_Jsonyaml)
#include "tst_jsonyaml.moc"
