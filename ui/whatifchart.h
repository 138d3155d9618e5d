#pragma once

#include "core/burst/placementsimulator.h"

#include <QWidget>

class QSpinBox;
class QDoubleSpinBox;
class QLabel;
class QCheckBox;
class QChart;
class QChartView;
class QAreaSeries;
class QLineSeries;
class QValueAxis;
class QGridLayout;

namespace ui {

// What-if: pods local / on CCI / Pending as replicas go 0 -> peak -> 0, for a given local free
// capacity, from core::burst::simulatePlacement. The operator sets the peak and the free capacity
// (node count, cpu and memory per node); strategy, limits and the pod request come from the
// selected workload through setScenario().
class WhatIfChart : public QWidget
{
    Q_OBJECT

public:
    explicit WhatIfChart(QWidget *parent = nullptr);

    // The workload-dependent part of the simulation; nodes and replica steps are the widget's.
    // scenario.cciAvailable false (CCI would reject the pod) keeps every pod off CCI.
    void setScenario(const core::burst::SimulationInput &scenario, int defaultPeak);
    const QList<core::burst::SimStep> &steps() const { return m_steps; }

signals:
    void simulated();

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildControls(QGridLayout *grid);
    void buildChart();
    void connectControls();
    core::burst::SimulationInput currentInput() const;
    void rerun();
    void updateSeries();
    void updateAxes();
    void updateSummary();
    void applyPalette();

    core::burst::SimulationInput m_scenario;
    QList<core::burst::SimStep> m_steps;

    QSpinBox *m_peak = nullptr;
    QSpinBox *m_nodeCount = nullptr;
    QDoubleSpinBox *m_cpuPerNode = nullptr;
    QDoubleSpinBox *m_memoryPerNode = nullptr;
    QCheckBox *m_cciLocked = nullptr;
    QChartView *m_view = nullptr;
    QChart *m_chart = nullptr;
    // Stacked areas: local from 0, CCI on top of local, Pending on top of both. Each boundary is
    // its own line series because an area series owns the lines it is built from.
    QAreaSeries *m_localArea = nullptr;
    QAreaSeries *m_cciArea = nullptr;
    QAreaSeries *m_pendingArea = nullptr;
    QValueAxis *m_axisX = nullptr;
    QValueAxis *m_axisY = nullptr;
    QLabel *m_summary = nullptr;
};

} // namespace ui
