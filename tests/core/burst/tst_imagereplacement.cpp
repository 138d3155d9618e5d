#include "core/burst/imagereplacement.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace core;
using namespace core::burst;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(core::burst::ImageRule)

// Expected values come from SPEC.md section 6 and the guide's section 1.2.2 (镜像地址替换): its two
// scenarios are reproduced exactly, with the annotation texts' line breaks removed.
class tst_ImageReplacement : public QObject
{
    Q_OBJECT

private slots:
    void repositoryPrefix_data();
    void repositoryPrefix();
    void parseValid_data();
    void parseValid();
    void parseInvalid_data();
    void parseInvalid();
    void apply_data();
    void apply();
    void changesReportPathAndRule();
};

static const QString kSwr = u"swr.cn-north-4.myhuaweicloud.com"_s;
static const QString kOrg = kSwr + u"/org"_s;
static const QString kOrg1 = kSwr + u"/org1"_s;
static const QString kOrg2 = kSwr + u"/org2"_s;
static const QString kSha256 = u"sha256:"_s + QString(64, u'a');

static const QString kScenario1 =
    uR"([{"repositoryPrefix":"harbor.domain/a/b/c/d","replaceWith":"swr.cn-north-4.myhuaweicloud.com/org"}])"_s;
static const QString kScenario2Rule1 =
    uR"({"repositoryPrefix":"harbor.domain","replaceWith":"swr.cn-north-4.myhuaweicloud.com/org1"})"_s;
static const QString kScenario2Rule2 =
    uR"({"repositoryPrefix":"","replaceWith":"swr.cn-north-4.myhuaweicloud.com/org1"})"_s;
static const QString kScenario2Rule3 =
    uR"({"repositoryPrefix":"harbor.domain/a/b/c/d","replaceWith":"swr.cn-north-4.myhuaweicloud.com/org2"})"_s;

static QString array(const QStringList &entries)
{
    return u'[' + entries.join(u',') + u']';
}

void tst_ImageReplacement::repositoryPrefix_data()
{
    QTest::addColumn<QString>("image");
    QTest::addColumn<QString>("prefix");

    QTest::newRow("guide deep path")
        << u"harbor.domain/a/b/c/d/ubuntu:latest"_s << u"harbor.domain/a/b/c/d"_s;
    QTest::newRow("registry only") << u"harbor.domain/ubuntu:latest"_s << u"harbor.domain"_s;
    QTest::newRow("no slash has no prefix") << u"nginx:latest"_s << QString();
    QTest::newRow("registry with port")
        << u"localhost:5000/team/app:1.0"_s << u"localhost:5000/team"_s;
    QTest::newRow("digest does not count")
        << u"harbor.domain/a/app@"_s + kSha256 << u"harbor.domain/a"_s;
}

void tst_ImageReplacement::repositoryPrefix()
{
    QFETCH(QString, image);
    QFETCH(QString, prefix);
    QCOMPARE(imageRepositoryPrefix(image), prefix);
}

void tst_ImageReplacement::parseValid_data()
{
    QTest::addColumn<QString>("annotation");
    QTest::addColumn<QList<ImageRule>>("rules");

    QTest::newRow("guide scenario 1")
        << kScenario1 << QList{ImageRule{u"harbor.domain/a/b/c/d"_s, kOrg}};
    QTest::newRow("guide scenario 2")
        << array({kScenario2Rule1, kScenario2Rule2, kScenario2Rule3})
        << QList{ImageRule{u"harbor.domain"_s, kOrg1}, ImageRule{QString(), kOrg1},
                 ImageRule{u"harbor.domain/a/b/c/d"_s, kOrg2}};
    QTest::newRow("missing repositoryPrefix means empty")
        << uR"([{"replaceWith":"swr.cn-north-4.myhuaweicloud.com/org"}])"_s
        << QList{ImageRule{QString(), kOrg}};
    QTest::newRow("separators _ __ - and a registry port")
        << uR"([{"repositoryPrefix":"harbor.domain:8443/a_b/c__d/e-f","replaceWith":"swr.cn-north-4.myhuaweicloud.com:443/org"}])"_s
        << QList{ImageRule{u"harbor.domain:8443/a_b/c__d/e-f"_s, kSwr + u":443/org"_s}};
    QTest::newRow("replaceWith a registry alone")
        << uR"([{"repositoryPrefix":"harbor.domain/a","replaceWith":"swr.cn-north-4.myhuaweicloud.com"}])"_s
        << QList{ImageRule{u"harbor.domain/a"_s, kSwr}};
    QTest::newRow("empty array") << u"[]"_s << QList<ImageRule>{};
}

