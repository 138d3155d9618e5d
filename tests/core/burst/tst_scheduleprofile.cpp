#include "core/burst/scheduleprofile.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace core;
using namespace core::burst;
using namespace Qt::StringLiterals;

// Expected values come from SPEC.md section 2 and guide 1.1 "使用 profile管理线下 IDC
// 和云上分配数量": the two guide ScheduleProfiles, maxNum in [0, int32], scaleDownPriority in
// [-100, 100], maxNum on one location only, localPrefer configures one location, association by
// relatedness then name.
class tst_ScheduleProfile : public QObject
{
    Q_OBJECT

private slots:
    void fromJsonGuideProfiles_data();
    void fromJsonGuideProfiles();
    void roundTrip();
    void validate_data();
    void validate();
    void associate_data();
    void associate();
    void relabellingChangesAssociation();
};

namespace {

// Guide: "配置local maxNum和scaleDownPriority" (comments dropped, status kept).
const QString kGuideLocalProfile = uR"({
  "apiVersion": "scheduling.cci.io/v1", "kind": "ScheduleProfile",
  "metadata": {"name": "test-cci-profile", "namespace": "default"},
  "spec": {"objectLabels": {"matchLabels": {"app": "nginx"}}, "strategy": "localPrefer",
           "location": {"local": {"maxNum": 20, "scaleDownPriority": 10}, "cci": {}}},
  "status": {"phase": "initialized", "restrict": {"local": 20}, "used": {"local": 20, "cci": 0}}
})"_s;

// Guide: "配置cci maxNum和scaleDownPriority".
const QString kGuideCciProfile = uR"({
  "apiVersion": "scheduling.cci.io/v1", "kind": "ScheduleProfile",
  "metadata": {"name": "test-cci-profile", "namespace": "default"},
  "spec": {"objectLabels": {"matchLabels": {"app": "nginx"}}, "strategy": "localPrefer",
           "location": {"local": {}, "cci": {"maxNum": 20, "scaleDownPriority": 10}}},
  "status": {"phase": "initialized", "restrict": {"cci": 20}, "used": {"local": 0, "cci": 20}}
})"_s;

QJsonObject parseObject(const QString &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        qFatal("test JSON does not parse: %s\n%s", qPrintable(error.errorString()),
               qPrintable(json));
    return doc.object();
}

// A profile named `name` in `ns` with the given spec fragments (JSON text).
QString profileJson(const QString &name, const QString &objectLabels,
                    const QString &strategy = u"\"auto\""_s, const QString &location = u"{}"_s,
                    const QString &ns = u"default"_s)
{
    return uR"({"apiVersion":"scheduling.cci.io/v1","kind":"ScheduleProfile",
        "metadata":{"name":"%1","namespace":"%2"},
        "spec":{"objectLabels":%3,"strategy":%4,"location":%5}})"_s.arg(name, ns, objectLabels,
                                                                        strategy, location);
}

const QString kNginx = uR"({"matchLabels":{"app":"nginx"}})"_s;

// "severity code path"; infos as "info code". An expectation ending in '*' matches a path prefix.
QStringList describe(const Diagnostics &diagnostics)
{
    QStringList out;
    for (const Diagnostic &d : diagnostics) {
        if (d.severity == Severity::Info)
            out << QString(u"info "_s + d.code);
        else
            out << QString(severityName(d.severity) + u' ' + d.code + u' ' + d.path);
    }
    return out;
}

bool matchesExpectation(const QString &actual, const QString &expected)
{
    return expected.endsWith(u'*') ? actual.startsWith(expected.chopped(1)) : actual == expected;
}

} // namespace

void tst_ScheduleProfile::fromJsonGuideProfiles_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<int>("localMaxNum"); // -1: unset
    QTest::addColumn<int>("localPriority");
    QTest::addColumn<int>("cciMaxNum");
    QTest::addColumn<int>("cciPriority");
    QTest::newRow("guide local maxNum 20, priority 10, cci {}")
        << kGuideLocalProfile << 20 << 10 << -1 << -1;
    QTest::newRow("guide local {}, cci maxNum 20, priority 10")
        << kGuideCciProfile << -1 << -1 << 20 << 10;
}

