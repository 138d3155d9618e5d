#pragma once

#include "ui/livetablepane.h"

namespace models {
class LiveWorkloadModel;
class NamespaceModel;
} // namespace models

namespace ui {

// The workloads of a connected cluster with the burst strategy their pods get, where it comes
// from, and how many of their pods run locally and on CCI. Filter tokens ns:, kind:, strategy:,
// profile: and label selectors (app=web,tier!=db) over the workloads' labels.
class WorkloadsPane : public LiveTablePane
{
    Q_OBJECT
public:
    explicit WorkloadsPane(models::ClusterSession *session, QWidget *parent = nullptr);
    models::LiveWorkloadModel *model() const { return m_model; }

private:
    models::LiveWorkloadModel *m_model;
};

} // namespace ui
