#include "core/kube/workload.h"

#include <QJsonDocument>
#include <QTest>

using namespace core::kube;

namespace {

QJsonObject object(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

} // namespace

class tst_Workload : public QObject
{
    Q_OBJECT

private slots:
    void templatePaths_data();
    void templatePaths();
    void notPodBearing();
    void labelsMustBeStrings();
    void missingTemplate();
    void defaultsAndReplicas();
};

void tst_Workload::templatePaths_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("templatePath");
    QTest::addColumn<QString>("podLabel");
    QTest::newRow("Pod") << QByteArray(
                                R"({"kind":"Pod","metadata":{"labels":{"a":"pod"}},"spec":{}})")
                         << QString() << "pod";
    for (const char *kind :
         {"Deployment", "StatefulSet", "ReplicaSet", "Job", "DaemonSet", "ReplicationController"})
        QTest::newRow(kind)
            << (QByteArray(R"({"kind":")") + kind +
                R"(","spec":{"template":{"metadata":{"labels":{"a":"t"}},"spec":{}}}})")
            << "spec.template"
            << "t";
    QTest::newRow("CronJob")
        << QByteArray(
               R"({"kind":"CronJob","spec":{"jobTemplate":{"spec":{"template":{"metadata":{"labels":{"a":"cj"}}}}}}})")
        << "spec.jobTemplate.spec.template"
        << "cj";
    QTest::newRow("PodTemplate")
        << QByteArray(R"({"kind":"PodTemplate","template":{"metadata":{"labels":{"a":"pt"}}}})")
        << "template"
        << "pt";
}

void tst_Workload::templatePaths()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, templatePath);
    QFETCH(QString, podLabel);
    core::Diagnostics d;
    const auto w = workloadFromObject(QJsonDocument::fromJson(json).object(), &d);
    QVERIFY(w);
    QVERIFY(d.isEmpty());
    QCOMPARE(w->templatePath, templatePath);
    QCOMPARE(w->podLabels.value(QStringLiteral("a")), podLabel);
    QCOMPARE(w->podPath(QStringLiteral("spec")),
             templatePath.isEmpty() ? QStringLiteral("spec") : templatePath + u".spec");
}

void tst_Workload::notPodBearing()
{
    for (const char *kind : {"Service", "ConfigMap", "ScheduleProfile", "Namespace"}) {
        const QByteArray json = QByteArray(R"({"kind":")") + kind + "\"}";
        QVERIFY(!workloadFromObject(QJsonDocument::fromJson(json).object(), nullptr));
    }
}

void tst_Workload::labelsMustBeStrings()
{
    core::Diagnostics d;
    const auto w = workloadFromObject(
        object(
            R"({"kind":"Deployment","metadata":{"labels":{"virtual-kubelet.io/burst-to-cci":false,"n":3,"ok":"y"}},"spec":{"template":{}}})"),
        &d);
    QVERIFY(w);
    QCOMPARE(d.size(), 2);
    QCOMPARE(d.at(0).code, QStringLiteral("labels.notString"));
    QCOMPARE(w->workloadLabels.size(), 1);
    QCOMPARE(w->workloadLabels.value(QStringLiteral("ok")), QStringLiteral("y"));
    bool sawBurstLabel = false;
    for (const core::Diagnostic &x : d)
        sawBurstLabel |= x.path == u"metadata.labels[\"virtual-kubelet.io/burst-to-cci\"]";
    QVERIFY(sawBurstLabel);
}

void tst_Workload::missingTemplate()
{
    core::Diagnostics d;
    const auto w = workloadFromObject(object(R"({"kind":"Deployment","spec":{}})"), &d);
    QVERIFY(w);
    QCOMPARE(d.size(), 1);
    QCOMPARE(d.first().code, QStringLiteral("workload.noTemplate"));
    QCOMPARE(d.first().path, QStringLiteral("spec.template"));
}

void tst_Workload::defaultsAndReplicas()
{
    const auto d = workloadFromObject(
        object(
            R"({"kind":"Deployment","metadata":{"name":"x"},"spec":{"replicas":7,"template":{}}})"),
        nullptr);
    QCOMPARE(d->nameSpace, QStringLiteral("default"));
    QCOMPARE(d->replicas(), 7);
    const auto j = workloadFromObject(object(R"({"kind":"Job","spec":{"template":{}}})"), nullptr);
    QCOMPARE(j->replicas(), 1);
    const auto noReplicas =
        workloadFromObject(object(R"({"kind":"StatefulSet","spec":{"template":{}}})"), nullptr);
    QCOMPARE(noReplicas->replicas(), 1);
}

QTEST_GUILESS_MAIN(tst_Workload)
#include "tst_workload.moc"
