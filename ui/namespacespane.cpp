#include "ui/namespacespane.h"

#include "models/namespacemodel.h"
#include "models/rowfilter.h"

#include <QItemSelectionModel>
#include <QLineEdit>
#include <QTableView>

namespace ui {

namespace {

constexpr int kAgeRefreshMs = 5000;

} // namespace

NamespacesPane::NamespacesPane(models::ClusterSession *session, QWidget *parent)
    : LiveTablePane(session, new models::NamespaceModel, new models::RowFilterProxy,
                    tr("Namespaces"), parent),
      m_model(static_cast<models::NamespaceModel *>(proxy()->sourceModel()))
{
    using M = models::NamespaceModel;
    m_model->setParent(this);
    m_model->watch(session);
    view()->setObjectName(QStringLiteral("liveNamespaces"));
    setResource(QStringLiteral("namespaces"));
    proxy()->setTokenColumns(
        {{QStringLiteral("ns"), M::Name}, {QStringLiteral("status"), M::Status}});
    filterEdit()->setPlaceholderText(tr("Filter: words, ns:NAME, status:PHASE, -word"));
    view()->setToolTip(tr("Select namespaces (Ctrl or Shift for several) to show only them in "
                          "the other panes"));
    connect(view()->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &NamespacesPane::selectionChanged);
    connect(this, &NamespacesPane::namespacesSelected, this, &LiveTablePane::setNamespaces);
    connect(this, &LiveTablePane::clearNamespacesRequested, this, &NamespacesPane::clearNamespaces);
    refreshEvery(kAgeRefreshMs, [this] { m_model->refreshAges(); });
}

void NamespacesPane::narrow(LiveTablePane *pane)
{
    connect(this, &NamespacesPane::namespacesSelected, pane, &LiveTablePane::setNamespaces);
    connect(pane, &LiveTablePane::clearNamespacesRequested, this, &NamespacesPane::clearNamespaces);
    pane->setNamespaces(m_selected);
}

void NamespacesPane::clearNamespaces()
{
    view()->selectionModel()->clearSelection();
}

void NamespacesPane::selectionChanged()
{
    QStringList names;
    for (const QModelIndex &row :
         view()->selectionModel()->selectedRows(models::NamespaceModel::Name))
        names.append(row.data().toString());
    names.sort();
    if (names == m_selected)
        return;
    m_selected = names;
    emit namespacesSelected(m_selected);
}

} // namespace ui
