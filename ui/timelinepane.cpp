#include "ui/timelinepane.h"

#include "core/burst/bursttimeline.h"
#include "core/common/savefile.h"
#include "models/bursthistory.h"
#include "models/clustersession.h"
#include "models/timelinerefresh.h"
#include "models/usagetablemodel.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QDoubleValidator>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QMessageBox>
#include <QPushButton>
#include <QScatterSeries>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

namespace ui {

namespace {

// The What-if chart's colours, so a place reads the same everywhere.
const QColor kPendingColor(0xf5, 0x9e, 0x0b);
const QColor kLocalColor(0x3b, 0x82, 0xf6);
const QColor kCciColor(0x10, 0xb9, 0x81);
const QColor kMarkerColor(0xdc, 0x26, 0x26);

constexpr qint64 kHour = 3'600'000;

// The smallest of 1, 2, 5, 10, 20, 50, ... that keeps 0..top within `maxTicks` intervals.
qint64 wholeStep(qint64 top, int maxTicks)
{
    qint64 step = 1;
    for (int i = 0; top / step >= maxTicks; ++i)
        step = step * (i % 3 == 1 ? 5 : 2) / (i % 3 == 1 ? 2 : 1);
    return step;
}

bool writeFile(const QString &path, const QByteArray &bytes, QString *error)
{
    const core::Result<void> saved = core::saveFile(path, bytes);
    if (!saved && error)
        *error = saved.error().message + u' ' + saved.error().hint;
    return saved.ok();
}

std::optional<double> price(const QLineEdit *edit)
{
    bool ok = false;
    const double value = QLocale().toDouble(edit->text().trimmed(), &ok);
    return ok && value >= 0 ? std::optional<double>(value) : std::nullopt;
}

} // namespace

TimelinePane::TimelinePane(models::ClusterSession *session, QWidget *parent)
    : TimelinePane(models::BurstHistory::of(session), parent)
{
}

TimelinePane::TimelinePane(models::BurstHistory *history, QWidget *parent)
    : QWidget(parent), m_history(history)
{
    m_compute = new models::TimelineRefresh(m_history, this);
    connect(m_compute, &models::TimelineRefresh::ready, this, &TimelinePane::showResult);
    build();
    // Changes arrive per informer batch; the chart is redrawn at most once a second, and every
    // 30 s anyway (running pods' usage grows with the clock).
    m_refresh = new QTimer(this);
    m_refresh->setSingleShot(true);
    m_refresh->setInterval(1000);
    connect(m_refresh, &QTimer::timeout, this, &TimelinePane::refresh);
    connect(m_history, &models::BurstHistory::changed, m_refresh,
            qOverload<>(&QTimer::start));
    auto *clock = new QTimer(this);
    clock->setInterval(30'000);
    connect(clock, &QTimer::timeout, this, &TimelinePane::refresh);
    clock->start();
    refresh();
}

void TimelinePane::build()
{
    setAccessibleName(tr("Burst timeline"));
    m_scope = new QComboBox(this);
    m_scope->setAccessibleName(tr("Timeline scope"));
    m_scope->setToolTip(tr("The whole cluster, or one workload"));
    m_scope->setMinimumContentsLength(24);
    m_scope->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_range = new QComboBox(this);
    m_range->setAccessibleName(tr("Timeline range"));
    m_range->addItem(tr("Since the first change"), 0);
    m_range->addItem(tr("Last hour"), kHour);
    m_range->addItem(tr("Last 6 hours"), 6 * kHour);
    m_range->addItem(tr("Last 24 hours"), 24 * kHour);
    m_range->addItem(tr("Last 3 days"), 72 * kHour);
    m_observed = new QLabel(this);
    m_observed->setAccessibleName(tr("Observed since"));
    m_observed->setWordWrap(true);
    auto *png = new QPushButton(tr("Export PNG…"), this);
    png->setAccessibleName(tr("Export the timeline as PNG"));
    auto *csv = new QPushButton(tr("Export CSV…"), this);
    csv->setAccessibleName(tr("Export the timeline as CSV"));

    m_chart = new QChart;
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    const QString names[3] = {tr("Pending"), tr("Local"), tr("On CCI")};
    const QColor colors[3] = {kPendingColor, kLocalColor, kCciColor};
    m_timeAxis = new QDateTimeAxis;
    m_timeAxis->setFormat(QStringLiteral("MM-dd HH:mm"));
    m_timeAxis->setTitleText(tr("Time (local)"));
    m_countAxis = new QValueAxis;
    m_countAxis->setLabelFormat(QStringLiteral("%d"));
    m_countAxis->setTitleText(tr("Pods"));
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_countAxis, Qt::AlignLeft);
    for (int i = 0; i < 3; ++i) {
        m_series[i] = new QLineSeries;
        m_series[i]->setName(names[i]);
        QPen pen(colors[i]);
        pen.setWidth(2);
        m_series[i]->setPen(pen);
        m_chart->addSeries(m_series[i]);
        m_series[i]->attachAxis(m_timeAxis);
        m_series[i]->attachAxis(m_countAxis);
    }
    m_markers = new QScatterSeries;
    m_markers->setName(tr("Scale, refusal, lock"));
    m_markers->setMarkerSize(9);
    m_markers->setColor(kMarkerColor);
    m_markers->setBorderColor(kMarkerColor);
    m_chart->addSeries(m_markers);
    m_markers->attachAxis(m_timeAxis);
    m_markers->attachAxis(m_countAxis);
    connect(m_markers, &QScatterSeries::hovered, this, &TimelinePane::showMarkerTip);
    m_chartView = new QChartView(m_chart, this);
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setAccessibleName(tr("Burst timeline chart"));
    m_chartView->setMinimumHeight(220);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Scope:"), this));
    top->addWidget(m_scope, 1);
    top->addWidget(m_range);
    top->addWidget(png);
    top->addWidget(csv);
    auto *timeline = new QWidget(this);
    auto *timelineLayout = new QVBoxLayout(timeline);
    timelineLayout->setContentsMargins(0, 0, 0, 0);
    timelineLayout->addLayout(top);
    timelineLayout->addWidget(m_observed);
    timelineLayout->addWidget(m_chartView, 1);

    // The usage meter.
    auto *usage = new QGroupBox(tr("CCI usage"), this);
    usage->setAccessibleName(tr("CCI usage"));
    m_window = new QComboBox(usage);
    m_window->setAccessibleName(tr("Usage window"));
    m_window->addItem(tr("Last hour"), kHour);
    m_window->addItem(tr("Last 24 hours"), 24 * kHour);
    m_window->addItem(tr("Last 3 days"), 72 * kHour);
    m_window->setCurrentIndex(1);
    m_vcpuPrice = new QLineEdit(usage);
    m_vcpuPrice->setAccessibleName(tr("Price per vCPU-hour"));
    m_vcpuPrice->setPlaceholderText(tr("optional"));
    m_gibPrice = new QLineEdit(usage);
    m_gibPrice->setAccessibleName(tr("Price per GiB-hour"));
    m_gibPrice->setPlaceholderText(tr("optional"));
    for (QLineEdit *edit : {m_vcpuPrice, m_gibPrice}) {
        auto *validator = new QDoubleValidator(0, 1e9, 6, edit);
        validator->setNotation(QDoubleValidator::StandardNotation);
        edit->setValidator(validator);
        edit->setToolTip(tr("Your price per unit-hour (empty: no cost column); not saved "
                            "anywhere"));
        connect(edit, &QLineEdit::textChanged, this, &TimelinePane::refresh);
    }
    auto *usageCsv = new QPushButton(tr("Export CSV…"), usage);
    usageCsv->setAccessibleName(tr("Export the usage as CSV"));
    m_usageNote = new QLabel(usage);
    m_usageNote->setAccessibleName(tr("How usage is counted"));
    m_usageNote->setWordWrap(true);
    m_usageNote->setText(
        tr("Billed size: the add-on's burst-pod-cpu/-memory annotations, else the size after "
           "CCI's normalization. Counted from a pod's first running container to its end, "
           "for burst pods this console has seen."));
    m_usage = new models::UsageTableModel(this);
    auto *sorted = new QSortFilterProxyModel(this);
    sorted->setSourceModel(m_usage);
    sorted->setSortRole(models::UsageTableModel::SortRole);
    m_usageView = new QTableView(usage);
    m_usageView->setAccessibleName(tr("CCI usage table"));
    m_usageView->setModel(sorted);
    m_usageView->setSortingEnabled(true);
    m_usageView->sortByColumn(models::UsageTableModel::VcpuHours, Qt::DescendingOrder);
    m_usageView->verticalHeader()->hide();
    m_usageView->setWordWrap(false);
    m_usageView->horizontalHeader()->setStretchLastSection(true);
    m_usageView->setSelectionBehavior(QAbstractItemView::SelectRows);
    auto *form = new QHBoxLayout;
    form->addWidget(new QLabel(tr("Window:"), usage));
    form->addWidget(m_window);
    form->addWidget(new QLabel(tr("Price per vCPU-hour:"), usage));
    form->addWidget(m_vcpuPrice);
    form->addWidget(new QLabel(tr("per GiB-hour:"), usage));
    form->addWidget(m_gibPrice);
    form->addStretch(1);
    form->addWidget(usageCsv);
    auto *usageLayout = new QVBoxLayout(usage);
    usageLayout->addLayout(form);
    usageLayout->addWidget(m_usageNote);
    usageLayout->addWidget(m_usageView, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setAccessibleName(tr("Timeline and usage"));
    splitter->addWidget(timeline);
    splitter->addWidget(usage);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    for (QComboBox *box : {m_scope, m_range, m_window})
        connect(box, &QComboBox::currentIndexChanged, this, &TimelinePane::refresh);
    connect(png, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export timeline"), QStringLiteral("burst-timeline.png"),
            tr("PNG images (*.png)"));
        if (!path.isEmpty() && !exportPng(path))
            QMessageBox::warning(this, tr("Export failed"), tr("Cannot write %1.").arg(path));
    });
    connect(csv, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export timeline"), QStringLiteral("burst-timeline.csv"),
            tr("CSV files (*.csv)"));
        QString error;
        if (!path.isEmpty() && !exportTimelineCsv(path, &error))
            QMessageBox::warning(this, tr("Export failed"),
                                 tr("Cannot write %1: %2").arg(path, error));
    });
    connect(usageCsv, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export usage"), QStringLiteral("cci-usage.csv"), tr("CSV files (*.csv)"));
        QString error;
        if (!path.isEmpty() && !exportUsageCsv(path, &error))
            QMessageBox::warning(this, tr("Export failed"),
                                 tr("Cannot write %1: %2").arg(path, error));
    });
}

