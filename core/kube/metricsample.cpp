#include "core/kube/metricsample.h"

#include "core/common/tr.h"
#include "core/kube/quantity.h"

#include <QJsonArray>

namespace core::kube {

namespace {

Error fieldError(const QString &path, const QString &why)
{
    return Error{QStringLiteral("metrics.field"),
                 Tr::tr("metrics.k8s.io answered a bad value at %1: %2").arg(path, why),
                 Tr::tr("The metrics server may be a different version; kubectl top shows "
                        "what it sends.")};
}

Result<ResourceUsage> usageOf(const QJsonObject &usage, const QString &path)
{
    ResourceUsage out;
    for (const char *name : {"cpu", "memory"}) {
        const QString field = path + u'.' + QLatin1String(name);
        const QJsonValue value = usage.value(QLatin1String(name));
        if (value.isUndefined())
            continue; // metrics-server always sends both; a missing one reads as zero
        if (!value.isString())
            return fieldError(field, Tr::tr("not a quantity"));
        const auto quantity = Quantity::parse(value.toString());
        if (!quantity)
            return fieldError(field, quantity.error().message);
        if (quantity.value().sign() < 0)
            return fieldError(field, Tr::tr("negative"));
        if (qstrcmp(name, "cpu") == 0)
            out.cpuMilli = quantity.value().milliValue();
        else
            out.memoryBytes = quantity.value().value();
    }
    return out;
}

Result<MetricsSample> header(const QJsonObject &json)
{
    MetricsSample sample;
    sample.timestamp =
        QDateTime::fromString(json.value(u"timestamp").toString(), Qt::ISODateWithMs);
    if (!sample.timestamp.isValid())
        return Error{QStringLiteral("metrics.timestamp"),
                     Tr::tr("metrics.k8s.io answered without a valid timestamp."),
                     Tr::tr("The metrics server may be a different version; kubectl top shows "
                            "what it sends.")};
    return sample;
}

} // namespace

Result<MetricsSample> parsePodMetrics(const QJsonObject &json)
{
    auto sample = header(json);
    if (!sample)
        return sample;
    MetricsSample out = sample.value();
    const QJsonArray containers = json.value(u"containers").toArray();
    for (qsizetype i = 0; i < containers.size(); ++i) {
        const QJsonObject container = containers.at(i).toObject();
        const QString path = QStringLiteral("containers[%1].usage").arg(i);
        const auto usage = usageOf(container.value(u"usage").toObject(), path);
        if (!usage)
            return usage.error();
        out.containers.append({container.value(u"name").toString(), usage.value()});
        out.total.cpuMilli += usage.value().cpuMilli;
        out.total.memoryBytes += usage.value().memoryBytes;
    }
    return out;
}

Result<MetricsSample> parseNodeMetrics(const QJsonObject &json)
{
    auto sample = header(json);
    if (!sample)
        return sample;
    MetricsSample out = sample.value();
    const auto usage = usageOf(json.value(u"usage").toObject(), QStringLiteral("usage"));
    if (!usage)
        return usage.error();
    out.total = usage.value();
    return out;
}

} // namespace core::kube
