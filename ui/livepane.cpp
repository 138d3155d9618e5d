#include "ui/livepane.h"

#include "models/clustersession.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>

namespace ui {

ConnectionStatusLine::ConnectionStatusLine(models::ClusterSession *session, QWidget *parent)
    : QLabel(parent), m_session(session)
{
    setAccessibleName(tr("Connection state"));
    setWordWrap(true);
    connect(session, &models::ClusterSession::statusChanged, this, &ConnectionStatusLine::show);
    show(session->status());
}

void ConnectionStatusLine::show(const models::ConnectionStatus &status)
{
    setText(models::describeStatus(m_session->contextName(), status));
    // Anything but live data is marked, so the table is never read as current by mistake.
    setStyleSheet(status.live() ? QString() : QStringLiteral("color: #b06000; font-weight: bold"));
}

void setUpLiveTable(QTableView *view)
{
    view->setSortingEnabled(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setWordWrap(false);
}

void setUpFilterEdit(QLineEdit *edit, const QString &accessibleName, const QString &placeholder)
{
    edit->setAccessibleName(accessibleName);
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
}

void startOnRowChanges(const QAbstractItemModel *model, QTimer *timer)
{
    const auto later = [timer] { timer->start(); };
    QObject::connect(model, &QAbstractItemModel::rowsInserted, timer, later);
    QObject::connect(model, &QAbstractItemModel::rowsRemoved, timer, later);
    QObject::connect(model, &QAbstractItemModel::dataChanged, timer, later);
}

} // namespace ui
