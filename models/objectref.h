#pragma once

#include <QMetaType>
#include <QString>

namespace models {

// Which object a row of a live table shows, so a pane can act on its selection (details, edit,
// scale, delete) without knowing the row type: the resource as kubectl names it
// ("pods", "deployments.apps", "scheduleprofiles"), its namespace ("" when cluster-scoped), name
// and uid. Every live model answers ObjectRefRole with one.
struct ObjectRef
{
    QString resource;
    QString nameSpace;
    QString name;
    QString uid;

    bool isValid() const { return !resource.isEmpty() && !name.isEmpty(); }
    // "deployments.apps default/web", for messages and titles.
    QString display() const
    {
        if (nameSpace.isEmpty())
            return resource + u' ' + name;
        return resource + u' ' + nameSpace + u'/' + name;
    }
    bool operator==(const ObjectRef &) const = default;
};

// The model role that gives a row's ObjectRef (on any column). Far from the roles models number
// from Qt::UserRole + 1 themselves (DiagnosticsModel's SeverityRole is UserRole + 2).
constexpr int ObjectRefRole = Qt::UserRole + 64;

// The resource name of a kind as the live panes watch it: Deployment -> "deployments.apps",
// Job -> "jobs.batch", Pod -> "pods", Node -> "nodes", ScheduleProfile -> "scheduleprofiles";
// "" for a kind it does not know.
QString resourceOfKind(const QString &kind);

} // namespace models

Q_DECLARE_METATYPE(models::ObjectRef)
