#include "ui/profilespane.h"

#include "models/liveprofilemodel.h"
#include "models/rowfilter.h"

#include <QLineEdit>
#include <QTableView>

namespace ui {

ProfilesPane::ProfilesPane(models::ClusterSession *session, QWidget *parent)
    : LiveTablePane(session, new models::LiveProfileModel, new models::RowFilterProxy,
                    tr("ScheduleProfiles"), parent),
      m_model(static_cast<models::LiveProfileModel *>(proxy()->sourceModel()))
{
    using M = models::LiveProfileModel;
    m_model->setParent(this);
    m_model->watch(session);
    view()->setObjectName(QStringLiteral("liveProfiles"));
    setResource(QStringLiteral("scheduleprofiles"));
    proxy()->setTokenColumns(
        {{QStringLiteral("ns"), M::Namespace}, {QStringLiteral("strategy"), M::Strategy}});
    proxy()->setNamespaceColumn(M::Namespace);
    filterEdit()->setPlaceholderText(tr("Filter: words, ns:NAME, strategy:VALUE, -word"));
}

} // namespace ui
