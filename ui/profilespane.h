#pragma once

#include "ui/livetablepane.h"

namespace models {
class LiveProfileModel;
}

namespace ui {

// The ScheduleProfiles of a connected cluster: selector, strategy, limits, what the cluster
// reports as used, and the workloads each captures. Filter tokens ns:, strategy:.
class ProfilesPane : public LiveTablePane
{
    Q_OBJECT
public:
    explicit ProfilesPane(models::ClusterSession *session, QWidget *parent = nullptr);
    models::LiveProfileModel *model() const { return m_model; }

private:
    models::LiveProfileModel *m_model;
};

} // namespace ui