QLineSeries *TimelinePane::series(int place) const
{
    return place >= 0 && place < 3 ? m_series[place] : nullptr;
}

const core::burst::PlacementTimeline *TimelinePane::currentTimeline() const
{
    const QString key = m_scope->currentData().toString();
    return key.isEmpty() ? &m_history->cluster() : m_history->workload(key);
}

void TimelinePane::refresh()
{
    models::TimelineRefresh::Request request;
    request.scope = m_scope->currentData().toString();
    request.rangeMs = m_range->currentData().toLongLong();
    request.windowMs = m_window->currentData().toLongLong();
    request.prices.perVcpuHour = price(m_vcpuPrice);
    request.prices.perGibHour = price(m_gibPrice);
    m_compute->request(request);
}

void TimelinePane::fillScopes(const QStringList &keys)
{
    if (m_scope->count() == keys.size() + 1) {
        if (m_scope->currentIndex() < 0)
            m_scope->setCurrentIndex(0);
        return; // workloads are only ever added while the pane lives
    }
    const QString current = m_scope->currentData().toString();
    const QSignalBlocker blocker(m_scope);
    m_scope->clear();
    m_scope->addItem(tr("Whole cluster"), QString());
    for (const QString &key : keys)
        m_scope->addItem(key, key);
    m_scope->setCurrentIndex(std::max(0, m_scope->findData(current)));
}

