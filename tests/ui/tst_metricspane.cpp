#include "tests/ui/burstsandbox.h"

#include "core/kube/informer.h"
#include "core/kube/objectmeta.h"
#include "models/clustersession.h"
#include "models/metricssampler.h"
#include "models/podtablemodel.h"
#include "ui/clusterdock.h"
#include "ui/detailspane.h"
#include "ui/mainwindow.h"
#include "ui/metricspane.h"

#include <QJsonDocument>
#include <QLabel>
#include <QLineSeries>
#include <QTabWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using References = models::MetricsSampler::References;
using core::kube::ResourceUsage;

Q_DECLARE_METATYPE(std::optional<core::kube::ResourceUsage>)

namespace {

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

} // namespace

class TestMetricsPane : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { useCleanTestSettings(); }

    void podReferences_data()
    {
        QTest::addColumn<QJsonObject>("pod");
        QTest::addColumn<std::optional<ResourceUsage>>("requests");
        QTest::addColumn<std::optional<ResourceUsage>>("limits");
        QTest::addColumn<bool>("limitCpu");
        QTest::addColumn<bool>("limitMemory");
        QTest::addColumn<std::optional<ResourceUsage>>("billed");
        using U = std::optional<ResourceUsage>;
        QTest::newRow("requests and limits summed")
            << json(R"({"spec":{"nodeName":"idc-1","containers":[
                 {"resources":{"requests":{"cpu":"100m","memory":"64Mi"},"limits":{"cpu":"200m","memory":"128Mi"}}},
                 {"resources":{"requests":{"cpu":"50m","memory":"64Mi"},"limits":{"cpu":"1","memory":"1Gi"}}}]}})")
            << U(ResourceUsage{150, 128 << 20}) << U(ResourceUsage{1200, (128 << 20) + (1 << 30)})
            << true << true << U();
        QTest::newRow("limit only: request defaults to it")
            << json(R"({"spec":{"containers":[{"resources":{"limits":{"cpu":"500m","memory":"1Gi"}}}]}})")
            << U(ResourceUsage{500, 1 << 30}) << U(ResourceUsage{500, 1 << 30}) << true << true
            << U();
        QTest::newRow("one container without a cpu limit: no cpu limit line")
            << json(R"({"spec":{"containers":[{"resources":{"limits":{"cpu":"1","memory":"1Gi"}}},
                                               {"resources":{"limits":{"memory":"1Gi"}}}]}})")
            << U(ResourceUsage{1000, 2LL << 30}) << U(ResourceUsage{1000, 2LL << 30}) << false
            << true << U();
        QTest::newRow("best effort: no lines")
            << json(R"({"spec":{"containers":[{"name":"a"}]}})") << U() << U() << false << false
            << U();
        QTest::newRow("a larger init container counts")
            << json(R"({"spec":{"initContainers":[{"resources":{"requests":{"cpu":"2","memory":"1Gi"}}}],
                       "containers":[{"resources":{"requests":{"cpu":"100m","memory":"64Mi"}}}]}})")
            << U(ResourceUsage{2000, 1 << 30}) << U() << false << false << U();
        QTest::newRow("burst pod: billed after normalization")
            << json(R"({"spec":{"nodeName":"virtual-kubelet","containers":[
                 {"resources":{"limits":{"cpu":"300m","memory":"512Mi"}}}]}})")
            << U(ResourceUsage{300, 512 << 20}) << U(ResourceUsage{300, 512 << 20}) << true
            << true << U(ResourceUsage{500, 1 << 30});
    }
    void podReferences()
    {
        QFETCH(QJsonObject, pod);
        const References refs =
            models::MetricsSampler::podReferences(pod, {u"virtual-kubelet"_s});
        QTEST(refs.requests, "requests");
        QTEST(refs.limits, "limits");
        QTEST(refs.limitCpu, "limitCpu");
        QTEST(refs.limitMemory, "limitMemory");
        QTEST(refs.billed, "billed");
    }

    void samplesWhileShown()
    {
        BurstSandbox cluster;
        QVERIFY(cluster.sandbox.started());
        models::ClusterSession session(cluster.connection());
        ui::MainWindow window;
        window.addClusterSession(&session);
        ui::ClusterDock *dock = window.currentClusterDock();
        window.resize(1400, 900);
        window.show();
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(session.status().state, models::ConnectionState::Synced, 20000);
        // A running pod with requests.
        QString nameSpace;
        QString name;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const QJsonObject &pod :
                     session.informer(u"pods"_s)->cache().objects()) {
                    if (pod[u"status"_s][u"phase"_s].toString() == u"Running") {
                        nameSpace = core::kube::namespaceOf(pod);
                        name = core::kube::nameOf(pod);
                        return true;
                    }
                }
                return false;
            }(),
            20000);
        ui::DetailsPane *details = dock->detailsPane();
        details->showObject({u"pods"_s, nameSpace, name, {}});
        models::MetricsSampler *sampler = details->metricsSampler();
        QVERIFY(!sampler->isActive()); // not sampled while its tab is hidden
        details->tabs()->setCurrentWidget(details->metricsPane());
        QTRY_VERIFY(sampler->isActive());
        QTRY_VERIFY2_WITH_TIMEOUT(!sampler->samples().isEmpty(), qPrintable(sampler->problem()),
                                  10000);
        ui::MetricsPane *pane = details->metricsPane();
        QTRY_VERIFY(pane->usageSeries(0)->count() >= 1);
        QVERIFY2(pane->summaryLine()->text().contains(u"CPU"_s),
                 qPrintable(pane->summaryLine()->text()));
        QVERIFY(sampler->references().requests.has_value());
        QVERIFY(pane->referenceSeries(0, u"requests"_s)->isVisible());
        QVERIFY(!pane->referenceSeries(0, u"allocatable"_s)->isVisible());
        QVERIFY(!pane->summaryLine()->accessibleName().isEmpty());
        QVERIFY(saveShot(window, u"metrics-pod.png"_s));

        // A node: its allocatable line.
        const QJsonObject node = session.informer(u"nodes"_s)->cache().objects().first();
        details->showObject({u"nodes"_s, {}, core::kube::nameOf(node), {}});
        QTRY_VERIFY_WITH_TIMEOUT(!sampler->samples().isEmpty() &&
                                     sampler->target().resource == u"nodes"_s,
                                 10000);
        QTRY_VERIFY(sampler->references().allocatable.has_value());

        // Hidden again: sampling stops.
        details->tabs()->setCurrentIndex(0);
        QTRY_VERIFY(!sampler->isActive());
        session.stop();
    }
};

QTEST_MAIN(TestMetricsPane)
#include "tst_metricspane.moc"
