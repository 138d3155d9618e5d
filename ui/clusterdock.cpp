#include "ui/clusterdock.h"

#include "models/clustersession.h"
#include "models/eventtablemodel.h"
#include "models/podtablemodel.h"
#include "ui/detailspane.h"
#include "ui/eventspane.h"
#include "ui/namespacespane.h"
#include "ui/nodespane.h"
#include "ui/podspane.h"
#include "ui/profilespane.h"
#include "ui/timelinepane.h"
#include "ui/triagepane.h"
#include "ui/workloadspane.h"

#include <QSplitter>
#include <QTabWidget>

namespace ui {

ClusterDock::ClusterDock(models::ClusterSession *session, QWidget *parent)
    : QDockWidget(tr("Cluster: %1").arg(session->contextName()), parent),
      m_session(session),
      m_splitter(new QSplitter(Qt::Horizontal, this)),
      m_tabs(new QTabWidget(m_splitter)),
      m_namespaces(new NamespacesPane(session, m_tabs)),
      m_workloads(new WorkloadsPane(session, m_tabs)),
      m_profiles(new ProfilesPane(session, m_tabs)),
      m_pods(new PodsPane(session, m_tabs)),
      m_nodes(new NodesPane(session, m_tabs)),
      m_events(new EventsPane(session, m_tabs)),
      m_triage(new TriagePane(session, m_events->model(), m_tabs)),
      m_timeline(new TimelinePane(session, m_tabs)),
      m_details(new DetailsPane(session, m_splitter))
{
    setObjectName(QStringLiteral("cluster-") + session->contextName());
    setAccessibleName(tr("Cluster %1").arg(session->contextName()));
    m_tabs->setAccessibleName(tr("Live panes"));
    m_tabs->addTab(m_namespaces, tr("Namespaces"));
    m_tabs->addTab(m_workloads, tr("Workloads"));
    m_tabs->addTab(m_profiles, tr("ScheduleProfiles"));
    m_tabs->addTab(m_pods, tr("Burst pods"));
    m_tabs->addTab(m_nodes, tr("Nodes"));
    m_tabs->addTab(m_events, tr("Events"));
    m_tabs->addTab(m_triage, tr("Burst failures"));
    m_tabs->addTab(m_timeline, tr("Timeline"));
    for (LiveTablePane *pane : {static_cast<LiveTablePane *>(m_workloads),
                                static_cast<LiveTablePane *>(m_profiles),
                                static_cast<LiveTablePane *>(m_pods),
                                static_cast<LiveTablePane *>(m_events),
                                static_cast<LiveTablePane *>(m_triage)})
        m_namespaces->narrow(pane);
    m_tabs->setCurrentWidget(m_pods);
    session->pods()->setEvents(m_events->model()); // Last event of each pod

    // The details follow the current tab's current row, and the tab itself.
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto *pane = qobject_cast<LiveTablePane *>(m_tabs->widget(i));
        if (!pane)
            continue; // the Timeline shows no object
        connect(pane, &LiveTablePane::currentObjectChanged, this,
                [this, pane](const models::ObjectRef &object) {
                    if (pane == currentPane())
                        m_details->showObject(object);
                });
        connect(pane, &LiveTablePane::objectActivated, this,
                [this](const models::ObjectRef &object) {
                    m_details->showObject(object);
                    m_details->tabs()->setFocus();
                });
    }
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (LiveTablePane *pane = currentPane())
            m_details->showObject(pane->currentObject());
    });
    m_splitter->setAccessibleName(tr("Live panes and details"));
    m_splitter->addWidget(m_tabs);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(true);
    setWidget(m_splitter);
}

void ClusterDock::setCciJoin(const models::CciJoin *join)
{
    if (join == m_join)
        return;
    m_join = join;
    m_session->pods()->setCciJoin(join);
    m_events->model()->mergeCci(join, m_session->pods());
}

void ClusterDock::setMarks(const QString &badge, models::ContextSafety safety)
{
    QString title = badge.isEmpty() ? tr("Cluster: %1").arg(m_session->contextName())
                                    : tr("Cluster: %1 [%2]").arg(m_session->contextName(), badge);
    QString style;
    if (safety == models::ContextSafety::Production) {
        title = tr("%1 — PRODUCTION").arg(title);
        style = QStringLiteral("QDockWidget { border: 3px solid #c62828; }"
                               "QDockWidget::title { background: #c62828; color: white; }");
    } else if (safety == models::ContextSafety::ReadOnly) {
        title = tr("%1 — read-only").arg(title);
        style = QStringLiteral("QDockWidget::title { background: #546e7a; color: white; }");
    }
    setWindowTitle(title);
    setStyleSheet(style);
    setProperty("safety", models::safetyName(safety));
}

LiveTablePane *ClusterDock::currentPane() const
{
    return qobject_cast<LiveTablePane *>(m_tabs->currentWidget());
}

} // namespace ui