void tst_ScheduleProfile::fromJsonGuideProfiles()
{
    QFETCH(QString, json);
    QFETCH(int, localMaxNum);
    QFETCH(int, localPriority);
    QFETCH(int, cciMaxNum);
    QFETCH(int, cciPriority);
    const QJsonObject object = parseObject(json);
    QVERIFY(isScheduleProfile(object));
    const ScheduleProfile p = scheduleProfileFromJson(object);
    QCOMPARE(p.name, u"test-cci-profile"_s);
    QCOMPARE(p.nameSpace, u"default"_s);
    QCOMPARE(p.strategyText, u"localPrefer"_s);
    QVERIFY(p.strategy == Strategy::LocalPrefer);
    QCOMPARE(p.selector.matchLabels(), (kube::Labels{{u"app"_s, u"nginx"_s}}));
    QCOMPARE(p.selector.relatedness(), 1);
    const auto asInt = [](std::optional<qint64> v) { return v ? int(*v) : -1; };
    QCOMPARE(asInt(p.local.maxNum), localMaxNum);
    QCOMPARE(asInt(p.local.scaleDownPriority), localPriority);
    QCOMPARE(asInt(p.cci.maxNum), cciMaxNum);
    QCOMPARE(asInt(p.cci.scaleDownPriority), cciPriority);
    QVERIFY(p.local.present);
    QVERIFY(p.cci.present);
    QCOMPARE(describe(validateScheduleProfile(p)), QStringList());
}

void tst_ScheduleProfile::roundTrip()
{
    for (const QString &json : {kGuideLocalProfile, kGuideCciProfile}) {
        const ScheduleProfile p = scheduleProfileFromJson(parseObject(json));
        const QJsonObject written = scheduleProfileToJson(p);
        QVERIFY(isScheduleProfile(written));
        QCOMPARE(scheduleProfileFromJson(written), p);
    }
    // A Deployment is not a profile; a missing namespace means "default".
    QVERIFY(!isScheduleProfile(parseObject(uR"({"apiVersion":"apps/v1","kind":"Deployment"})"_s)));
    const ScheduleProfile noNamespace = scheduleProfileFromJson(
        parseObject(uR"({"kind":"ScheduleProfile","metadata":{"name":"p"}})"_s));
    QCOMPARE(noNamespace.nameSpace, u"default"_s);
}

