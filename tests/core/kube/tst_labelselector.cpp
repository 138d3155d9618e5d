#include "core/kube/labelselector.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace core;
using namespace core::kube;
using namespace Qt::StringLiterals;

// Expected values come from Kubernetes: k8s.io/apimachinery pkg/util/validation
// (validation_test.go), pkg/apis/meta/v1/validation and pkg/labels/selector.go semantics.
class tst_LabelSelector : public QObject
{
    Q_OBJECT

private slots:
    void labelKey_data();
    void labelKey();
    void labelValue_data();
    void labelValue();
    void dns1123Subdomain_data();
    void dns1123Subdomain();
    void fromJsonDiagnostics_data();
    void fromJsonDiagnostics();
    void valueNotStringHasHint();
    void validate_data();
    void validate();
    void matches_data();
    void matches();
    void roundTrip_data();
    void roundTrip();
    void operatorNames();
    void relatedness();

private:
    static QJsonValue parse(const QString &json);
    static LabelSelector selector(const QString &json);
};

QJsonValue tst_LabelSelector::parse(const QString &json)
{
    QJsonParseError error;
    const QJsonDocument document =
        QJsonDocument::fromJson(u"{\"v\":%1}"_s.arg(json).toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad JSON in test data: %s", qPrintable(json));
    return document.object().value(u"v"_s);
}

LabelSelector tst_LabelSelector::selector(const QString &json)
{
    Diagnostics diagnostics;
    const LabelSelector result = LabelSelector::fromJson(parse(json), &diagnostics);
    if (!diagnostics.isEmpty())
        qFatal("unexpected diagnostics for %s", qPrintable(json));
    return result;
}

// One row per text; the tag carries an index because long inputs share their first characters.
static void addValidityRows(const QStringList &texts, bool valid)
{
    for (qsizetype i = 0; i < texts.size(); ++i) {
        const QString tag =
            u"%1 %2 '%3'"_s.arg(valid ? u"good"_s : u"bad"_s).arg(i).arg(texts.at(i).left(40));
        QTest::newRow(qPrintable(tag)) << texts.at(i) << valid;
    }
}

void tst_LabelSelector::labelKey_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("valid");
    // TestIsQualifiedName
    const QStringList good = {u"simple"_s,
                              u"now-with-dashes"_s,
                              u"1-starts-with-num"_s,
                              u"1234"_s,
                              u"simple/simple"_s,
                              u"now-with-dashes/simple"_s,
                              u"now-with-dashes/now-with-dashes"_s,
                              u"now.with.dots/simple"_s,
                              u"now-with.dashes-and.dots/simple"_s,
                              u"1-num.2-num/3-num"_s,
                              u"1234/5678"_s,
                              u"1.2.3.4/5678"_s,
                              u"Uppercase_Is_OK_123"_s,
                              u"example.com/Uppercase_Is_OK_123"_s,
                              u"requests.storage-foo"_s,
                              u"virtual-kubelet.io/burst-to-cci"_s,
                              QString(63, u'a'),
                              QString(253, u'a') + u'/' + QString(63, u'b')};
    const QStringList bad = {u""_s,
                             u"nospecialchars%^=@"_s,
                             u"cantendwithadash-"_s,
                             u"-cantstartwithadash-"_s,
                             u"only/one/slash"_s,
                             u"Example.com/abc"_s,
                             u"example_com/abc"_s,
                             u"example.com/"_s,
                             u"/simple"_s,
                             QString(64, u'a'),
                             QString(254, u'a') + u"/abc"_s};
    addValidityRows(good, true);
    addValidityRows(bad, false);
}

void tst_LabelSelector::labelKey()
{
    QFETCH(QString, key);
    QFETCH(bool, valid);
    QCOMPARE(validateLabelKey(key).isEmpty(), valid);
}

