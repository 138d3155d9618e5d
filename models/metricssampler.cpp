#include "models/metricssampler.h"

#include "core/burst/cciconventions.h"
#include "core/burst/cciusage.h"
#include "core/kube/apiclient.h"
#include "core/kube/quantity.h"
#include "models/tr.h"

#include <QJsonArray>

namespace models {

namespace {

using core::kube::ResourceUsage;

std::optional<qint64> quantity(const QJsonObject &resources, const char *list, const char *name,
                               bool milli)
{
    const QJsonValue value =
        resources.value(QLatin1String(list)).toObject().value(QLatin1String(name));
    if (!value.isString())
        return std::nullopt;
    const auto q = core::kube::Quantity::parse(value.toString());
    if (!q)
        return std::nullopt;
    return milli ? qint64(q.value().milliValue()) : qint64(q.value().value());
}

} // namespace

MetricsSampler::MetricsSampler(core::kube::ApiClient *client, QObject *parent)
    : QObject(parent), m_client(client)
{
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &MetricsSampler::sampleNow);
}

MetricsSampler::References MetricsSampler::podReferences(const QJsonObject &pod,
                                                         const QStringList &virtualNodes)
{
    References refs;
    const QJsonObject spec = pod.value(u"spec").toObject();
    ResourceUsage requests;
    ResourceUsage limits;
    bool anyRequest = false;
    refs.limitCpu = refs.limitMemory = true;
    const QJsonArray containers = spec.value(u"containers").toArray();
    for (const QJsonValue &entry : containers) {
        const QJsonObject resources = entry.toObject().value(u"resources").toObject();
        // A request defaults to the limit when only the limit is given (API defaulting).
        const auto cpuLimit = quantity(resources, "limits", "cpu", true);
        const auto memLimit = quantity(resources, "limits", "memory", false);
        const auto cpu = quantity(resources, "requests", "cpu", true).value_or(cpuLimit.value_or(0));
        const auto mem =
            quantity(resources, "requests", "memory", false).value_or(memLimit.value_or(0));
        anyRequest = anyRequest || cpu > 0 || mem > 0;
        requests.cpuMilli += cpu;
        requests.memoryBytes += mem;
        refs.limitCpu = refs.limitCpu && cpuLimit.has_value();
        refs.limitMemory = refs.limitMemory && memLimit.has_value();
        limits.cpuMilli += cpuLimit.value_or(0);
        limits.memoryBytes += memLimit.value_or(0);
    }
    for (const QJsonValue &entry : spec.value(u"initContainers").toArray()) {
        const QJsonObject resources = entry.toObject().value(u"resources").toObject();
        const auto cpuLimit = quantity(resources, "limits", "cpu", true);
        const auto memLimit = quantity(resources, "limits", "memory", false);
        requests.cpuMilli = std::max(
            requests.cpuMilli, quantity(resources, "requests", "cpu", true).value_or(cpuLimit.value_or(0)));
        requests.memoryBytes = std::max(requests.memoryBytes,
                                        quantity(resources, "requests", "memory", false)
                                            .value_or(memLimit.value_or(0)));
    }
    if (anyRequest)
        refs.requests = requests;
    if (!containers.isEmpty() && (refs.limitCpu || refs.limitMemory))
        refs.limits = limits;
    if (core::burst::isBurstPod(pod, virtualNodes))
        if (const auto billed = core::burst::billedSize(pod))
            refs.billed = ResourceUsage{billed->cpuMilli, billed->memoryBytes};
    return refs;
}

MetricsSampler::References MetricsSampler::nodeReferences(const QJsonObject &node)
{
    References refs;
    const QJsonObject status = node.value(u"status").toObject();
    const auto cpu = quantity(status, "allocatable", "cpu", true);
    const auto memory = quantity(status, "allocatable", "memory", false);
    if (cpu || memory)
        refs.allocatable = ResourceUsage{cpu.value_or(0), memory.value_or(0)};
    return refs;
}

void MetricsSampler::setTarget(const ObjectRef &target, const QJsonObject &object,
                               const QStringList &virtualNodes)
{
    const Kind kind = target.resource == u"pods"    ? Kind::Pod
                      : target.resource == u"nodes" ? Kind::Node
                                                    : Kind::None;
    if (target != m_target || kind != m_kind) {
        ++m_generation;
        m_inFlight = false;
        m_samples.clear();
        m_problem.clear();
        m_target = target;
        m_kind = kind;
    }
    m_references = kind == Kind::Pod    ? podReferences(object, virtualNodes)
                   : kind == Kind::Node ? nodeReferences(object)
                                        : References{};
    emit changed();
    if (m_timer.isActive() && m_samples.isEmpty())
        sampleNow();
}

void MetricsSampler::setActive(bool active)
{
    if (active == m_timer.isActive())
        return;
    if (!active) {
        m_timer.stop();
        return;
    }
    m_timer.start();
    sampleNow();
}

void MetricsSampler::sampleNow()
{
    if (m_kind == Kind::None || !m_client || m_inFlight)
        return;
    m_inFlight = true;
    const quint64 generation = m_generation;
    const bool pod = m_kind == Kind::Pod;
    const ObjectRef target = m_target;
    m_client->resolve(
        pod ? QStringLiteral("pods.metrics.k8s.io") : QStringLiteral("nodes.metrics.k8s.io"),
        this, [this, generation, pod, target](const auto &mapping) {
            if (generation != m_generation)
                return;
            if (!mapping) {
                m_inFlight = false;
                setProblem(Tr::tr("This cluster serves no metrics.k8s.io: install "
                                  "metrics-server to see CPU and memory."));
                return;
            }
            m_client->get(mapping.value(), target.nameSpace, target.name, this,
                          [this, generation, pod](const core::kube::ApiResult<QJsonObject> &r) {
                              if (generation != m_generation)
                                  return;
                              m_inFlight = false;
                              if (!r) {
                                  setProblem(r.error().isNotFound()
                                                 ? Tr::tr("No metrics yet: the pod is not "
                                                          "running, or metrics-server has not "
                                                          "measured it.")
                                                 : r.error().toError().message);
                                  return;
                              }
                              const auto sample = pod ? core::kube::parsePodMetrics(r.value())
                                                      : core::kube::parseNodeMetrics(r.value());
                              if (!sample) {
                                  setProblem(sample.error().message);
                                  return;
                              }
                              add(sample.value());
                          });
        });
}

void MetricsSampler::add(const core::kube::MetricsSample &sample)
{
    // metrics-server measures every 15 s by default; sampling between two measurements brings
    // the same one again.
    if (!m_samples.isEmpty() && m_samples.last().timestamp >= sample.timestamp) {
        setProblem({});
        return;
    }
    m_samples.append(sample);
    const QDateTime oldest = sample.timestamp.addMSecs(-kKeepMs);
    qsizetype drop = 0;
    while (drop < m_samples.size() && m_samples.at(drop).timestamp < oldest)
        ++drop;
    m_samples.remove(0, drop);
    m_problem.clear();
    emit changed();
}

void MetricsSampler::setProblem(const QString &problem)
{
    if (problem == m_problem)
        return;
    m_problem = problem;
    emit changed();
}

} // namespace models
