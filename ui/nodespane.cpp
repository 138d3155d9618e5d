#include "ui/nodespane.h"

#include "models/clustersession.h"
#include "models/contextsafety.h"
#include "models/livepolicy.h"
#include "models/nodetablemodel.h"
#include "models/rowfilter.h"
#include "ui/livepolicydialog.h"
#include "ui/writeguard.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>

namespace ui {

namespace {

constexpr int kClockRefreshMs = 5000; // Lock and Age move with the clock
constexpr int kTaintsWidth = 220;

using Model = models::NodeTableModel;

} // namespace

NodesPane::NodesPane(models::ClusterSession *session, QWidget *parent)
    : LiveTablePane(session, new models::NodeTableModel(session), new models::RowFilterProxy,
                    tr("Nodes"), parent),
      m_model(static_cast<models::NodeTableModel *>(proxy()->sourceModel())),
      m_writeLine(makeWriteLine(this)),
      m_unlock(new QAction(tr("Unlock"), this))
{
    m_model->setParent(this);
    m_model->follow(session);
    addLine(m_writeLine);
    filterEdit()->setAccessibleName(tr("Filter nodes"));
    filterEdit()->setPlaceholderText(
        tr("Filter: words, name:NAME, kind:virtual|local, ready:TEXT, taint:TEXT, "
           "lock:locked|unlocked, -word"));

    models::RowFilterProxy *rows = proxy();
    rows->setSortRole(Model::SortRole);
    rows->setTokenColumn(QStringLiteral("name"), Model::Name);
    rows->setTokenMatcher(QStringLiteral("kind"), [this](int row, const QString &value) {
        const bool virtualNode = m_model->rowAt(row).virtualNode;
        return value.compare(u"local", Qt::CaseInsensitive) == 0 ? !virtualNode
               : QStringLiteral("virtual-kubelet cci").contains(value, Qt::CaseInsensitive)
                   ? virtualNode
                   : false;
    });
    rows->setTokenColumn(QStringLiteral("ready"), Model::Ready);
    rows->setTokenColumn(QStringLiteral("taint"), Model::Taints);
    rows->setTokenMatcher(QStringLiteral("lock"), [this](int row, const QString &value) {
        const models::NodeRow &node = m_model->rowAt(row);
        if (value.compare(u"locked", Qt::CaseInsensitive) == 0)
            return m_model->canUnlock(node);
        if (value.compare(u"unlocked", Qt::CaseInsensitive) == 0)
            return node.virtualNode && !m_model->canUnlock(node);
        return false;
    });
    view()->setObjectName(QStringLiteral("nodes"));
    view()->sortByColumn(Model::Name, Qt::AscendingOrder);
    view()->setSelectionMode(QAbstractItemView::SingleSelection);

    m_unlock->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_U));
    m_unlock->setToolTip(tr("Lift the lock of the selected virtual node (Ctrl+U), so pods are "
                            "sent to CCI again"));
    m_unlock->setEnabled(false);
    addRowAction(m_unlock, true);

    connect(m_unlock, &QAction::triggered, this, &NodesPane::unlock);
    connect(view()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &NodesPane::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &NodesPane::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &NodesPane::updateActions);
    // Columns fit the first nodes; later the operator's widths stay.
    connect(
        m_model, &QAbstractItemModel::rowsInserted, this,
        [this] {
            view()->resizeColumnsToContents();
            // Taints can be long; the cell's tooltip lists them all, Lock stays in sight.
            view()->setColumnWidth(Model::Taints,
                                   qMin(view()->columnWidth(Model::Taints), kTaintsWidth));
        },
        Qt::SingleShotConnection);
    setResource(QStringLiteral("nodes"));
    refreshEvery(kClockRefreshMs, [this] { m_model->refreshClock(); });
    // Unlock patches the node: offered only to a user who may (asked again on each connect).
    const auto askPatch = [this] {
        this->session()->canI(QStringLiteral("patch"), QStringLiteral("nodes"), QString(), this,
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
        sourceRow < 0 ? QModelIndex() : proxy()->mapFromSource(m_model->index(sourceRow, 0));
    if (!index.isValid())
        return false;
    view()->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    return true;
}

QString NodesPane::currentNode() const
{
    const QModelIndex current = proxy()->mapToSource(view()->selectionModel()->currentIndex());
    return current.isValid() ? m_model->keyAt(current.row()) : QString();
}

void NodesPane::updateActions()
{
    const int row = m_model->rowOf(currentNode());
    m_unlock->setEnabled(m_mayPatchNodes && row >= 0 && m_model->canUnlock(m_model->rowAt(row)));
}

void NodesPane::showOutcome(const QString &text, bool failed)
{
    m_writeLine->setStyleSheet(failed ? QStringLiteral("color: #d03a2f") : QString());
    m_writeLine->setText(text);
    m_writeLine->show();
}

void NodesPane::unlock()
{
    const QString node = currentNode();
    const int row = m_model->rowOf(node);
    if (row < 0 || !m_model->canUnlock(m_model->rowAt(row)))
        return;
    const auto object =
        m_model->index(row, 0).data(models::ObjectRefRole).value<models::ObjectRef>();
    // What unlockVirtualNode() sends, from the node as the session's cache holds it.
    const QByteArray patch = models::unlockPatch(models::cachedObject(session(), object));
    WriteRequest request{session()->contextName(), tr("Unlock"), {object}, {}, false};
    request.details =
        tr("Unlocking removes the lock annotation and the lock taint from the node, so pods are "
           "sent to CCI again before the 30-minute lock ends. A workload that CCI refused and "
           "that is still unchanged will be refused again and lock the node again: fix its "
           "resources first.\n\nSent to the node %1 (a JSON merge patch):\n%2")
            .arg(node, QString::fromUtf8(QJsonDocument::fromJson(patch).toJson()));
    if (!confirmWrite(this, request)) {
        if (models::contextSafety(request.context) == models::ContextSafety::ReadOnly)
            showOutcome(readOnlyRefusal(request.context), false);
        return;
    }
    m_writeLine->hide();
    m_unlock->setEnabled(false); // until the node's change arrives, or the request fails
    models::unlockVirtualNode(session(), node, this, [this, node](const QString &error) {
        if (error.isEmpty())
            return; // the node's watch event updates the row
        showOutcome(tr("Could not unlock %1: %2").arg(node, error), true);
        updateActions();
    });
}

} // namespace ui