void tst_ScheduleProfile::validate_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QStringList>("expected");
    const auto loc = [](const QString &local, const QString &cci) {
        return uR"({"local":%1,"cci":%2})"_s.arg(local, cci);
    };
    const QString lp = u"\"localPrefer\""_s;
    const QString enf = u"\"enforce\""_s;
    const QString localMax = u"error profile.maxNum.range spec.location.local.maxNum"_s;
    const QString cciMax = u"error profile.maxNum.range spec.location.cci.maxNum"_s;
    const QString localPrio =
        u"error profile.scaleDownPriority.range spec.location.local.scaleDownPriority"_s;
    const QString cciPrio =
        u"error profile.scaleDownPriority.range spec.location.cci.scaleDownPriority"_s;
    const QString localPreferBoth = u"error profile.localPrefer.both spec.location"_s;
    const QString strategyError = u"error profile.strategy spec.strategy"_s;
    const QString enforceNote = u"info profile.enforce.claim"_s;
    const QString emptySelector = u"warning profile.selector.empty spec.objectLabels"_s;

    QTest::newRow("guide profile: local maxNum 20") << kGuideLocalProfile << QStringList();
    QTest::newRow("guide profile: cci maxNum 20") << kGuideCciProfile << QStringList();

    QTest::newRow("maxNum -1 invalid")
        << profileJson(u"p"_s, kNginx, lp, loc(u"{\"maxNum\":-1}"_s, u"{}"_s))
        << QStringList{localMax};
    QTest::newRow("maxNum 0 valid")
        << profileJson(u"p"_s, kNginx, lp, loc(u"{\"maxNum\":0}"_s, u"{}"_s)) << QStringList();
    QTest::newRow("maxNum 2147483647 valid")
        << profileJson(u"p"_s, kNginx, lp, loc(u"{}"_s, u"{\"maxNum\":2147483647}"_s))
        << QStringList();
    QTest::newRow("maxNum 2147483648 invalid")
        << profileJson(u"p"_s, kNginx, lp, loc(u"{}"_s, u"{\"maxNum\":2147483648}"_s))
        << QStringList{cciMax};
    QTest::newRow("maxNum 1e20 is an integer out of range, not a type error")
        << profileJson(u"p"_s, kNginx, lp, loc(u"{\"maxNum\":100000000000000000000}"_s, u"{}"_s))
        << QStringList{localMax};
    QTest::newRow("scaleDownPriority -1e20 out of range")
        << profileJson(u"p"_s, kNginx, lp,
                       loc(u"{\"scaleDownPriority\":-100000000000000000000}"_s, u"{}"_s))
        << QStringList{localPrio};
    QTest::newRow("scaleDownPriority -101 invalid")
        << profileJson(u"p"_s, kNginx, lp, loc(u"{\"scaleDownPriority\":-101}"_s, u"{}"_s))
        << QStringList{localPrio};
    QTest::newRow("scaleDownPriority -100 valid")
        << profileJson(u"p"_s, kNginx, lp, loc(u"{\"scaleDownPriority\":-100}"_s, u"{}"_s))
        << QStringList();
    QTest::newRow("scaleDownPriority 100 valid")
        << profileJson(u"p"_s, kNginx, lp, loc(u"{}"_s, u"{\"scaleDownPriority\":100}"_s))
        << QStringList();
    QTest::newRow("scaleDownPriority 101 invalid")
        << profileJson(u"p"_s, kNginx, lp, loc(u"{}"_s, u"{\"scaleDownPriority\":101}"_s))
        << QStringList{cciPrio};

    QTest::newRow("auto: maxNum on local and cci")
        << profileJson(u"p"_s, kNginx, u"\"auto\""_s, loc(u"{\"maxNum\":5}"_s, u"{\"maxNum\":5}"_s))
        << QStringList{u"error profile.maxNum.both spec.location.cci.maxNum"_s};
    QTest::newRow("localPrefer: maxNum on local and cci")
        << profileJson(u"p"_s, kNginx, lp, loc(u"{\"maxNum\":5}"_s, u"{\"maxNum\":5}"_s))
        << QStringList{u"error profile.maxNum.both spec.location.cci.maxNum"_s, localPreferBoth};
    QTest::newRow("localPrefer: local maxNum and cci priority")
        << profileJson(u"p"_s, kNginx, lp, loc(u"{\"maxNum\":5}"_s, u"{\"scaleDownPriority\":1}"_s))
        << QStringList{localPreferBoth};
    QTest::newRow("localPrefer: priorities on both")
        << profileJson(u"p"_s, kNginx, lp,
                       loc(u"{\"scaleDownPriority\":10}"_s, u"{\"scaleDownPriority\":0}"_s))
        << QStringList{localPreferBoth};
    QTest::newRow("localPrefer: both empty objects")
        << profileJson(u"p"_s, kNginx, lp, loc(u"{}"_s, u"{}"_s)) << QStringList();
    QTest::newRow("localPrefer: no location") << profileJson(u"p"_s, kNginx, lp) << QStringList();
    QTest::newRow("auto: priorities on both allowed")
        << profileJson(u"p"_s, kNginx, u"\"auto\""_s,
                       loc(u"{\"scaleDownPriority\":10}"_s, u"{\"scaleDownPriority\":0}"_s))
        << QStringList();
    QTest::newRow("enforce: cci maxNum, with the claim note")
        << profileJson(u"p"_s, kNginx, enf, loc(u"{}"_s, u"{\"maxNum\":3}"_s))
        << QStringList{enforceNote};

    QTest::newRow("strategy off is a label value only")
        << profileJson(u"p"_s, kNginx, u"\"off\""_s) << QStringList{strategyError};
    QTest::newRow("strategy Auto wrong case")
        << profileJson(u"p"_s, kNginx, u"\"Auto\""_s) << QStringList{strategyError};
    QTest::newRow("strategy unknown burst")
        << profileJson(u"p"_s, kNginx, u"\"burst\""_s) << QStringList{strategyError};
    QTest::newRow("strategy empty string")
        << profileJson(u"p"_s, kNginx, u"\"\""_s) << QStringList{strategyError};
    QTest::newRow("strategy missing (null)")
        << profileJson(u"p"_s, kNginx, u"null"_s) << QStringList{strategyError};

    QTest::newRow("maxNum as string \"20\"")
        << profileJson(u"p"_s, kNginx, lp, loc(u"{\"maxNum\":\"20\"}"_s, u"{}"_s))
        << QStringList{u"error profile.type spec.location.local.maxNum"_s};
    QTest::newRow("maxNum 1.5") << profileJson(u"p"_s, kNginx, lp,
                                               loc(u"{}"_s, u"{\"maxNum\":1.5}"_s))
                                << QStringList{u"error profile.type spec.location.cci.maxNum"_s};
    QTest::newRow("scaleDownPriority as string \"10\"")
        << profileJson(u"p"_s, kNginx, lp, loc(u"{\"scaleDownPriority\":\"10\"}"_s, u"{}"_s))
        << QStringList{u"error profile.type spec.location.local.scaleDownPriority"_s};

    QTest::newRow("selector: bad label key")
        << profileJson(u"p"_s, uR"({"matchLabels":{"app":"nginx","bad key!":"x"}})"_s)
        << QStringList{u"error selector.key spec.objectLabels.matchLabels*"_s};
    QTest::newRow("selector: In without values")
        << profileJson(u"p"_s, uR"({"matchLabels":{"app":"nginx"},
                        "matchExpressions":[{"key":"tier","operator":"In"}]})"_s)
        << QStringList{
               u"error selector.valuesRequired spec.objectLabels.matchExpressions[0].values"_s};
    QTest::newRow("selector: Exists with values")
        << profileJson(u"p"_s, uR"({"matchLabels":{"app":"nginx"},
                        "matchExpressions":[{"key":"tier","operator":"Exists","values":["a"]}]})"_s)
        << QStringList{
               u"error selector.valuesForbidden spec.objectLabels.matchExpressions[0].values"_s};
    QTest::newRow("selector: empty object warns")
        << profileJson(u"p"_s, u"{}"_s) << QStringList{emptySelector};
    QTest::newRow("selector: missing warns")
        << profileJson(u"p"_s, u"null"_s) << QStringList{emptySelector};
}

