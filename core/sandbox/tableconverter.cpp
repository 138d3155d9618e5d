#include "core/sandbox/tableconverter.h"

#include <QJsonArray>

namespace core::sandbox {

namespace {

QJsonObject column(const QString &name, const QString &type, const QString &description,
                   int priority = 0, const QString &format = {})
{
    return QJsonObject{{QStringLiteral("name"), name},
                       {QStringLiteral("type"), type},
                       {QStringLiteral("format"), format},
                       {QStringLiteral("description"), description},
                       {QStringLiteral("priority"), priority}};
}

QString ageOf(const QJsonObject &object, const QDateTime &now)
{
    const QDateTime created = QDateTime::fromString(
        object.value(u"metadata").toObject().value(u"creationTimestamp").toString(), Qt::ISODate);
    return created.isValid() ? humanAge(created.secsTo(now)) : QStringLiteral("<unknown>");
}

QJsonArray podCells(const QJsonObject &pod, const QDateTime &now)
{
    const QJsonObject status = pod.value(u"status").toObject();
    const QJsonArray containers = pod.value(u"spec").toObject().value(u"containers").toArray();
    const QJsonArray statuses = status.value(u"containerStatuses").toArray();
    int ready = 0;
    qint64 restarts = 0;
    QString reason = status.value(u"reason").toString();
    if (reason.isEmpty())
        reason = status.value(u"phase").toString(QStringLiteral("Pending"));
    for (const QJsonValue &v : statuses) {
        const QJsonObject s = v.toObject();
        ready += s.value(u"ready").toBool() ? 1 : 0;
        restarts += s.value(u"restartCount").toInteger();
        const QString waiting =
            s.value(u"state").toObject().value(u"waiting").toObject().value(u"reason").toString();
        if (!waiting.isEmpty())
            reason = waiting;
    }
    if (pod.value(u"metadata").toObject().contains(u"deletionTimestamp"))
        reason = QStringLiteral("Terminating");
    const QString node = pod.value(u"spec").toObject().value(u"nodeName").toString();
    const QString ip = status.value(u"podIP").toString();
    return QJsonArray{pod.value(u"metadata").toObject().value(u"name").toString(),
                      QStringLiteral("%1/%2").arg(ready).arg(containers.size()),
                      reason,
                      restarts,
                      ageOf(pod, now),
                      ip.isEmpty() ? QStringLiteral("<none>") : ip,
                      node.isEmpty() ? QStringLiteral("<none>") : node};
}

QJsonArray nodeCells(const QJsonObject &node, const QDateTime &now)
{
    QString ready = QStringLiteral("Unknown");
    for (const QJsonValue &c : node.value(u"status").toObject().value(u"conditions").toArray()) {
        if (c.toObject().value(u"type").toString() == u"Ready")
            ready = c.toObject().value(u"status").toString() == u"True"
                        ? QStringLiteral("Ready")
                        : QStringLiteral("NotReady");
    }
    const QJsonObject meta = node.value(u"metadata").toObject();
    if (node.value(u"spec").toObject().value(u"unschedulable").toBool())
        ready += QStringLiteral(",SchedulingDisabled");
    QStringList roles;
    const QJsonObject labels = meta.value(u"labels").toObject();
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        if (it.key().startsWith(u"node-role.kubernetes.io/"))
            roles.append(it.key().mid(24));
    }
    const QString version = node.value(u"status")
                                .toObject()
                                .value(u"nodeInfo")
                                .toObject()
                                .value(u"kubeletVersion")
                                .toString();
    return QJsonArray{meta.value(u"name").toString(), ready,
                      roles.isEmpty() ? QStringLiteral("<none>") : roles.join(u','),
                      ageOf(node, now), version};
}

QJsonObject partialMetadata(const QJsonObject &object)
{
    return QJsonObject{{QStringLiteral("kind"), QStringLiteral("PartialObjectMetadata")},
                       {QStringLiteral("apiVersion"), QStringLiteral("meta.k8s.io/v1")},
                       {QStringLiteral("metadata"), object.value(u"metadata")}};
}

} // namespace