void tst_LabelSelector::labelValue_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");
    // TestIsValidLabelValue
    const QStringList good = {u"simple"_s,
                              u"now-with-dashes"_s,
                              u"1-starts-with-num"_s,
                              u"end-with-num-1"_s,
                              u"1234"_s,
                              QString(63, u'a'),
                              u""_s,
                              u"Upper_And.dots"_s,
                              u"off"_s};
    const QStringList bad = {u"nospecialchars%^=@"_s,
                             u"Tama-nui-te-r\u0101.is_M\u0101ori.sun"_s,
                             u"\\backslashes\\are\\bad"_s,
                             u"-starts-with-dash"_s,
                             u"ends-with-dash-"_s,
                             u".starts.with.dot"_s,
                             u"ends.with.dot."_s,
                             u"has space"_s,
                             u"a/b"_s,
                             QString(64, u'a')};
    addValidityRows(good, true);
    addValidityRows(bad, false);
}

void tst_LabelSelector::labelValue()
{
    QFETCH(QString, value);
    QFETCH(bool, valid);
    QCOMPARE(validateLabelValue(value).isEmpty(), valid);
}

void tst_LabelSelector::dns1123Subdomain_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");
    // TestIsDNS1123Subdomain
    const QStringList good = {
        u"a"_s,  u"ab"_s,  u"abc"_s,   u"a1"_s,      u"a-1"_s,     u"a--1--2--b"_s,   u"0"_s,
        u"01"_s, u"a.a"_s, u"a.b.c"_s, u"1.2.3.4"_s, u"a-1.b-2"_s, QString(253, u'a')};
    const QStringList bad = {
        u""_s,    u"A"_s,   u"aBc"_s, u"-"_s,   u"a-"_s,           u"-a"_s, u"_"_s,
        u"a_b"_s, u"."_s,   u"a."_s,  u".a"_s,  u"a..b"_s,         u" "_s,  u"a b"_s,
        u"A.a"_s, u"a.B"_s, u"a@b"_s, u"a:b"_s, QString(254, u'a')};
    addValidityRows(good, true);
    addValidityRows(bad, false);
}

void tst_LabelSelector::dns1123Subdomain()
{
    QFETCH(QString, value);
    QFETCH(bool, valid);
    QCOMPARE(validateDns1123Subdomain(value).isEmpty(), valid);
}

