#include "core/burst/podhelpers.h"
#include "core/burst/rolloutrules.h"
#include "core/kube/manifestloader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace core;
using namespace core::burst;
using namespace Qt::StringLiterals;

// Guide 3.1: behind a LoadBalancer, a readiness probe, a preStop sleep and minReadySeconds below
// that sleep make a rolling update graceful. Decided: only Deployments and StatefulSets; the
// sleep must also stay below terminationGracePeriodSeconds.
class tst_RolloutRules : public QObject
{
    Q_OBJECT

private slots:
    void preStopSleep_data();
    void preStopSleep();
    void check_data();
    void check();
    void fix_data();
    void fix();
};

namespace {

QJsonObject json(const QString &text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return doc.object();
}

const QString kLb = uR"({"kind":"Service","metadata":{"name":"web-lb","namespace":"default"},
    "spec":{"type":"LoadBalancer","selector":{"app":"web"},"ports":[{"port":80,"targetPort":8080}]}})"_s;

// A Deployment (or `kind`) named web in default, pod labels app=web, with `container` as its one
// container and `specExtra` / `podExtra` merged into its spec / pod spec.
QJsonObject workload(const QString &container, const QString &specExtra = {},
                     const QString &podExtra = {}, const QString &kind = u"Deployment"_s)
{
    return json(uR"({"apiVersion":"apps/v1","kind":"%1","metadata":{"name":"web","namespace":"default"},
        "spec":{%2"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},
        "spec":{%3"containers":[%4]}}}})"_s.arg(kind, specExtra.isEmpty() ? QString() : specExtra + u',',
                                             podExtra.isEmpty() ? QString() : podExtra + u',', container));
}

const QString kGood = uR"({"name":"nginx","image":"nginx","ports":[{"containerPort":80}],
    "readinessProbe":{"httpGet":{"path":"/","port":80}},
    "lifecycle":{"preStop":{"exec":{"command":["/bin/sh","-c","sleep 20"]}}}})"_s;
const QString kSleep30 = QString(kGood).replace(u"sleep 20"_s, u"sleep 30"_s);
const QString kBare = uR"({"name":"nginx","image":"nginx","ports":[{"containerPort":80}]})"_s;

QStringList describe(const Diagnostics &diagnostics)
{
    QStringList out;
    for (const Diagnostic &d : diagnostics) {
        if (d.message.isEmpty() || d.hint.isEmpty())
            out << u"(no message or hint for %1)"_s.arg(d.code);
        out << severityName(d.severity) + u' ' + d.code + u' ' + d.path;
    }
    return out;
}

} // namespace

void tst_RolloutRules::preStopSleep_data()
{
    QTest::addColumn<QString>("container");
    QTest::addColumn<int>("seconds"); // -1: none read
    QTest::newRow("shell sleep") << kGood << 20;
    QTest::newRow("sleep with s suffix")
        << uR"({"lifecycle":{"preStop":{"exec":{"command":["sh","-c","echo bye; sleep 15s"]}}}})"_s << 15;
    QTest::newRow("exec form") << uR"({"lifecycle":{"preStop":{"exec":{"command":["/bin/sleep","12"]}}}})"_s
                               << 12;
    QTest::newRow("sleep action")
        << uR"({"lifecycle":{"preStop":{"sleep":{"seconds":25}}}})"_s << 25;
    QTest::newRow("httpGet hook") << uR"({"lifecycle":{"preStop":{"httpGet":{"path":"/quit","port":80}}}})"_s
                                  << -1;
    QTest::newRow("no hook") << kBare << -1;
    QTest::newRow("a word that only contains sleep")
        << uR"({"lifecycle":{"preStop":{"exec":{"command":["nosleep 5"]}}}})"_s << -1;
}

void tst_RolloutRules::preStopSleep()
{
    QFETCH(QString, container);
    QFETCH(int, seconds);
    const auto s = preStopSleepSeconds(json(container));
    QCOMPARE(s.value_or(-1), seconds);
}

void tst_RolloutRules::check_data()
{
    QTest::addColumn<QJsonObject>("object");
    QTest::addColumn<QString>("service");
    QTest::addColumn<QStringList>("expected");
    const QString c0 = u"spec.template.spec.containers[0]"_s;
    const QString minReady = u"spec.minReadySeconds"_s;
    QTest::newRow("probe, sleep 20, minReadySeconds 10")
        << workload(kGood, u"\"minReadySeconds\":10"_s) << kLb << QStringList{};
    QTest::newRow("nothing set behind a LoadBalancer")
        << workload(kBare) << kLb
        << QStringList{u"warning rollout.noReadinessProbe "_s + c0,
                       u"warning rollout.noPreStop "_s + c0,
                       u"warning rollout.noMinReadySeconds "_s + minReady};
    QTest::newRow("minReadySeconds equal to the sleep")
        << workload(kGood, u"\"minReadySeconds\":20"_s) << kLb
        << QStringList{u"warning rollout.minReadyNotBelowSleep "_s + minReady};
    QTest::newRow("minReadySeconds above the sleep")
        << workload(kGood, u"\"minReadySeconds\":45"_s) << kLb
        << QStringList{u"warning rollout.minReadyNotBelowSleep "_s + minReady};
    QTest::newRow("sleep 30 with the default grace period 30")
        << workload(kSleep30, u"\"minReadySeconds\":10"_s)
        << kLb
        << QStringList{u"warning rollout.gracePeriod spec.template.spec.terminationGracePeriodSeconds"_s};
    QTest::newRow("sleep 30 with grace 60")
        << workload(kSleep30, u"\"minReadySeconds\":10"_s, u"\"terminationGracePeriodSeconds\":60"_s)
        << kLb << QStringList{};
    QTest::newRow("StatefulSet too")
        << workload(kBare, u"\"minReadySeconds\":5"_s, {}, u"StatefulSet"_s) << kLb
        << QStringList{u"warning rollout.noReadinessProbe "_s + c0,
                       u"warning rollout.noPreStop "_s + c0};
    QTest::newRow("ClusterIP Service: no rule")
        << workload(kBare) << QString(kLb).replace(u"LoadBalancer"_s, u"ClusterIP"_s)
        << QStringList{};
    QTest::newRow("LoadBalancer selecting other pods: no rule")
        << workload(kBare) << QString(kLb).replace(u"\"app\":\"web\""_s, u"\"app\":\"db\""_s)
        << QStringList{};
    QTest::newRow("LoadBalancer in another namespace: no rule")
        << workload(kBare)
        << QString(kLb).replace(u"\"namespace\":\"default\""_s, u"\"namespace\":\"prod\""_s)
        << QStringList{};
    QTest::newRow("Job behind a LoadBalancer: no rollout")
        << json(uR"({"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"web"},"spec":{"template":
            {"metadata":{"labels":{"app":"web"}},"spec":{"containers":[%1]}}}})"_s.arg(kBare))
        << kLb << QStringList{};
}

