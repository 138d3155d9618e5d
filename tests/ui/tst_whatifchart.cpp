#include "ui/whatifchart.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineSeries>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

using core::burst::kGi;
using core::burst::SimStep;
using core::burst::Strategy;

namespace {

// The scenario of the brief: a 250m / 512Mi pod under localPrefer; the widget's capacity
// controls are set separately (1 node of 2 cpu / 4Gi).
core::burst::SimulationInput localPreferScenario()
{
    core::burst::SimulationInput input;
    input.strategy = Strategy::LocalPrefer;
    input.podRequest = {250, kGi / 2}; // 512Mi
    return input;
}

void setCapacity(ui::WhatIfChart &chart, int nodes, double cpu, double memoryGi)
{
    chart.findChild<QSpinBox *>(QStringLiteral("localNodes"))->setValue(nodes);
    chart.findChild<QDoubleSpinBox *>(QStringLiteral("cpuPerNode"))->setValue(cpu);
    chart.findChild<QDoubleSpinBox *>(QStringLiteral("memoryPerNode"))->setValue(memoryGi);
}

QList<QAreaSeries *> areas(const ui::WhatIfChart &chart)
{
    QList<QAreaSeries *> out;
    const QChart *c = chart.findChild<QChartView *>(QStringLiteral("chartView"))->chart();
    for (QAbstractSeries *s : c->series())
        out.append(qobject_cast<QAreaSeries *>(s));
    return out;
}

QString summary(const ui::WhatIfChart &chart)
{
    return chart.findChild<QLabel *>(QStringLiteral("summary"))->text();
}

} // namespace

class tst_WhatIfChart : public QObject
{
    Q_OBJECT

private slots:
    void peakOfLocalPrefer();
    void scaleDownRemovesCciFirst();
    void nodeCountSpinBoxResimulates();
    void lockedVirtualKubeletLeavesPending();
    void seriesFollowSteps();
    void autoIsLabelledAnApproximation();
    void themeFollowsPalette();
    void screenshot();
};

void tst_WhatIfChart::peakOfLocalPrefer()
{
    ui::WhatIfChart chart;
    setCapacity(chart, 1, 2.0, 4.0);
    chart.setScenario(localPreferScenario(), 10);
    QCOMPARE(chart.steps().size(), 21); // 0..10..0
    // 2 cpu / 250m = 8 pods, 4Gi / 512Mi = 8 pods: 8 fit locally, 2 burst to CCI.
    const SimStep &peak = chart.steps().at(10);
    QCOMPARE(peak.replicas, 10);
    QCOMPARE(peak.local, 8);
    QCOMPARE(peak.cci, 2);
    QCOMPARE(peak.pending, 0);
    QCOMPARE(chart.findChild<QSpinBox *>(QStringLiteral("peakReplicas"))->value(), 10);
    QVERIFY2(summary(chart).contains(QStringLiteral("8 local, 2 on CCI, 0 Pending")),
             qPrintable(summary(chart)));
    QVERIFY(!summary(chart).contains(QStringLiteral("approximation")));
}

void tst_WhatIfChart::scaleDownRemovesCciFirst()
{
    ui::WhatIfChart chart;
    setCapacity(chart, 1, 2.0, 4.0);
    chart.setScenario(localPreferScenario(), 10);
    // SPEC 2, scale-down ties remove CCI pods first: 10 -> 8 drops both CCI pods.
    const SimStep &at8 = chart.steps().at(12);
    QCOMPARE(at8.replicas, 8);
    QCOMPARE(at8.local, 8);
    QCOMPARE(at8.cci, 0);
    QCOMPARE(chart.steps().last().replicas, 0);
    QCOMPARE(chart.steps().last().local, 0);
}

void tst_WhatIfChart::nodeCountSpinBoxResimulates()
{
    ui::WhatIfChart chart;
    chart.show();
    setCapacity(chart, 1, 2.0, 4.0);
    chart.setScenario(localPreferScenario(), 10);
    QSignalSpy simulated(&chart, &ui::WhatIfChart::simulated);
    auto *nodes = chart.findChild<QSpinBox *>(QStringLiteral("localNodes"));
    nodes->setFocus();
    QTest::keyClick(nodes, Qt::Key_Up); // 1 -> 2 nodes: room for 16 pods
    QCOMPARE(nodes->value(), 2);
    QCOMPARE(simulated.count(), 1);
    QCOMPARE(chart.steps().at(10).local, 10);
    QCOMPARE(chart.steps().at(10).cci, 0);
    nodes->setValue(0); // no local capacity: everything bursts
    QCOMPARE(simulated.count(), 2);
    QCOMPARE(chart.steps().at(10).local, 0);
    QCOMPARE(chart.steps().at(10).cci, 10);
}

