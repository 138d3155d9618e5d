#pragma once

#include "models/contextsafety.h"

#include <QDockWidget>

class QSplitter;
class QTabWidget;

namespace models {
class CciJoin;
class ClusterSession;
} // namespace models

namespace ui {

class DetailsPane;
class EventsPane;
class LiveTablePane;
class NamespacesPane;
class NodesPane;
class PodsPane;
class ProfilesPane;
class TimelinePane;
class TriagePane;
class WorkloadsPane;

// One connected cluster in the main window: a dock titled with its context holding its live
// panes as tabs (Namespaces, Workloads, ScheduleProfiles, Burst pods, Nodes, Events, Burst
// failures (the triage of the Events' burst failures) and the burst Timeline; the Namespaces
// selection narrows the namespaced ones) beside a DetailsPane that shows the object
// of the current tab's current row (and follows tab switches). The dock does not own the
// session.
class ClusterDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit ClusterDock(models::ClusterSession *session, QWidget *parent = nullptr);

    models::ClusterSession *session() const { return m_session; }
    QTabWidget *tabs() const { return m_tabs; }
    NamespacesPane *namespacesPane() const { return m_namespaces; }
    WorkloadsPane *workloadsPane() const { return m_workloads; }
    ProfilesPane *profilesPane() const { return m_profiles; }
    PodsPane *podsPane() const { return m_pods; }
    NodesPane *nodesPane() const { return m_nodes; }
    EventsPane *eventsPane() const { return m_events; }
    TriagePane *triagePane() const { return m_triage; }
    TimelinePane *timelinePane() const { return m_timeline; }
    // The pane of the current tab.
    LiveTablePane *currentPane() const;
    // The details of the current pane's selected object, beside the tabs.
    DetailsPane *detailsPane() const { return m_details; }
    QSplitter *splitter() const { return m_splitter; }

    // The title "Cluster: NAME [BADGE]", with " — PRODUCTION" (and a red title bar and frame)
    // or " — read-only" for such contexts; the safety is also the dock's "safety" property.
    void setMarks(const QString &badge, models::ContextSafety safety);
    // The CCI side of this cluster's burst pods (nullptr: none, e.g. this is a CCI endpoint):
    // the Burst pods pane shows each one's CCI pod and the Events pane merges its events.
    void setCciJoin(const models::CciJoin *join);

private:
    models::ClusterSession *m_session;
    QSplitter *m_splitter;
    QTabWidget *m_tabs;
    NamespacesPane *m_namespaces;
    WorkloadsPane *m_workloads;
    ProfilesPane *m_profiles;
    PodsPane *m_pods;
    NodesPane *m_nodes;
    EventsPane *m_events;
    TriagePane *m_triage;
    TimelinePane *m_timeline;
    DetailsPane *m_details;
    const models::CciJoin *m_join = nullptr;
};

} // namespace ui