// Applies what the worker computed: points swapped into the series, the usage table updated by
// rows (inserts, dataChanged, removals; never a reset).
void TimelinePane::showResult()
{
    const models::TimelineRefresh::Result &result = m_compute->result();
    fillScopes(result.workloadKeys);
    const core::burst::TimelineChart &chart = result.chart;
    for (int i = 0; i < 3; ++i)
        m_series[i]->replace(chart.points[i]);
    // What the chart paints, for screen readers: the counts at the end and the changes shown.
    const QList<QPointF> &pending = chart.points[0];
    m_chartView->setAccessibleDescription(
        !pending.isEmpty() ? tr("Now %1 Pending, %2 local, %3 on CCI; %n change(s) shown.", nullptr,
                                int(pending.size() - 2) / 2)
                                 .arg(pending.last().y())
                                 .arg(chart.points[1].last().y())
                                 .arg(chart.points[2].last().y())
                           : tr("No timeline for this scope."));
    m_markers->replace(chart.markers);
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(chart.start),
                         QDateTime::fromMSecsSinceEpoch(chart.end));
    // Whole pods on the count axis: ticks every 1, 2, 5, 10, ... from 0.
    // About one tick per 40 pixels of chart, so labels never crowd (Qt elides them then).
    const qint64 step = wholeStep(chart.top, std::clamp(m_chartView->height() / 40, 2, 10));
    m_countAxis->setTickType(QValueAxis::TicksDynamic);
    m_countAxis->setTickAnchor(0);
    m_countAxis->setTickInterval(double(step));
    m_countAxis->setRange(0, double((chart.top / step + 1) * step));
    m_observed->setText(
        tr("Observed since %1; earlier points are rebuilt from the pods' own times.")
            .arg(QLocale().toString(result.observedSince.toLocalTime(), QLocale::ShortFormat)));
    m_usage->setReport(result.usage);
}

