#include "core/sandbox/apiserver/tablecore.h"

#include "core/sandbox/apiserver/tableconverter.h"

#include <QStringList>

namespace core::sandbox {

namespace {

QString orNone(const QString &value)
{
    return value.isEmpty() ? QStringLiteral("<none>") : value;
}

QString orUnknown(const QString &value)
{
    return value.isEmpty() ? QStringLiteral("<unknown>") : value;
}

QJsonArray podCells(const QJsonObject &pod, const QDateTime &now)
{
    const QJsonObject status = pod.value(u"status").toObject();
    const QJsonObject spec = pod.value(u"spec").toObject();
    // READY, STATUS and RESTARTS as kubectl's printer computes them, shared with the console.
    const kube::PodSummary summary = kube::summarizePod(pod);
    const QJsonArray gates = spec.value(u"readinessGates").toArray();
    QString readinessGates = QStringLiteral("<none>");
    if (!gates.isEmpty()) {
        int trueGates = 0;
        for (const QJsonValue &g : gates) {
            if (hasTrueCondition(status, g.toObject().value(u"conditionType").toString()))
                ++trueGates;
        }
        readinessGates = QStringLiteral("%1/%2").arg(trueGates).arg(gates.size());
    }
    return QJsonArray{kube::nameOf(pod),
                      QStringLiteral("%1/%2").arg(summary.readyContainers).arg(summary.containers),
                      summary.status,
                      summary.restarts,
                      tableAge(pod, now),
                      orNone(status.value(u"podIP").toString()),
                      orNone(spec.value(u"nodeName").toString()),
                      orNone(status.value(u"nominatedNodeName").toString()),
                      readinessGates};
}

QString nodeAddress(const QJsonObject &status, QStringView type)
{
    for (const QJsonValue &a : status.value(u"addresses").toArray()) {
        if (a.toObject().value(u"type").toString() == type)
            return a.toObject().value(u"address").toString();
    }
    return QStringLiteral("<none>");
}

QJsonArray nodeCells(const QJsonObject &node, const QDateTime &now)
{
    const QJsonObject status = node.value(u"status").toObject();
    QString ready = QStringLiteral("Unknown");
    for (const QJsonValue &c : status.value(u"conditions").toArray()) {
        if (c.toObject().value(u"type").toString() == u"Ready")
            ready = c.toObject().value(u"status").toString() == u"True"
                        ? QStringLiteral("Ready")
                        : QStringLiteral("NotReady");
    }
    if (node.value(u"spec").toObject().value(u"unschedulable").toBool())
        ready += QStringLiteral(",SchedulingDisabled");
    QStringList roles;
    const QJsonObject labels = kube::labelsJsonOf(node);
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        if (it.key().startsWith(u"node-role.kubernetes.io/") && it.key().size() > 24)
            roles.append(it.key().mid(24));
        else if (it.key() == u"kubernetes.io/role" && !it.value().toString().isEmpty())
            roles.append(it.value().toString());
    }
    const QJsonObject info = status.value(u"nodeInfo").toObject();
    return QJsonArray{kube::nameOf(node),
                      ready,
                      orNone(roles.join(u',')),
                      tableAge(node, now),
                      info.value(u"kubeletVersion").toString(),
                      nodeAddress(status, u"InternalIP"),
                      nodeAddress(status, u"ExternalIP"),
                      orUnknown(info.value(u"osImage").toString()),
                      orUnknown(info.value(u"kernelVersion").toString()),
                      orUnknown(info.value(u"containerRuntimeVersion").toString())};
}

// formatEventSource: component (or reportingController), then ", host" (or reportingInstance).
QString eventSource(const QJsonObject &event)
{
    const QJsonObject source = event.value(u"source").toObject();
    QString component = source.value(u"component").toString();
    if (component.isEmpty())
        component = event.value(u"reportingComponent").toString();
    QString host = source.value(u"host").toString();
    if (host.isEmpty())
        host = event.value(u"reportingInstance").toString();
    return host.isEmpty() ? component : QString(component + u", " + host);
}

QJsonArray eventCells(const QJsonObject &event, const QDateTime &now)
{
    QString first = event.value(u"firstTimestamp").toString();
    const QString firstSeen =
        timestampSince(first.isEmpty() ? event.value(u"eventTime").toString() : first, now);
    const QString last = event.value(u"lastTimestamp").toString();
    QString lastSeen = last.isEmpty() ? firstSeen : timestampSince(last, now);
    qint64 count = event.value(u"count").toInteger();
    const QJsonObject series = event.value(u"series").toObject();
    if (!series.isEmpty()) {
        lastSeen = timestampSince(series.value(u"lastObservedTime").toString(), now);
        count = series.value(u"count").toInteger();
    } else if (count == 0) {
        count = 1; // singleton events of the events.k8s.io API carry no count
    }
    const QJsonObject involved = event.value(u"involvedObject").toObject();
    const QString kind = involved.value(u"kind").toString().toLower();
    const QString name = involved.value(u"name").toString();
    return QJsonArray{lastSeen,
                      event.value(u"type").toString(),
                      event.value(u"reason").toString(),
                      name.isEmpty() ? kind : QString(kind + u'/' + name),
                      involved.value(u"fieldPath").toString(),
                      eventSource(event),
                      event.value(u"message").toString().trimmed(),
                      firstSeen,
                      count,
                      kube::nameOf(event)};
}

} // namespace

