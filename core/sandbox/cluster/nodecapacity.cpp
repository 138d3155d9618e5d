#include "core/sandbox/cluster/nodecapacity.h"

#include "core/burst/cciconventions.h"
#include "core/kube/quantity.h"

namespace core::sandbox {

namespace {

qint64 quantityValue(const QJsonValue &value, bool milli)
{
    const auto q = kube::Quantity::parse(value.toString());
    if (!q)
        return 0;
    return milli ? q->milliValue() : q->value();
}

bool filtersScheduling(const NodeTaint &taint)
{
    return taint.effect == u"NoSchedule" || taint.effect == u"NoExecute";
}

} // namespace

bool NodeCapacity::upsertNode(const QJsonObject &node)
{
    const QJsonObject meta = node.value(u"metadata").toObject();
    const QJsonObject spec = node.value(u"spec").toObject();
    const QJsonObject allocatable =
        node.value(u"status").toObject().value(u"allocatable").toObject();
    Node n;
    n.cpuMilli = quantityValue(allocatable.value(u"cpu"), true);
    n.memoryBytes = quantityValue(allocatable.value(u"memory"), false);
    n.pods = quantityValue(allocatable.value(u"pods"), false);
    n.unschedulable = spec.value(u"unschedulable").toBool();
    for (const QJsonValue &t : spec.value(u"taints").toArray()) {
        const QJsonObject taint = t.toObject();
        n.taints.append(NodeTaint{taint.value(u"key").toString(), taint.value(u"value").toString(),
                                  taint.value(u"effect").toString()});
    }
    const QJsonObject labels = meta.value(u"labels").toObject();
    for (auto it = labels.begin(); it != labels.end(); ++it)
        n.labels.insert(it.key(), it.value().toString());
    n.virtualNode = burst::isVirtualNode(node);
    const QString name = meta.value(u"name").toString();
    const auto it = m_nodes.constFind(name);
    if (it != m_nodes.constEnd() && *it == n)
        return false;
    m_nodes.insert(name, n);
    return true;
}

void NodeCapacity::removeNode(const QString &name)
{
    m_nodes.remove(name);
}

void NodeCapacity::addUsage(const QString &node, const burst::PodTotals &request, int sign)
{
    Usage &u = m_usage[node];
    u.cpuMilli += sign * request.cpuMilli;
    u.memoryBytes += sign * request.memoryBytes;
    u.pods += sign;
}

QStringList NodeCapacity::nodeNames() const
{
    return m_nodes.keys();
}

bool NodeCapacity::hasNode(const QString &name) const
{
    return m_nodes.contains(name);
}

bool NodeCapacity::isVirtual(const QString &node) const
{
    const auto it = m_nodes.constFind(node);
    return it != m_nodes.constEnd() && it->virtualNode;
}

bool NodeCapacity::hasTaint(const QString &node, const QString &key) const
{
    for (const NodeTaint &t : m_nodes.value(node).taints) {
        if (t.key == key)
            return true;
    }
    return false;
}

QList<NodeTaint> NodeCapacity::taints(const QString &node) const
{
    return m_nodes.value(node).taints;
}

bool NodeCapacity::tolerates(const QJsonArray &tolerations, const NodeTaint &taint)
{
    for (const QJsonValue &v : tolerations) {
        const QJsonObject t = v.toObject();
        const QString effect = t.value(u"effect").toString();
        if (!effect.isEmpty() && effect != taint.effect)
            continue;
        const QString key = t.value(u"key").toString();
        if (t.value(u"operator").toString() == u"Exists") {
            if (key.isEmpty() || key == taint.key)
                return true;
            continue;
        }
        if (key == taint.key && t.value(u"value").toString() == taint.value)
            return true;
    }
    return false;
}

NodeRejection NodeCapacity::check(const QString &name, const PodDemand &demand) const
{
    NodeRejection r;
    const auto it = m_nodes.constFind(name);
    if (it == m_nodes.constEnd()) {
        r.reasons.append(QStringLiteral("node(s) were not found"));
        return r;
    }
    const Node &n = *it;
    if (n.unschedulable) {
        r.reasons.append(QStringLiteral("node(s) were unschedulable"));
        return r;
    }
    for (auto s = demand.nodeSelector.cbegin(); s != demand.nodeSelector.cend(); ++s) {
        const auto label = n.labels.constFind(s.key());
        if (label == n.labels.constEnd() || *label != s.value()) {
            r.reasons.append(QStringLiteral("node(s) didn't match Pod's node affinity/selector"));
            return r;
        }
    }
    for (const NodeTaint &t : n.taints) {
        if (!filtersScheduling(t) || demand.implicitTolerations.contains(t.key) ||
            tolerates(demand.tolerations, t))
            continue;
        // The real TaintToleration filter's wording, with the first untolerated taint.
        r.reasons.append(
            QStringLiteral("node(s) had untolerated taint {%1: %2}").arg(t.key, t.value));
        return r;
    }
    const Usage u = m_usage.value(name);
    if (u.pods + 1 > n.pods)
        r.reasons.append(QStringLiteral("Too many pods"));
    if (demand.request.cpuMilli > 0 && u.cpuMilli + demand.request.cpuMilli > n.cpuMilli)
        r.reasons.append(QStringLiteral("Insufficient cpu"));
    if (demand.request.memoryBytes > 0 &&
        u.memoryBytes + demand.request.memoryBytes > n.memoryBytes)
        r.reasons.append(QStringLiteral("Insufficient memory"));
    r.resourcesOnly = !r.reasons.isEmpty();
    return r;
}

qint64 NodeCapacity::score(const QString &name, const burst::PodTotals &request) const
{
    const Node n = m_nodes.value(name);
    const Usage u = m_usage.value(name);
    const qint64 cpu =
        n.cpuMilli > 0 ? (n.cpuMilli - u.cpuMilli - request.cpuMilli) * 1000 / n.cpuMilli : 0;
    const qint64 mem = n.memoryBytes > 0 ? (n.memoryBytes - u.memoryBytes - request.memoryBytes) *
                                               1000 / n.memoryBytes
                                         : 0;
    return cpu + mem;
}

} // namespace core::sandbox
