#include "ui/livetablepane.h"

#include "models/clustersession.h"
#include "models/rowfilter.h"
#include "ui/clearbutton.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QSettings>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace ui {

void showSessionStatus(QLabel *line, models::ClusterSession *session,
                       const models::ConnectionStatus &status, const QString &resource)
{
    const models::ResourceState state =
        resource.isEmpty() ? models::ResourceState() : session->resourceState(resource);
    const bool forbidden = state.access == models::ResourceState::Access::Forbidden;
    line->setText(models::describeStatus(session->contextName(), status) +
                  (forbidden ? u'\n' + models::describeResourceState(state) : QString()));
    // Anything but live data is marked, so the table is never read as current by mistake.
    line->setStyleSheet(status.live() && !forbidden
                            ? QString()
                            : QStringLiteral("color: #b06000; font-weight: bold"));
}

void startOnRowChanges(const QAbstractItemModel *model, QTimer *timer)
{
    const auto later = [timer] { timer->start(); };
    QObject::connect(model, &QAbstractItemModel::rowsInserted, timer, later);
    QObject::connect(model, &QAbstractItemModel::rowsRemoved, timer, later);
    QObject::connect(model, &QAbstractItemModel::dataChanged, timer, later);
}

NamespaceScope::NamespaceScope(QWidget *parent)
    : QWidget(parent), m_label(new QLabel(this)), m_clear(new QToolButton(this))
{
    setAccessibleName(tr("Namespace scope"));
    m_label->setAccessibleName(tr("Shown namespaces"));
    m_clear->setText(tr("Show all namespaces"));
    m_clear->setAccessibleName(tr("Show all namespaces"));
    m_clear->setToolTip(tr("Clear the namespace selection of the Namespaces pane"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_clear);
    connect(m_clear, &QToolButton::clicked, this, &NamespaceScope::clearRequested);
    hide();
}

void NamespaceScope::setNamespaces(const QStringList &namespaces)
{
    const QString names = namespaces.join(tr(", "));
    m_label->setText(
        namespaces.size() == 1
            ? tr("Showing 1 namespace: %1").arg(names)
            : tr("Showing %1 namespaces: %2").arg(QLocale().toString(namespaces.size()), names));
    setVisible(!namespaces.isEmpty());
}

LiveTablePane::LiveTablePane(models::ClusterSession *session, QAbstractItemModel *model,
                             models::RowFilterProxy *proxy, const QString &name, QWidget *parent)
    : QWidget(parent), m_session(session), m_proxy(proxy), m_statusLine(new QLabel(this)),
      m_scope(new NamespaceScope(this)), m_filterEdit(new QLineEdit(this)),
      m_columnsButton(new QToolButton(this)), m_columnsMenu(new QMenu(this)),
      m_view(new QTableView(this)), m_lines(new QVBoxLayout), m_filterRow(new QHBoxLayout)
{
    setAccessibleName(name);
    m_statusLine->setAccessibleName(tr("Connection state"));
    m_statusLine->setWordWrap(true);
    m_filterEdit->setAccessibleName(tr("Filter %1").arg(name));
    enableClearButton(m_filterEdit);
    m_columnsButton->setText(tr("Columns"));
    m_columnsButton->setAccessibleName(tr("Columns of %1").arg(name));
    m_columnsButton->setToolTip(tr("Choose the columns this table shows (also on the header's "
                                   "context menu)"));
    m_columnsButton->setMenu(m_columnsMenu);
    m_columnsButton->setPopupMode(QToolButton::InstantPopup);
    m_columnsMenu->setAccessibleName(tr("Columns of %1").arg(name));

    m_proxy->setParent(this);
    m_proxy->setSourceModel(model);
    m_view->setModel(m_proxy);
    m_view->setAccessibleName(name);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(0, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setTabKeyNavigation(false); // Tab leaves the table; arrows move within it
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setWordWrap(false);

    m_filterRow->addWidget(m_filterEdit, 1);
    m_filterRow->addWidget(m_columnsButton);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_statusLine);
    layout->addLayout(m_lines);
    layout->addWidget(m_scope);
    layout->addLayout(m_filterRow);
    layout->addWidget(m_view, 1);

    connect(m_filterEdit, &QLineEdit::textChanged, m_proxy, &models::RowFilterProxy::setFilterText);
    connect(m_scope, &NamespaceScope::clearRequested, this,
            &LiveTablePane::clearNamespacesRequested);
    const auto show = [this](const models::ConnectionStatus &status) {
        showSessionStatus(m_statusLine, m_session, status, m_resource);
    };
    connect(session, &models::ClusterSession::statusChanged, this, show);
    connect(session, &models::ClusterSession::resourceStateChanged, this,
            [this, show](const QString &resource) {
                if (resource == m_resource)
                    show(m_session->status());
            });
    show(session->status());

    connect(m_columnsMenu, &QMenu::aboutToShow, this, &LiveTablePane::fillColumnsMenu);
    connect(m_view->horizontalHeader(), &QWidget::customContextMenuRequested, this,
            [this](const QPoint &at) {
                m_columnsMenu->popup(m_view->horizontalHeader()->mapToGlobal(at));
            });
    // The current row moves before the selection follows it: say so once both are done.
    const auto follow = [this] {
        const models::ObjectRef now = currentObject();
        if (now == m_shownObject)
            return;
        m_shownObject = now;
        emit currentObjectChanged(now);
    };
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, follow);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, follow);
    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        const auto object = index.data(models::ObjectRefRole).value<models::ObjectRef>();
        if (object.isValid())
            emit objectActivated(object);
    });
    // The subclass names its view in its constructor; the columns it keeps are read after.
    QMetaObject::invokeMethod(this, &LiveTablePane::restoreColumns, Qt::QueuedConnection);
}