void TimelinePane::showMarkerTip(const QPointF &point, bool state)
{
    if (!state) {
        QToolTip::hideText();
        return;
    }
    const core::burst::PlacementTimeline *timeline = currentTimeline();
    if (!timeline)
        return;
    QStringList lines;
    for (const core::burst::TimelineMarker &marker : timeline->markers())
        if (qAbs(double(marker.msecs) - point.x()) < 1)
            lines.append(QStringLiteral("%1 %2: %3 (%4)")
                             .arg(QLocale().toString(
                                      QDateTime::fromMSecsSinceEpoch(marker.msecs),
                                      QLocale::ShortFormat),
                                  marker.reason, marker.message, marker.object));
    QToolTip::showText(QCursor::pos(), lines.join(u'\n'), m_chartView);
}

bool TimelinePane::exportPng(const QString &path) const
{
    return m_chartView->grab().save(path, "PNG");
}

bool TimelinePane::exportTimelineCsv(const QString &path, QString *error) const
{
    const core::burst::PlacementTimeline *timeline = currentTimeline();
    return writeFile(path, timeline ? timeline->toCsv() : QByteArray(), error);
}

bool TimelinePane::exportUsageCsv(const QString &path, QString *error) const
{
    return writeFile(path, core::burst::usageCsv(m_compute->result().usage), error);
}

} // namespace ui
