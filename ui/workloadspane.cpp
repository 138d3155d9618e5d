#include "ui/workloadspane.h"

#include "models/clustersession.h"
#include "models/liveworkloadmodel.h"
#include "models/livepolicy.h"
#include "models/rowfilter.h"
#include "ui/livepolicydialog.h"
#include "ui/podactions.h"

#include <QAction>
#include <QLabel>

#include <QLineEdit>
#include <QTableView>

namespace ui {

namespace {

constexpr int kAgeRefreshMs = 5000;

} // namespace

WorkloadsPane::WorkloadsPane(models::ClusterSession *session, QWidget *parent)
    : LiveTablePane(session, new models::LiveWorkloadModel, new models::RowFilterProxy,
                    tr("Workloads"), parent),
      m_model(static_cast<models::LiveWorkloadModel *>(proxy()->sourceModel())),
      m_editPolicy(makeEditPolicyAction(this)),
      m_scale(makeScaleAction(this)),
      m_delete(makeDeleteAction(this)),
      m_writeLine(makeWriteLine(this))
{
    using M = models::LiveWorkloadModel;
    m_model->setParent(this);
    m_model->watch(session);
    view()->setObjectName(QStringLiteral("liveWorkloads"));
    setResource(QStringLiteral("deployments.apps"));
    proxy()->setTokenColumns({{QStringLiteral("ns"), M::Namespace},
                              {QStringLiteral("kind"), M::Kind},
                              {QStringLiteral("strategy"), M::Strategy},
                              {QStringLiteral("profile"), M::Profile}});
    proxy()->setSelectors(true);
    proxy()->setNamespaceColumn(M::Namespace);
    filterEdit()->setPlaceholderText(tr("Filter: words, ns:NAME, kind:KIND, strategy:VALUE, "
                                        "profile:NAME, app=web,tier!=db, -word"));
    refreshEvery(kAgeRefreshMs, [this] { m_model->refreshAges(); });

    addLine(m_writeLine);
    addRowAction(m_editPolicy, true);
    addRowAction(m_scale, true);
    addRowAction(m_delete, false);
    connect(m_editPolicy, &QAction::triggered, this, [this] { editPolicy(currentObject()); });
    connect(m_scale, &QAction::triggered, this, [this] {
        const models::ObjectRef object = currentObject();
        if (!models::isScalable(object))
            return;
        if (const auto replicas = askReplicas(this, object, this->session()->contextName(),
                                              qMax(0, cachedReplicas(this->session(), object))))
            scale(object, *replicas);
    });
    connect(m_delete, &QAction::triggered, this, [this] { deleteObjects(selectedObjects()); });
    QAction *logs = makeLogsAction(this); // every pod of the workload, merged
    addRowAction(logs, true);
    connect(logs, &QAction::triggered, this,
            [this] { openLogsOf(this, this->session(), currentObject()); });
    connect(this, &LiveTablePane::currentObjectChanged, this, &WorkloadsPane::updateActions);
    updateActions();
}

void WorkloadsPane::updateActions()
{
    const models::ObjectRef object = currentObject();
    m_editPolicy->setEnabled(object.isValid());
    m_scale->setEnabled(models::isScalable(object));
    m_delete->setEnabled(object.isValid());
}

LivePolicyDialog *WorkloadsPane::editPolicy(const models::ObjectRef &object)
{
    return openLivePolicyDialog(this, session(), object);
}

void WorkloadsPane::scale(const models::ObjectRef &object, int replicas)
{
    scaleLiveObject(this, session(), object, replicas, m_writeLine);
}

void WorkloadsPane::deleteObjects(const QList<models::ObjectRef> &objects)
{
    deleteLiveObjects(this, session(), objects, m_writeLine);
}

} // namespace ui
