#include "core/burst/burststrategy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace core;
using namespace core::burst;
using namespace Qt::StringLiterals;

// Expected values come from SPEC.md section 1 and guide 1.1: the label values auto, localPrefer,
// enforce, off; precedence pod-template label > workload label > profile > none (decided); any
// other value is an error and is skipped, never read as off; a label beats a profile.
class tst_BurstStrategy : public QObject
{
    Q_OBJECT

private slots:
    void names_data();
    void names();
    void parse_data();
    void parse();
    void precedence_data();
    void precedence();
    void everyValue_data();
    void everyValue();
    void invalidValue_data();
    void invalidValue();
    void profileNameKept();
    void secondLabel_data();
    void secondLabel();

private:
    static void addColumns();
    static void check();
};

namespace {

const QString kAbsent = u"<absent>"_s;
const QStringList kKinds = {u"Deployment"_s, u"StatefulSet"_s, u"Job"_s, u"CronJob"_s};
const QStringList kValues = {u"auto"_s, u"localPrefer"_s, u"enforce"_s, u"off"_s};

QString templateLabelsPath(const QString &kind)
{
    return kind == u"CronJob" ? u"spec.jobTemplate.spec.template.metadata.labels"_s
                              : u"spec.template.metadata.labels"_s;
}

QString labelPath(const QString &labelsPath)
{
    return labelsPath + u"[\"virtual-kubelet.io/burst-to-cci\"]"_s;
}

QString labelsJson(const QString &burstValue)
{
    if (burstValue == kAbsent)
        return uR"({"app":"web"})"_s;
    return uR"({"app":"web","virtual-kubelet.io/burst-to-cci":"%1"})"_s.arg(burstValue);
}

// A workload of `kind` whose metadata.labels carry `workloadValue` and whose pod template labels
// carry `templateValue`. A Pod has only its own labels: `workloadValue`.
kube::Workload makeWorkload(const QString &kind, const QString &workloadValue,
                            const QString &templateValue)
{
    const QString meta = uR"("metadata":{"name":"web","namespace":"default","labels":%1})"_s.arg(
        labelsJson(workloadValue));
    const QString podSpec = uR"({"containers":[{"name":"c","image":"nginx"}]})"_s;
    const QString podTemplate =
        uR"({"metadata":{"labels":%1},"spec":%2})"_s.arg(labelsJson(templateValue), podSpec);
    QString text;
    if (kind == u"Pod") {
        text = uR"({"apiVersion":"v1","kind":"Pod",%1,"spec":%2})"_s.arg(meta, podSpec);
    } else if (kind == u"Job") {
        text = uR"({"apiVersion":"batch/v1","kind":"Job",%1,"spec":{"template":%2}})"_s.arg(
            meta, podTemplate);
    } else if (kind == u"CronJob") {
        text = uR"({"apiVersion":"batch/v1","kind":"CronJob",%1,
                    "spec":{"schedule":"*/5 * * * *","jobTemplate":{"spec":{"template":%2}}}})"_s
                   .arg(meta, podTemplate);
    } else {
        text = uR"({"apiVersion":"apps/v1","kind":"%1",%2,"spec":{"replicas":2,
                    "selector":{"matchLabels":{"app":"web"}},"template":%3}})"_s.arg(kind, meta,
                                                                                     podTemplate);
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("test workload does not parse: %s", qPrintable(error.errorString()));
    Diagnostics diagnostics;
    const auto workload = kube::workloadFromObject(doc.object(), &diagnostics);
    if (!workload || !diagnostics.isEmpty())
        qFatal("test workload %s is not a clean workload", qPrintable(kind));
    return *workload;
}

std::optional<Strategy> profileStrategy(const QString &name)
{
    if (name == u"auto")
        return Strategy::Auto;
    if (name == u"localPrefer")
        return Strategy::LocalPrefer;
    if (name == u"enforce")
        return Strategy::Enforce;
    return std::nullopt;
}

// Every diagnostic with its path: the label it is about.
QStringList describe(const Diagnostics &diagnostics)
{
    QStringList out;
    for (const Diagnostic &d : diagnostics)
        out << QString(severityName(d.severity) + u' ' + d.code + u' ' + d.path);
    return out;
}

QString invalidAt(const QString &labelsPath)
{
    return u"error strategy.invalidValue "_s + labelPath(labelsPath);
}

// At the pod-template label of `kind`.
QString podLabelWins(const QString &kind)
{
    return u"info strategy.podLabelWins "_s + labelPath(templateLabelsPath(kind));
}