TableLayout podTable()
{
    return {QJsonArray{nameColumn(),
                       stringColumn(QStringLiteral("Ready"),
                                    QStringLiteral("The aggregate readiness state of this pod "
                                                   "for accepting traffic.")),
                       stringColumn(QStringLiteral("Status"),
                                    QStringLiteral("The aggregate status of the containers in "
                                                   "this pod.")),
                       stringColumn(QStringLiteral("Restarts"),
                                    QStringLiteral("The number of times the containers in this pod "
                                                   "have been restarted and when the last "
                                                   "container in this pod has restarted.")),
                       ageColumn(),
                       stringColumn(QStringLiteral("IP"),
                                    QStringLiteral("IP address allocated to the pod."), 1),
                       stringColumn(QStringLiteral("Node"),
                                    QStringLiteral("Name of the node the pod is assigned to."), 1),
                       stringColumn(QStringLiteral("Nominated Node"),
                                    QStringLiteral("nominatedNodeName is set only when this pod "
                                                   "preempts other pods on the node."),
                                    1),
                       stringColumn(QStringLiteral("Readiness Gates"),
                                    QStringLiteral("If specified, all readiness gates will be "
                                                   "evaluated for pod readiness."),
                                    1)},
            podCells};
}

TableLayout nodeTable()
{
    const QString addresses = QStringLiteral("List of addresses reachable to the node.");
    return {
        QJsonArray{nameColumn(),
                   stringColumn(QStringLiteral("Status"), QStringLiteral("The status of the node")),
                   stringColumn(QStringLiteral("Roles"), QStringLiteral("The roles of the node")),
                   ageColumn(),
                   stringColumn(QStringLiteral("Version"),
                                QStringLiteral("Kubelet Version reported by the node.")),
                   stringColumn(QStringLiteral("Internal-IP"), addresses, 1),
                   stringColumn(QStringLiteral("External-IP"), addresses, 1),
                   stringColumn(QStringLiteral("OS-Image"),
                                QStringLiteral("OS Image reported by the node."), 1),
                   stringColumn(QStringLiteral("Kernel-Version"),
                                QStringLiteral("Kernel Version reported by the node."), 1),
                   stringColumn(QStringLiteral("Container-Runtime"),
                                QStringLiteral("ContainerRuntime Version reported by the "
                                               "node."),
                                1)},
        nodeCells};
}

TableLayout namespaceTable()
{
    return {QJsonArray{nameColumn(),
                       stringColumn(QStringLiteral("Status"),
                                    QStringLiteral("The status of the namespace")),
                       ageColumn()},
            [](const QJsonObject &o, const QDateTime &now) {
                return QJsonArray{kube::nameOf(o),
                                  o.value(u"status").toObject().value(u"phase").toString(),
                                  tableAge(o, now)};
            }};
}

TableLayout eventTable()
{
    return {QJsonArray{
                stringColumn(QStringLiteral("Last Seen"),
                             QStringLiteral("The time at which the most recent occurrence of this "
                                            "event was recorded.")),
                stringColumn(QStringLiteral("Type"),
                             QStringLiteral("Type of this event (Normal, Warning).")),
                stringColumn(QStringLiteral("Reason"),
                             QStringLiteral("This should be a short, machine understandable string "
                                            "that gives the reason for the transition into the "
                                            "object's current status.")),
                stringColumn(QStringLiteral("Object"),
                             QStringLiteral("The object that this event is about.")),
                stringColumn(QStringLiteral("Subobject"),
                             QStringLiteral("If referring to a piece of an object instead of an "
                                            "entire object, this string should contain a valid "
                                            "JSON/Go field access statement."),
                             1),
                stringColumn(QStringLiteral("Source"),
                             QStringLiteral("The component reporting this event."), 1),
                stringColumn(QStringLiteral("Message"),
                             QStringLiteral("A human-readable description of the status of this "
                                            "operation.")),
                stringColumn(QStringLiteral("First Seen"),
                             QStringLiteral("The time at which the event was first recorded."), 1),
                stringColumn(QStringLiteral("Count"),
                             QStringLiteral("The number of times this event has occurred."), 1),
                [] {
                    QJsonObject name = nameColumn();
                    name.insert(QStringLiteral("priority"), 1);
                    return name;
                }()},
            eventCells};
}

} // namespace core::sandbox
