#include "ui/podactions.h"

#include "core/kube/informer.h"
#include "core/kube/objectcache.h"
#include "core/kube/objectmeta.h"
#include "models/clustersession.h"
#include "models/podtablemodel.h"
#include "ui/dockplacement.h"
#include "ui/logview.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>
#include <QSet>

namespace ui {

namespace {

// The controller owners (kind, name) of a workload's pods, in its namespace.
QSet<QPair<QString, QString>> podOwners(const models::ClusterSession *session,
                                        const models::ObjectRef &object)
{
    const QString resource = object.resource;
    QSet<QPair<QString, QString>> owners;
    const auto children = [&](const QString &childResource, const QString &childKind) {
        const core::kube::Informer *informer = session->informer(childResource);
        if (!informer)
            return;
        for (const QJsonObject &child : informer->cache().objects()) {
            const QJsonObject controller = core::kube::controllerRef(child);
            if (controller.value(QLatin1String("uid")).toString() == object.uid &&
                core::kube::namespaceOf(child) == object.nameSpace)
                owners.insert({childKind, core::kube::nameOf(child)});
        }
    };
    if (resource.startsWith(u"deployments"))
        children(QStringLiteral("replicasets.apps"), QStringLiteral("ReplicaSet"));
    else if (resource.startsWith(u"cronjobs"))
        children(QStringLiteral("jobs.batch"), QStringLiteral("Job"));
    else if (resource.startsWith(u"statefulsets"))
        owners.insert({QStringLiteral("StatefulSet"), object.name});
    else if (resource.startsWith(u"daemonsets"))
        owners.insert({QStringLiteral("DaemonSet"), object.name});
    else if (resource.startsWith(u"replicasets"))
        owners.insert({QStringLiteral("ReplicaSet"), object.name});
    else if (resource.startsWith(u"jobs"))
        owners.insert({QStringLiteral("Job"), object.name});
    return owners;
}

LogTarget targetOf(const models::ClusterSession *session, const QString &uid,
                   const QString &nameSpace, const QString &name)
{
    LogTarget target{nameSpace, name, {}, {}};
    if (const core::kube::Informer *pods = session->informer(QStringLiteral("pods"))) {
        if (pods->cache().contains(uid)) {
            const LogTarget read = logTargetFromPod(pods->cache().object(uid));
            target.initContainers = read.initContainers;
            target.containers = read.containers;
        }
    }
    return target;
}

} // namespace

QAction *makeLogsAction(QWidget *parent)
{
    auto *action = new QAction(LogPane::tr("Logs"), parent);
    action->setObjectName(QStringLiteral("logsAction"));
    action->setShortcut(QKeySequence(Qt::Key_L));
    action->setToolTip(LogPane::tr("Show the logs of the selected pod, or of the workload's "
                                   "pods merged (L)"));
    return action;
}

QList<LogTarget> logTargetsFor(const models::ClusterSession *session,
                               const models::ObjectRef &object)
{
    QList<LogTarget> targets;
    if (!session || !object.isValid())
        return targets;
    if (object.resource == u"pods")
        return {targetOf(session, object.uid, object.nameSpace, object.name)};
    const QSet<QPair<QString, QString>> owners = podOwners(session, object);
    if (owners.isEmpty())
        return targets;
    for (const models::PodRow &row : session->pods()->rows()) {
        if (row.nameSpace == object.nameSpace && owners.contains({row.ownerKind, row.ownerName}))
            targets.append(targetOf(session, row.uid, row.nameSpace, row.name));
    }
    std::sort(targets.begin(), targets.end(),
              [](const LogTarget &a, const LogTarget &b) { return a.pod < b.pod; });
    return targets;
}

LogPane *openLogPane(QMainWindow *window, models::ClusterSession *session,
                     const QList<LogTarget> &targets, const QString &container,
                     const QString &title)
{
    auto *pane = new LogPane(session->client(), targets, container);
    if (!title.isEmpty())
        pane->setTitle(title);
    const QString dockTitle =
        LogPane::tr("Logs: %1 — %2").arg(pane->title(), session->contextName());
    if (!window) {
        pane->setAttribute(Qt::WA_DeleteOnClose);
        pane->setWindowTitle(dockTitle);
        pane->resize(1000, 600);
        pane->show();
        return pane;
    }
    auto *dock = new QDockWidget(dockTitle, window);
    dock->setObjectName(QStringLiteral("logs-%1-%2").arg(session->contextName(), pane->title()));
    dock->setAccessibleName(dockTitle);
    dock->setAttribute(Qt::WA_DeleteOnClose);
    dock->setWidget(pane);
    // Beside the other log docks, else at the bottom.
    QDockWidget *sibling = nullptr;
    for (QDockWidget *other : window->findChildren<QDockWidget *>()) {
        if (other != dock && other->widget() && qobject_cast<LogPane *>(other->widget()) &&
            !other->isFloating())
            sibling = other;
    }
    addBottomDock(window, dock, sibling);
    // The streams stop with their session.
    QObject::connect(session, &QObject::destroyed, dock, [dock, pane] {
        pane->model()->stopAll();
        dock->deleteLater();
    });
    dock->show();
    dock->raise();
    pane->view()->setFocus();
    return pane;
}

LogPane *openLogsOf(QWidget *from, models::ClusterSession *session,
                    const models::ObjectRef &object)
{
    const QList<LogTarget> targets = logTargetsFor(session, object);
    if (targets.isEmpty())
        return nullptr;
    const QString title =
        object.resource == u"pods"
            ? QString()
            : LogPane::tr("%1 (%2 pods)").arg(object.name).arg(targets.size());
    return openLogPane(qobject_cast<QMainWindow *>(from->window()), session, targets, {}, title);
}

LogPane *openLogsArgument(QMainWindow *window, models::ClusterSession *session,
                          const QString &argument, QString *error)
{
    const QStringList parts = argument.split(u'/');
    if (parts.size() < 2 || parts.size() > 3 || parts.at(0).isEmpty() || parts.at(1).isEmpty() ||
        (parts.size() == 3 && parts.at(2).isEmpty())) {
        *error = LogPane::tr("--logs %1: write NAMESPACE/POD or NAMESPACE/POD/CONTAINER.")
                     .arg(argument);
        return nullptr;
    }
    return openLogPane(window, session, {LogTarget{parts.at(0), parts.at(1), {}, {}}},
                       parts.value(2));
}

} // namespace ui
