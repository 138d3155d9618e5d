#include "core/burst/podresources.h"

#include "core/common/tr.h"
#include "core/kube/quantity.h"

#include <QJsonArray>

#include <algorithm>
#include <limits>

namespace core::burst {

using kube::Quantity;

QString ContainerResources::path() const
{
    return (init ? QStringLiteral("initContainers[") : QStringLiteral("containers[")) +
           QString::number(index) + QLatin1Char(']');
}

namespace {

struct ReadValue
{
    bool present = false;
    qint64 value = 0;
    bool invalid = false;
};

// Reads resources.<section>.<resource> as a quantity; reports errors at its path.
ReadValue readQuantity(const QJsonObject &resources, const QString &section,
                       const QString &resource, const QString &path, Diagnostics *diagnostics)
{
    const QJsonValue v = resources.value(section).toObject().value(resource);
    if (v.isUndefined() || v.isNull())
        return {};
    const QString fieldPath = path + u'.' + section + u'.' + resource;
    const auto fail = [&](const QString &code, const QString &message, const QString &hint) {
        if (diagnostics)
            diagnostics->append(
                inArea(makeError(code, fieldPath, message, hint), FieldArea::Resources));
        return ReadValue{.invalid = true};
    };
    QString text;
    if (v.isString())
        text = v.toString();
    else if (v.isDouble())
        text = QString::number(v.toDouble(), 'g', 17);
    else
        return fail(QStringLiteral("resources.type"),
                    Tr::tr("%1 must be a quantity string").arg(resource),
                    Tr::tr("Write a quantity such as 250m or 512Mi."));
    const auto q = Quantity::parse(text);
    if (!q)
        return fail(QStringLiteral("resources.quantity"), q.error().message, q.error().hint);
    if (q->sign() < 0)
        return fail(QStringLiteral("resources.negative"),
                    Tr::tr("%1 %2 is negative").arg(resource, text),
                    Tr::tr("Resource amounts must be zero or more."));
    const qint64 value = resource == u"cpu" ? q->milliValue() : q->value();
    return {true, value};
}

ReadValue effective(const QJsonObject &resources, const QString &resource, const QString &path,
                    Diagnostics *diagnostics, bool requestsFirst)
{
    const QString first = requestsFirst ? QStringLiteral("requests") : QStringLiteral("limits");
    const QString second = requestsFirst ? QStringLiteral("limits") : QStringLiteral("requests");
    const ReadValue a = readQuantity(resources, first, resource, path, diagnostics);
    const ReadValue b = readQuantity(resources, second, resource, path, diagnostics);
    ReadValue out = a.present ? a : b;
    out.invalid = a.invalid || b.invalid;
    return out;
}

QList<ContainerResources> readList(const QJsonObject &podSpec, bool init, Diagnostics *diagnostics,
                                   bool requestsFirst)
{
    QList<ContainerResources> out;
    const QString key = init ? QStringLiteral("initContainers") : QStringLiteral("containers");
    const QJsonValue list = podSpec.value(key);
    if (!list.isArray()) {
        if (!list.isUndefined() && !list.isNull() && diagnostics)
            diagnostics->append(inArea(
                makeError(QStringLiteral("pod.type"), key, Tr::tr("%1 must be a list").arg(key)),
                FieldArea::Shape));
        return out;
    }
    const QJsonArray array = list.toArray();
    for (int i = 0; i < array.size(); ++i) {
        ContainerResources c;
        c.init = init;
        c.index = i;
        const QJsonObject container = array.at(i).toObject();
        c.name = container.value(u"name").toString();
        const QJsonObject resources = container.value(u"resources").toObject();
        const QString path = c.path() + QStringLiteral(".resources");
        const ReadValue cpu =
            effective(resources, QStringLiteral("cpu"), path, diagnostics, requestsFirst);
        const ReadValue mem =
            effective(resources, QStringLiteral("memory"), path, diagnostics, requestsFirst);
        c.hasCpu = cpu.present;
        c.cpuMilli = cpu.value;
        c.hasMemory = mem.present;
        c.memoryBytes = mem.value;
        c.invalid = cpu.invalid || mem.invalid;
        out.append(c);
    }
    return out;
}

} // namespace

QList<ContainerResources> readContainerResources(const QJsonObject &podSpec,
                                                 Diagnostics *diagnostics)
{
    QList<ContainerResources> all = readList(podSpec, false, diagnostics, false);
    all += readList(podSpec, true, diagnostics, false);
    return all;
}

qint64 saturatingAdd(qint64 a, qint64 b)
{
    qint64 out = 0;
    return __builtin_add_overflow(a, b, &out) ? std::numeric_limits<qint64>::max() : out;
}

PodTotals podTotals(const QList<ContainerResources> &containers)
{
    PodTotals sum;
    PodTotals initMax;
    for (const ContainerResources &c : containers) {
        if (c.init) {
            initMax.cpuMilli = std::max(initMax.cpuMilli, c.cpuMilli);
            initMax.memoryBytes = std::max(initMax.memoryBytes, c.memoryBytes);
        } else {
            sum.cpuMilli = saturatingAdd(sum.cpuMilli, c.cpuMilli);
            sum.memoryBytes = saturatingAdd(sum.memoryBytes, c.memoryBytes);
        }
    }
    return PodTotals{std::max(sum.cpuMilli, initMax.cpuMilli),
                     std::max(sum.memoryBytes, initMax.memoryBytes)};
}

PodTotals localRequests(const QJsonObject &podSpec)
{
    QList<ContainerResources> all = readList(podSpec, false, nullptr, true);
    all += readList(podSpec, true, nullptr, true);
    return podTotals(all);
}

} // namespace core::burst
