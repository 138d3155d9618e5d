#pragma once

#include <QDateTime>
#include <QWidget>

class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QLineEdit;
class QLineSeries;
class QScatterSeries;
class QDateTimeAxis;
class QValueAxis;
class QTableView;
class QTimer;

namespace core::burst {
class PlacementTimeline;
}

namespace models {
class BurstHistory;
class ClusterSession;
class TimelineRefresh;
class UsageTableModel;
} // namespace models

namespace ui {

// What bursting did over time on one connection: the burst timeline (pods local / on CCI /
// pending, for the whole cluster or one workload, over the last hour to three days, with scale,
// refusal and lock markers; export as PNG or CSV) and the CCI usage meter (vCPU-hours and
// GiB-hours of burst pods per workload and namespace over a window; with the prices the user
// enters, their cost; export as CSV). Both read models::BurstHistory; the numbers are computed on a
// worker (models::TimelineRefresh) and this pane only shows them.
class TimelinePane : public QWidget
{
    Q_OBJECT
public:
    explicit TimelinePane(models::ClusterSession *session, QWidget *parent = nullptr);
    // For tests: a pane over a history fed by hand.
    explicit TimelinePane(models::BurstHistory *history, QWidget *parent = nullptr);

    QComboBox *scopeBox() const { return m_scope; }
    QComboBox *rangeBox() const { return m_range; }
    QChartView *chartView() const { return m_chartView; }
    QLineSeries *series(int place) const; // 0 pending, 1 local, 2 CCI
    QScatterSeries *markerSeries() const { return m_markers; }
    QTableView *usageView() const { return m_usageView; }
    models::UsageTableModel *usageModel() const { return m_usage; }
    QLineEdit *vcpuPriceEdit() const { return m_vcpuPrice; }
    QLineEdit *gibPriceEdit() const { return m_gibPrice; }
    models::TimelineRefresh *refresher() const { return m_compute; }

    bool exportPng(const QString &path) const;
    bool exportTimelineCsv(const QString &path, QString *error) const;
    // The usage report shown.
    bool exportUsageCsv(const QString &path, QString *error) const;

public slots:
    // Asks for the chart and the usage of the current view; they show when the worker is done.
    void refresh();

private:
    void build();
    void fillScopes(const QStringList &keys);
    void showResult();
    void showMarkerTip(const QPointF &point, bool state);
    const core::burst::PlacementTimeline *currentTimeline() const;

    models::BurstHistory *m_history;
    QComboBox *m_scope = nullptr;
    QComboBox *m_range = nullptr;
    QLabel *m_observed = nullptr;
    QChart *m_chart = nullptr;
    QChartView *m_chartView = nullptr;
    QLineSeries *m_series[3] = {};
    QScatterSeries *m_markers = nullptr;
    QDateTimeAxis *m_timeAxis = nullptr;
    QValueAxis *m_countAxis = nullptr;
    QComboBox *m_window = nullptr;
    QLineEdit *m_vcpuPrice = nullptr;
    QLineEdit *m_gibPrice = nullptr;
    QLabel *m_usageNote = nullptr;
    QTableView *m_usageView = nullptr;
    models::UsageTableModel *m_usage = nullptr;
    QTimer *m_refresh = nullptr;
    models::TimelineRefresh *m_compute = nullptr;
};

} // namespace ui