QString humanAge(qint64 seconds)
{
    if (seconds < 0)
        seconds = 0;
    if (seconds < 120)
        return QStringLiteral("%1s").arg(seconds);
    const qint64 minutes = seconds / 60;
    if (minutes < 10)
        return QStringLiteral("%1m%2s").arg(minutes).arg(seconds % 60);
    if (minutes < 180)
        return QStringLiteral("%1m").arg(minutes);
    const qint64 hours = minutes / 60;
    if (hours < 8)
        return QStringLiteral("%1h%2m").arg(hours).arg(minutes % 60);
    if (hours < 48)
        return QStringLiteral("%1h").arg(hours);
    const qint64 days = hours / 24;
    if (days < 8)
        return QStringLiteral("%1d%2h").arg(days).arg(hours % 24);
    if (days < 365 * 2)
        return QStringLiteral("%1d").arg(days);
    return QStringLiteral("%1y").arg(days / 365);
}

bool wantsTable(const QByteArray &accept)
{
    return accept.contains("as=Table");
}

QJsonObject toTable(const ResourceType &type, const QList<QJsonObject> &objects,
                    const QString &resourceVersion, const QString &continueToken,
                    const QDateTime &now)
{
    const QString nameDescription =
        QStringLiteral("Name must be unique within a namespace. "
                       "More info: http://kubernetes.io/docs/user-guide/identifiers#names");
    QJsonArray columns;
    const bool pods = type.group.isEmpty() && type.resource == u"pods";
    const bool nodes = type.group.isEmpty() && type.resource == u"nodes";
    if (pods) {
        columns = {
            column(QStringLiteral("Name"), QStringLiteral("string"), nameDescription, 0,
                   QStringLiteral("name")),
            column(
                QStringLiteral("Ready"), QStringLiteral("string"),
                QStringLiteral("The aggregate readiness state of this pod for accepting traffic.")),
            column(QStringLiteral("Status"), QStringLiteral("string"),
                   QStringLiteral("The aggregate status of the containers in this pod.")),
            column(QStringLiteral("Restarts"), QStringLiteral("string"),
                   QStringLiteral(
                       "The number of times the containers in this pod have been restarted.")),
            column(QStringLiteral("Age"), QStringLiteral("string"), QStringLiteral("Age")),
            column(QStringLiteral("IP"), QStringLiteral("string"),
                   QStringLiteral("IP address allocated to the pod."), 1),
            column(QStringLiteral("Node"), QStringLiteral("string"),
                   QStringLiteral("Name of the node the pod is assigned to."), 1)};
    } else if (nodes) {
        columns = {column(QStringLiteral("Name"), QStringLiteral("string"), nameDescription, 0,
                          QStringLiteral("name")),
                   column(QStringLiteral("Status"), QStringLiteral("string"),
                          QStringLiteral("The status of the node")),
                   column(QStringLiteral("Roles"), QStringLiteral("string"),
                          QStringLiteral("The roles of the node")),
                   column(QStringLiteral("Age"), QStringLiteral("string"), QStringLiteral("Age")),
                   column(QStringLiteral("Version"), QStringLiteral("string"),
                          QStringLiteral("Kubelet Version"))};
    } else {
        columns = {column(QStringLiteral("Name"), QStringLiteral("string"), nameDescription, 0,
                          QStringLiteral("name")),
                   column(QStringLiteral("Age"), QStringLiteral("string"), QStringLiteral("Age"))};
    }
    QJsonArray rows;
    for (const QJsonObject &o : objects) {
        const QJsonArray cells =
            pods ? podCells(o, now)
                 : (nodes ? nodeCells(o, now)
                          : QJsonArray{o.value(u"metadata").toObject().value(u"name").toString(),
                                       ageOf(o, now)});
        rows.append(QJsonObject{{QStringLiteral("cells"), cells},
                                {QStringLiteral("object"), partialMetadata(o)}});
    }
    QJsonObject meta{{QStringLiteral("resourceVersion"), resourceVersion}};
    if (!continueToken.isEmpty())
        meta.insert(QStringLiteral("continue"), continueToken);
    return QJsonObject{{QStringLiteral("kind"), QStringLiteral("Table")},
                       {QStringLiteral("apiVersion"), QStringLiteral("meta.k8s.io/v1")},
                       {QStringLiteral("metadata"), meta},
                       {QStringLiteral("columnDefinitions"), columns},
                       {QStringLiteral("rows"), rows}};
}

} // namespace core::sandbox