models::ObjectRef LiveTablePane::currentObject() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid() || !m_view->selectionModel()->isRowSelected(current.row()))
        return {};
    return current.data(models::ObjectRefRole).value<models::ObjectRef>();
}

QList<models::ObjectRef> LiveTablePane::selectedObjects() const
{
    QList<models::ObjectRef> objects;
    for (const QModelIndex &row : m_view->selectionModel()->selectedRows()) {
        const auto object = row.data(models::ObjectRefRole).value<models::ObjectRef>();
        if (object.isValid())
            objects.append(object);
    }
    return objects;
}

bool LiveTablePane::selectObject(const models::ObjectRef &object)
{
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        const auto shown = index.data(models::ObjectRefRole).value<models::ObjectRef>();
        const bool same = !object.uid.isEmpty() && !shown.uid.isEmpty()
                              ? shown.uid == object.uid
                              : shown.resource == object.resource &&
                                    shown.nameSpace == object.nameSpace &&
                                    shown.name == object.name;
        if (same) {
            m_view->selectionModel()->setCurrentIndex(
                index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            m_view->scrollTo(index);
            return true;
        }
    }
    return false;
}

void LiveTablePane::setResource(const QString &resource)
{
    m_resource = resource;
    showSessionStatus(m_statusLine, m_session, m_session->status(), m_resource);
}

void LiveTablePane::setNamespaces(const QStringList &namespaces)
{
    m_proxy->setNamespaces(namespaces);
    m_scope->setNamespaces(namespaces);
}

void LiveTablePane::refreshEvery(int ms, const std::function<void()> &refresh)
{
    auto *timer = new QTimer(this);
    connect(timer, &QTimer::timeout, this, refresh);
    timer->start(ms);
}

void LiveTablePane::addLine(QWidget *line)
{
    m_lines->addWidget(line);
}

void LiveTablePane::addBesideFilter(QWidget *widget)
{
    m_filterRow->insertWidget(m_filterRow->count() - 1, widget);
}

void LiveTablePane::addRowAction(QAction *action, bool button)
{
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(action);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addAction(action);
    if (!button)
        return;
    auto *tool = new QToolButton(this);
    tool->setDefaultAction(action);
    tool->setToolButtonStyle(Qt::ToolButtonTextOnly);
    addBesideFilter(tool);
}

QString LiveTablePane::columnsKey() const
{
    return QStringLiteral("columns/%1/hidden").arg(m_view->objectName());
}

void LiveTablePane::restoreColumns()
{
    if (m_view->objectName().isEmpty())
        return;
    const QStringList hidden = QSettings().value(columnsKey()).toStringList();
    for (const QString &column : hidden) {
        bool ok = false;
        const int section = column.toInt(&ok);
        if (ok && section >= 0 && section < m_proxy->columnCount())
            m_view->setColumnHidden(section, true);
    }
}

void LiveTablePane::setColumnShown(int column, bool shown)
{
    if (column < 0 || column >= m_proxy->columnCount())
        return;
    // One column always stays: a table without columns cannot be read or clicked.
    int visible = 0;
    for (int c = 0; c < m_proxy->columnCount(); ++c)
        visible += m_view->isColumnHidden(c) ? 0 : 1;
    if (!shown && visible <= 1 && !m_view->isColumnHidden(column))
        return;
    m_view->setColumnHidden(column, !shown);
    QStringList hidden;
    for (int c = 0; c < m_proxy->columnCount(); ++c) {
        if (m_view->isColumnHidden(c))
            hidden.append(QString::number(c));
    }
    if (!m_view->objectName().isEmpty())
        QSettings().setValue(columnsKey(), hidden);
}

void LiveTablePane::fillColumnsMenu()
{
    m_columnsMenu->clear();
    for (int c = 0; c < m_proxy->columnCount(); ++c) {
        QAction *toggle =
            m_columnsMenu->addAction(m_proxy->headerData(c, Qt::Horizontal).toString());
        toggle->setCheckable(true);
        toggle->setChecked(!m_view->isColumnHidden(c));
        connect(toggle, &QAction::toggled, this, [this, c](bool on) { setColumnShown(c, on); });
    }
    m_columnsMenu->addSeparator();
    connect(m_columnsMenu->addAction(tr("Show all columns")), &QAction::triggered, this, [this] {
        for (int c = 0; c < m_proxy->columnCount(); ++c)
            setColumnShown(c, true);
    });
}

} // namespace ui
