#include "ui/workloadspane.h"

#include "models/liveworkloadmodel.h"
#include "models/rowfilter.h"

#include <QLineEdit>
#include <QTableView>

namespace ui {

namespace {

constexpr int kAgeRefreshMs = 5000;

} // namespace

WorkloadsPane::WorkloadsPane(models::ClusterSession *session, QWidget *parent)
    : LiveTablePane(session, new models::LiveWorkloadModel, new models::RowFilterProxy,
                    tr("Workloads"), parent),
      m_model(static_cast<models::LiveWorkloadModel *>(proxy()->sourceModel()))
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
}

} // namespace ui
