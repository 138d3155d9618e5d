#pragma once

#include "ui/livetablepane.h"

namespace models {
class BurstTriageModel;
class EventTableModel;
} // namespace models

namespace ui {

class LivePolicyDialog;

// Burst failures of one connected cluster, grouped by cause and workload: the triage over the
// Events pane's joined events (models::BurstTriageModel), a line that sums it up, and "Open in
// Workbench" (Ctrl+B, Enter) on a row, which opens the workload's burst policy with its CCI
// preview (the rule that refused it among the diagnostics) to fix it.
class TriagePane : public LiveTablePane
{
    Q_OBJECT
public:
    TriagePane(models::ClusterSession *session, models::EventTableModel *events,
               QWidget *parent = nullptr);

    models::BurstTriageModel *model() const { return m_model; }
    QLabel *summaryLine() const { return m_summary; }
    QAction *openAction() const { return m_open; }
    // The workbench of `object` (its Edit Burst Policy dialog); nullptr for what has none.
    LivePolicyDialog *openInWorkbench(const models::ObjectRef &object);

private:
    void updateSummary();

    models::BurstTriageModel *m_model;
    QLabel *m_summary;
    QAction *m_open;
};

} // namespace ui