void tst_RolloutRules::check()
{
    QFETCH(QJsonObject, object);
    QFETCH(QString, service);
    QFETCH(QStringList, expected);
    Diagnostics read;
    const auto w = kube::workloadFromObject(object, &read);
    QVERIFY(w);
    QCOMPARE(describe(checkGracefulRollout(*w, {json(service)})), expected);
}

// The helper's edits, applied to YAML text with yamledit: comments survive, and the result passes
// the rule.
void tst_RolloutRules::fix_data()
{
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<QStringList>("expectedEdits"); // "path = compact JSON"
    QTest::addColumn<QStringList>("notes");
    const QString head = u"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n"
                         "spec:\n  selector:\n    matchLabels: {app: web}\n  template:\n"
                         "    metadata:\n      labels: {app: web}  # keep me\n    spec:\n"
                         "      containers:\n"_s;
    const QString c = u"spec/template/spec/containers/[0]/"_s;
    QTest::newRow("bare container with a port")
        << head + u"        - name: nginx\n          image: nginx\n          ports:\n"
                   "            - containerPort: 8080\n"_s
        << QStringList{c + uR"(readinessProbe = {"periodSeconds":5,"tcpSocket":{"port":8080}})"_s,
                       c + uR"(lifecycle/preStop = {"exec":{"command":["/bin/sh","-c","sleep 20"]}})"_s,
                       u"spec/minReadySeconds = 10"_s}
        << QStringList{};
    QTest::newRow("no containerPort: the Service's targetPort")
        << head + u"        - name: nginx\n          image: nginx\n"_s
        << QStringList{c + uR"(readinessProbe = {"periodSeconds":5,"tcpSocket":{"port":8080}})"_s,
                       c + uR"(lifecycle/preStop = {"exec":{"command":["/bin/sh","-c","sleep 20"]}})"_s,
                       u"spec/minReadySeconds = 10"_s}
        << QStringList{};
    QTest::newRow("existing sleep 8: minReadySeconds below it")
        << head + u"        - name: nginx\n          image: nginx\n"
                   "          readinessProbe: {tcpSocket: {port: 80}}\n"
                   "          lifecycle:\n            preStop:\n              exec:\n"
                   "                command: [sleep, \"8\"]\n"_s
        << QStringList{u"spec/minReadySeconds = 4"_s} << QStringList{};
    QTest::newRow("existing sleep 40: grace period raised")
        << head + u"        - name: nginx\n          image: nginx\n"
                   "          readinessProbe: {tcpSocket: {port: 80}}\n"
                   "          lifecycle:\n            preStop:\n              sleep: {seconds: 40}\n"_s
        << QStringList{u"spec/minReadySeconds = 10"_s,
                       u"spec/template/spec/terminationGracePeriodSeconds = 70"_s}
        << QStringList{};
}

void tst_RolloutRules::fix()
{
    QFETCH(QString, yaml);
    QFETCH(QStringList, expectedEdits);
    QFETCH(QStringList, notes);
    const QString service = kLb;
    const auto load = [](const QString &text) {
        const kube::LoadResult loaded = kube::loadManifests(text.toUtf8(), u"web.yaml"_s);
        if (!loaded.errors.isEmpty() || loaded.objects.size() != 1)
            qFatal("test YAML does not load");
        return *kube::workloadFromObject(loaded.objects.first().object, nullptr);
    };
    const kube::Workload before = load(yaml);
    QStringList actualNotes;
    const ObjectEdits edits = gracefulRolloutEdits(before, {json(service)}, {}, &actualNotes);
    QStringList actual;
    for (const ObjectEdit &e : edits)
        actual << e.path.join(u'/') + u" = "_s +
                      (e.value.isObject()
                           ? QString::fromUtf8(QJsonDocument(e.value.toObject()).toJson(QJsonDocument::Compact))
                           : QString::number(e.value.toInt()));
    QCOMPARE(actual, expectedEdits);
    QCOMPARE(actualNotes, notes);
    const auto fixed = applyObjectEdits(yaml, 0, QString(), edits);
    QVERIFY2(fixed, fixed ? "" : qPrintable(fixed.error().message));
    QVERIFY(fixed->contains(u"labels: {app: web}  # keep me"_s));
    QCOMPARE(describe(checkGracefulRollout(load(*fixed), {json(service)})), QStringList{});
}

QTEST_GUILESS_MAIN(tst_RolloutRules)
#include "tst_rolloutrules.moc"