void tst_LabelSelector::fromJsonDiagnostics_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QStringList>("codes"); // "code@path", errors and warnings alike
    QTest::addColumn<int>("labelsKept");
    QTest::addColumn<int>("requirementsKept");

    QTest::newRow("null") << "null" << QStringList() << 0 << 0;
    QTest::newRow("empty object") << "{}" << QStringList() << 0 << 0;
    QTest::newRow("well typed") << R"({"matchLabels":{"app":"web"},
               "matchExpressions":[{"key":"tier","operator":"In","values":["a","b"]},
                                   {"key":"x","operator":"Exists"}]})"
                                << QStringList() << 1 << 2;
    QTest::newRow("not an object") << R"("app=web")" << QStringList{u"selector.type@"_s} << 0 << 0;
    QTest::newRow("matchLabels is a list")
        << R"({"matchLabels":["app"]})" << QStringList{u"selector.type@matchLabels"_s} << 0 << 0;
    QTest::newRow("label value boolean (YAML off)")
        << R"({"matchLabels":{"burst":false,"app":"web"}})"
        << QStringList{u"selector.valueNotString@matchLabels.burst"_s} << 1 << 0;
    QTest::newRow("label value number")
        << R"({"matchLabels":{"version":1.0}})"
        << QStringList{u"selector.valueNotString@matchLabels.version"_s} << 0 << 0;
    QTest::newRow("label value object")
        << R"({"matchLabels":{"app":{"name":"web"}}})"
        << QStringList{u"selector.type@matchLabels.app"_s} << 0 << 0;
    QTest::newRow("label value null is empty string")
        << R"({"matchLabels":{"app":null}})" << QStringList{u"selector.valueNull@matchLabels.app"_s}
        << 1 << 0;
    QTest::newRow("matchExpressions is an object")
        << R"({"matchExpressions":{"key":"a"}})" << QStringList{u"selector.type@matchExpressions"_s}
        << 0 << 0;
    QTest::newRow("expression is a string")
        << R"({"matchExpressions":["a in b",{"key":"a","operator":"Exists"}]})"
        << QStringList{u"selector.type@matchExpressions[0]"_s} << 0 << 1;
    QTest::newRow("value boolean in values")
        << R"({"matchExpressions":[{"key":"a","operator":"In","values":["x",true]}]})"
        << QStringList{u"selector.valueNotString@matchExpressions[0].values[1]"_s} << 0 << 0;
    QTest::newRow("values not a list")
        << R"({"matchExpressions":[{"key":"a","operator":"In","values":"x"}]})"
        << QStringList{u"selector.type@matchExpressions[0].values"_s} << 0 << 0;
    QTest::newRow("key is a number")
        << R"({"matchExpressions":[{"key":7,"operator":"Exists"}]})"
        << QStringList{u"selector.type@matchExpressions[0].key"_s} << 0 << 0;
    QTest::newRow("operator lower case")
        << R"({"matchExpressions":[{"key":"a","operator":"in","values":["x"]}]})"
        << QStringList{u"selector.operator@matchExpressions[0].operator"_s} << 0 << 0;
    QTest::newRow("operator Gt is node-selector only")
        << R"({"matchExpressions":[{"key":"a","operator":"Gt","values":["1"]}]})"
        << QStringList{u"selector.operator@matchExpressions[0].operator"_s} << 0 << 0;
    QTest::newRow("operator missing")
        << R"({"matchExpressions":[{"key":"a"}]})"
        << QStringList{u"selector.operator@matchExpressions[0].operator"_s} << 0 << 0;
    QTest::newRow("operator not a string")
        << R"({"matchExpressions":[{"key":"a","operator":1}]})"
        << QStringList{u"selector.type@matchExpressions[0].operator"_s} << 0 << 0;
    QTest::newRow("second expression bad, first kept")
        << R"({"matchExpressions":[{"key":"a","operator":"Exists"},
                                   {"key":"b","operator":"Exist"}]})"
        << QStringList{u"selector.operator@matchExpressions[1].operator"_s} << 0 << 1;
    QTest::newRow("misspelt field warns")
        << R"({"matchLabel":{"app":"web"}})" << QStringList{u"selector.unknownField@matchLabel"_s}
        << 0 << 0;
    QTest::newRow("unknown expression field warns")
        << R"({"matchExpressions":[{"key":"a","operator":"Exists","value":["x"]}]})"
        << QStringList{u"selector.unknownField@matchExpressions[0].value"_s} << 0 << 1;
}

void tst_LabelSelector::fromJsonDiagnostics()
{
    QFETCH(QString, json);
    QFETCH(QStringList, codes);
    QFETCH(int, labelsKept);
    QFETCH(int, requirementsKept);

    Diagnostics diagnostics;
    const LabelSelector result = LabelSelector::fromJson(parse(json), &diagnostics);
    QStringList actual;
    for (const Diagnostic &d : diagnostics) {
        actual << d.code + u'@' + d.path;
        QVERIFY(!d.message.isEmpty());
    }
    QCOMPARE(actual, codes);
    QCOMPARE(result.matchLabels().size(), labelsKept);
    QCOMPARE(result.requirements().size(), requirementsKept);
}

void tst_LabelSelector::valueNotStringHasHint()
{
    Diagnostics diagnostics;
    LabelSelector::fromJson(
        parse(uR"({"matchLabels":{"virtual-kubelet.io/burst-to-cci":false}})"_s), &diagnostics);
    QCOMPARE(diagnostics.size(), 1);
    QCOMPARE(diagnostics.first().severity, Severity::Error);
    QVERIFY(!diagnostics.first().hint.isEmpty());
    // Null diagnostics pointer is allowed and must not crash.
    LabelSelector::fromJson(parse(uR"({"matchLabels":{"a":1}})"_s), nullptr);
}