void tst_WhatIfChart::lockedVirtualKubeletLeavesPending()
{
    ui::WhatIfChart chart;
    setCapacity(chart, 1, 2.0, 4.0);
    chart.setScenario(localPreferScenario(), 10);
    QSignalSpy simulated(&chart, &ui::WhatIfChart::simulated);
    chart.findChild<QCheckBox *>(QStringLiteral("cciLocked"))->setChecked(true);
    QCOMPARE(simulated.count(), 1);
    const SimStep &peak = chart.steps().at(10);
    QCOMPARE(peak.local, 8);
    QCOMPARE(peak.cci, 0);
    QCOMPARE(peak.pending, 2);
    QVERIFY2(summary(chart).contains(QStringLiteral("8 local, 0 on CCI, 2 Pending")),
             qPrintable(summary(chart)));
}

void tst_WhatIfChart::seriesFollowSteps()
{
    ui::WhatIfChart chart;
    setCapacity(chart, 1, 2.0, 4.0);
    chart.setScenario(localPreferScenario(), 10);
    chart.findChild<QCheckBox *>(QStringLiteral("cciLocked"))->setChecked(true);
    const QList<QAreaSeries *> series = areas(chart);
    QCOMPARE(series.size(), 3);
    for (QAreaSeries *area : series) {
        QVERIFY(area);
        QCOMPARE(area->upperSeries()->count(), chart.steps().size());
    }
    // Stacked: local, local + CCI, local + CCI + Pending (= replicas).
    QCOMPARE(series.at(0)->upperSeries()->at(10).y(), 8.0);
    QCOMPARE(series.at(1)->upperSeries()->at(10).y(), 8.0);
    QCOMPARE(series.at(2)->upperSeries()->at(10).y(), 10.0);
    chart.findChild<QSpinBox *>(QStringLiteral("peakReplicas"))->setValue(4);
    QCOMPARE(chart.steps().size(), 9);
    for (QAreaSeries *area : series)
        QCOMPARE(area->upperSeries()->count(), 9);
}

void tst_WhatIfChart::autoIsLabelledAnApproximation()
{
    ui::WhatIfChart chart;
    core::burst::SimulationInput input = localPreferScenario();
    input.strategy = Strategy::Auto;
    input.cci.maxNum = 1; // limits come from the scenario: one CCI pod, the rest wait
    setCapacity(chart, 1, 2.0, 4.0);
    chart.setScenario(input, 10);
    QCOMPARE(chart.steps().at(10).local, 8);
    QCOMPARE(chart.steps().at(10).cci, 1);
    QCOMPARE(chart.steps().at(10).pending, 1);
    QVERIFY2(summary(chart).contains(QStringLiteral("approximation")), qPrintable(summary(chart)));
}

void tst_WhatIfChart::themeFollowsPalette()
{
    ui::WhatIfChart chart;
    const QChart *c = chart.findChild<QChartView *>(QStringLiteral("chartView"))->chart();
    QPalette dark = chart.palette();
    dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
    dark.setColor(QPalette::Base, QColor(0x18, 0x18, 0x18));
    dark.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
    dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
    dark.setColor(QPalette::Button, QColor(0x30, 0x30, 0x30));
    dark.setColor(QPalette::ButtonText, QColor(0xe0, 0xe0, 0xe0));
    chart.setPalette(dark);
    QCOMPARE(c->theme(), QChart::ChartThemeDark);
    setCapacity(chart, 1, 2.0, 4.0);
    chart.setScenario(localPreferScenario(), 10);
    chart.resize(760, 560);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    const QString shot = QStringLiteral(QT_TESTCASE_BUILDDIR "/whatifchart_dark.png");
    QVERIFY(chart.grab().save(shot));
    qInfo("screenshot: %s", qPrintable(shot));
    QPalette light = chart.palette();
    light.setColor(QPalette::Window, QColor(0xf0, 0xf0, 0xf0));
    light.setColor(QPalette::Base, Qt::white);
    chart.setPalette(light);
    QCOMPARE(c->theme(), QChart::ChartThemeLight);
}

void tst_WhatIfChart::screenshot()
{
    ui::WhatIfChart chart;
    chart.resize(760, 560);
    setCapacity(chart, 1, 2.0, 4.0);
    core::burst::SimulationInput input = localPreferScenario();
    input.strategy = Strategy::Auto;
    input.cci.maxNum = 1;
    chart.setScenario(input, 10);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    const QString shot = QStringLiteral(QT_TESTCASE_BUILDDIR "/whatifchart.png");
    QVERIFY(chart.grab().save(shot));
    qInfo("screenshot: %s", qPrintable(shot));
}

QTEST_MAIN(tst_WhatIfChart)
#include "tst_whatifchart.moc"