// At the label that wins over the profile.
QString labelOverridesProfile(const QString &labelsPath)
{
    return u"info strategy.labelOverridesProfile "_s + labelPath(labelsPath);
}

} // namespace

void tst_BurstStrategy::names_data()
{
    QTest::addColumn<int>("strategy");
    QTest::addColumn<QString>("name");
    QTest::newRow("auto") << int(Strategy::Auto) << u"auto"_s;
    QTest::newRow("localPrefer") << int(Strategy::LocalPrefer) << u"localPrefer"_s;
    QTest::newRow("enforce") << int(Strategy::Enforce) << u"enforce"_s;
    QTest::newRow("off") << int(Strategy::Off) << u"off"_s;
    QTest::newRow("none") << int(Strategy::None) << u"none"_s;
}

void tst_BurstStrategy::names()
{
    QFETCH(int, strategy);
    QFETCH(QString, name);
    QCOMPARE(strategyName(Strategy(strategy)), name);
    QCOMPARE(canBurst(Strategy(strategy)),
             name == u"auto" || name == u"localPrefer" || name == u"enforce");
}

void tst_BurstStrategy::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    for (const QString &v : kValues)
        QTest::addRow("valid %s", qPrintable(v)) << v << true;
    QTest::newRow("wrong case Auto") << u"Auto"_s << false;
    QTest::newRow("wrong case localprefer") << u"localprefer"_s << false;
    QTest::newRow("wrong case OFF") << u"OFF"_s << false;
    QTest::newRow("boolean-looking true") << u"true"_s << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("unknown burst") << u"burst"_s << false;
    QTest::newRow("none is not a label value") << u"none"_s << false;
    QTest::newRow("padded off") << u" off"_s << false;
}

void tst_BurstStrategy::parse()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    const auto parsed = parseStrategy(text);
    QCOMPARE(parsed.has_value(), valid);
    if (valid)
        QCOMPARE(strategyName(*parsed), text);
}

void tst_BurstStrategy::addColumns()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("workloadLabel"); // for a Pod: its own label
    QTest::addColumn<QString>("templateLabel");
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QStringList>("diagnostics");
}

void tst_BurstStrategy::check()
{
    QFETCH(QString, kind);
    QFETCH(QString, workloadLabel);
    QFETCH(QString, templateLabel);
    QFETCH(QString, profile);
    QFETCH(QString, value);
    QFETCH(QString, source);
    QFETCH(QStringList, diagnostics);
    const kube::Workload w = makeWorkload(kind, workloadLabel, templateLabel);
    const StrategyResolution r =
        resolveStrategy(w, profileStrategy(profile), profile.isEmpty() ? QString() : u"p"_s);
    QCOMPARE(strategyName(r.value), value);
    QCOMPARE(sourceName(r.source), source);
    QCOMPARE(describe(r.diagnostics), diagnostics);
}

void tst_BurstStrategy::precedence_data()
{
    addColumns();
    const QString a = kAbsent;
    for (const QString &k : kKinds) {
        const QByteArray kindName = k.toUtf8();
        const char *kind = kindName.constData();
        QTest::addRow("%s: template enforce beats workload off", kind)
            << k << u"off"_s << u"enforce"_s << QString() << u"enforce"_s << u"podLabel"_s
            << QStringList{podLabelWins(k)};
        QTest::addRow("%s: template off beats workload enforce", kind)
            << k << u"enforce"_s << u"off"_s << QString() << u"off"_s << u"podLabel"_s
            << QStringList{podLabelWins(k)};
        QTest::addRow("%s: equal labels, no override note", kind)
            << k << u"auto"_s << u"auto"_s << QString() << u"auto"_s << u"podLabel"_s
            << QStringList{};
        QTest::addRow("%s: template localPrefer beats profile enforce", kind)
            << k << a << u"localPrefer"_s << u"enforce"_s << u"localPrefer"_s << u"podLabel"_s
            << QStringList{labelOverridesProfile(templateLabelsPath(k))};
        QTest::addRow("%s: workload off beats profile auto", kind)
            << k << u"off"_s << a << u"auto"_s << u"off"_s << u"workloadLabel"_s
            << QStringList{labelOverridesProfile(u"metadata.labels"_s)};
        QTest::addRow("%s: workload label used without template label", kind)
            << k << u"enforce"_s << a << QString() << u"enforce"_s << u"workloadLabel"_s
            << QStringList{};
        QTest::addRow("%s: template over workload over profile", kind)
            << k << u"off"_s << u"enforce"_s << u"auto"_s << u"enforce"_s << u"podLabel"_s
            << QStringList{podLabelWins(k), labelOverridesProfile(templateLabelsPath(k))};
        QTest::addRow("%s: workload and template equal, over profile", kind)
            << k << u"auto"_s << u"auto"_s << u"enforce"_s << u"auto"_s << u"podLabel"_s
            << QStringList{labelOverridesProfile(templateLabelsPath(k))};
        QTest::addRow("%s: profile localPrefer without labels", kind)
            << k << a << a << u"localPrefer"_s << u"localPrefer"_s << u"profile"_s << QStringList{};
        QTest::addRow("%s: nothing -> none", kind)
            << k << a << a << QString() << u"none"_s << u"none"_s << QStringList{};
    }
    QTest::newRow("Pod: own label") << u"Pod"_s << u"enforce"_s << a << QString() << u"enforce"_s
                                    << u"podLabel"_s << QStringList{};
    QTest::newRow("Pod: own label off beats profile enforce")
        << u"Pod"_s << u"off"_s << a << u"enforce"_s << u"off"_s << u"podLabel"_s
        << QStringList{labelOverridesProfile(u"metadata.labels"_s)};
    QTest::newRow("Pod: profile auto without label")
        << u"Pod"_s << a << a << u"auto"_s << u"auto"_s << u"profile"_s << QStringList{};
    QTest::newRow("Pod: nothing -> none")
        << u"Pod"_s << a << a << QString() << u"none"_s << u"none"_s << QStringList{};
}

