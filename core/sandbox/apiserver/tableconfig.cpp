#include "core/sandbox/apiserver/tableconfig.h"

#include <QStringList>

namespace core::sandbox {

namespace {

QStringList stringList(const QJsonArray &array)
{
    QStringList list;
    for (const QJsonValue &v : array)
        list.append(v.toString());
    return list;
}

// loadBalancerStatusStringer(wide = true): ingress IPs, else hostnames, without duplicates.
QStringList loadBalancerIngress(const QJsonObject &status)
{
    QStringList result;
    const QJsonArray ingress = status.value(u"loadBalancer").toObject().value(u"ingress").toArray();
    for (const QJsonValue &v : ingress) {
        const QJsonObject i = v.toObject();
        const QString address = i.value(u"ip").toString().isEmpty()
                                    ? i.value(u"hostname").toString()
                                    : i.value(u"ip").toString();
        if (!address.isEmpty() && !result.contains(address))
            result.append(address);
    }
    return result;
}

QString serviceType(const QJsonObject &spec)
{
    // The API server defaults spec.type; an object stored without it is a ClusterIP service.
    return spec.value(u"type").toString(QStringLiteral("ClusterIP"));
}

QString externalIp(const QJsonObject &service)
{
    const QJsonObject spec = service.value(u"spec").toObject();
    const QString type = serviceType(spec);
    const QStringList externalIps = stringList(spec.value(u"externalIPs").toArray());
    if (type == u"ClusterIP" || type == u"NodePort")
        return externalIps.isEmpty() ? QStringLiteral("<none>") : externalIps.join(u',');
    if (type == u"LoadBalancer") {
        const QStringList all =
            loadBalancerIngress(service.value(u"status").toObject()) + externalIps;
        return all.isEmpty() ? QStringLiteral("<pending>") : all.join(u',');
    }
    if (type == u"ExternalName")
        return spec.value(u"externalName").toString();
    return QStringLiteral("<unknown>");
}

// makePortString: "80/TCP", "80:30080/TCP" with a node port, comma separated.
QString portString(const QJsonObject &spec)
{
    QStringList pieces;
    for (const QJsonValue &v : spec.value(u"ports").toArray()) {
        const QJsonObject p = v.toObject();
        const QString protocol = p.value(u"protocol").toString(QStringLiteral("TCP"));
        const qint64 nodePort = p.value(u"nodePort").toInteger();
        pieces.append(
            nodePort > 0 ? QStringLiteral("%1:%2/%3")
                               .arg(p.value(u"port").toInteger())
                               .arg(nodePort)
                               .arg(protocol)
                         : QStringLiteral("%1/%2").arg(p.value(u"port").toInteger()).arg(protocol));
    }
    return pieces.isEmpty() ? QStringLiteral("<none>") : pieces.join(u',');
}

QString clusterIp(const QJsonObject &spec)
{
    const QJsonArray ips = spec.value(u"clusterIPs").toArray();
    if (!ips.isEmpty())
        return ips.first().toString();
    // Objects the sandbox stored before it filled clusterIPs still carry the singular field.
    const QString ip = spec.value(u"clusterIP").toString();
    return ip.isEmpty() ? QStringLiteral("<none>") : ip;
}

// The API server merges stringData into data on write; a stored object may still hold both.
qint64 secretDataCount(const QJsonObject &secret)
{
    QStringList keys = secret.value(u"data").toObject().keys();
    for (const QString &k : secret.value(u"stringData").toObject().keys()) {
        if (!keys.contains(k))
            keys.append(k);
    }
    return keys.size();
}

} // namespace

TableLayout serviceTable()
{
    return {QJsonArray{nameColumn(),
                       stringColumn(QStringLiteral("Type"),
                                    QStringLiteral("type determines how the Service is exposed.")),
                       stringColumn(QStringLiteral("Cluster-IP"),
                                    QStringLiteral("clusterIP is the IP address of the service "
                                                   "and is usually assigned randomly.")),
                       stringColumn(QStringLiteral("External-IP"),
                                    QStringLiteral("externalIPs is a list of IP addresses for "
                                                   "which nodes in the cluster will also accept "
                                                   "traffic for this service.")),
                       stringColumn(QStringLiteral("Port(s)"),
                                    QStringLiteral("The list of ports that are exposed by this "
                                                   "service.")),
                       ageColumn(),
                       stringColumn(QStringLiteral("Selector"),
                                    QStringLiteral("Route service traffic to pods with label keys "
                                                   "and values matching this selector."),
                                    1)},
            [](const QJsonObject &o, const QDateTime &now) {
                const QJsonObject spec = o.value(u"spec").toObject();
                return QJsonArray{kube::nameOf(o),
                                  serviceType(spec),
                                  clusterIp(spec),
                                  externalIp(o),
                                  portString(spec),
                                  tableAge(o, now),
                                  formatLabels(spec.value(u"selector").toObject())};
            }};
}

TableLayout configMapTable()
{
    return {QJsonArray{nameColumn(),
                       stringColumn(QStringLiteral("Data"),
                                    QStringLiteral("Data contains the configuration data.")),
                       ageColumn()},
            [](const QJsonObject &o, const QDateTime &now) {
                return QJsonArray{kube::nameOf(o),
                                  o.value(u"data").toObject().size() +
                                      o.value(u"binaryData").toObject().size(),
                                  tableAge(o, now)};
            }};
}

TableLayout secretTable()
{
    return {QJsonArray{nameColumn(),
                       stringColumn(QStringLiteral("Type"),
                                    QStringLiteral("Used to facilitate programmatic handling of "
                                                   "secret data.")),
                       stringColumn(QStringLiteral("Data"),
                                    QStringLiteral("Data contains the secret data.")),
                       ageColumn()},
            [](const QJsonObject &o, const QDateTime &now) {
                // The API server defaults an empty type to Opaque.
                return QJsonArray{kube::nameOf(o),
                                  o.value(u"type").toString(QStringLiteral("Opaque")),
                                  secretDataCount(o), tableAge(o, now)};
            }};
}

} // namespace core::sandbox
