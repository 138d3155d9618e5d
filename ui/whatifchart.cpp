#include "ui/whatifchart.h"

namespace ui {

WhatIfChart::WhatIfChart(QWidget *parent) : QWidget(parent) {}

void WhatIfChart::setScenario(const core::burst::SimulationInput &scenario, int)
{
    m_scenario = scenario;
    rerun();
}

void WhatIfChart::rerun()
{
    m_steps = core::burst::simulatePlacement(m_scenario);
    emit simulated();
}

} // namespace ui
