#pragma once

#include "models/objectref.h"

#include <QWidget>

class QLabel;
class QTabWidget;
class QTreeWidget;

namespace models {
class ClusterSession;
class MetricsSampler;
class ObjectController;
} // namespace models

namespace ui {

class MetricsPane;
class ObjectYamlPage;

// The details of the object selected in a cluster's live panes: a title and a state line
// (loading, deleted, an error) over tabs Summary, Conditions, Containers (the sidecar CCI
// injects marked as such), Events (about this object, newest first), YAML (read-only,
// highlighted, editable through ObjectYamlPage) and Metrics (pods and nodes, sampled while
// shown). It follows the server copy while shown
// (models::ObjectController). While an edit is open the pane keeps its object; a selection made
// meanwhile shows once the edit ends.
class DetailsPane : public QWidget
{
    Q_OBJECT
public:
    explicit DetailsPane(models::ClusterSession *session, QWidget *parent = nullptr);

    models::ObjectController *controller() const { return m_controller; }
    QLabel *titleLine() const { return m_title; }
    QLabel *stateLine() const { return m_state; }
    QTabWidget *tabs() const { return m_tabs; }
    QTreeWidget *summaryView() const { return m_summary; }
    QTreeWidget *conditionsView() const { return m_conditions; }
    QTreeWidget *containersView() const { return m_containers; }
    QTreeWidget *eventsView() const { return m_events; }
    ObjectYamlPage *yamlPage() const { return m_yaml; }
    MetricsPane *metricsPane() const { return m_metrics; }
    models::MetricsSampler *metricsSampler() const { return m_sampler; }

public slots:
    void showObject(const models::ObjectRef &object);

private:
    void showState();
    void fillViews();
    void fillEvents();

    models::ObjectController *m_controller;
    QLabel *m_title;
    QLabel *m_state;
    QTabWidget *m_tabs;
    QTreeWidget *m_summary;
    QTreeWidget *m_conditions;
    QTreeWidget *m_containers;
    QTreeWidget *m_events;
    ObjectYamlPage *m_yaml;
    models::MetricsSampler *m_sampler;
    MetricsPane *m_metrics;
};

} // namespace ui
