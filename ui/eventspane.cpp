#include "ui/eventspane.h"

#include "models/clustersession.h"
#include "models/eventtablemodel.h"
#include "models/rowfilter.h"
#include "ui/livepane.h"

#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace ui {

namespace {

constexpr int kBurstLineDelayMs = 250; // the count follows a burst of batches once
constexpr int kAgeRefreshMs = 5000;    // Last seen moves with the clock

using Model = models::EventTableModel;

} // namespace

EventsPane::EventsPane(models::ClusterSession *session, QWidget *parent)
    : QWidget(parent),
      m_model(new models::EventTableModel(session)),
      m_proxy(new models::RowFilterProxy(this)),
      m_statusLine(new ConnectionStatusLine(session, this)),
      m_burstLine(new QLabel(this)),
      m_filterEdit(new QLineEdit(this)),
      m_view(new QTableView(this))
{
    setAccessibleName(tr("Events"));
    m_model->follow(session);
    m_burstLine->setAccessibleName(tr("Burst failures"));
    m_burstLine->setWordWrap(true);
    setUpFilterEdit(m_filterEdit, tr("Filter events"),
                    tr("Filter: words, ns:NAME, type:Normal|Warning, reason:TEXT, kind:KIND, "
                       "burst:yes|no, -word"));

    m_proxy->setSortRole(Model::SortRole);
    m_proxy->setTokenColumn(QStringLiteral("ns"), Model::Namespace);
    m_proxy->setTokenColumn(QStringLiteral("type"), Model::Type);
    m_proxy->setTokenColumn(QStringLiteral("reason"), Model::Reason);
    m_proxy->setTokenMatcher(QStringLiteral("kind"), [this](int row, const QString &value) {
        return m_model->rowAt(row).objectKind.contains(value, Qt::CaseInsensitive);
    });
    m_proxy->setTokenMatcher(QStringLiteral("burst"), [this](int row, const QString &value) {
        const models::BurstFailure burst = m_model->rowAt(row).burst;
        if (value.compare(u"yes", Qt::CaseInsensitive) == 0)
            return burst != models::BurstFailure::None;
        if (value.compare(u"no", Qt::CaseInsensitive) == 0)
            return burst == models::BurstFailure::None;
        return models::burstFailureLabel(burst).contains(value, Qt::CaseInsensitive);
    });
    m_proxy->setSourceModel(m_model);
    m_view->setModel(m_proxy);
    m_view->setAccessibleName(tr("Events"));
    m_view->setObjectName(QStringLiteral("events"));
    setUpLiveTable(m_view);
    m_view->sortByColumn(Model::LastSeen, Qt::AscendingOrder); // newest first
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_statusLine);
    layout->addWidget(m_burstLine);
    layout->addWidget(m_filterEdit);
    layout->addWidget(m_view, 1);

    connect(m_filterEdit, &QLineEdit::textChanged, m_proxy,
            &models::RowFilterProxy::setFilterText);
    auto *burstTimer = new QTimer(this);
    burstTimer->setSingleShot(true);
    burstTimer->setInterval(kBurstLineDelayMs);
    connect(burstTimer, &QTimer::timeout, this, &EventsPane::updateBurstLine);
    startOnRowChanges(m_model, burstTimer);
    auto *ages = new QTimer(this);
    connect(ages, &QTimer::timeout, m_model, &models::EventTableModel::refreshAges);
    ages->start(kAgeRefreshMs);
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
