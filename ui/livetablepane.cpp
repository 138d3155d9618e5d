#include "ui/livetablepane.h"

#include "models/clustersession.h"
#include "models/rowfilter.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
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
      m_view(new QTableView(this))
{
    setAccessibleName(name);
    m_statusLine->setAccessibleName(tr("Connection state"));
    m_statusLine->setWordWrap(true);
    m_filterEdit->setAccessibleName(tr("Filter %1").arg(name));
    m_filterEdit->setClearButtonEnabled(true);

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
    m_view->setWordWrap(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_statusLine);
    layout->addWidget(m_scope);
    layout->addWidget(m_filterEdit);
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

} // namespace ui
