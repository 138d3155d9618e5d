#include "ui/mainwindow.h"

#include "core/kube/apiclient.h"
#include "models/ccijoin.h"
#include "models/clustersession.h"
#include "models/connectionlist.h"
#include "models/contextsafety.h"
#include "models/eventtablemodel.h"
#include "models/podtablemodel.h"
#include "ui/clusterdock.h"
#include "ui/eventspane.h"
#include "ui/podspane.h"
#include "ui/tlsbadge.h"

#include <QDockWidget>
#include <QLabel>
#include <QStatusBar>

// The main window's live clusters: a dock and a state line (and a TLS badge) per connected
// session, the CCI join between sessions, and the dock's marks by the context's kind and safety.
namespace ui {

PodsPane *MainWindow::addClusterSession(models::ClusterSession *session)
{
    auto *dock = new ClusterDock(session, this);
    ClusterDock *front = currentClusterDock();
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    if (front) {
        tabifyDockWidget(front, dock);
    } else if (!restoreDockWidget(dock)) {
        // A new dock takes its panes' minimum height (three rows); live tables need room.
        resizeDocks({dock}, {height() * 9 / 20}, Qt::Vertical);
    }
    dock->show(); // a child added to a window already shown stays hidden otherwise
    dock->raise();
    m_currentDock = dock;
    connect(dock, &QDockWidget::visibilityChanged, this, [this, dock](bool visible) {
        if (visible)
            m_currentDock = dock;
    });
    auto *state = new QLabel(this);
    state->setAccessibleName(tr("Connection state of %1").arg(session->contextName()));
    const auto show = [this, state, session](const models::ConnectionStatus &status) {
        state->setText(models::describeStatus(session->contextName(), status));
        markCluster(session); // the badge follows the nodes (a virtual-kubelet node: CCE)
    };
    QLabel *tls = makeTlsBadge(*session, this);
    m_clusters.insert(session, {dock, state, tls});
    show(session->status());
    connect(session, &models::ClusterSession::statusChanged, state, show);
    connect(session, &QObject::destroyed, this, [this, session] { m_clusters.remove(session); });
    statusBar()->addPermanentWidget(state);
    if (tls)
        statusBar()->addPermanentWidget(tls);
    emit sessionsChanged();
    return dock->podsPane();
}

models::ClusterSession *MainWindow::connectTo(core::kube::Connection connection)
{
    auto *session = new models::ClusterSession(std::move(connection), this);
    addClusterSession(session);
    session->start();
    return session;
}

void MainWindow::disconnectSession(models::ClusterSession *session)
{
    const auto view = m_clusters.find(session);
    if (view == m_clusters.end())
        return;
    const ClusterView shown = *view;
    m_clusters.erase(view);
    m_cciJoin->removeSource(session->pods());
    session->stop();
    removeDockWidget(shown.dock);
    delete shown.dock;
    statusBar()->removeWidget(shown.state);
    delete shown.state;
    delete shown.tls; // leaves the status bar with it
    if (session->parent() == this)
        session->deleteLater();
    emit sessionsChanged();
}

models::ClusterSession *MainWindow::session(const QString &context) const
{
    for (auto it = m_clusters.begin(); it != m_clusters.end(); ++it) {
        if (it.key()->contextName() == context)
            return it.key();
    }
    return nullptr;
}

ClusterDock *MainWindow::clusterDock(models::ClusterSession *session) const
{
    return m_clusters.value(session).dock;
}

ClusterDock *MainWindow::currentClusterDock() const
{
    if (m_currentDock)
        return m_currentDock;
    return m_clusters.isEmpty() ? nullptr : m_clusters.begin()->dock;
}

// The dock's title and colours, and the state line's, by the context's badge and safety.
void MainWindow::markCluster(models::ClusterSession *session)
{
    const ClusterView view = m_clusters.value(session);
    if (!view.dock)
        return;
    const core::kube::Connection &c = session->client()->connection();
    const models::ConnectionKind kind =
        models::connectedKind(models::kindOf(c.clusterName, c.server, models::cciRegions()),
                              !session->pods()->virtualNodes().isEmpty());
    const models::ContextSafety safety = models::contextSafety(session->contextName());
    view.dock->setMarks(models::kindBadge(kind), safety);
    // A CCI endpoint's pods are the CCI side of every other cluster's burst pods.
    session->pods()->setCciEndpoint(kind == models::ConnectionKind::Cci);
    if (kind == models::ConnectionKind::Cci) {
        view.dock->setCciJoin(nullptr);
        m_cciJoin->addSource(session->contextName(), session->pods(),
                             view.dock->eventsPane()->model());
    } else {
        m_cciJoin->removeSource(session->pods());
        view.dock->setCciJoin(m_cciJoin);
    }
    view.state->setStyleSheet(safety == models::ContextSafety::Production
                                  ? QStringLiteral("background: #c62828; color: white;")
                                  : QString());
}

} // namespace ui
