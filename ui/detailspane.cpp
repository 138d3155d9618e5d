#include "ui/detailspane.h"

#include "core/kube/podsummary.h"
#include "models/clustersession.h"
#include "models/metricssampler.h"
#include "models/objectcontroller.h"
#include "models/objectdetails.h"
#include "ui/metricspane.h"
#include "ui/objectyamlpage.h"
#include "ui/tr.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ui {

namespace {

QTreeWidget *table(const QString &name, const QStringList &headers, QWidget *parent)
{
    auto *view = new QTreeWidget(parent);
    view->setAccessibleName(name);
    view->setObjectName(name);
    view->setHeaderLabels(headers);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(false);
    view->setWordWrap(true);
    view->setAlternatingRowColors(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->header()->setStretchLastSection(true);
    view->header()->setSectionResizeMode(QHeaderView::Interactive);
    return view;
}

QString timeText(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return Tr::tr("%1 (%2 ago)")
        .arg(QLocale().toString(time.toLocalTime(), QLocale::ShortFormat),
             core::kube::humanAge(time.secsTo(QDateTime::currentDateTimeUtc())));
}

QString containerKind(const models::ContainerRow &row)
{
    using Kind = models::ContainerRow::Kind;
    if (row.cciSidecar)
        return Tr::tr("CCI sidecar (injected)");
    switch (row.kind) {
    case Kind::Init:
        return Tr::tr("Init container");
    case Kind::Ephemeral:
        return Tr::tr("Ephemeral container");
    case Kind::App:
        break;
    }
    return Tr::tr("Container");
}

void fitColumns(QTreeWidget *view)
{
    for (int c = 0; c + 1 < view->columnCount(); ++c)
        view->resizeColumnToContents(c);
}

} // namespace

DetailsPane::DetailsPane(models::ClusterSession *session, QWidget *parent)
    : QWidget(parent), m_controller(new models::ObjectController(session, this)),
      m_title(new QLabel(this)), m_state(new QLabel(this)), m_tabs(new QTabWidget(this)),
      m_summary(table(tr("Summary"), {tr("Field"), tr("Value")}, this)),
      m_conditions(table(tr("Conditions"),
                         {tr("Type"), tr("Status"), tr("Reason"), tr("Last transition"),
                          tr("Message")},
                         this)),
      m_containers(table(tr("Containers"),
                         {tr("Name"), tr("Kind"), tr("Image"), tr("State"), tr("Ready"),
                          tr("Restarts"), tr("Requests"), tr("Limits")},
                         this)),
      m_events(table(tr("Events"),
                     {tr("Last seen"), tr("Type"), tr("Reason"), tr("Count"), tr("Source"),
                      tr("Message")},
                     this)),
      m_yaml(new ObjectYamlPage(m_controller, this)),
      m_sampler(new models::MetricsSampler(session->client(), this)),
      m_metrics(new MetricsPane(m_sampler, this))
{
    setAccessibleName(tr("Details"));
    setObjectName(QStringLiteral("details"));
    m_title->setAccessibleName(tr("Details title"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_state->setAccessibleName(tr("Details state"));
    m_state->setWordWrap(true);
    m_tabs->setAccessibleName(tr("Details tabs"));
    m_tabs->addTab(m_summary, tr("Summary"));
    m_tabs->addTab(m_conditions, tr("Conditions"));
    m_tabs->addTab(m_containers, tr("Containers"));
    m_tabs->addTab(m_events, tr("Events"));
    m_tabs->addTab(m_yaml, tr("YAML"));
    m_tabs->addTab(m_metrics, tr("Metrics"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_state);
    layout->addWidget(m_tabs, 1);

    // The YAML page's shortcuts work anywhere in the pane; Edit brings its tab forward.
    const QList<QAction *> actions = m_yaml->shortcutActions();
    for (QAction *action : actions) {
        m_yaml->removeAction(action);
        addAction(action);
    }
    connect(actions.first(), &QAction::triggered, this, [this] { m_tabs->setCurrentWidget(m_yaml); });

    connect(m_controller, &models::ObjectController::changed, this, [this] {
        showState();
        fillViews();
        // Metrics follow the shown object (pods and nodes); they sample while their tab shows.
        m_sampler->setTarget(m_controller->object(), m_controller->serverCopy(),
                             m_controller->virtualNodes());
    });
    connect(m_controller, &models::ObjectController::eventsChanged, this,
            &DetailsPane::fillEvents);
    showState();
}

void DetailsPane::showObject(const models::ObjectRef &object)
{
    m_controller->setObject(object);
    showState(); // a selection kept for after the edit says so
}

void DetailsPane::showState()
{
    using State = models::ObjectController::State;
    const models::ObjectRef &object = m_controller->object();
    m_title->setText(object.isValid() ? object.display() : tr("Details"));
    QString state;
    switch (m_controller->state()) {
    case State::None:
        state = tr("Select an object in a table to see its details.");
        break;
    case State::Loading:
        state = tr("Loading…");
        break;
    case State::Loaded:
        state = tr("Live: follows the server's copy.");
        break;
    case State::Gone:
        state = tr("Not on the server (deleted); showing the last copy seen.");
        break;
    case State::Failed:
        state = tr("Could not read it: %1").arg(m_controller->error());
        break;
    }
    if (m_controller->isEditing())
        state += u' ' + tr("An edit is open: other selections show when it ends.");
    m_state->setText(state);
}

void DetailsPane::fillViews()
{
    const QJsonObject &object = m_controller->serverCopy();
    m_summary->clear();
    for (const models::DetailField &field :
         models::summaryOf(object, m_controller->virtualNodes())) {
        auto *item = new QTreeWidgetItem(m_summary, {field.label, field.value});
        item->setToolTip(1, field.value);
    }
    m_conditions->clear();
    for (const models::ConditionRow &c : models::conditionsOf(object)) {
        auto *item = new QTreeWidgetItem(
            m_conditions, {c.type, c.status, c.reason, timeText(c.lastTransition), c.message});
        item->setToolTip(4, c.message);
    }
    m_containers->clear();
    for (const models::ContainerRow &c : models::containersOf(object)) {
        auto *item = new QTreeWidgetItem(
            m_containers,
            {c.name, containerKind(c), c.image, c.state,
             c.hasStatus ? (c.ready ? tr("yes") : tr("no")) : QString(),
             c.hasStatus ? QString::number(c.restarts) : QString(), c.requests, c.limits});
        if (c.cciSidecar) {
            QFont italic = item->font(0);
            italic.setItalic(true);
            for (int column = 0; column < m_containers->columnCount(); ++column) {
                item->setFont(column, italic);
                item->setToolTip(column, tr("CCI injects this container (network "
                                            "interconnection); the workload does not define it."));
            }
        }
    }
    for (QTreeWidget *view : {m_summary, m_conditions, m_containers})
        fitColumns(view);
}

void DetailsPane::fillEvents()
{
    m_events->clear();
    for (const models::EventRow &e : m_controller->events()) {
        auto *item = new QTreeWidgetItem(m_events, {timeText(e.lastSeen), e.type, e.reason,
                                                    QString::number(e.count), e.source,
                                                    e.message});
        item->setToolTip(5, e.message);
    }
    fitColumns(m_events);
}

} // namespace ui
