#include "ui/whatifchart.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLineSeries>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

namespace ui {

namespace {

// Mid-saturation hues with a slightly translucent fill read on both chart themes.
const QColor kLocalColor(0x3b, 0x82, 0xf6);
const QColor kCciColor(0x10, 0xb9, 0x81);
const QColor kPendingColor(0xf5, 0x9e, 0x0b);

// The smallest of 1, 2, 5, 10, 20, 50, ... that keeps an axis at or below `maxTicks` intervals,
// so tick labels stay whole pod counts and do not crowd.
qreal niceInterval(qreal range, int maxTicks)
{
    qreal step = 1;
    while (range / step > maxTicks) {
        const qreal decade = std::pow(10.0, std::floor(std::log10(step)));
        const qreal mantissa = step / decade;
        step = (mantissa < 2 ? 2 : mantissa < 5 ? 5 : 10) * decade;
    }
    return step;
}

QAreaSeries *makeArea(const QString &name, QLineSeries *lower)
{
    auto *upper = new QLineSeries;
    auto *area = new QAreaSeries(upper, lower);
    upper->setParent(area);
    if (lower)
        lower->setParent(area);
    area->setName(name);
    return area;
}

// No border: the top of the stack would draw the Pending colour along the whole ramp even where
// nothing is pending.
void styleArea(QAreaSeries *area, const QColor &color)
{
    QColor fill = color;
    fill.setAlpha(190);
    area->setBrush(fill);
    area->setPen(Qt::NoPen);
}

} // namespace

WhatIfChart::WhatIfChart(QWidget *parent) : QWidget(parent)
{
    setAccessibleName(tr("What-if"));
    auto *layout = new QVBoxLayout(this);
    auto *grid = new QGridLayout;
    buildControls(grid);
    layout->addLayout(grid);
    buildChart();
    layout->addWidget(m_view, 1);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);
    connectControls();
    applyPalette();
    rerun();
}

void WhatIfChart::buildControls(QGridLayout *grid)
{
    m_peak = new QSpinBox(this);
    m_peak->setObjectName(QStringLiteral("peakReplicas"));
    m_peak->setRange(0, 1000);
    m_peak->setValue(10);
    m_nodeCount = new QSpinBox(this);
    m_nodeCount->setObjectName(QStringLiteral("localNodes"));
    m_nodeCount->setRange(0, 200);
    m_nodeCount->setValue(3);
    m_cpuPerNode = new QDoubleSpinBox(this);
    m_cpuPerNode->setObjectName(QStringLiteral("cpuPerNode"));
    m_cpuPerNode->setRange(0, 1024);
    m_cpuPerNode->setDecimals(2);
    m_cpuPerNode->setSingleStep(0.25);
    m_cpuPerNode->setValue(4);
    m_cpuPerNode->setSuffix(tr(" cores"));
    m_memoryPerNode = new QDoubleSpinBox(this);
    m_memoryPerNode->setObjectName(QStringLiteral("memoryPerNode"));
    m_memoryPerNode->setRange(0, 16384);
    m_memoryPerNode->setDecimals(2);
    m_memoryPerNode->setSingleStep(0.5);
    m_memoryPerNode->setValue(8);
    m_memoryPerNode->setSuffix(tr(" Gi"));
    m_cciLocked = new QCheckBox(tr("Virtual-kubelet node &locked (no bursting to CCI)"), this);
    m_cciLocked->setObjectName(QStringLiteral("cciLocked"));

    const auto addRow = [this, grid](int row, int column, const QString &text, QWidget *field) {
        auto *label = new QLabel(text, this);
        label->setBuddy(field);
        grid->addWidget(label, row, column * 2);
        grid->addWidget(field, row, column * 2 + 1);
    };
    addRow(0, 0, tr("&Peak replicas:"), m_peak);
    addRow(0, 1, tr("Local &nodes:"), m_nodeCount);
    addRow(1, 0, tr("Free &CPU per node:"), m_cpuPerNode);
    addRow(1, 1, tr("Free &memory per node:"), m_memoryPerNode);
    grid->addWidget(m_cciLocked, 2, 0, 1, 4);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
}