void tst_ImageReplacement::parseValid()
{
    QFETCH(QString, annotation);
    QFETCH(QList<ImageRule>, rules);

    const ImageRules parsed = parseImageRules(annotation);
    QVERIFY2(parsed.diagnostics.isEmpty(), qPrintable(parsed.diagnostics.value(0).message));
    QCOMPARE(parsed.rules, rules);
    QCOMPARE(parseImageRules(imageRulesToAnnotation(rules)).rules, rules);
}

static QString rule(const char *prefix, const char *replaceWith)
{
    return uR"({"repositoryPrefix":"%1","replaceWith":"%2"})"_s.arg(QLatin1String(prefix),
                                                                    QLatin1String(replaceWith));
}

void tst_ImageReplacement::parseInvalid_data()
{
    QTest::addColumn<QString>("annotation");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("keptRules");

    const char *swr = "swr.cn-north-4.myhuaweicloud.com/org";
    QTest::newRow("duplicate prefix: second rule dropped")
        << array({rule("harbor.domain", swr), rule("harbor.domain", "swr.example.com/other")})
        << u"annotation.image.duplicatePrefix"_s << u"[1].repositoryPrefix"_s << 1;
    QTest::newRow("duplicate empty prefix")
        << array({rule("", swr), rule("harbor.domain", swr), rule("", "swr.example.com/x")})
        << u"annotation.image.duplicatePrefix"_s << u"[2].repositoryPrefix"_s << 2;
    QTest::newRow("repositoryPrefix ends with /")
        << array({rule("harbor.domain/a/", swr)}) << u"annotation.image.trailingSlash"_s
        << u"[0].repositoryPrefix"_s << 0;
    QTest::newRow("replaceWith ends with /")
        << array({rule("harbor.domain", "swr.cn-north-4.myhuaweicloud.com/org/")})
        << u"annotation.image.trailingSlash"_s << u"[0].replaceWith"_s << 0;
    QTest::newRow("replaceWith empty")
        << array({rule("harbor.domain", "")}) << u"annotation.image.emptyReplaceWith"_s
        << u"[0].replaceWith"_s << 0;
    QTest::newRow("replaceWith missing")
        << uR"([{"repositoryPrefix":"harbor.domain"}])"_s << u"annotation.image.emptyReplaceWith"_s
        << u"[0].replaceWith"_s << 0;
    QTest::newRow("replaceWith equals repositoryPrefix")
        << array({rule(swr, swr)}) << u"annotation.image.samePrefix"_s << u"[0].replaceWith"_s << 0;
    QTest::newRow("upper case in repositoryPrefix path")
        << array({rule("harbor.domain/Team", swr)}) << u"annotation.image.invalidName"_s
        << u"[0].repositoryPrefix"_s << 0;
    QTest::newRow("upper case in replaceWith path")
        << array({rule("harbor.domain", "swr.cn-north-4.myhuaweicloud.com/Org")})
        << u"annotation.image.invalidName"_s << u"[0].replaceWith"_s << 0;
    QTest::newRow("space in repositoryPrefix")
        << array({rule("harbor domain/a", swr)}) << u"annotation.image.invalidName"_s
        << u"[0].repositoryPrefix"_s << 0;
    QTest::newRow("space in replaceWith")
        << array({rule("harbor.domain", "swr.cn-north-4.myhuaweicloud.com/my org")})
        << u"annotation.image.invalidName"_s << u"[0].replaceWith"_s << 0;
    QTest::newRow("tag in repositoryPrefix")
        << array({rule("harbor.domain/a:latest", swr)}) << u"annotation.image.invalidName"_s
        << u"[0].repositoryPrefix"_s << 0;
    QTest::newRow("repositoryPrefix is a number")
        << uR"([{"repositoryPrefix":5,"replaceWith":"swr.cn-north-4.myhuaweicloud.com/org"}])"_s
        << u"annotation.image.type"_s << u"[0]"_s << 0;
    QTest::newRow("replaceWith is an array")
        << array({rule("", swr), uR"({"repositoryPrefix":"a.io","replaceWith":["x.io/o"]})"_s})
        << u"annotation.image.type"_s << u"[1]"_s << 1;
    QTest::newRow("entry is a string")
        << uR"(["harbor.domain"])"_s << u"annotation.image.type"_s << u"[0]"_s << 0;
    QTest::newRow("malformed JSON") << uR"([{"repositoryPrefix":"harbor.domain",)"_s
                                    << u"annotation.image.json"_s << QString() << 0;
    QTest::newRow("not an array") << rule("harbor.domain", swr) << u"annotation.image.json"_s
                                  << QString() << 0;
}