void tst_ScheduleProfile::validate()
{
    QFETCH(QString, json);
    QFETCH(QStringList, expected);
    const ScheduleProfile p = scheduleProfileFromJson(parseObject(json));
    const QStringList actual = describe(validateScheduleProfile(p));
    const QByteArray shown = QString(u"\n   actual: "_s + actual.join(u" | "_s) +
                                     u"\n expected: "_s + expected.join(u" | "_s))
                                 .toUtf8();
    QVERIFY2(actual.size() == expected.size(), shown.constData());
    for (qsizetype i = 0; i < actual.size(); ++i)
        QVERIFY2(matchesExpectation(actual.at(i), expected.at(i)), shown.constData());
}

void tst_ScheduleProfile::associate_data()
{
    QTest::addColumn<QStringList>("profiles");
    QTest::addColumn<QString>("nameSpace");
    QTest::addColumn<QString>("podLabels");
    QTest::addColumn<QString>("expected"); // profile name, "" for none
    const QString pod = uR"({"app":"nginx","tier":"web"})"_s;
    const QString two = uR"({"matchLabels":{"app":"nginx","tier":"web"}})"_s;
    const QString labelAndExpr = uR"({"matchLabels":{"app":"nginx"},
        "matchExpressions":[{"key":"tier","operator":"Exists"}]})"_s;
    const QString threeExprs = uR"({"matchExpressions":[{"key":"app","operator":"In",
        "values":["nginx"]},{"key":"tier","operator":"Exists"},{"key":"env","operator":"DoesNotExist"}]})"_s;
    const QString notInProd =
        uR"({"matchExpressions":[{"key":"env","operator":"NotIn","values":["prod"]}]})"_s;
    const QString noEnv = uR"({"matchExpressions":[{"key":"env","operator":"DoesNotExist"}]})"_s;

    QTest::newRow("single match") << QStringList{profileJson(u"p"_s, kNginx)} << u"default"_s << pod
                                  << u"p"_s;
    QTest::newRow("no match") << QStringList{profileJson(u"p"_s, kNginx)} << u"default"_s
                              << uR"({"app":"redis"})"_s << QString();
    QTest::newRow("two matchLabels beat one, name order ignored")
        << QStringList{profileJson(u"a"_s, kNginx), profileJson(u"z"_s, two)} << u"default"_s << pod
        << u"z"_s;
    QTest::newRow("matchExpressions count toward relatedness")
        << QStringList{profileJson(u"a"_s, two), profileJson(u"z"_s, threeExprs)} << u"default"_s
        << pod << u"z"_s;
    QTest::newRow("label + expression ties two labels: name decides")
        << QStringList{profileJson(u"m"_s, two), profileJson(u"k"_s, labelAndExpr)} << u"default"_s
        << pod << u"k"_s;
    QTest::newRow("tie: \"B\" sorts before \"a\" in byte order")
        << QStringList{profileJson(u"a"_s, kNginx), profileJson(u"B"_s, kNginx)} << u"default"_s
        << pod << u"B"_s;
    QTest::newRow("tie: \"a\" before \"b\" whatever the list order")
        << QStringList{profileJson(u"b"_s, kNginx), profileJson(u"a"_s, kNginx)} << u"default"_s
        << pod << u"a"_s;
    QTest::newRow("tie: \"nginx-10\" before \"nginx-9\" (bytes, not numbers)")
        << QStringList{profileJson(u"nginx-9"_s, kNginx), profileJson(u"nginx-10"_s, kNginx)}
        << u"default"_s << pod << u"nginx-10"_s;
    QTest::newRow("other namespace ignored")
        << QStringList{profileJson(u"z"_s, kNginx),
                       profileJson(u"a"_s, two, u"\"auto\""_s, u"{}"_s, u"prod"_s)}
        << u"default"_s << pod << u"z"_s;
    QTest::newRow("pod in prod takes the prod profile")
        << QStringList{profileJson(u"z"_s, two),
                       profileJson(u"a"_s, kNginx, u"\"auto\""_s, u"{}"_s, u"prod"_s)}
        << u"prod"_s << pod << u"a"_s;
    QTest::newRow("only other namespaces -> none")
        << QStringList{profileJson(u"a"_s, kNginx, u"\"auto\""_s, u"{}"_s, u"prod"_s)}
        << u"default"_s << pod << QString();
    QTest::newRow("empty selector captures nothing")
        << QStringList{profileJson(u"a"_s, u"{}"_s)} << u"default"_s << pod << QString();
    QTest::newRow("empty selector loses to a matching one")
        << QStringList{profileJson(u"a"_s, u"{}"_s), profileJson(u"z"_s, kNginx)} << u"default"_s
        << pod << u"z"_s;
    QTest::newRow("invalid profile (strategy off) captures nothing")
        << QStringList{profileJson(u"a"_s, two, u"\"off\""_s), profileJson(u"z"_s, kNginx)}
        << u"default"_s << pod << u"z"_s;
    QTest::newRow("invalid profile (maxNum on both) captures nothing")
        << QStringList{profileJson(u"a"_s, two, u"\"auto\""_s,
                                   uR"({"local":{"maxNum":1},"cci":{"maxNum":1}})"_s)}
        << u"default"_s << pod << QString();
    QTest::newRow("enforce profile associates")
        << QStringList{profileJson(u"p"_s, kNginx, u"\"enforce\""_s)} << u"default"_s << pod
        << u"p"_s;
    QTest::newRow("NotIn: key absent matches")
        << QStringList{profileJson(u"p"_s, notInProd)} << u"default"_s << pod << u"p"_s;
    QTest::newRow("NotIn: other value matches")
        << QStringList{profileJson(u"p"_s, notInProd)} << u"default"_s
        << uR"({"app":"nginx","env":"dev"})"_s << u"p"_s;
    QTest::newRow("NotIn: listed value excluded")
        << QStringList{profileJson(u"p"_s, notInProd)} << u"default"_s
        << uR"({"app":"nginx","env":"prod"})"_s << QString();
    QTest::newRow("DoesNotExist: key absent matches")
        << QStringList{profileJson(u"p"_s, noEnv)} << u"default"_s << pod << u"p"_s;
    QTest::newRow("DoesNotExist: any value excluded")
        << QStringList{profileJson(u"p"_s, noEnv)} << u"default"_s
        << uR"({"app":"nginx","env":""})"_s << QString();
    QTest::newRow("matchLabels AND expressions: expression fails")
        << QStringList{profileJson(u"p"_s, labelAndExpr)} << u"default"_s << uR"({"app":"nginx"})"_s
        << QString();
}

