#include "core/sandbox/node/podmetrics.h"

#include "core/common/tr.h"
#include "core/kube/objectmeta.h"
#include "core/kube/quantity.h"
#include "core/kube/selectorparser.h"
#include "core/sandbox/apiserver/apirequestinfo.h"
#include "core/sandbox/store/objectstore.h"

#include <QJsonArray>

#include <cmath>
#include <numbers>

namespace core::sandbox {

namespace {

const ResourceType &kPodMetrics = kube::podMetricsType();
const ResourceType &kNodeMetrics = kube::nodeMetricsType();

// Without requests a container is billed as if it asked for this much (a small web process).
constexpr qint64 kDefaultCpuMilli = 50;
constexpr qint64 kDefaultMemoryBytes = qint64(64) << 20;

double unit(quint64 h) // [0, 1)
{
    return double(h % 1000003) / 1000003.0;
}

qint64 request(const QJsonObject &container, QStringView resource, bool cpu)
{
    const QJsonObject resources = container.value(u"resources").toObject();
    QString text = resources.value(u"requests").toObject().value(resource).toString();
    if (text.isEmpty())
        text = resources.value(u"limits").toObject().value(resource).toString();
    const auto q = kube::Quantity::parse(text);
    if (text.isEmpty() || !q)
        return cpu ? kDefaultCpuMilli : kDefaultMemoryBytes;
    return cpu ? q->milliValue() : q->value();
}

QString cpuText(qint64 nanoCores)
{
    return QString::number(nanoCores) + u'n';
}

QString memoryText(qint64 bytes)
{
    return QString::number(bytes / 1024) + QStringLiteral("Ki");
}

QString stamp(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

QJsonObject usageJson(const PodMetrics::Usage &u)
{
    return QJsonObject{{QStringLiteral("cpu"), cpuText(u.cpuNanoCores)},
                       {QStringLiteral("memory"), memoryText(u.memoryBytes)}};
}

QJsonObject listJson(const QString &kind, const QJsonArray &items)
{
    return QJsonObject{{QStringLiteral("kind"), kind},
                       {QStringLiteral("apiVersion"), QStringLiteral("metrics.k8s.io/v1beta1")},
                       {QStringLiteral("metadata"), QJsonObject{}},
                       {QStringLiteral("items"), items}};
}

QList<QJsonObject> listAll(const ObjectStore &store, const ResourceType &type, const QString &ns,
                           const kube::LabelSelector &selector)
{
    ListOptions options;
    options.namespaceName = ns;
    options.labelSelector = selector;
    const auto listed = store.list(type, options);
    return listed ? listed->items : QList<QJsonObject>{};
}

} // namespace

bool PodMetrics::isRunning(const QJsonObject &pod)
{
    return pod.value(u"status").toObject().value(u"phase").toString() == u"Running";
}

PodMetrics::Usage PodMetrics::containerUsage(const QJsonObject &pod, const QJsonObject &container,
                                             const QDateTime &now)
{
    if (!isRunning(pod))
        return {};
    const QString key = kube::uidOf(pod) + u'/' + container.value(u"name").toString();
    const quint64 h = qHash(key, 0x5eed);
    // Each container idles at its own share of its requests and breathes with its own period
    // and phase, so a table of pods does not move in lockstep.
    const double share = 0.25 + 0.5 * unit(h);
    const double period = 120.0 + 480.0 * unit(h >> 20);
    const double phase = 2 * std::numbers::pi * unit(h >> 40);
    const double t = double(now.toMSecsSinceEpoch()) / 1000.0;
    const double wobble = 1.0 + 0.2 * std::sin(2 * std::numbers::pi * t / period + phase);
    Usage u;
    u.cpuNanoCores = qint64(double(request(container, u"cpu", true)) * 1e6 * share * wobble);
    u.memoryBytes = qint64(double(request(container, u"memory", false)) *
                           (0.4 + 0.4 * unit(h >> 8)) * (1.0 + 0.05 * (wobble - 1.0)));
    return u;
}

PodMetrics::Usage PodMetrics::nodeOverhead(const QString &nodeName)
{
    // kubelet, container runtime and system daemons: ~0.1-0.2 cores and ~0.5-0.8 GiB.
    const quint64 h = qHash(nodeName, 0x0de);
    return Usage{qint64((100 + 100 * unit(h)) * 1e6),
                 qint64((512 + 256 * unit(h >> 16)) * 1024 * 1024)};
}

QJsonObject PodMetrics::podMetrics(const QJsonObject &pod, const QDateTime &now)
{
    const QJsonObject meta = pod.value(u"metadata").toObject();
    QJsonObject outMeta{{QStringLiteral("name"), meta.value(u"name")},
                        {QStringLiteral("namespace"), meta.value(u"namespace")},
                        {QStringLiteral("creationTimestamp"), stamp(now)}};
    if (meta.contains(u"labels"))
        outMeta.insert(QStringLiteral("labels"), meta.value(u"labels"));
    QJsonArray containers;
    for (const QJsonValue &c : pod.value(u"spec").toObject().value(u"containers").toArray()) {
        containers.append(QJsonObject{
            {QStringLiteral("name"), c.toObject().value(u"name")},
            {QStringLiteral("usage"), usageJson(containerUsage(pod, c.toObject(), now))}});
    }
    return QJsonObject{{QStringLiteral("kind"), QStringLiteral("PodMetrics")},
                       {QStringLiteral("apiVersion"), QStringLiteral("metrics.k8s.io/v1beta1")},
                       {QStringLiteral("metadata"), outMeta},
                       {QStringLiteral("timestamp"), stamp(now.addSecs(-10))},
                       {QStringLiteral("window"), QStringLiteral("10.009s")},
                       {QStringLiteral("containers"), containers}};
}

QJsonObject PodMetrics::nodeMetrics(const QJsonObject &node, const QList<QJsonObject> &pods,
                                    const QDateTime &now)
{
    const QJsonObject meta = node.value(u"metadata").toObject();
    const QString name = meta.value(u"name").toString();
    Usage total = nodeOverhead(name);
    for (const QJsonObject &pod : pods) {
        if (pod.value(u"spec").toObject().value(u"nodeName").toString() != name)
            continue;
        for (const QJsonValue &c : pod.value(u"spec").toObject().value(u"containers").toArray()) {
            const Usage u = containerUsage(pod, c.toObject(), now);
            total.cpuNanoCores += u.cpuNanoCores;
            total.memoryBytes += u.memoryBytes;
        }
    }
    QJsonObject outMeta{{QStringLiteral("name"), name},
                        {QStringLiteral("creationTimestamp"), stamp(now)}};
    if (meta.contains(u"labels"))
        outMeta.insert(QStringLiteral("labels"), meta.value(u"labels"));
    return QJsonObject{{QStringLiteral("kind"), QStringLiteral("NodeMetrics")},
                       {QStringLiteral("apiVersion"), QStringLiteral("metrics.k8s.io/v1beta1")},
                       {QStringLiteral("metadata"), outMeta},
                       {QStringLiteral("timestamp"), stamp(now.addSecs(-20))},
                       {QStringLiteral("window"), QStringLiteral("20.015s")},
                       {QStringLiteral("usage"), usageJson(total)}};
}

ServerResult<QJsonObject> PodMetrics::handle(const ObjectStore &store, const ApiRequestInfo &info,
                                             const QString &labelSelector, const QDateTime &now)
{
    if (info.verb != u"get" && info.verb != u"list")
        return ApiError{405,
                        QStringLiteral("MethodNotAllowed"),
                        Tr::tr("the server does not allow this method on the requested "
                               "resource"),
                        {},
                        {}};
    kube::LabelSelector selector;
    if (!labelSelector.isEmpty()) {
        const auto parsed = kube::parseLabelSelector(labelSelector);
        if (!parsed)
            return ApiError::badRequest(parsed.error().message);
        selector = *parsed;
    }
    if (info.resource == u"pods") {
        if (info.verb == u"get") {
            const auto pod = store.get(podsType(), info.nameSpace, info.name);
            if (!pod || !isRunning(*pod))
                return ApiError::notFound(kPodMetrics, info.name);
            return podMetrics(*pod, now);
        }
        QJsonArray items;
        for (const QJsonObject &pod : listAll(store, podsType(), info.nameSpace, selector)) {
            if (isRunning(pod))
                items.append(podMetrics(pod, now));
        }
        return listJson(QStringLiteral("PodMetricsList"), items);
    }
    const QList<QJsonObject> pods = listAll(store, podsType(), QString(), {});
    if (info.verb == u"get") {
        const auto node = store.get(nodesType(), QString(), info.name);
        if (!node)
            return ApiError::notFound(kNodeMetrics, info.name);
        return nodeMetrics(*node, pods, now);
    }
    QJsonArray items;
    for (const QJsonObject &node : listAll(store, nodesType(), QString(), selector))
        items.append(nodeMetrics(node, pods, now));
    return listJson(QStringLiteral("NodeMetricsList"), items);
}

} // namespace core::sandbox
