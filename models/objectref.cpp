#include "models/objectref.h"

#include <QHash>

namespace models {

QString resourceOfKind(const QString &kind)
{
    static const QHash<QString, QString> resources = {
        {QStringLiteral("Deployment"), QStringLiteral("deployments.apps")},
        {QStringLiteral("StatefulSet"), QStringLiteral("statefulsets.apps")},
        {QStringLiteral("ReplicaSet"), QStringLiteral("replicasets.apps")},
        {QStringLiteral("DaemonSet"), QStringLiteral("daemonsets.apps")},
        {QStringLiteral("Job"), QStringLiteral("jobs.batch")},
        {QStringLiteral("CronJob"), QStringLiteral("cronjobs.batch")},
        {QStringLiteral("Pod"), QStringLiteral("pods")},
        {QStringLiteral("Node"), QStringLiteral("nodes")},
        {QStringLiteral("Namespace"), QStringLiteral("namespaces")},
        {QStringLiteral("ScheduleProfile"), QStringLiteral("scheduleprofiles")},
    };
    return resources.value(kind);
}

} // namespace models
