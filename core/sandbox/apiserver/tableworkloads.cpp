#include "core/sandbox/apiserver/tableworkloads.h"

#include "core/sandbox/apiserver/tableconverter.h"

namespace core::sandbox {

namespace {

QJsonObject selectorColumn(const QString &description)
{
    return stringColumn(QStringLiteral("Selector"), description, 1);
}

QJsonObject podSpecOf(const QJsonObject &spec)
{
    return spec.value(u"template").toObject().value(u"spec").toObject();
}

// spec.replicas after API defaulting: an object the sandbox stored without it means 1.
qint64 desiredReplicas(const QJsonObject &spec)
{
    return spec.value(u"replicas").toInteger(1);
}

QString jobStatus(const QJsonObject &job)
{
    const QJsonObject status = job.value(u"status").toObject();
    if (hasTrueCondition(status, QStringLiteral("Complete")))
        return QStringLiteral("Complete");
    if (hasTrueCondition(status, QStringLiteral("Failed")))
        return QStringLiteral("Failed");
    if (job.value(u"metadata").toObject().contains(u"deletionTimestamp"))
        return QStringLiteral("Terminating");
    if (hasTrueCondition(status, QStringLiteral("Suspended")))
        return QStringLiteral("Suspended");
    if (hasTrueCondition(status, QStringLiteral("FailureTarget")))
        return QStringLiteral("FailureTarget");
    return QStringLiteral("Running");
}

QString jobCompletions(const QJsonObject &spec, qint64 succeeded)
{
    if (spec.contains(u"completions"))
        return QStringLiteral("%1/%2").arg(succeeded).arg(spec.value(u"completions").toInteger());
    const qint64 parallelism = spec.value(u"parallelism").toInteger(0);
    if (parallelism > 1)
        return QStringLiteral("%1/1 of %2").arg(succeeded).arg(parallelism);
    return QStringLiteral("%1/1").arg(succeeded);
}

QString jobDuration(const QJsonObject &status, const QDateTime &now)
{
    const QDateTime start =
        QDateTime::fromString(status.value(u"startTime").toString(), Qt::ISODate);
    if (!start.isValid())
        return QString();
    const QDateTime end =
        QDateTime::fromString(status.value(u"completionTime").toString(), Qt::ISODate);
    return humanAge(start.secsTo(end.isValid() ? end : now));
}

} // namespace

TableLayout deploymentTable()
{
    return {QJsonArray{nameColumn(),
                       stringColumn(QStringLiteral("Ready"),
                                    QStringLiteral("Number of the pod with ready state")),
                       stringColumn(QStringLiteral("Up-to-date"),
                                    QStringLiteral("Total number of non-terminated pods targeted "
                                                   "by this deployment that have the desired "
                                                   "template spec.")),
                       stringColumn(QStringLiteral("Available"),
                                    QStringLiteral("Total number of available pods (ready for at "
                                                   "least minReadySeconds) targeted by this "
                                                   "deployment.")),
                       ageColumn(), containersColumn(), imagesColumn(),
                       selectorColumn(QStringLiteral("Label selector for pods. Existing "
                                                     "ReplicaSets whose pods are selected by "
                                                     "this will be the ones affected by this "
                                                     "deployment."))},
            [](const QJsonObject &o, const QDateTime &now) {
                const QJsonObject spec = o.value(u"spec").toObject();
                const QJsonObject status = o.value(u"status").toObject();
                return QJsonArray{kube::nameOf(o),
                                  QStringLiteral("%1/%2")
                                      .arg(status.value(u"readyReplicas").toInteger())
                                      .arg(desiredReplicas(spec)),
                                  status.value(u"updatedReplicas").toInteger(),
                                  status.value(u"availableReplicas").toInteger(),
                                  tableAge(o, now),
                                  templateContainerNames(podSpecOf(spec)),
                                  templateContainerImages(podSpecOf(spec)),
                                  labelSelectorString(spec.value(u"selector").toObject())};
            }};
}

TableLayout replicaSetTable()
{
    return {
        QJsonArray{nameColumn(),
                   integerColumn(QStringLiteral("Desired"),
                                 QStringLiteral("Replicas is the number of desired pods.")),
                   integerColumn(QStringLiteral("Current"),
                                 QStringLiteral("Replicas is the most recently observed number "
                                                "of non-terminating pods.")),
                   integerColumn(QStringLiteral("Ready"),
                                 QStringLiteral("The number of non-terminating pods targeted by "
                                                "this ReplicaSet with a Ready Condition.")),
                   ageColumn(), containersColumn(), imagesColumn(),
                   selectorColumn(QStringLiteral("Selector is a label query over pods that "
                                                 "should match the replica count."))},
        [](const QJsonObject &o, const QDateTime &now) {
            const QJsonObject spec = o.value(u"spec").toObject();
            const QJsonObject status = o.value(u"status").toObject();
            return QJsonArray{kube::nameOf(o),
                              desiredReplicas(spec),
                              status.value(u"replicas").toInteger(),
                              status.value(u"readyReplicas").toInteger(),
                              tableAge(o, now),
                              templateContainerNames(podSpecOf(spec)),
                              templateContainerImages(podSpecOf(spec)),
                              formatLabelSelector(spec.value(u"selector").toObject())};
        }};
}

TableLayout statefulSetTable()
{
    return {QJsonArray{nameColumn(),
                       stringColumn(QStringLiteral("Ready"),
                                    QStringLiteral("Number of the pod with ready state")),
                       ageColumn(), containersColumn(), imagesColumn()},
            [](const QJsonObject &o, const QDateTime &now) {
                const QJsonObject spec = o.value(u"spec").toObject();
                return QJsonArray{
                    kube::nameOf(o),
                    QStringLiteral("%1/%2")
                        .arg(o.value(u"status").toObject().value(u"readyReplicas").toInteger())
                        .arg(desiredReplicas(spec)),
                    tableAge(o, now), templateContainerNames(podSpecOf(spec)),
                    templateContainerImages(podSpecOf(spec))};
            }};
}

TableLayout jobTable()
{
    return {QJsonArray{nameColumn(),
                       stringColumn(QStringLiteral("Status"), QStringLiteral("Status of the job.")),
                       stringColumn(QStringLiteral("Completions"),
                                    QStringLiteral("The number of pods which reached phase "
                                                   "Succeeded.")),
                       stringColumn(QStringLiteral("Duration"),
                                    QStringLiteral("Time required to complete the job.")),
                       ageColumn(), containersColumn(), imagesColumn(),
                       selectorColumn(QStringLiteral("A label query over pods that should match "
                                                     "the pod count."))},
            [](const QJsonObject &o, const QDateTime &now) {
                const QJsonObject spec = o.value(u"spec").toObject();
                const QJsonObject status = o.value(u"status").toObject();
                return QJsonArray{kube::nameOf(o),
                                  jobStatus(o),
                                  jobCompletions(spec, status.value(u"succeeded").toInteger()),
                                  jobDuration(status, now),
                                  tableAge(o, now),
                                  templateContainerNames(podSpecOf(spec)),
                                  templateContainerImages(podSpecOf(spec)),
                                  formatLabelSelector(spec.value(u"selector").toObject())};
            }};
}

} // namespace core::sandbox
