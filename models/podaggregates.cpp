#include "models/podaggregates.h"

#include "core/burst/podresources.h"
#include "core/kube/informer.h"
#include "core/kube/objectmeta.h"
#include "models/clustersession.h"

#include <limits>

namespace models {

namespace {

bool terminated(const QJsonObject &pod)
{
    const QString phase = pod.value(u"status").toObject().value(u"phase").toString();
    return phase == u"Succeeded" || phase == u"Failed";
}

qint64 clamp(__int128 value)
{
    constexpr qint64 kMax = std::numeric_limits<qint64>::max();
    return value > __int128(kMax) ? kMax : value < 0 ? 0 : qint64(value);
}

void count(QHash<QString, QHash<QString, int>> &table, const QString &key, const QString &node,
           int sign)
{
    auto &counts = table[key];
    int &n = counts[node];
    n += sign;
    if (n <= 0)
        counts.remove(node);
    if (counts.isEmpty())
        table.remove(key);
}

} // namespace

void PodPlacement::add(const QJsonObject &pod, const QSet<QString> &virtualNodes)
{
    ++total;
    const QString node = core::kube::nodeNameOf(pod);
    if (node.isEmpty())
        return;
    ++(virtualNodes.contains(node) ? cci : local);
}

PodAggregates::PodAggregates(QObject *parent) : QObject(parent) {}

PodAggregates *PodAggregates::of(ClusterSession *session)
{
    if (auto *existing = session->findChild<PodAggregates *>(QString(), Qt::FindDirectChildrenOnly))
        return existing;
    auto *aggregates = new PodAggregates(session);
    session->watch(QStringLiteral("pods"),
                   [aggregates](const core::kube::ChangeSet &changes,
                                const core::kube::ObjectCache &cache) {
                       aggregates->apply(changes, &cache);
                   });
    return aggregates;
}

PodAggregates::Facts PodAggregates::factsOf(const QJsonObject &pod)
{
    Facts facts;
    facts.node = m_texts.intern(core::kube::nodeNameOf(pod));
    facts.nameSpace = m_texts.intern(core::kube::namespaceOf(pod));
    facts.owner = m_texts.intern(core::kube::controllerRef(pod).value(u"uid").toString());
    facts.terminated = terminated(pod);
    if (!facts.node.isEmpty() && !facts.terminated) {
        const core::burst::PodTotals totals =
            core::burst::localRequests(pod.value(u"spec").toObject());
        facts.cpuMilli = totals.cpuMilli;
        facts.memoryBytes = totals.memoryBytes;
    }
    return facts;
}

void PodAggregates::add(const Facts &facts, int sign)
{
    if (!facts.node.isEmpty() && !facts.terminated) {
        Sums &sums = m_nodes[facts.node];
        sums.cpuMilli += sign * __int128(facts.cpuMilli);
        sums.memoryBytes += sign * __int128(facts.memoryBytes);
        sums.pods += sign;
        if (sums.pods <= 0)
            m_nodes.remove(facts.node);
    }
    count(m_namespaces, facts.nameSpace, facts.node, sign);
    if (!facts.owner.isEmpty())
        count(m_owners, facts.owner, facts.node, sign);
}

void PodAggregates::apply(const core::kube::ChangeSet &changes,
                          const core::kube::ObjectCache *cache)
{
    for (const QJsonObject &pod : changes.deleted) {
        if (const auto it = m_pods.constFind(core::kube::uidOf(pod)); it != m_pods.cend()) {
            add(*it, -1);
            m_pods.erase(it);
        }
    }
    for (const QList<QJsonObject> *list : {&changes.added, &changes.modified}) {
        for (const QJsonObject &pod : *list) {
            const QString uid = cache ? cache->sharedUid(core::kube::uidOf(pod))
                                      : core::kube::uidOf(pod);
            Facts facts = factsOf(pod);
            if (const auto it = m_pods.find(uid); it != m_pods.end()) {
                add(*it, -1);
                *it = facts;
            } else {
                m_pods.insert(uid, facts);
            }
            add(facts, +1);
        }
    }
}

NodeUsage PodAggregates::nodeUsage(const QString &node) const
{
    const auto it = m_nodes.constFind(node);
    if (it == m_nodes.cend())
        return {};
    return {clamp(it->cpuMilli), clamp(it->memoryBytes), it->pods};
}

PodPlacement PodAggregates::placement(const NodeCounts &counts, const QSet<QString> &virtualNodes)
{
    PodPlacement placement;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        placement.total += it.value();
        if (it.key().isEmpty())
            continue;
        (virtualNodes.contains(it.key()) ? placement.cci : placement.local) += it.value();
    }
    return placement;
}

PodPlacement PodAggregates::inNamespace(const QString &nameSpace,
                                        const QSet<QString> &virtualNodes) const
{
    return placement(m_namespaces.value(nameSpace), virtualNodes);
}

PodPlacement PodAggregates::ownedBy(const QString &uid, const QSet<QString> &virtualNodes) const
{
    return placement(m_owners.value(uid), virtualNodes);
}

} // namespace models
