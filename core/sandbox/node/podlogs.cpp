#include "core/sandbox/node/podlogs.h"

#include "core/common/tr.h"
#include "core/sandbox/transport/httprequest.h"

#include <QJsonArray>
#include <QLocale>
#include <QStringList>

#include <cmath>
#include <limits>

namespace core::sandbox {

namespace {

// kubelet rotates a container log at 10 MiB (containerLogMaxSize); about this many simulated
// lines fit, so older ones are gone as they would be on a node.
constexpr qint64 kRetainedLines = 100000;

quint64 mix(quint64 x)
{
    // SplitMix64: a cheap, well-spread hash so neighbouring indexes look unrelated.
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

std::optional<qint64> nonNegative(const HttpRequest &request, const QString &key, bool *bad)
{
    if (!request.query.contains(key))
        return std::nullopt;
    bool ok = false;
    const qint64 value = request.queryValue(key).toLongLong(&ok);
    if (!ok || value < 0)
        *bad = true;
    return value;
}

ApiError badRequest(const QString &message)
{
    return ApiError::badRequest(message);
}

QDateTime timeField(const QJsonObject &o, QStringView key)
{
    return QDateTime::fromString(o.value(key).toString(), Qt::ISODateWithMs);
}

QStringList names(const QJsonArray &containers)
{
    QStringList out;
    for (const QJsonValue &c : containers)
        out.append(c.toObject().value(u"name").toString());
    return out;
}

QJsonObject findByName(const QJsonArray &list, const QString &name)
{
    for (const QJsonValue &v : list) {
        if (v.toObject().value(u"name").toString() == name)
            return v.toObject();
    }
    return {};
}

const char *const kPaths[] = {"/",        "/index.html",    "/api/orders",  "/api/orders/42",
                              "/healthz", "/static/app.js", "/api/users/7", "/metrics"};
const char *const kAgents[] = {"kube-probe/1.30", "curl/8.5.0", "Mozilla/5.0",
                               "Go-http-client/1.1"};
const char *const kMethods[] = {"GET", "GET", "GET", "POST", "PUT"};
const int kCodes[] = {200, 200, 200, 200, 201, 204, 304, 404, 500};
const char *const kLevels[] = {"INFO", "INFO", "INFO", "DEBUG", "WARN", "ERROR"};
const char *const kEvents[] = {"processed request",     "cache refreshed", "job step finished",
                               "connection pool stats", "heartbeat sent",  "batch flushed"};

template <typename T, std::size_t N> const T &pick(const T (&table)[N], quint64 h)
{
    return table[h % N];
}

} // namespace

ServerResult<PodLogOptions> PodLogOptions::fromRequest(const HttpRequest &request)
{
    PodLogOptions o;
    bool bad = false;
    o.container = request.queryValue(QStringLiteral("container"));
    o.follow = request.queryFlag(QStringLiteral("follow"));
    o.previous = request.queryFlag(QStringLiteral("previous"));
    o.timestamps = request.queryFlag(QStringLiteral("timestamps"));
    o.tailLines = nonNegative(request, QStringLiteral("tailLines"), &bad);
    o.limitBytes = nonNegative(request, QStringLiteral("limitBytes"), &bad);
    o.sinceSeconds = nonNegative(request, QStringLiteral("sinceSeconds"), &bad);
    if (bad)
        return badRequest(Tr::tr("tailLines, limitBytes and sinceSeconds must be "
                                 "non-negative integers"));
    if (o.limitBytes && *o.limitBytes < 1)
        return badRequest(Tr::tr("limitBytes: Invalid value: 0: must be greater than 0"));
    if (o.sinceSeconds && *o.sinceSeconds < 1)
        return badRequest(Tr::tr("sinceSeconds: Invalid value: 0: must be greater than 0"));
    const QString since = request.queryValue(QStringLiteral("sinceTime"));
    if (!since.isEmpty()) {
        const QDateTime t = QDateTime::fromString(since, Qt::ISODateWithMs);
        if (!t.isValid())
            return badRequest(Tr::tr("sinceTime: invalid RFC3339 time \"%1\"").arg(since));
        o.sinceTime = t;
    }
    if (o.sinceSeconds && o.sinceTime)
        return badRequest(QStringLiteral(
            "PodLogOptions.core \"\" is invalid: : Forbidden: at most one of `sinceTime` or "
            "`sinceSeconds` may be specified"));
    return o;
}

QDateTime LogSource::origin() const
{
    if (historyLines <= 0)
        return start;
    return start.addMSecs(-qint64(std::ceil(double(historyLines) * 1000.0 / linesPerSecond)));
}

qint64 LogSource::retainedLines() const
{
    // A pod asked to have a history keeps its whole log.
    return historyLines > 0 ? std::numeric_limits<qint64>::max() / 2 : kRetainedLines;
}

QDateTime LogSource::lineTime(qint64 index) const
{
    return origin().addMSecs(qint64(std::floor(double(index) * 1000.0 / linesPerSecond)));
}

qint64 LogSource::countAt(const QDateTime &t) const
{
    const QDateTime limit = end && *end < t ? *end : t;
    const QDateTime from = origin();
    if (!start.isValid() || limit < from)
        return 0;
    const qint64 elapsed = from.msecsTo(limit);
    qint64 n = qint64(std::floor(double(elapsed) * linesPerSecond / 1000.0)) + 1;
    // Floating point may be one off either way at the boundary; settle it on lineTime itself.
    while (n > 0 && lineTime(n - 1) > limit)
        --n;
    while (lineTime(n) <= limit)
        ++n;
    return n;
}

qint64 LogSource::firstAtOrAfter(const QDateTime &t) const
{
    const QDateTime from = origin();
    if (t <= from)
        return 0;
    qint64 n = qint64(std::floor(double(from.msecsTo(t)) * linesPerSecond / 1000.0));
    while (n > 0 && lineTime(n - 1) >= t)
        --n;
    while (lineTime(n) < t)
        ++n;
    return n;
}

QByteArray LogSource::line(qint64 index, bool timestamps) const
{
    const quint64 seed =
        mix(qHash(uid) ^ (qHash(container) << 1) ^ quint64(start.toMSecsSinceEpoch()));
    const quint64 h = mix(seed + quint64(index));
    const QDateTime when = lineTime(index);
    QByteArray text;
    if (image.contains(u"nginx")) {
        const QString stamp = QLocale::c().toString(when, QStringLiteral("dd/MMM/yyyy:HH:mm:ss"));
        text = QStringLiteral("10.%1.%2.%3 - - [%4 +0000] \"%5 %6 HTTP/1.1\" %7 %8 \"-\" \"%9\"")
                   .arg((h >> 8) % 256)
                   .arg((h >> 16) % 256)
                   .arg((h >> 24) % 254 + 1)
                   .arg(stamp, QLatin1String(pick(kMethods, h >> 32)),
                        QLatin1String(pick(kPaths, h >> 40)))
                   .arg(pick(kCodes, h >> 44))
                   .arg((h >> 48) % 8000 + 120)
                   .arg(QLatin1String(pick(kAgents, h >> 56)))
                   .toUtf8();
    } else {
        text = QStringLiteral("%1 %2 [%3] %4 seq=%5 took=%6ms")
                   .arg(when.toString(Qt::ISODateWithMs),
                        QString(QLatin1String(pick(kLevels, h >> 8))).leftJustified(5), container,
                        QLatin1String(pick(kEvents, h >> 16)))
                   .arg(index)
                   .arg((h >> 24) % 250 + 1)
                   .toUtf8();
    }
    if (maxLineBytes > 0) {
        const quint64 h2 = mix(h);
        const int span = qMax(0, maxLineBytes - minLineBytes);
        const qsizetype target = minLineBytes + qsizetype(h2 % quint64(span + 1));
        static const char kFiller[] = " user=svc-4 region=eu-west-1 trace=0af7651916cd43dd "
                                      "span=b7ad6b7169203331 retries=0 cache=hit bytes=5123";
        for (qsizetype at = qsizetype((h2 >> 20) % 40); text.size() < target;
             at = (at + 7) % (qsizetype(sizeof kFiller) - 1))
            text += kFiller[at];
        // A generated line longer than the target keeps its words up to the maximum.
        if (text.size() > maxLineBytes)
            text.truncate(maxLineBytes);
    }
    if (!timestamps)
        return text + '\n';
    // kubelet writes RFC3339Nano with a fixed nine-digit fraction (timeFormatOut in
    // pkg/kubelet/kuberuntime/logs); the sub-millisecond part is deterministic jitter, or above
    // 1,000 lines a second the line's own place in its millisecond (timestamps never go back).
    const quint64 subMillisecond =
        linesPerSecond > 1000.0 ? quint64(std::fmod(double(index) * 1e9 / linesPerSecond, 1e6))
                                : h % 1000000;
    const QByteArray stamp = when.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")).toUtf8() +
                             QByteArray::number(subMillisecond).rightJustified(6, '0') + 'Z';
    return stamp + ' ' + text + '\n';
}

QString PodLogs::rateAnnotation()
{
    return QStringLiteral("sandbox.burst.io/log-lines-per-second");
}

QString PodLogs::historyAnnotation()
{
    return QStringLiteral("sandbox.burst.io/log-history-lines");
}

QString PodLogs::lineBytesAnnotation()
{
    return QStringLiteral("sandbox.burst.io/log-line-bytes");
}

ServerResult<LogSource> PodLogs::resolve(const QJsonObject &pod, const PodLogOptions &options)
{
    const QJsonObject meta = pod.value(u"metadata").toObject();
    const QJsonObject spec = pod.value(u"spec").toObject();
    const QJsonObject status = pod.value(u"status").toObject();
    const QString podName = meta.value(u"name").toString();
    const QJsonArray containers = spec.value(u"containers").toArray();
    const QJsonArray initContainers = spec.value(u"initContainers").toArray();
    QString name = options.container;
    if (name.isEmpty()) {
        if (containers.size() == 1) {
            name = names(containers).constFirst();
        } else if (containers.isEmpty()) {
            return badRequest(Tr::tr("a container name must be specified for pod %1").arg(podName));
        } else {
            // pkg/registry/core/pod/strategy.go LogLocation, word for word.
            QString message =
                Tr::tr("a container name must be specified for pod %1, choose one of: [%2]")
                    .arg(podName, names(containers).join(u' '));
            if (!initContainers.isEmpty())
                message += Tr::tr(" or one of the init containers: [%1]")
                               .arg(names(initContainers).join(u' '));
            return badRequest(message);
        }
    }
    QJsonObject container = findByName(containers, name);
    if (container.isEmpty())
        container = findByName(initContainers, name);
    if (container.isEmpty()) // kubectl debug's containers
        container = findByName(spec.value(u"ephemeralContainers").toArray(), name);
    if (container.isEmpty())
        return badRequest(Tr::tr("container %1 is not valid for pod %2").arg(name, podName));

    QJsonObject cstatus = findByName(status.value(u"containerStatuses").toArray(), name);
    if (cstatus.isEmpty())
        cstatus = findByName(status.value(u"initContainerStatuses").toArray(), name);
    if (cstatus.isEmpty())
        cstatus = findByName(status.value(u"ephemeralContainerStatuses").toArray(), name);
    LogSource source;
    source.podName = podName;
    source.uid = meta.value(u"uid").toString();
    source.container = name;
    source.image = container.value(u"image").toString();
    const QJsonObject annotations = meta.value(u"annotations").toObject();
    const double rate = annotations.value(rateAnnotation()).toString().toDouble();
    source.linesPerSecond = rate > 0 ? qBound(0.001, rate, 1000000.0) : 1.0;
    source.historyLines = qBound<qint64>(
        0, annotations.value(historyAnnotation()).toString().toLongLong(), qint64(100000000));
    const QStringList bytes = annotations.value(lineBytesAnnotation()).toString().split(u'-');
    if (bytes.size() == 2) {
        const int low = bytes.at(0).trimmed().toInt();
        const int high = bytes.at(1).trimmed().toInt();
        if (low > 0 && high >= low && high <= 65536) {
            source.minLineBytes = low;
            source.maxLineBytes = high;
        }
    }

    const QJsonObject state = cstatus.value(u"state").toObject();
    if (options.previous) {
        const QJsonObject last =
            cstatus.value(u"lastState").toObject().value(u"terminated").toObject();
        if (last.isEmpty())
            return badRequest(Tr::tr("previous terminated container \"%1\" in pod \"%2\" not found")
                                  .arg(name, podName));
        source.start = timeField(last, u"startedAt");
        source.end = timeField(last, u"finishedAt");
        return source;
    }
    if (state.contains(u"running")) {
        source.start = timeField(state.value(u"running").toObject(), u"startedAt");
    } else if (state.contains(u"terminated")) {
        const QJsonObject terminated = state.value(u"terminated").toObject();
        source.start = timeField(terminated, u"startedAt");
        source.end = timeField(terminated, u"finishedAt");
    } else if (state.isEmpty() && status.value(u"phase").toString() == u"Running") {
        // Pods written without container states (preloaded load-test pods) run since startTime.
        source.start = timeField(status, u"startTime");
        if (!source.start.isValid())
            source.start = timeField(meta, u"creationTimestamp");
    }
    if (!source.start.isValid()) {
        const QString reason = state.value(u"waiting")
                                   .toObject()
                                   .value(u"reason")
                                   .toString(QStringLiteral("ContainerCreating"));
        return badRequest(Tr::tr("container \"%1\" in pod \"%2\" is waiting to start: %3")
                              .arg(name, podName, reason));
    }
    return source;
}

qint64 PodLogs::firstLine(const LogSource &source, const PodLogOptions &options,
                          const QDateTime &now)
{
    const qint64 count = source.countAt(now);
    qint64 first = qMax<qint64>(0, count - source.retainedLines());
    if (options.sinceTime)
        first = qMax(first, source.firstAtOrAfter(*options.sinceTime));
    if (options.sinceSeconds)
        first = qMax(first, source.firstAtOrAfter(now.addSecs(-*options.sinceSeconds)));
    if (options.tailLines)
        first = qMax(first, count - *options.tailLines);
    return qMin(first, count);
}

QByteArray PodLogs::render(const LogSource &source, const PodLogOptions &options,
                           const QDateTime &now)
{
    const qint64 count = source.countAt(now);
    QByteArray out;
    const qint64 first = firstLine(source, options, now);
    out.reserve(qMin<qint64>(count - first, 1 << 22) * 120);
    for (qint64 i = first; i < count; ++i) {
        out += source.line(i, options.timestamps);
        if (options.limitBytes && out.size() >= *options.limitBytes)
            return out.left(*options.limitBytes);
    }
    return out;
}

} // namespace core::sandbox
