#include "core/burst/placementsimulator.h"

#include "core/burst/cciconventions.h"

#include <QJsonArray>

#include <algorithm>

namespace core::burst {

QString locationName(Location location)
{
    switch (location) {
    case Location::Local:
        return QStringLiteral("local");
    case Location::Cci:
        return QStringLiteral("cci");
    case Location::Pending:
        break;
    }
    return QStringLiteral("pending");
}

namespace {

struct NodeState
{
    SimNode capacity;
    qint64 freeCpu = 0;
    qint64 freeMemory = 0;
};

struct PodState
{
    int ordinal = 0;
    Location location = Location::Pending;
    int node = -1;
};

class Simulator
{
public:
    explicit Simulator(const SimulationInput &input) : m_in(input)
    {
        for (const SimNode &n : input.nodes)
            m_nodes.append(NodeState{n, n.cpuMilli, n.memoryBytes});
    }

    SimStep scaleTo(int replicas)
    {
        SimStep step;
        step.replicas = replicas;
        while (int(m_pods.size()) < replicas)
            step.events.append(create());
        while (int(m_pods.size()) > std::max(replicas, 0))
            step.events.append(remove());
        for (const PodState &p : m_pods) {
            if (p.location == Location::Local)
                ++step.local;
            else if (p.location == Location::Cci)
                ++step.cci;
            else
                ++step.pending;
        }
        return step;
    }

private:
    int count(Location location) const
    {
        return int(std::count_if(m_pods.cbegin(), m_pods.cend(),
                                 [location](const PodState &p) { return p.location == location; }));
    }

    bool fits(const NodeState &n) const
    {
        return n.freeCpu >= m_in.podRequest.cpuMilli && n.freeMemory >= m_in.podRequest.memoryBytes;
    }

    // Least-allocated score of the node after placing the pod, in 1/1000 of free share.
    qint64 score(const NodeState &n) const
    {
        const qint64 cpu = n.capacity.cpuMilli > 0
                               ? (n.freeCpu - m_in.podRequest.cpuMilli) * 1000 / n.capacity.cpuMilli
                               : 0;
        const qint64 mem =
            n.capacity.memoryBytes > 0
                ? (n.freeMemory - m_in.podRequest.memoryBytes) * 1000 / n.capacity.memoryBytes
                : 0;
        return cpu + mem;
    }

    int pickLocalNode(bool leastAllocated) const
    {
        int best = -1;
        for (int i = 0; i < int(m_nodes.size()); ++i) {
            if (!fits(m_nodes.at(i)))
                continue;
            if (!leastAllocated)
                return i;
            if (best < 0 || score(m_nodes.at(i)) > score(m_nodes.at(best)))
                best = i;
        }
        return best;
    }

    bool localAllowed() const
    {
        return !m_in.local.maxNum || count(Location::Local) < *m_in.local.maxNum;
    }

    bool cciAllowed() const
    {
        return m_in.cciAvailable && !m_in.virtualNodes.isEmpty() &&
               (!m_in.cci.maxNum || count(Location::Cci) < *m_in.cci.maxNum);
    }

    void place(PodState &pod)
    {
        const Strategy s = m_in.strategy;
        if (s != Strategy::Enforce && localAllowed()) {
            const int node = pickLocalNode(s != Strategy::LocalPrefer);
            if (node >= 0) {
                pod.location = Location::Local;
                pod.node = node;
                m_nodes[node].freeCpu -= m_in.podRequest.cpuMilli;
                m_nodes[node].freeMemory -= m_in.podRequest.memoryBytes;
                return;
            }
        }
        if (canBurst(s) && cciAllowed()) {
            pod.location = Location::Cci;
            return;
        }
        pod.location = Location::Pending;
    }

    SimEvent eventFor(const QString &action, const PodState &p) const
    {
        QString node;
        if (p.location == Location::Local)
            node = m_nodes.at(p.node).capacity.name;
        else if (p.location == Location::Cci)
            node = m_in.virtualNodes.value(0);
        return SimEvent{action, p.ordinal, p.location, node};
    }

    SimEvent create()
    {
        PodState pod;
        pod.ordinal = m_nextOrdinal++;
        place(pod);
        m_pods.append(pod);
        return eventFor(QStringLiteral("create"), pod);
    }

    // Which location loses a pod first on scale-down.
    Location victimLocation() const
    {
        if (count(Location::Pending) > 0)
            return Location::Pending;
        const bool hasLocal = count(Location::Local) > 0;
        const bool hasCci = count(Location::Cci) > 0;
        if (!hasLocal || !hasCci)
            return hasLocal ? Location::Local : Location::Cci;
        const qint64 localPriority = m_in.local.scaleDownPriority.value_or(0);
        const qint64 cciPriority = m_in.cci.scaleDownPriority.value_or(0);
        return localPriority > cciPriority ? Location::Local : Location::Cci;
    }

    SimEvent remove()
    {
        const Location location = victimLocation();
        for (qsizetype i = m_pods.size() - 1; i >= 0; --i) {
            if (m_pods.at(i).location != location)
                continue;
            const PodState pod = m_pods.takeAt(i);
            if (pod.location == Location::Local) {
                m_nodes[pod.node].freeCpu += m_in.podRequest.cpuMilli;
                m_nodes[pod.node].freeMemory += m_in.podRequest.memoryBytes;
            }
            return eventFor(QStringLiteral("delete"), pod);
        }
        return {};
    }

    const SimulationInput &m_in;
    QList<NodeState> m_nodes;
    QList<PodState> m_pods;
    int m_nextOrdinal = 0;
};

} // namespace

QList<SimStep> simulatePlacement(const SimulationInput &input)
{
    Simulator sim(input);
    QList<SimStep> steps;
    for (int replicas : input.replicaSteps)
        steps.append(sim.scaleTo(replicas));
    return steps;
}

QList<int> rampSteps(int peak)
{
    QList<int> steps;
    for (int i = 0; i <= peak; ++i)
        steps.append(i);
    for (int i = peak - 1; i >= 0; --i)
        steps.append(i);
    return steps;
}

QJsonObject simStepToJson(const SimStep &step)
{
    QJsonArray events;
    for (const SimEvent &e : step.events)
        events.append(QJsonObject{{QStringLiteral("action"), e.action},
                                  {QStringLiteral("pod"), e.pod},
                                  {QStringLiteral("location"), locationName(e.location)},
                                  {QStringLiteral("node"), e.node}});
    return QJsonObject{{QStringLiteral("replicas"), step.replicas},
                       {QStringLiteral("local"), step.local},
                       {QStringLiteral("cci"), step.cci},
                       {QStringLiteral("pending"), step.pending},
                       {QStringLiteral("events"), events}};
}

} // namespace core::burst
