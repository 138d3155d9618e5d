#include "ui/livepane.h"

#include "models/clustersession.h"
#include "ui/livetablepane.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>

namespace ui {

ConnectionStatusLine::ConnectionStatusLine(models::ClusterSession *session, QWidget *parent,
                                           const QString &resource)
    : QLabel(parent), m_session(session), m_resource(resource)
{
    setAccessibleName(tr("Connection state"));
    setWordWrap(true);
    connect(session, &models::ClusterSession::statusChanged, this, &ConnectionStatusLine::show);
    connect(session, &models::ClusterSession::resourceStateChanged, this,
            [this](const QString &changed) {
                if (changed == m_resource)
                    show(m_session->status());
            });
    show(session->status());
}

void ConnectionStatusLine::show(const models::ConnectionStatus &status)
{
    showSessionStatus(this, m_session, status, m_resource);
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