void tst_ImageReplacement::parseInvalid()
{
    QFETCH(QString, annotation);
    QFETCH(QString, code);
    QFETCH(QString, path);
    QFETCH(int, keptRules);

    const ImageRules parsed = parseImageRules(annotation);
    QCOMPARE(parsed.diagnostics.size(), 1);
    const Diagnostic &d = parsed.diagnostics.constFirst();
    QCOMPARE(d.severity, Severity::Error);
    QCOMPARE(d.code, code);
    QCOMPARE(d.path, path);
    QVERIFY(!d.message.isEmpty());
    QCOMPARE(parsed.rules.size(), keptRules);
}

static QJsonArray containers(const QStringList &images)
{
    QJsonArray out;
    for (qsizetype i = 0; i < images.size(); ++i)
        out.append(QJsonObject{{u"name"_s, u"container-%1"_s.arg(i)}, {u"image"_s, images.at(i)}});
    return out;
}

static QStringList imagesOf(const QJsonArray &list)
{
    QStringList out;
    for (const QJsonValue &c : list)
        out << c.toObject().value(u"image").toString();
    return out;
}

void tst_ImageReplacement::apply_data()
{
    QTest::addColumn<QString>("annotation");
    QTest::addColumn<QStringList>("initBefore");
    QTest::addColumn<QStringList>("appBefore");
    QTest::addColumn<QStringList>("initAfter");
    QTest::addColumn<QStringList>("appAfter");

    const QStringList scenario2Before{u"harbor.domain/ubuntu:latest"_s, u"nginx:latest"_s,
                                      u"harbor.domain/a/b/c/d/redis:latest"_s};
    const QStringList scenario2After{kOrg1 + u"/ubuntu:latest"_s, kOrg1 + u"/nginx:latest"_s,
                                     kOrg2 + u"/redis:latest"_s};
    const QString r1 = kScenario2Rule1, r2 = kScenario2Rule2, r3 = kScenario2Rule3;

    QTest::newRow("guide scenario 1: one rule for every container")
        << kScenario1 << QStringList{}
        << QStringList{u"harbor.domain/a/b/c/d/ubuntu:latest"_s,
                       u"harbor.domain/a/b/c/d/nginx:latest"_s}
        << QStringList{} << QStringList{kOrg + u"/ubuntu:latest"_s, kOrg + u"/nginx:latest"_s};
    QTest::newRow("guide scenario 2: rules 1 2 3")
        << array({r1, r2, r3}) << QStringList{} << scenario2Before << QStringList{}
        << scenario2After;
    QTest::newRow("guide scenario 2: rules 3 2 1")
        << array({r3, r2, r1}) << QStringList{} << scenario2Before << QStringList{}
        << scenario2After;
    QTest::newRow("guide scenario 2: rules 2 3 1")
        << array({r2, r3, r1}) << QStringList{} << scenario2Before << QStringList{}
        << scenario2After;
    QTest::newRow("guide scenario 2: rules 3 1 2")
        << array({r3, r1, r2}) << QStringList{} << scenario2Before << QStringList{}
        << scenario2After;
    QTest::newRow("init containers replaced too")
        << array({r1, r2, r3})
        << QStringList{u"busybox:1.36"_s, u"harbor.domain/a/b/c/d/tools:v1"_s}
        << QStringList{u"harbor.domain/ubuntu:latest"_s}
        << QStringList{kOrg1 + u"/busybox:1.36"_s, kOrg2 + u"/tools:v1"_s}
        << QStringList{kOrg1 + u"/ubuntu:latest"_s};
    QTest::newRow("harbor.domain does not match harbor.domain/a/...")
        << array({r1}) << QStringList{}
        << QStringList{u"harbor.domain/a/b/c/d/redis:latest"_s, u"harbor.domain/a/app"_s}
        << QStringList{}
        << QStringList{u"harbor.domain/a/b/c/d/redis:latest"_s, u"harbor.domain/a/app"_s};
    QTest::newRow("a longer prefix does not match a shorter one")
        << array({r3}) << QStringList{}
        << QStringList{u"harbor.domain/ubuntu:latest"_s, u"harbor.domain/a/b/c/ubuntu"_s}
        << QStringList{}
        << QStringList{u"harbor.domain/ubuntu:latest"_s, u"harbor.domain/a/b/c/ubuntu"_s};
    QTest::newRow("prefix matches whole path components only")
        << array({rule("harbor.domain/a", "swr.example.com/o")}) << QStringList{}
        << QStringList{u"harbor.domain/ab/x:1"_s, u"harbor.domain/a/x:1"_s} << QStringList{}
        << QStringList{u"harbor.domain/ab/x:1"_s, u"swr.example.com/o/x:1"_s};
    QTest::newRow("empty prefix only matches images without /")
        << array({r2}) << QStringList{}
        << QStringList{u"nginx"_s, u"library/nginx:1.25"_s, u"harbor.domain/ubuntu"_s}
        << QStringList{}
        << QStringList{kOrg1 + u"/nginx"_s, u"library/nginx:1.25"_s, u"harbor.domain/ubuntu"_s};
    QTest::newRow("digest kept") << kScenario1 << QStringList{}
                                 << QStringList{u"harbor.domain/a/b/c/d/ubuntu@"_s + kSha256}
                                 << QStringList{} << QStringList{kOrg + u"/ubuntu@"_s + kSha256};
    QTest::newRow("tag and digest kept")
        << kScenario1 << QStringList{}
        << QStringList{u"harbor.domain/a/b/c/d/ubuntu:22.04@"_s + kSha256} << QStringList{}
        << QStringList{kOrg + u"/ubuntu:22.04@"_s + kSha256};
    QTest::newRow("digest kept with empty prefix")
        << array({r2}) << QStringList{} << QStringList{u"nginx@"_s + kSha256} << QStringList{}
        << QStringList{kOrg1 + u"/nginx@"_s + kSha256};
    QTest::newRow("registry with port as prefix")
        << array({rule("harbor.domain:5000", "swr.example.com/o")}) << QStringList{}
        << QStringList{u"harbor.domain:5000/app:1"_s} << QStringList{}
        << QStringList{u"swr.example.com/o/app:1"_s};
    QTest::newRow("no rules: images unchanged")
        << u"[]"_s << QStringList{u"busybox"_s} << scenario2Before << QStringList{u"busybox"_s}
        << scenario2Before;
}