void tst_BurstStrategy::precedence()
{
    check();
}

void tst_BurstStrategy::everyValue_data()
{
    addColumns();
    const QString a = kAbsent;
    for (const QString &v : kValues) {
        const QByteArray valueName = v.toUtf8();
        const char *value = valueName.constData();
        for (const QString &k : kKinds) {
            QTest::addRow("%s template label %s", qPrintable(k), value)
                << k << a << v << QString() << v << u"podLabel"_s << QStringList{};
            QTest::addRow("%s workload label %s", qPrintable(k), value)
                << k << v << a << QString() << v << u"workloadLabel"_s << QStringList{};
        }
        QTest::addRow("Pod label %s", value)
            << u"Pod"_s << v << a << QString() << v << u"podLabel"_s << QStringList{};
        if (v != u"off")
            QTest::addRow("profile %s", value)
                << u"Deployment"_s << a << a << v << v << u"profile"_s << QStringList{};
    }
}

void tst_BurstStrategy::everyValue()
{
    check();
}

void tst_BurstStrategy::invalidValue_data()
{
    addColumns();
    const QString a = kAbsent;
    const QStringList invalid = {u"Auto"_s, u"true"_s, QString(), u"burst"_s};
    const QString workloadPath = u"metadata.labels"_s;
    for (const QString &v : invalid) {
        const QByteArray valueName = v.toUtf8();
        const char *value = valueName.constData();
        for (const QString &k : kKinds) {
            const QByteArray kindName = k.toUtf8();
            const char *kind = kindName.constData();
            const QString tmplPath = templateLabelsPath(k);
            QTest::addRow("%s: template \"%s\" alone -> none, not off", kind, value)
                << k << a << v << QString() << u"none"_s << u"none"_s
                << QStringList{invalidAt(tmplPath)};
            QTest::addRow("%s: template \"%s\" skipped, workload enforce used", kind, value)
                << k << u"enforce"_s << v << QString() << u"enforce"_s << u"workloadLabel"_s
                << QStringList{invalidAt(tmplPath)};
            QTest::addRow("%s: workload \"%s\" skipped, profile auto used", kind, value)
                << k << v << a << u"auto"_s << u"auto"_s << u"profile"_s
                << QStringList{invalidAt(workloadPath)};
            QTest::addRow("%s: workload \"%s\" under template localPrefer", kind, value)
                << k << v << u"localPrefer"_s << QString() << u"localPrefer"_s << u"podLabel"_s
                << QStringList{invalidAt(workloadPath)};
        }
        QTest::addRow("Deployment: both labels \"%s\" -> two errors, profile used", value)
            << u"Deployment"_s << v << v << u"enforce"_s << u"enforce"_s << u"profile"_s
            << QStringList{invalidAt(templateLabelsPath(u"Deployment"_s)), invalidAt(workloadPath)};
        QTest::addRow("Pod: own label \"%s\" -> one error, none", value)
            << u"Pod"_s << v << a << QString() << u"none"_s << u"none"_s
            << QStringList{invalidAt(workloadPath)};
        QTest::addRow("Pod: own label \"%s\" skipped, profile localPrefer used", value)
            << u"Pod"_s << v << a << u"localPrefer"_s << u"localPrefer"_s << u"profile"_s
            << QStringList{invalidAt(workloadPath)};
    }
}

