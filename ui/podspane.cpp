#include "ui/podspane.h"

#include "models/clustersession.h"
#include "models/podfilter.h"
#include "models/podtablemodel.h"
#include "ui/livepane.h"
#include "ui/livetablepane.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMap>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace ui {

namespace {

constexpr int kCountDelayMs = 250;  // counts follow a burst of batches once
constexpr int kAgeRefreshMs = 5000; // the Age column moves with the clock

} // namespace

PodsPane::PodsPane(models::ClusterSession *session, QWidget *parent)
    : QWidget(parent),
      m_session(session),
      m_proxy(new models::PodFilterProxy(this)),
      m_statusLine(new ConnectionStatusLine(session, this)),
      m_counts(new QLabel(this)),
      m_scope(new NamespaceScope(this)),
      m_filterEdit(new QLineEdit(this)),
      m_allPods(new QCheckBox(tr("All pods"), this)),
      m_view(new QTableView(this)),
      m_countTimer(new QTimer(this))
{
    setAccessibleName(tr("Burst pods"));
    m_counts->setAccessibleName(tr("Pod counts"));
    setUpFilterEdit(
        m_filterEdit, tr("Filter pods"),
        tr("Filter: words, ns:NAME, status:TEXT, node:NAME, loc:cci|local, strategy:VALUE, -word"));
    m_allPods->setAccessibleName(tr("Show all pods"));
    m_allPods->setToolTip(tr("Show the pods on every node, not only those that burst to CCI"));

    m_proxy->setSourceModel(session->pods());
    m_proxy->setFixedLocation(QStringLiteral("cci"));
    m_view->setModel(m_proxy);
    m_view->setAccessibleName(tr("Burst pods"));
    m_view->setObjectName(QStringLiteral("burstPods"));
    setUpLiveTable(m_view);
    m_view->sortByColumn(models::PodTableModel::Age, Qt::AscendingOrder); // newest first
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filterEdit, 1);
    filterRow->addWidget(m_allPods);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_statusLine);
    layout->addWidget(m_counts);
    layout->addWidget(m_scope);
    layout->addLayout(filterRow);
    layout->addWidget(m_view, 1);

    connect(m_filterEdit, &QLineEdit::textChanged, m_proxy,
            &models::PodFilterProxy::setFilterText);
    connect(m_allPods, &QCheckBox::toggled, this, [this](bool all) {
        m_proxy->setFixedLocation(all ? QString() : QStringLiteral("cci"));
        setAccessibleName(all ? tr("Pods") : tr("Burst pods"));
    });
    connect(m_scope, &NamespaceScope::clearRequested, this, &PodsPane::clearNamespacesRequested);

    m_countTimer->setSingleShot(true);
    m_countTimer->setInterval(kCountDelayMs);
    connect(m_countTimer, &QTimer::timeout, this, &PodsPane::updateCounts);
    models::PodTableModel *pods = session->pods();
    startOnRowChanges(pods, m_countTimer);
    auto *ages = new QTimer(this);
    connect(ages, &QTimer::timeout, pods, &models::PodTableModel::refreshAges);
    ages->start(kAgeRefreshMs);

    updateCounts();
}

void PodsPane::setNamespaces(const QStringList &namespaces)
{
    m_proxy->setNamespaces(namespaces);
    m_scope->setNamespaces(namespaces);
}

void PodsPane::updateCounts()
{
    const models::PodTableModel *pods = m_session->pods();
    qsizetype cci = 0;
    qsizetype local = 0;
    qsizetype pending = 0;
    QMap<QString, qsizetype> byStrategy; // of the pods on CCI
    for (const models::PodRow &row : pods->rows()) {
        if (row.node.isEmpty()) {
            ++pending;
        } else if (pods->onVirtualNode(row)) {
            ++cci;
            ++byStrategy[row.burstLabel.isEmpty() ? tr("(no label)") : row.burstLabel];
        } else {
            ++local;
        }
    }
    const QLocale locale;
    QStringList strategies;
    for (auto it = byStrategy.cbegin(); it != byStrategy.cend(); ++it)
        strategies.append(tr("%1: %2").arg(it.key(), locale.toString(it.value())));
    QString text = tr("On CCI %1, local %2, unscheduled %3")
                       .arg(locale.toString(cci), locale.toString(local), locale.toString(pending));
    if (!strategies.isEmpty())
        text += tr(" — on CCI by pod burst label: %1").arg(strategies.join(tr(", ")));
    m_counts->setText(text);
}

} // namespace ui
