#include "core/burst/cciusage.h"

#include "core/burst/cciconventions.h"
#include "core/burst/resourcenormalizer.h"
#include "core/common/csv.h"
#include "core/kube/objectmeta.h"
#include "core/kube/quantity.h"

#include <QJsonArray>
#include <QMap>

#include <algorithm>

namespace core::burst {

namespace {

std::optional<qint64> quantityAnnotation(const QJsonObject &pod, const QString &key, bool milli)
{
    const QString text = kube::annotationOf(pod, key);
    if (text.isEmpty())
        return std::nullopt;
    const auto quantity = kube::Quantity::parse(text);
    if (!quantity || quantity.value().sign() <= 0)
        return std::nullopt;
    return milli ? qint64(quantity.value().milliValue()) : qint64(quantity.value().value());
}

// The earliest time any container of the pod started running, or an invalid time.
QDateTime firstRun(const QJsonObject &status)
{
    QDateTime first;
    const auto consider = [&first](const QJsonValue &value) {
        const QDateTime t = kube::timestampOf(value);
        if (t.isValid() && (!first.isValid() || t < first))
            first = t;
    };
    for (const QString &list : {QStringLiteral("containerStatuses"),
                                QStringLiteral("initContainerStatuses")}) {
        for (const QJsonValue &entry : status.value(list).toArray()) {
            const QJsonObject s = entry.toObject();
            const QJsonObject state = s.value(QStringLiteral("state")).toObject();
            const QJsonObject last = s.value(QStringLiteral("lastState")).toObject();
            consider(state.value(QStringLiteral("running"))[QStringLiteral("startedAt")]);
            consider(state.value(QStringLiteral("terminated"))[QStringLiteral("startedAt")]);
            consider(last.value(QStringLiteral("terminated"))[QStringLiteral("startedAt")]);
        }
    }
    return first;
}

// When every app container has terminated: the last finishedAt; otherwise an invalid time.
QDateTime allFinished(const QJsonObject &status)
{
    const QJsonArray statuses = status.value(QStringLiteral("containerStatuses")).toArray();
    if (statuses.isEmpty())
        return {};
    QDateTime last;
    for (const QJsonValue &entry : statuses) {
        const QJsonObject terminated = entry.toObject()
                                           .value(QStringLiteral("state"))
                                           .toObject()
                                           .value(QStringLiteral("terminated"))
                                           .toObject();
        const QDateTime t = kube::timestampOf(terminated.value(QStringLiteral("finishedAt")));
        if (!t.isValid())
            return {};
        if (!last.isValid() || t > last)
            last = t;
    }
    return last;
}

double hoursBetween(const QDateTime &a, const QDateTime &b)
{
    return double(a.msecsTo(b)) / 3'600'000.0;
}

void addSpan(UsageRow &row, const BilledSpan &span, double hours)
{
    row.pods += 1;
    row.vcpuHours += double(span.size.cpuMilli) / 1000.0 * hours;
    row.gibHours += double(span.size.memoryBytes) / double(kGi) * hours;
}

void price(UsageRow &row, const UsagePrice &price)
{
    if (!price.perVcpuHour && !price.perGibHour)
        return;
    row.cost = row.vcpuHours * price.perVcpuHour.value_or(0) +
               row.gibHours * price.perGibHour.value_or(0);
}


QByteArray csvNumber(double value)
{
    return QByteArray::number(value, 'f', 6);
}

} // namespace

std::optional<BilledSize> billedSize(const QJsonObject &pod)
{
    const auto cpu = quantityAnnotation(pod, kBurstPodCpuAnnotation, true);
    const auto memory = quantityAnnotation(pod, kBurstPodMemoryAnnotation, false);
    if (cpu && memory)
        return BilledSize{*cpu, *memory, true};
    Diagnostics ignored;
    const auto containers =
        readContainerResources(pod.value(QStringLiteral("spec")).toObject(), &ignored);
    const NormalizationResult normalized = normalizeForCci(containers);
    if (!normalized.admissible)
        return std::nullopt;
    return BilledSize{normalized.podAfter.cpuMilli, normalized.podAfter.memoryBytes, false};
}

QString podWorkload(const QJsonObject &pod)
{
    const QJsonObject controller = kube::controllerRef(pod);
    const QString kind = controller.value(QStringLiteral("kind")).toString();
    const QString name = controller.value(QStringLiteral("name")).toString();
    if (kind.isEmpty() || name.isEmpty())
        return QStringLiteral("Pod/") + kube::nameOf(pod);
    if (kind == u"ReplicaSet") {
        const QString hash = kube::labelOf(pod, QStringLiteral("pod-template-hash"));
        if (!hash.isEmpty() && name.endsWith(u'-' + hash) && name.size() > hash.size() + 1)
            return QStringLiteral("Deployment/") + name.left(name.size() - hash.size() - 1);
    }
    return kind + u'/' + name;
}

std::optional<BilledSpan> billedSpan(const QJsonObject &pod, const QStringList &virtualNodes,
                                     const QDateTime &goneAt)
{
    if (!isBurstPod(pod, virtualNodes))
        return std::nullopt;
    const QJsonObject status = pod.value(QStringLiteral("status")).toObject();
    const QDateTime start = firstRun(status);
    if (!start.isValid())
        return std::nullopt;
    const auto size = billedSize(pod);
    if (!size)
        return std::nullopt;
    BilledSpan span;
    span.nameSpace = kube::namespaceOf(pod);
    span.workload = podWorkload(pod);
    span.size = *size;
    span.start = start;
    span.end = allFinished(status);
    if (goneAt.isValid() && (!span.end.isValid() || goneAt < span.end))
        span.end = goneAt;
    if (span.end.isValid() && span.end < span.start)
        span.end = span.start;
    return span;
}

UsageReport cciUsage(const QList<BilledSpan> &spans, const QDateTime &from, const QDateTime &to,
                     const QDateTime &now, const UsagePrice &usagePrice)
{
    UsageReport report;
    QMap<QPair<QString, QString>, UsageRow> workloads;
    QMap<QString, UsageRow> namespaces;
    const QDateTime windowEnd = std::min(to, now);
    for (const BilledSpan &span : spans) {
        const QDateTime end = span.end.isValid() ? span.end : now;
        const QDateTime a = std::max(span.start, from);
        const QDateTime b = std::min(end, windowEnd);
        if (!a.isValid() || !b.isValid() || b <= a)
            continue;
        const double hours = hoursBetween(a, b);
        UsageRow &w = workloads[{span.nameSpace, span.workload}];
        w.key = span.workload;
        w.nameSpace = span.nameSpace;
        addSpan(w, span, hours);
        UsageRow &n = namespaces[span.nameSpace];
        n.key = span.nameSpace;
        n.nameSpace = span.nameSpace;
        addSpan(n, span, hours);
        addSpan(report.total, span, hours);
    }
    for (UsageRow row : std::as_const(workloads)) {
        price(row, usagePrice);
        report.byWorkload.append(row);
    }
    for (UsageRow row : std::as_const(namespaces)) {
        price(row, usagePrice);
        report.byNamespace.append(row);
    }
    price(report.total, usagePrice);
    return report;
}

QByteArray usageCsv(const UsageReport &report)
{
    QByteArray csv = QByteArrayLiteral("scope,namespace,workload,pods,vcpu_hours,gib_hours,cost\r\n");
    const auto line = [&csv](const char *scope, const UsageRow &row, const QString &workload) {
        csv += scope;
        csv += ',' + csvField(row.nameSpace) + ',' + csvField(workload) + ',' +
               QByteArray::number(row.pods) + ',' + csvNumber(row.vcpuHours) + ',' +
               csvNumber(row.gibHours) + ',' + (row.cost ? csvNumber(*row.cost) : QByteArray()) +
               "\r\n";
    };
    for (const UsageRow &row : report.byWorkload)
        line("workload", row, row.key);
    for (const UsageRow &row : report.byNamespace)
        line("namespace", row, QString());
    line("total", report.total, QString());
    return csv;
}

} // namespace core::burst