void tst_BurstStrategy::invalidValue()
{
    check();
}

void tst_BurstStrategy::profileNameKept()
{
    const kube::Workload w = makeWorkload(u"Deployment"_s, kAbsent, u"off"_s);
    const StrategyResolution r = resolveStrategy(w, Strategy::Enforce, u"nginx-profile"_s);
    QCOMPARE(strategyName(r.value), u"off"_s);
    QCOMPARE(r.profile, u"nginx-profile"_s);
    QCOMPARE(r.diagnostics.size(), 1);
    QVERIFY(r.diagnostics.first().message.contains(u"nginx-profile"_s));
}

// CCI 2.0's bursting.cci.io/burst-to-cci beside the guide's label, on one label set (a Pod's own
// and a Deployment's template): every combination of absent, each valid value and an invalid one.
// Decided: the guide's label wins; a valid pair that differs is a warning at the CCI 2.0 label;
// an invalid value is skipped (the other key decides).
void tst_BurstStrategy::secondLabel_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("guide");
    QTest::addColumn<QString>("cci2");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QStringList>("diagnostics");
    const QStringList values = {kAbsent, u"auto"_s, u"localPrefer"_s, u"enforce"_s, u"off"_s,
                                u"Bad"_s};
    for (const QString &kind : {u"Pod"_s, u"Deployment"_s}) {
        const QString labels =
            kind == u"Pod" ? u"metadata.labels"_s : templateLabelsPath(kind);
        const QString guidePath = labels + u"[\"virtual-kubelet.io/burst-to-cci\"]"_s;
        const QString cci2Path = labels + u"[\"bursting.cci.io/burst-to-cci\"]"_s;
        for (const QString &g : values) {
            for (const QString &c : values) {
                const bool gValid = g != kAbsent && g != u"Bad";
                const bool cValid = c != kAbsent && c != u"Bad";
                QStringList diags;
                if (g == u"Bad")
                    diags << u"error strategy.invalidValue "_s + guidePath;
                if (c == u"Bad")
                    diags << u"error strategy.invalidValue "_s + cci2Path;
                if (gValid && cValid && g != c)
                    diags << u"warning strategy.labelConflict "_s + cci2Path;
                const QString value = gValid ? g : cValid ? c : u"none"_s;
                const QString source = value == u"none" ? u"none"_s : u"podLabel"_s;
                QTest::addRow("%s guide=%s cci2=%s", qPrintable(kind), qPrintable(g),
                              qPrintable(c))
                    << kind << g << c << value << source << diags;
            }
        }
    }
}

void tst_BurstStrategy::secondLabel()
{
    QFETCH(QString, kind);
    QFETCH(QString, guide);
    QFETCH(QString, cci2);
    QFETCH(QString, value);
    QFETCH(QString, source);
    QFETCH(QStringList, diagnostics);
    QJsonObject labels{{u"app"_s, u"web"_s}};
    if (guide != kAbsent)
        labels.insert(u"virtual-kubelet.io/burst-to-cci"_s, guide);
    if (cci2 != kAbsent)
        labels.insert(u"bursting.cci.io/burst-to-cci"_s, cci2);
    const QJsonObject spec{{u"containers"_s, QJsonArray{QJsonObject{{u"name"_s, u"c"_s}}}}};
    QJsonObject object;
    if (kind == u"Pod") {
        object = QJsonObject{{u"apiVersion"_s, u"v1"_s}, {u"kind"_s, u"Pod"_s},
                             {u"metadata"_s, QJsonObject{{u"name"_s, u"p"_s}, {u"labels"_s, labels}}},
                             {u"spec"_s, spec}};
    } else {
        const QJsonObject tmpl{{u"metadata"_s, QJsonObject{{u"labels"_s, labels}}},
                               {u"spec"_s, spec}};
        object = QJsonObject{{u"apiVersion"_s, u"apps/v1"_s}, {u"kind"_s, kind},
                             {u"metadata"_s, QJsonObject{{u"name"_s, u"d"_s}}},
                             {u"spec"_s, QJsonObject{{u"template"_s, tmpl}}}};
    }
    Diagnostics read;
    const auto w = kube::workloadFromObject(object, &read);
    QVERIFY(w && read.isEmpty());
    const StrategyResolution r = resolveStrategy(*w, std::nullopt, QString());
    QCOMPARE(strategyName(r.value), value);
    QCOMPARE(sourceName(r.source), source);
    QCOMPARE(describe(r.diagnostics), diagnostics);
}

QTEST_GUILESS_MAIN(tst_BurstStrategy)
#include "tst_burststrategy.moc"
