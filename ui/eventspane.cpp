#include "ui/eventspane.h"

#include "models/clustersession.h"
#include "models/eventtablemodel.h"
#include "models/rowfilter.h"

#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTableView>
#include <QTimer>

namespace ui {

namespace {

constexpr int kBurstLineDelayMs = 250; // the count follows a burst of batches once
constexpr int kAgeRefreshMs = 5000;    // Last seen moves with the clock

using Model = models::EventTableModel;

} // namespace

EventsPane::EventsPane(models::ClusterSession *session, QWidget *parent)
    : LiveTablePane(session, new models::EventTableModel(session), new models::RowFilterProxy,
                    tr("Events"), parent),
      m_model(static_cast<models::EventTableModel *>(proxy()->sourceModel())),
      m_burstLine(new QLabel(this))
{
    m_model->setParent(this);
    m_model->follow(session);
    m_burstLine->setAccessibleName(tr("Burst failures"));
    m_burstLine->setWordWrap(true);
    addLine(m_burstLine);
    filterEdit()->setAccessibleName(tr("Filter events"));
    filterEdit()->setPlaceholderText(
        tr("Filter: words, ns:NAME, type:Normal|Warning, reason:TEXT, kind:KIND, burst:yes|no, "
           "cluster:CONTEXT, -word"));

    models::RowFilterProxy *rows = proxy();
    rows->setSortRole(Model::SortRole);
    rows->setTokenColumn(QStringLiteral("ns"), Model::Namespace);
    rows->setTokenColumn(QStringLiteral("type"), Model::Type);
    rows->setTokenColumn(QStringLiteral("reason"), Model::Reason);
    rows->setTokenColumn(QStringLiteral("cluster"), Model::Cluster); // CCE and CCI side merged
    rows->setTokenMatcher(QStringLiteral("kind"), [this](int row, const QString &value) {
        return m_model->rowAt(row).objectKind.contains(value, Qt::CaseInsensitive);
    });
    rows->setTokenMatcher(QStringLiteral("burst"), [this](int row, const QString &value) {
        const models::BurstFailure burst = m_model->rowAt(row).burst;
        if (value.compare(u"yes", Qt::CaseInsensitive) == 0)
            return burst != models::BurstFailure::None;
        if (value.compare(u"no", Qt::CaseInsensitive) == 0)
            return burst == models::BurstFailure::None;
        return models::burstFailureLabel(burst).contains(value, Qt::CaseInsensitive);
    });
    rows->setNamespaceColumn(Model::Namespace);
    view()->setObjectName(QStringLiteral("events"));
    setResource(QStringLiteral("events"));
    view()->sortByColumn(Model::LastSeen, Qt::AscendingOrder); // newest first

    auto *burstTimer = new QTimer(this);
    burstTimer->setSingleShot(true);
    burstTimer->setInterval(kBurstLineDelayMs);
    connect(burstTimer, &QTimer::timeout, this, &EventsPane::updateBurstLine);
    startOnRowChanges(m_model, burstTimer);
    refreshEvery(kAgeRefreshMs, [this] { m_model->refreshAges(); });
    updateBurstLine();
}

void EventsPane::updateBurstLine()
{
    qsizetype failures = 0;
    models::BurstFailure newest = models::BurstFailure::None;
    QDateTime newestSeen;
    for (const models::EventRow &row : m_model->rows()) {
        if (row.burst == models::BurstFailure::None)
            continue;
        ++failures;
        if (!newestSeen.isValid() || row.lastSeen > newestSeen) {
            newestSeen = row.lastSeen;
            newest = row.burst;
        }
    }
    if (failures == 0) {
        m_burstLine->setText(tr("No burst failures among the events"));
        m_burstLine->setToolTip(QString());
        m_burstLine->setStyleSheet(QString());
        return;
    }
    m_burstLine->setText(tr("%1 burst failure events (burst:yes shows them). The newest, %2: %3")
                             .arg(QLocale().toString(failures), models::burstFailureLabel(newest),
                                  models::burstFailureHint(newest)));
    m_burstLine->setToolTip(models::burstFailureHint(newest));
    m_burstLine->setStyleSheet(QStringLiteral("color: #d03a2f"));
}

} // namespace ui