void tst_LabelSelector::validate_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QStringList>("codes");

    const auto *valid = R"({"matchLabels":{"app.kubernetes.io/name":"web","empty":""},
                           "matchExpressions":[{"key":"tier","operator":"NotIn","values":["db"]},
                                     {"key":"example.com/x","operator":"DoesNotExist"}]})";
    QTest::newRow("valid") << valid << QStringList();
    QTest::newRow("bad label key")
        << R"({"matchLabels":{"-app":"web"}})" << QStringList{u"selector.key@matchLabels.-app"_s};
    QTest::newRow("bad label key prefix")
        << R"({"matchLabels":{"Example.com/app":"web"}})"
        << QStringList{u"selector.key@matchLabels.Example.com/app"_s};
    QTest::newRow("bad label value") << R"({"matchLabels":{"app":"my app"}})"
                                     << QStringList{u"selector.value@matchLabels.app"_s};
    QTest::newRow("label value too long")
        << uR"({"matchLabels":{"app":"%1"}})"_s.arg(QString(64, u'v'))
        << QStringList{u"selector.value@matchLabels.app"_s};
    QTest::newRow("In without values")
        << R"({"matchExpressions":[{"key":"a","operator":"In"}]})"
        << QStringList{u"selector.valuesRequired@matchExpressions[0].values"_s};
    QTest::newRow("NotIn with empty values")
        << R"({"matchExpressions":[{"key":"a","operator":"NotIn","values":[]}]})"
        << QStringList{u"selector.valuesRequired@matchExpressions[0].values"_s};
    QTest::newRow("Exists with values")
        << R"({"matchExpressions":[{"key":"a","operator":"Exists","values":["x"]}]})"
        << QStringList{u"selector.valuesForbidden@matchExpressions[0].values"_s};
    QTest::newRow("DoesNotExist with values")
        << R"({"matchExpressions":[{"key":"a","operator":"DoesNotExist","values":["x"]}]})"
        << QStringList{u"selector.valuesForbidden@matchExpressions[0].values"_s};
    QTest::newRow("missing key") << R"({"matchExpressions":[{"operator":"Exists"}]})"
                                 << QStringList{u"selector.key@matchExpressions[0].key"_s};
    QTest::newRow("bad value in values")
        << R"({"matchExpressions":[{"key":"a","operator":"In","values":["ok","-bad-"]}]})"
        << QStringList{u"selector.value@matchExpressions[0].values[1]"_s};
    QTest::newRow("several problems")
        << R"({"matchExpressions":[{"key":"a","operator":"Exists"},
                                   {"key":"a/b/c","operator":"In","values":["x y"]}]})"
        << QStringList{u"selector.key@matchExpressions[1].key"_s,
                       u"selector.value@matchExpressions[1].values[0]"_s};
}

void tst_LabelSelector::validate()
{
    QFETCH(QString, json);
    QFETCH(QStringList, codes);

    QStringList actual;
    for (const Diagnostic &d : selector(json).validate()) {
        actual << d.code + u'@' + d.path;
        QCOMPARE(d.severity, Severity::Error);
        QVERIFY(!d.message.isEmpty());
    }
    QCOMPARE(actual, codes);
}

