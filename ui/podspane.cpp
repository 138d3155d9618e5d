#include "ui/podspane.h"

#include "models/clustersession.h"
#include "models/podfilter.h"
#include "models/podtablemodel.h"
#include "ui/livepolicydialog.h"
#include "ui/podactions.h"
#include "ui/terminalpane.h"

#include <QAction>

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMap>
#include <QTableView>
#include <QTimer>

namespace ui {

namespace {

constexpr int kCountDelayMs = 250;  // counts follow a burst of batches once
constexpr int kAgeRefreshMs = 5000; // the Age column moves with the clock

} // namespace

PodsPane::PodsPane(models::ClusterSession *session, QWidget *parent)
    : LiveTablePane(session, session->pods(), new models::PodFilterProxy, tr("Burst pods"),
                    parent),
      m_podProxy(static_cast<models::PodFilterProxy *>(LiveTablePane::proxy())),
      m_counts(new QLabel(this)),
      m_allPods(new QCheckBox(tr("All pods"), this)),
      m_countTimer(new QTimer(this)),
      m_delete(makeDeleteAction(this)),
      m_shell(new QAction(tr("Shell"), this)),
      m_writeLine(makeWriteLine(this))
{
    m_counts->setAccessibleName(tr("Pod counts"));
    addLine(m_counts);
    filterEdit()->setAccessibleName(tr("Filter pods"));
    filterEdit()->setPlaceholderText(
        tr("Filter: words, ns:NAME, status:TEXT, node:NAME, loc:cci|local, strategy:VALUE, -word"));
    m_allPods->setAccessibleName(tr("Show all pods"));
    m_allPods->setToolTip(tr("Show the pods on every node, not only those that burst to CCI"));
    addBesideFilter(m_allPods);

    m_podProxy->setFixedLocation(QStringLiteral("cci"));
    view()->setObjectName(QStringLiteral("burstPods"));
    setResource(QStringLiteral("pods"));
    view()->sortByColumn(models::PodTableModel::Age, Qt::AscendingOrder); // newest first

    connect(m_allPods, &QCheckBox::toggled, this, [this](bool all) {
        m_podProxy->setFixedLocation(all ? QString() : QStringLiteral("cci"));
        setAccessibleName(all ? tr("Pods") : tr("Burst pods"));
    });

    m_countTimer->setSingleShot(true);
    m_countTimer->setInterval(kCountDelayMs);
    connect(m_countTimer, &QTimer::timeout, this, &PodsPane::updateCounts);
    models::PodTableModel *pods = session->pods();
    startOnRowChanges(pods, m_countTimer);
    refreshEvery(kAgeRefreshMs, [pods] { pods->refreshAges(); });

    updateCounts();
    addLine(m_writeLine);
    addRowAction(m_delete, false);
    connect(m_delete, &QAction::triggered, this, [this] { deleteObjects(selectedObjects()); });
    QAction *logs = makeLogsAction(this);
    addRowAction(logs, true);
    connect(logs, &QAction::triggered, this,
            [this] { openLogsOf(this, this->session(), currentObject()); });

    m_shell->setShortcut(QKeySequence(Qt::Key_S));
    m_shell->setToolTip(tr("Open a shell in the selected pod (S)"));
    addRowAction(m_shell, false);
    connect(m_shell, &QAction::triggered, this, [this] {
        const QList<models::ObjectRef> pods = selectedObjects();
        if (!pods.isEmpty())
            openTerminal(this, this->session(), pods.constFirst().nameSpace,
                         pods.constFirst().name);
    });
}

void PodsPane::deleteObjects(const QList<models::ObjectRef> &objects)
{
    deleteLiveObjects(this, session(), objects, m_writeLine);
}

void PodsPane::updateCounts()
{
    const models::PodTableModel *pods = session()->pods();
    qsizetype cci = 0;
    qsizetype local = 0;
    qsizetype pending = 0;
    QMap<QString, qsizetype> byStrategy; // of the pods on CCI
    for (const models::PodRow &row : pods->rows()) {
        if (pods->onVirtualNode(row)) {
            ++cci;
            ++byStrategy[row.burstLabel.isEmpty() ? tr("(no label)") : row.burstLabel];
        } else if (row.node.isEmpty()) {
            ++pending;
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
