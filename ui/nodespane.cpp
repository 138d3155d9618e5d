#include "ui/nodespane.h"

#include "models/clustersession.h"
#include "models/nodetablemodel.h"
#include "models/rowfilter.h"
#include "ui/livepane.h"

#include <QAction>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace ui {

namespace {

constexpr int kClockRefreshMs = 5000; // Lock and Age move with the clock
constexpr int kTaintsWidth = 220;

using Model = models::NodeTableModel;

} // namespace

NodesPane::NodesPane(models::ClusterSession *session, QWidget *parent)
    : QWidget(parent),
      m_session(session),
      m_model(new models::NodeTableModel(session)),
      m_proxy(new models::RowFilterProxy(this)),
      m_statusLine(new ConnectionStatusLine(session, this, QStringLiteral("nodes"))),
      m_errorLine(new QLabel(this)),
      m_filterEdit(new QLineEdit(this)),
      m_view(new QTableView(this)),
      m_unlock(new QAction(tr("Unlock"), this))
{
    setAccessibleName(tr("Nodes"));
    m_model->follow(session);
    m_errorLine->setAccessibleName(tr("Node action error"));
    m_errorLine->setWordWrap(true);
    m_errorLine->setStyleSheet(QStringLiteral("color: #d03a2f"));
    m_errorLine->hide();
    setUpFilterEdit(m_filterEdit, tr("Filter nodes"),
                    tr("Filter: words, name:NAME, kind:virtual|local, ready:TEXT, taint:TEXT, "
                       "lock:locked|unlocked, -word"));

    m_proxy->setSortRole(Model::SortRole);
    m_proxy->setTokenColumn(QStringLiteral("name"), Model::Name);
    m_proxy->setTokenMatcher(QStringLiteral("kind"), [this](int row, const QString &value) {
        const bool virtualNode = m_model->rowAt(row).virtualNode;
        return value.compare(u"local", Qt::CaseInsensitive) == 0 ? !virtualNode
               : QStringLiteral("virtual-kubelet cci").contains(value, Qt::CaseInsensitive)
                   ? virtualNode
                   : false;
    });
    m_proxy->setTokenColumn(QStringLiteral("ready"), Model::Ready);
    m_proxy->setTokenColumn(QStringLiteral("taint"), Model::Taints);
    m_proxy->setTokenMatcher(QStringLiteral("lock"), [this](int row, const QString &value) {
        const models::NodeRow &node = m_model->rowAt(row);
        if (value.compare(u"locked", Qt::CaseInsensitive) == 0)
            return m_model->canUnlock(node);
        if (value.compare(u"unlocked", Qt::CaseInsensitive) == 0)
            return node.virtualNode && !m_model->canUnlock(node);
        return false;
    });
    m_proxy->setSourceModel(m_model);
    m_view->setModel(m_proxy);
    m_view->setAccessibleName(tr("Nodes"));
    m_view->setObjectName(QStringLiteral("nodes"));
    setUpLiveTable(m_view);
    m_view->sortByColumn(Model::Name, Qt::AscendingOrder);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);

    m_unlock->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_U));
    m_unlock->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_unlock->setToolTip(tr("Lift the lock of the selected virtual node (Ctrl+U), so pods are "
                            "sent to CCI again"));
    m_unlock->setEnabled(false);
    addAction(m_unlock);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addAction(m_unlock);
    auto *unlockButton = new QToolButton(this);
    unlockButton->setDefaultAction(m_unlock);
    unlockButton->setToolButtonStyle(Qt::ToolButtonTextOnly);

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filterEdit, 1);
    filterRow->addWidget(unlockButton);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_statusLine);
    layout->addWidget(m_errorLine);
    layout->addLayout(filterRow);
    layout->addWidget(m_view, 1);

    connect(m_filterEdit, &QLineEdit::textChanged, m_proxy,
            &models::RowFilterProxy::setFilterText);
    connect(m_unlock, &QAction::triggered, this, &NodesPane::unlock);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &NodesPane::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &NodesPane::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &NodesPane::updateActions);
    // Columns fit the first nodes; later the operator's widths stay.
    connect(
        m_model, &QAbstractItemModel::rowsInserted, this,
        [this] {
            m_view->resizeColumnsToContents();
            // Taints can be long; the cell's tooltip lists them all, Lock stays in sight.
            m_view->setColumnWidth(Model::Taints,
                                   qMin(m_view->columnWidth(Model::Taints), kTaintsWidth));
        },
        Qt::SingleShotConnection);
    auto *clock = new QTimer(this);
    connect(clock, &QTimer::timeout, m_model, &models::NodeTableModel::refreshClock);
    clock->start(kClockRefreshMs);
    // Unlock patches the node: offered only to a user who may (asked again on each connect).
    const auto askPatch = [this] {
        m_session->canI(QStringLiteral("patch"), QStringLiteral("nodes"), QString(), this,
                        [this](bool allowed, const QString &) {
                            m_mayPatchNodes = allowed;
                            updateActions();
                        });
    };
    connect(session, &models::ClusterSession::discovered, this, askPatch);
    askPatch();
}

bool NodesPane::selectNode(const QString &name)
{
    const int sourceRow = m_model->rowOf(name);
    const QModelIndex index =
        sourceRow < 0 ? QModelIndex() : m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    if (!index.isValid())
        return false;
    m_view->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    return true;
}

QString NodesPane::currentNode() const
{
    const QModelIndex current = m_proxy->mapToSource(m_view->selectionModel()->currentIndex());
    return current.isValid() ? m_model->keyAt(current.row()) : QString();
}

void NodesPane::updateActions()
{
    const int row = m_model->rowOf(currentNode());
    m_unlock->setEnabled(m_mayPatchNodes && row >= 0 && m_model->canUnlock(m_model->rowAt(row)));
}

void NodesPane::unlock()
{
    const QString node = currentNode();
    const int row = m_model->rowOf(node);
    if (row < 0 || !m_model->canUnlock(m_model->rowAt(row)))
        return;
    const QString title = tr("Unlock virtual node");
    const QString text =
        tr("Unlock the virtual node %1 of cluster %2?\n\nUnlocking removes the lock annotation "
           "and the lock taint from the node, so pods are sent to CCI again before the "
           "30-minute lock ends. A workload that CCI refused and that is still unchanged will "
           "be refused again and lock the node again: fix its resources first.")
            .arg(node, m_session->contextName());
    const bool go = m_confirm ? m_confirm(title, text)
                              : QMessageBox::question(this, title, text,
                                                      QMessageBox::Yes | QMessageBox::Cancel,
                                                      QMessageBox::Cancel) == QMessageBox::Yes;
    if (!go)
        return;
    m_errorLine->hide();
    m_unlock->setEnabled(false); // until the node's change arrives, or the request fails
    models::unlockVirtualNode(m_session, node, this, [this, node](const QString &error) {
        if (error.isEmpty())
            return; // the node's watch event updates the row
        m_errorLine->setText(tr("Could not unlock %1: %2").arg(node, error));
        m_errorLine->show();
        updateActions();
    });
}

} // namespace ui
