#include "core/burst/cciconventions.h"

#include "core/kube/objectmeta.h"

#include <QJsonArray>

#include <algorithm>

namespace core::burst {

namespace {

bool hasTaint(const QJsonObject &node, const QString &key)
{
    for (const QJsonValue &t : node.value(u"spec").toObject().value(u"taints").toArray()) {
        if (t.toObject().value(u"key").toString() == key)
            return true;
    }
    return false;
}

} // namespace

bool isVirtualNode(const QJsonObject &node)
{
    return kube::labelOf(node, kVirtualNodeTypeLabel) == kVirtualNodeTypeValue &&
           hasTaint(node, kProviderTaintKey);
}

bool isVirtualNodeSchedulable(const QJsonObject &node)
{
    return !node.value(u"spec").toObject().value(u"unschedulable").toBool();
}

QString virtualNodeFault(const QJsonObject &node)
{
    if (isVirtualNodeSchedulable(node))
        return {};
    for (const QJsonValue &v : node.value(u"status").toObject().value(u"conditions").toArray()) {
        const QJsonObject c = v.toObject();
        const QString type = c.value(u"type").toString();
        if (type != u"Ready" && c.value(u"status").toString() == u"True")
            return type + QStringLiteral(": ") + c.value(u"message").toString();
    }
    return {};
}

QStringList schedulableVirtualNodes(const QList<QJsonObject> &nodes)
{
    QStringList global;
    QStringList zonal;
    for (const QJsonObject &node : nodes) {
        if (!isVirtualNode(node) || !isVirtualNodeSchedulable(node))
            continue;
        (virtualNodeZone(node).isEmpty() ? global : zonal).append(kube::nameOf(node));
    }
    std::sort(global.begin(), global.end());
    std::sort(zonal.begin(), zonal.end());
    return global + zonal;
}

QStringList virtualNodeNames(const QList<QJsonObject> &nodes)
{
    QStringList names;
    for (const QJsonObject &node : nodes) {
        if (isVirtualNode(node))
            names.append(kube::nameOf(node));
    }
    return names;
}

QString virtualNodeZone(const QJsonObject &node)
{
    const QString zone = kube::labelOf(node, kZoneLabel);
    return zone.isEmpty() ? kube::labelOf(node, kLegacyZoneLabel) : zone;
}

bool isCciSidecar(const QJsonObject &container)
{
    return container.value(u"name").toString() == kNetworkSidecarName;
}

bool isBurstPod(const QJsonObject &pod, const QStringList &virtualNodes)
{
    const QString node = kube::nodeNameOf(pod);
    return !node.isEmpty() && virtualNodes.contains(node);
}

QString cciNamespaceFor(const QString &clusterId)
{
    return QStringLiteral("cce-burst-") + clusterId;
}

bool isBurstNamespace(const QString &nameSpace)
{
    for (const QLatin1StringView prefix : {QLatin1StringView("cce-burst-"),
                                           QLatin1StringView("bursting-")}) {
        if (nameSpace.startsWith(prefix) && nameSpace.size() > prefix.size())
            return true;
    }
    return false;
}

CciPodKey cciPodKeyFor(const QJsonObject &ccePod, const QString &clusterId)
{
    return CciPodKey{cciNamespaceFor(clusterId), kube::nameOf(ccePod)};
}

CcePodRef ccePodOf(const QJsonObject &cciPod)
{
    const QJsonObject annotations = kube::annotationsOf(cciPod);
    return CcePodRef{annotations.value(kSourceNamespaceAnnotation).toString(),
                     annotations.value(kSourceNameAnnotation).toString(),
                     annotations.value(kSourceUidAnnotation).toString()};
}

QDateTime lockedUntil(const QJsonObject &node)
{
    return kube::timestampOf(kube::annotationOf(node, kLockedUntilAnnotation));
}

bool hasLockTaint(const QJsonObject &node)
{
    return hasTaint(node, kLockTaintKey);
}

bool isVirtualNodeLocked(const QJsonObject &node, const QDateTime &now)
{
    const QDateTime until = lockedUntil(node);
    return until.isValid() && now < until;
}

} // namespace core::burst
