#include "ui/metricspane.h"

#include "core/kube/quantity.h"
#include "models/metricssampler.h"

#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QLabel>
#include <QLineSeries>
#include <QValueAxis>
#include <QVBoxLayout>

namespace ui {

namespace {

const char *const kRefNames[4] = {"requests", "limits", "billed", "allocatable"};
const QColor kUsageColor(0x3b, 0x82, 0xf6);
const QColor kRefColors[4] = {QColor(0x6b, 0x72, 0x80), QColor(0xdc, 0x26, 0x26),
                              QColor(0x10, 0xb9, 0x81), QColor(0x6b, 0x72, 0x80)};

std::optional<qint64> refValue(const models::MetricsSampler::References &refs, int ref, int chart)
{
    std::optional<core::kube::ResourceUsage> usage;
    switch (ref) {
    case 0:
        usage = refs.requests;
        break;
    case 1:
        if (refs.limits && (chart == 0 ? refs.limitCpu : refs.limitMemory))
            usage = refs.limits;
        break;
    case 2:
        usage = refs.billed;
        break;
    default:
        usage = refs.allocatable;
        break;
    }
    if (!usage)
        return std::nullopt;
    return chart == 0 ? usage->cpuMilli : usage->memoryBytes;
}

// Millicores as cores, bytes as MiB: the units of the two charts.
double chartValue(int chart, qint64 value)
{
    return chart == 0 ? double(value) : double(value) / (1024.0 * 1024.0);
}

} // namespace

MetricsPane::MetricsPane(models::MetricsSampler *sampler, QWidget *parent)
    : QWidget(parent), m_sampler(sampler), m_summary(new QLabel(this)),
      // Each view gets its chart at construction: setChart() would only release (not delete)
      // the default chart a view makes for itself, and LeakSanitizer reports it.
      m_cpuView(new QChartView(new QChart, this)), m_memoryView(new QChartView(new QChart, this))
{
    setAccessibleName(tr("Metrics"));
    m_summary->setAccessibleName(tr("Metrics summary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    const QString names[4] = {tr("Requests"), tr("Limits"), tr("Billed on CCI"),
                              tr("Allocatable")};
    const QString titles[2] = {tr("CPU (millicores)"), tr("Memory (MiB)")};
    QChartView *views[2] = {m_cpuView, m_memoryView};
    for (int chart = 0; chart < 2; ++chart) {
        QChart *c = views[chart]->chart();
        c->setAnimationOptions(QChart::NoAnimation);
        c->setTitle(titles[chart]);
        c->legend()->setAlignment(Qt::AlignBottom);
        c->setMargins(QMargins(2, 2, 2, 2));
        m_timeAxis[chart] = new QDateTimeAxis;
        m_timeAxis[chart]->setFormat(QStringLiteral("HH:mm"));
        m_valueAxis[chart] = new QValueAxis;
        m_valueAxis[chart]->setLabelFormat(QStringLiteral("%.0f"));
        c->addAxis(m_timeAxis[chart], Qt::AlignBottom);
        c->addAxis(m_valueAxis[chart], Qt::AlignLeft);
        m_usage[chart] = new QLineSeries;
        m_usage[chart]->setName(tr("Usage"));
        QPen pen(kUsageColor);
        pen.setWidth(2);
        m_usage[chart]->setPen(pen);
        c->addSeries(m_usage[chart]);
        m_usage[chart]->attachAxis(m_timeAxis[chart]);
        m_usage[chart]->attachAxis(m_valueAxis[chart]);
        for (int ref = 0; ref < 4; ++ref) {
            auto *line = new QLineSeries;
            line->setName(names[ref]);
            QPen refPen(kRefColors[ref]);
            refPen.setWidth(1);
            refPen.setStyle(ref == 1 ? Qt::DotLine : Qt::DashLine);
            line->setPen(refPen);
            c->addSeries(line);
            line->attachAxis(m_timeAxis[chart]);
            line->attachAxis(m_valueAxis[chart]);
            m_refs[chart][ref] = line;
        }
        views[chart]->setRenderHint(QPainter::Antialiasing);
        views[chart]->setMinimumHeight(160);
    }
    m_cpuView->setAccessibleName(tr("CPU chart"));
    m_memoryView->setAccessibleName(tr("Memory chart"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_cpuView, 1);
    layout->addWidget(m_memoryView, 1);
    connect(m_sampler, &models::MetricsSampler::changed, this, &MetricsPane::refresh);
    refresh();
}

QLineSeries *MetricsPane::referenceSeries(int chart, const QString &name) const
{
    for (int ref = 0; ref < 4; ++ref)
        if (name == QLatin1String(kRefNames[ref]))
            return m_refs[chart][ref];
    return nullptr;
}

void MetricsPane::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_sampler->setActive(true);
}

void MetricsPane::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_sampler->setActive(false);
}

void MetricsPane::refresh()
{
    const auto &samples = m_sampler->samples();
    const auto &refs = m_sampler->references();
    const QDateTime end = samples.isEmpty() ? QDateTime::currentDateTimeUtc()
                                            : samples.last().timestamp;
    const QDateTime start =
        samples.isEmpty() ? end.addSecs(-300)
                          : std::min(samples.first().timestamp, end.addSecs(-300));
    for (int chart = 0; chart < 2; ++chart) {
        QList<QPointF> points;
        double top = 1;
        for (const core::kube::MetricsSample &s : samples) {
            const double v = chartValue(chart, chart == 0 ? s.total.cpuMilli : s.total.memoryBytes);
            points.append(QPointF(double(s.timestamp.toMSecsSinceEpoch()), v));
            top = std::max(top, v);
        }
        m_usage[chart]->replace(points);
        for (int ref = 0; ref < 4; ++ref) {
            const auto value = refValue(refs, ref, chart);
            QList<QPointF> line;
            if (value) {
                const double v = chartValue(chart, *value);
                line = {QPointF(double(start.toMSecsSinceEpoch()), v),
                        QPointF(double(end.toMSecsSinceEpoch()), v)};
                top = std::max(top, v);
            }
            m_refs[chart][ref]->replace(line);
            m_refs[chart][ref]->setVisible(value.has_value());
        }
        m_timeAxis[chart]->setRange(start.toLocalTime(), end.toLocalTime());
        m_valueAxis[chart]->setRange(0, top * 1.1);
        m_valueAxis[chart]->applyNiceNumbers();
    }
    // The summary says what the charts show, for everyone and for screen readers.
    QString text;
    if (!m_sampler->supports()) {
        text = tr("Metrics are shown for pods and nodes.");
    } else if (samples.isEmpty()) {
        text = m_sampler->problem().isEmpty() ? tr("Waiting for the first sample…")
                                              : m_sampler->problem();
    } else {
        const core::kube::MetricsSample &last = samples.last();
        text = tr("CPU %1, memory %2 at %3.")
                   .arg(core::kube::formatCpuMilli(last.total.cpuMilli),
                        core::kube::formatMemoryBytes(last.total.memoryBytes),
                        QLocale().toString(last.timestamp.toLocalTime().time(),
                                           QLocale::ShortFormat));
        if (refs.requests)
            text += u' ' + tr("Requests: CPU %1, memory %2.")
                               .arg(core::kube::formatCpuMilli(refs.requests->cpuMilli),
                                    core::kube::formatMemoryBytes(refs.requests->memoryBytes));
        if (refs.billed)
            text += u' ' + tr("Billed on CCI: CPU %1, memory %2.")
                               .arg(core::kube::formatCpuMilli(refs.billed->cpuMilli),
                                    core::kube::formatMemoryBytes(refs.billed->memoryBytes));
        if (refs.allocatable)
            text += u' ' + tr("Allocatable: CPU %1, memory %2.")
                               .arg(core::kube::formatCpuMilli(refs.allocatable->cpuMilli),
                                    core::kube::formatMemoryBytes(refs.allocatable->memoryBytes));
        if (!m_sampler->problem().isEmpty())
            text += u' ' + m_sampler->problem();
    }
    m_summary->setText(text);
    m_cpuView->setAccessibleDescription(text);
    m_memoryView->setAccessibleDescription(text);
}

} // namespace ui