void tst_ImageReplacement::apply()
{
    QFETCH(QString, annotation);
    QFETCH(QStringList, initBefore);
    QFETCH(QStringList, appBefore);
    QFETCH(QStringList, initAfter);
    QFETCH(QStringList, appAfter);

    const ImageRules rules = parseImageRules(annotation);
    QVERIFY2(rules.diagnostics.isEmpty(), qPrintable(rules.diagnostics.value(0).message));
    QJsonObject spec{{u"containers"_s, containers(appBefore)}};
    if (!initBefore.isEmpty())
        spec.insert(u"initContainers"_s, containers(initBefore));

    const ImageApplication result = applyImageRules(spec, rules.rules);
    QCOMPARE(imagesOf(result.podSpec.value(u"initContainers").toArray()), initAfter);
    QCOMPARE(imagesOf(result.podSpec.value(u"containers").toArray()), appAfter);
    QStringList reported;
    for (const ImageChange &change : result.images)
        reported << change.after;
    QCOMPARE(reported, initAfter + appAfter);
}

// The preview lists each image with where it sits, which rule changed it, and its old value.
void tst_ImageReplacement::changesReportPathAndRule()
{
    const ImageRules rules = parseImageRules(array({kScenario2Rule1, kScenario2Rule3}));
    QJsonObject spec{{u"initContainers"_s, containers({u"nginx:latest"_s})},
                     {u"containers"_s, containers({u"harbor.domain/a/b/c/d/redis:latest"_s,
                                                   u"harbor.domain/ubuntu:latest"_s})}};
    const ImageApplication result = applyImageRules(spec, rules.rules);
    QCOMPARE(result.images.size(), 3);

    QCOMPARE(result.images.at(0).path, u"initContainers[0].image"_s);
    QCOMPARE(result.images.at(0).container, u"container-0"_s);
    QCOMPARE(result.images.at(0).rule, -1);
    QCOMPARE(result.images.at(0).after, result.images.at(0).before);

    QCOMPARE(result.images.at(1).path, u"containers[0].image"_s);
    QCOMPARE(result.images.at(1).before, u"harbor.domain/a/b/c/d/redis:latest"_s);
    QCOMPARE(result.images.at(1).after, kOrg2 + u"/redis:latest"_s);
    QCOMPARE(result.images.at(1).rule, 1);

    QCOMPARE(result.images.at(2).path, u"containers[1].image"_s);
    QCOMPARE(result.images.at(2).container, u"container-1"_s);
    QCOMPARE(result.images.at(2).after, kOrg1 + u"/ubuntu:latest"_s);
    QCOMPARE(result.images.at(2).rule, 0);
}

QTEST_GUILESS_MAIN(tst_ImageReplacement)
#include "tst_imagereplacement.moc"