void tst_ScheduleProfile::associate()
{
    QFETCH(QStringList, profiles);
    QFETCH(QString, nameSpace);
    QFETCH(QString, podLabels);
    QFETCH(QString, expected);
    QList<ScheduleProfile> list;
    for (const QString &json : profiles)
        list << scheduleProfileFromJson(parseObject(json));
    kube::Labels labels;
    const QJsonObject labelObject = parseObject(podLabels);
    for (auto it = labelObject.begin(); it != labelObject.end(); ++it)
        labels.insert(it.key(), it.value().toString());
    const auto index = associateProfile(list, nameSpace, labels);
    QCOMPARE(index ? list.at(*index).name : QString(), expected);
}

void tst_ScheduleProfile::relabellingChangesAssociation()
{
    const QList<ScheduleProfile> profiles = {
        scheduleProfileFromJson(parseObject(
            profileJson(u"web"_s, uR"({"matchLabels":{"app":"nginx","tier":"web"}})"_s))),
        scheduleProfileFromJson(parseObject(profileJson(u"nginx"_s, kNginx))),
    };
    const auto associated = [&](const kube::Labels &labels) {
        const auto index = associateProfile(profiles, u"default"_s, labels);
        return index ? profiles.at(*index).name : QString();
    };
    kube::Labels labels{{u"app"_s, u"nginx"_s}, {u"tier"_s, u"web"_s}};
    QCOMPARE(associated(labels), u"web"_s);
    labels.insert(u"tier"_s, u"db"_s);
    QCOMPARE(associated(labels), u"nginx"_s);
    labels.insert(u"app"_s, u"redis"_s);
    QCOMPARE(associated(labels), QString());
    labels.insert(u"app"_s, u"nginx"_s);
    labels.insert(u"tier"_s, u"web"_s);
    QCOMPARE(associated(labels), u"web"_s);
}

QTEST_GUILESS_MAIN(tst_ScheduleProfile)
#include "tst_scheduleprofile.moc"
