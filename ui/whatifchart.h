#pragma once

#include "core/burst/placementsimulator.h"

#include <QWidget>

class QSpinBox;
class QDoubleSpinBox;
class QLabel;

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
    void setScenario(const core::burst::SimulationInput &scenario, int defaultPeak);
    const QList<core::burst::SimStep> &steps() const { return m_steps; }

signals:
    void simulated();

private:
    void rerun();

    core::burst::SimulationInput m_scenario;
    QList<core::burst::SimStep> m_steps;
    // plus the widgets the implementation needs
};

} // namespace ui