void WhatIfChart::buildChart()
{
    m_chart = new QChart;
    m_chart->setBackgroundRoundness(0);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_localArea = makeArea(tr("Local"), nullptr);
    m_cciArea = makeArea(tr("CCI"), new QLineSeries);
    m_pendingArea = makeArea(tr("Pending"), new QLineSeries);
    m_axisX = new QValueAxis(m_chart);
    m_axisX->setLabelFormat(QStringLiteral("%d"));
    m_axisX->setTickType(QValueAxis::TicksDynamic);
    m_axisX->setTickAnchor(0);
    m_axisY = new QValueAxis(m_chart);
    m_axisY->setLabelFormat(QStringLiteral("%d"));
    m_axisY->setTickType(QValueAxis::TicksDynamic);
    m_axisY->setTickAnchor(0);
    m_axisY->setTitleText(tr("Pods"));
    m_chart->addAxis(m_axisX, Qt::AlignBottom);
    m_chart->addAxis(m_axisY, Qt::AlignLeft);
    for (QAreaSeries *area : {m_localArea, m_cciArea, m_pendingArea}) {
        m_chart->addSeries(area);
        area->attachAxis(m_axisX);
        area->attachAxis(m_axisY);
    }
    m_view = new QChartView(m_chart, this);
    m_view->setObjectName(QStringLiteral("chartView"));
    m_view->setAccessibleName(tr("What-if placement chart"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(260);
}

void WhatIfChart::connectControls()
{
    connect(m_peak, &QSpinBox::valueChanged, this, &WhatIfChart::rerun);
    connect(m_nodeCount, &QSpinBox::valueChanged, this, &WhatIfChart::rerun);
    connect(m_cpuPerNode, &QDoubleSpinBox::valueChanged, this, &WhatIfChart::rerun);
    connect(m_memoryPerNode, &QDoubleSpinBox::valueChanged, this, &WhatIfChart::rerun);
    connect(m_cciLocked, &QCheckBox::toggled, this, &WhatIfChart::rerun);
}

void WhatIfChart::setScenario(const core::burst::SimulationInput &scenario, int defaultPeak)
{
    m_scenario = scenario;
    {
        // One simulation for the whole change, not one for the peak and one for the scenario.
        const QSignalBlocker blocker(m_peak);
        m_peak->setValue(defaultPeak);
    }
    rerun();
}

core::burst::SimulationInput WhatIfChart::currentInput() const
{
    core::burst::SimulationInput input;
    input.podRequest = m_scenario.podRequest;
    input.strategy = m_scenario.strategy;
    input.local = m_scenario.local;
    input.cci = m_scenario.cci;
    // The scenario says no when CCI would reject the pod; the checkbox is the node lock.
    input.cciAvailable = m_scenario.cciAvailable && !m_cciLocked->isChecked();
    input.replicaSteps = core::burst::rampSteps(m_peak->value());
    const qint64 cpuMilli = std::llround(m_cpuPerNode->value() * 1000);
    const qint64 memoryBytes = std::llround(m_memoryPerNode->value() * double(core::burst::kGi));
    for (int i = 0; i < m_nodeCount->value(); ++i)
        input.nodes.append({QStringLiteral("node-%1").arg(i + 1), cpuMilli, memoryBytes});
    return input;
}

void WhatIfChart::rerun()
{
    m_steps = core::burst::simulatePlacement(currentInput());
    updateSeries();
    updateAxes();
    updateSummary();
    emit simulated();
}

void WhatIfChart::updateSeries()
{
    QList<QPointF> local, cci, pending;
    for (qsizetype i = 0; i < m_steps.size(); ++i) {
        const core::burst::SimStep &s = m_steps.at(i);
        const qreal x = qreal(i);
        local.append({x, qreal(s.local)});
        cci.append({x, qreal(s.local + s.cci)});
        pending.append({x, qreal(s.local + s.cci + s.pending)});
    }
    m_localArea->upperSeries()->replace(local);
    m_cciArea->lowerSeries()->replace(local);
    m_cciArea->upperSeries()->replace(cci);
    m_pendingArea->lowerSeries()->replace(cci);
    m_pendingArea->upperSeries()->replace(pending);
}

void WhatIfChart::updateAxes()
{
    const int peak = m_peak->value();
    const qreal lastStep = qMax<qreal>(1, qreal(m_steps.size() - 1));
    m_axisX->setRange(0, lastStep);
    m_axisX->setTickInterval(niceInterval(lastStep, 10));
    m_axisX->setTitleText(tr("Step (replicas 0 → %1 → 0)").arg(peak));
    const qreal top = qMax(1, peak);
    m_axisY->setRange(0, top);
    m_axisY->setTickInterval(niceInterval(top, 8));
}

void WhatIfChart::updateSummary()
{
    const int peak = m_peak->value();
    QString text;
    if (peak < m_steps.size()) {
        const core::burst::SimStep &s = m_steps.at(peak);
        text = tr("At %n replica(s): %1 local, %2 on CCI, %3 Pending.", nullptr, peak)
                   .arg(s.local)
                   .arg(s.cci)
                   .arg(s.pending);
    }
    if (m_cciLocked->isChecked())
        text += QLatin1Char(' ') + tr("The virtual-kubelet node is locked: nothing bursts to CCI.");
    if (m_scenario.strategy == core::burst::Strategy::Auto)
        text += QLatin1Char(' ') +
                tr("Strategy auto: this placement is an approximation of the real scheduler "
                   "(least-allocated local node first, CCI when no local node fits).");
    m_summary->setText(text);
    m_view->setAccessibleDescription(text); // what the chart paints, for screen readers
}

void WhatIfChart::applyPalette()
{
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    m_chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    // The theme resets series colours and the background; put ours back.
    styleArea(m_localArea, kLocalColor);
    styleArea(m_cciArea, kCciColor);
    styleArea(m_pendingArea, kPendingColor);
    m_chart->setBackgroundBrush(palette().color(QPalette::Base));
    m_chart->setBackgroundPen(Qt::NoPen);
}

void WhatIfChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_chart)
        applyPalette();
}

} // namespace ui
