#include "ui/clusterdock.h"

#include "models/clustersession.h"
#include "ui/eventspane.h"
#include "ui/namespacespane.h"
#include "ui/nodespane.h"
#include "ui/podspane.h"
#include "ui/profilespane.h"
#include "ui/workloadspane.h"

#include <QTabWidget>

namespace ui {

ClusterDock::ClusterDock(models::ClusterSession *session, QWidget *parent)
    : QDockWidget(tr("Cluster: %1").arg(session->contextName()), parent),
      m_session(session),
      m_tabs(new QTabWidget(this)),
      m_namespaces(new NamespacesPane(session, m_tabs)),
      m_workloads(new WorkloadsPane(session, m_tabs)),
      m_profiles(new ProfilesPane(session, m_tabs)),
      m_pods(new PodsPane(session, m_tabs)),
      m_nodes(new NodesPane(session, m_tabs)),
      m_events(new EventsPane(session, m_tabs))
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
    for (LiveTablePane *pane : {static_cast<LiveTablePane *>(m_workloads),
                                static_cast<LiveTablePane *>(m_profiles),
                                static_cast<LiveTablePane *>(m_pods),
                                static_cast<LiveTablePane *>(m_events)})
        m_namespaces->narrow(pane);
    m_tabs->setCurrentWidget(m_pods);
    setWidget(m_tabs);
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
