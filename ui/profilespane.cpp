#include "ui/profilespane.h"

#include "models/liveprofilemodel.h"
#include "models/rowfilter.h"
#include "ui/livepolicydialog.h"

#include <QAction>
#include <QLabel>

#include <QLineEdit>
#include <QTableView>

namespace ui {

ProfilesPane::ProfilesPane(models::ClusterSession *session, QWidget *parent)
    : LiveTablePane(session, new models::LiveProfileModel, new models::RowFilterProxy,
                    tr("ScheduleProfiles"), parent),
      m_model(static_cast<models::LiveProfileModel *>(proxy()->sourceModel())),
      m_editPolicy(makeEditPolicyAction(this)),
      m_delete(makeDeleteAction(this)),
      m_writeLine(makeWriteLine(this))
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
    addLine(m_writeLine);
    addRowAction(m_editPolicy, true);
    addRowAction(m_delete, false);
    connect(m_editPolicy, &QAction::triggered, this, [this] { editPolicy(currentObject()); });
    connect(m_delete, &QAction::triggered, this, [this] { deleteObjects(selectedObjects()); });
}

LivePolicyDialog *ProfilesPane::editPolicy(const models::ObjectRef &object)
{
    return openLivePolicyDialog(this, session(), object);
}

void ProfilesPane::deleteObjects(const QList<models::ObjectRef> &objects)
{
    deleteLiveObjects(this, session(), objects, m_writeLine);
}

} // namespace ui