void tst_LabelSelector::matches_data()
{
    QTest::addColumn<QString>("selectorJson");
    QTest::addColumn<QString>("labelsJson");
    QTest::addColumn<bool>("expected");

    const auto *none = "{}";
    QTest::newRow("empty selector, no labels") << none << none << true;
    QTest::newRow("empty selector, labels") << none << R"({"a":"b"})" << true;
    const auto *eq = R"({"matchLabels":{"a":"b"}})";
    QTest::newRow("matchLabels equal") << eq << R"({"a":"b","c":"d"})" << true;
    QTest::newRow("matchLabels other value") << eq << R"({"a":"c"})" << false;
    QTest::newRow("matchLabels absent") << eq << "{}" << false;
    QTest::newRow("matchLabels empty value") << R"({"matchLabels":{"a":""}})"
                                             << R"({"a":""})" << true;
    const auto *in = R"({"matchExpressions":[{"key":"a","operator":"In","values":["b","c"]}]})";
    QTest::newRow("In member") << in << R"({"a":"c"})" << true;
    QTest::newRow("In non-member") << in << R"({"a":"d"})" << false;
    QTest::newRow("In absent") << in << R"({"x":"b"})" << false;
    const auto *notIn = R"({"matchExpressions":[{"key":"a","operator":"NotIn","values":["b"]}]})";
    QTest::newRow("NotIn absent") << notIn << "{}" << true;
    QTest::newRow("NotIn other value") << notIn << R"({"a":"c"})" << true;
    QTest::newRow("NotIn member") << notIn << R"({"a":"b"})" << false;
    const auto *exists = R"({"matchExpressions":[{"key":"a","operator":"Exists"}]})";
    QTest::newRow("Exists empty value") << exists << R"({"a":""})" << true;
    QTest::newRow("Exists absent") << exists << R"({"b":"a"})" << false;
    const auto *absent = R"({"matchExpressions":[{"key":"a","operator":"DoesNotExist"}]})";
    QTest::newRow("DoesNotExist absent") << absent << R"({"b":"x"})" << true;
    QTest::newRow("DoesNotExist present") << absent << R"({"a":"x"})" << false;
    const auto *both = R"({"matchLabels":{"app":"web"},
                           "matchExpressions":[{"key":"tier","operator":"In","values":["fe"]},
                                               {"key":"canary","operator":"DoesNotExist"}]})";
    QTest::newRow("AND all hold") << both << R"({"app":"web","tier":"fe"})" << true;
    QTest::newRow("AND label fails") << both << R"({"app":"db","tier":"fe"})" << false;
    QTest::newRow("AND expression fails") << both << R"({"app":"web","tier":"be"})" << false;
    QTest::newRow("AND second expression fails")
        << both << R"({"app":"web","tier":"fe","canary":"true"})" << false;
    QTest::newRow("values compare case-sensitively") << in << R"({"a":"B"})" << false;
}

void tst_LabelSelector::matches()
{
    QFETCH(QString, selectorJson);
    QFETCH(QString, labelsJson);
    QFETCH(bool, expected);

    QMap<QString, QString> labels;
    const QJsonObject object = parse(labelsJson).toObject();
    for (auto it = object.begin(); it != object.end(); ++it)
        labels.insert(it.key(), it.value().toString());
    QCOMPARE(selector(selectorJson).matches(labels), expected);
}

void tst_LabelSelector::roundTrip_data()
{
    QTest::addColumn<QString>("json");
    QTest::newRow("empty") << "{}";
    QTest::newRow("labels only") << R"({"matchLabels":{"a":"b","c":""}})";
    QTest::newRow("expressions only")
        << R"({"matchExpressions":[{"key":"a","operator":"In","values":["x","y"]},
                                   {"key":"b","operator":"Exists"}]})";
    QTest::newRow("both") << R"({"matchLabels":{"app":"web"},
               "matchExpressions":[{"key":"t","operator":"NotIn","values":["z"]},
                                   {"key":"u","operator":"DoesNotExist"}]})";
}

void tst_LabelSelector::roundTrip()
{
    QFETCH(QString, json);
    const LabelSelector original = selector(json);
    QCOMPARE(QJsonValue(original.toJson()), parse(json));
    Diagnostics diagnostics;
    QCOMPARE(LabelSelector::fromJson(original.toJson(), &diagnostics), original);
    QVERIFY(diagnostics.isEmpty());
}

void tst_LabelSelector::operatorNames()
{
    QCOMPARE(LabelSelector::operatorName(LabelSelector::Operator::In), u"In"_s);
    QCOMPARE(LabelSelector::operatorName(LabelSelector::Operator::NotIn), u"NotIn"_s);
    QCOMPARE(LabelSelector::operatorName(LabelSelector::Operator::Exists), u"Exists"_s);
    QCOMPARE(LabelSelector::operatorName(LabelSelector::Operator::DoesNotExist), u"DoesNotExist"_s);
}

void tst_LabelSelector::relatedness()
{
    const LabelSelector s = selector(uR"({"matchLabels":{"a":"b","c":"d"},
        "matchExpressions":[{"key":"e","operator":"Exists"}]})"_s);
    QCOMPARE(s.relatedness(), 3);
    QVERIFY(!s.isEmpty());
    QVERIFY(LabelSelector().isEmpty());
}

QTEST_GUILESS_MAIN(tst_LabelSelector)
#include "tst_labelselector.moc"
