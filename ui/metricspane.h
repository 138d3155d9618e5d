#pragma once

#include <QWidget>

class QChart;
class QChartView;
class QDateTimeAxis;
class QLabel;
class QLineSeries;
class QValueAxis;

namespace models {
class MetricsSampler;
}

namespace ui {

// A pod's or node's CPU and memory from metrics.k8s.io over the last hour, as two charts with
// the lines to read them against (requests, limits, the size CCI bills a burst pod, a node's
// allocatable) and a one-line summary that screen readers get too. Samples only while shown.
class MetricsPane : public QWidget
{
    Q_OBJECT
public:
    explicit MetricsPane(models::MetricsSampler *sampler, QWidget *parent = nullptr);

    QLabel *summaryLine() const { return m_summary; }
    QChartView *cpuView() const { return m_cpuView; }
    QChartView *memoryView() const { return m_memoryView; }
    // The usage series (0 cpu, 1 memory), for tests.
    QLineSeries *usageSeries(int chart) const { return m_usage[chart]; }
    // A reference line by name ("requests", "limits", "billed", "allocatable") of a chart.
    QLineSeries *referenceSeries(int chart, const QString &name) const;

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void refresh();

    models::MetricsSampler *m_sampler;
    QLabel *m_summary;
    QChartView *m_cpuView;
    QChartView *m_memoryView;
    QLineSeries *m_usage[2] = {};
    QLineSeries *m_refs[2][4] = {};
    QDateTimeAxis *m_timeAxis[2] = {};
    QValueAxis *m_valueAxis[2] = {};
};

} // namespace ui
