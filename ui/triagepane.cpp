#include "ui/triagepane.h"

#include "models/bursttriagemodel.h"
#include "models/clustersession.h"
#include "models/rowfilter.h"
#include "ui/livepolicydialog.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSet>
#include <QTableView>
#include <QTimer>

namespace ui {

namespace {

constexpr int kSummaryDelayMs = 250;
constexpr int kAgeRefreshMs = 5000;

bool hasWorkbench(const models::ObjectRef &object)
{
    return object.isValid() && object.resource != u"nodes";
}

} // namespace

TriagePane::TriagePane(models::ClusterSession *session, models::EventTableModel *events,
                       QWidget *parent)
    : LiveTablePane(session, new models::BurstTriageModel(session, events),
                    new models::RowFilterProxy, tr("Burst failures"), parent),
      m_model(static_cast<models::BurstTriageModel *>(proxy()->sourceModel())),
      m_summary(new QLabel(this)), m_open(new QAction(tr("Open in &Workbench"), this))
{
    using M = models::BurstTriageModel;
    m_model->setParent(this);
    view()->setObjectName(QStringLiteral("burstTriage"));
    setResource(QStringLiteral("events"));
    proxy()->setSortRole(M::SortRole);
    proxy()->setTokenColumns({{QStringLiteral("ns"), M::Namespace},
                              {QStringLiteral("cause"), M::Cause},
                              {QStringLiteral("workload"), M::Workload}});
    proxy()->setNamespaceColumn(M::Namespace);
    filterEdit()->setAccessibleName(tr("Filter burst failures"));
    filterEdit()->setPlaceholderText(
        tr("Filter: words, ns:NAME, cause:TEXT, workload:KIND/NAME, -word"));
    view()->sortByColumn(M::Cause, Qt::AscendingOrder); // a cause's workloads together
    // The cause and the workload are what the operator reads first: room for them.
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    view()->horizontalHeader()->resizeSection(M::Cause, 16 * em);
    view()->horizontalHeader()->resizeSection(M::Workload, 16 * em);
    view()->horizontalHeader()->resizeSection(M::Detail, 24 * em);
    m_summary->setAccessibleName(tr("Burst failure summary"));
    m_summary->setWordWrap(true);
    addLine(m_summary);

    m_open->setObjectName(QStringLiteral("openInWorkbench"));
    m_open->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    m_open->setToolTip(tr("See the workload's CCI preview (the rule that refused it is among "
                          "the diagnostics) and fix its burst policy (Ctrl+B, Enter)"));
    addRowAction(m_open, true);
    connect(m_open, &QAction::triggered, this, [this] { openInWorkbench(currentObject()); });
    connect(this, &LiveTablePane::objectActivated, this,
            [this](const models::ObjectRef &object) { openInWorkbench(object); });
    connect(this, &LiveTablePane::currentObjectChanged, this,
            [this](const models::ObjectRef &object) { m_open->setEnabled(hasWorkbench(object)); });
    m_open->setEnabled(false);

    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    timer->setInterval(kSummaryDelayMs);
    connect(timer, &QTimer::timeout, this, &TriagePane::updateSummary);
    startOnRowChanges(m_model, timer);
    refreshEvery(kAgeRefreshMs, [this] { m_model->refreshAges(); });
    updateSummary();
}

LivePolicyDialog *TriagePane::openInWorkbench(const models::ObjectRef &object)
{
    if (!hasWorkbench(object))
        return nullptr;
    return openLivePolicyDialog(this, session(), object);
}

void TriagePane::updateSummary()
{
    QSet<QString> causes;
    QSet<QString> workloads;
    qint64 events = 0;
    for (const models::TriageRow &row : m_model->rows()) {
        causes.insert(row.causeCode);
        workloads.insert(row.kind + u'/' + row.nameSpace + u'/' + row.name);
        events += row.events;
    }
    if (causes.isEmpty()) {
        m_summary->setText(tr("No burst failures among the events"));
        m_summary->setStyleSheet(QString());
        return;
    }
    const QLocale locale;
    m_summary->setText(tr("%1 causes across %2 workloads (%3 events). Select a row and press "
                          "Ctrl+B to open its workload in the workbench.")
                           .arg(locale.toString(causes.size()), locale.toString(workloads.size()),
                                locale.toString(events)));
    m_summary->setStyleSheet(QStringLiteral("color: #d03a2f"));
}

} // namespace ui
