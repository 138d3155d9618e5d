#include "core/burst/bursttimeline.h"

#include "core/burst/cciconventions.h"
#include "core/common/csv.h"
#include "core/kube/objectmeta.h"

#include <QJsonArray>

#include <cmath>
#include <limits>

namespace core::burst {

namespace {

int &slot(PlacementTimeline::Counts &counts, PodPlace place)
{
    switch (place) {
    case PodPlace::Pending:
        return counts.pending;
    case PodPlace::Local:
        return counts.local;
    case PodPlace::Cci:
        break;
    }
    return counts.cci;
}

PlacementTimeline::Counts plus(PlacementTimeline::Counts a, const PlacementTimeline::Counts &b)
{
    a.pending += b.pending;
    a.local += b.local;
    a.cci += b.cci;
    return a;
}

QString utc(qint64 msecs)
{
    return QDateTime::fromMSecsSinceEpoch(msecs).toUTC().toString(Qt::ISODateWithMs);
}


const QList<std::pair<TimelineMarker::Kind, QString>> &kindNames()
{
    static const QList<std::pair<TimelineMarker::Kind, QString>> names = {
        {TimelineMarker::Kind::Scale, QStringLiteral("scale")},
        {TimelineMarker::Kind::Refusal, QStringLiteral("refusal")},
        {TimelineMarker::Kind::Lock, QStringLiteral("lock")},
        {TimelineMarker::Kind::Unlock, QStringLiteral("unlock")},
    };
    return names;
}

} // namespace

std::optional<PodPlace> podPlace(const QJsonObject &pod, const QStringList &virtualNodes)
{
    if (kube::metadataOf(pod).contains(QStringLiteral("deletionTimestamp")))
        return std::nullopt;
    const QString phase =
        pod.value(QStringLiteral("status")).toObject().value(QStringLiteral("phase")).toString();
    if (phase == u"Succeeded" || phase == u"Failed")
        return std::nullopt;
    const QString node = kube::nodeNameOf(pod);
    if (node.isEmpty())
        return PodPlace::Pending;
    return virtualNodes.contains(node) ? PodPlace::Cci : PodPlace::Local;
}

PodPast podPast(const QJsonObject &pod, const QStringList &virtualNodes)
{
    PodPast past;
    const QJsonObject status = pod.value(QStringLiteral("status")).toObject();
    past.created = kube::timestampOf(kube::metadataOf(pod).value(QStringLiteral("creationTimestamp")));
    const QString node = kube::nodeNameOf(pod);
    if (!node.isEmpty()) {
        past.place = virtualNodes.contains(node) ? PodPlace::Cci : PodPlace::Local;
        for (const QJsonValue &entry : status.value(QStringLiteral("conditions")).toArray()) {
            const QJsonObject condition = entry.toObject();
            if (condition.value(QStringLiteral("type")).toString() == u"PodScheduled" &&
                condition.value(QStringLiteral("status")).toString() == u"True")
                past.placed = kube::timestampOf(condition.value(QStringLiteral("lastTransitionTime")));
        }
        if (!past.placed.isValid())
            past.placed = kube::timestampOf(status.value(QStringLiteral("startTime")));
        if (!past.placed.isValid())
            past.placed = past.created;
    }
    const QString phase = status.value(QStringLiteral("phase")).toString();
    if (phase == u"Succeeded" || phase == u"Failed") {
        for (const QJsonValue &entry : status.value(QStringLiteral("containerStatuses")).toArray()) {
            const QDateTime finished = kube::timestampOf(entry.toObject()
                                                  .value(QStringLiteral("state"))
                                                  .toObject()
                                                  .value(QStringLiteral("terminated"))
                                                  .toObject()
                                                  .value(QStringLiteral("finishedAt")));
            if (finished.isValid() && (!past.ended.isValid() || finished > past.ended))
                past.ended = finished;
        }
        if (!past.ended.isValid())
            past.ended = past.placed.isValid() ? past.placed : past.created;
    }
    return past;
}

std::optional<TimelineMarker> markerFromEvent(const QJsonObject &event)
{
    static const QHash<QString, TimelineMarker::Kind> kinds = {
        {QStringLiteral("ScalingReplicaSet"), TimelineMarker::Kind::Scale},
        {QStringLiteral("SuccessfulRescale"), TimelineMarker::Kind::Scale},
        {QStringLiteral("FailedCreate"), TimelineMarker::Kind::Refusal},
        {QStringLiteral("ProviderCreateFailed"), TimelineMarker::Kind::Refusal},
        {QStringLiteral("FailedScheduling"), TimelineMarker::Kind::Refusal},
        {QStringLiteral("VirtualKubeletLocked"), TimelineMarker::Kind::Lock},
        {QStringLiteral("VirtualKubeletUnlocked"), TimelineMarker::Kind::Unlock},
    };
    const QString reason = event.value(QStringLiteral("reason")).toString();
    const auto kind = kinds.constFind(reason);
    if (kind == kinds.constEnd())
        return std::nullopt;
    QDateTime at;
    for (const char *field : {"lastTimestamp", "eventTime", "firstTimestamp"}) {
        at = kube::timestampOf(event.value(QLatin1String(field)));
        if (at.isValid())
            break;
    }
    if (!at.isValid())
        at = kube::timestampOf(kube::metadataOf(event).value(QStringLiteral("creationTimestamp")));
    if (!at.isValid())
        return std::nullopt;
    const QJsonObject involved = event.value(QStringLiteral("involvedObject")).toObject();
    TimelineMarker marker;
    marker.msecs = at.toMSecsSinceEpoch();
    marker.kind = *kind;
    marker.object = involved.value(QStringLiteral("kind")).toString() + u'/' +
                    involved.value(QStringLiteral("namespace")).toString() + u'/' +
                    involved.value(QStringLiteral("name")).toString();
    marker.reason = reason;
    marker.message = event.value(QStringLiteral("message")).toString();
    return marker;
}

QString markerKindName(TimelineMarker::Kind kind)
{
    for (const auto &[k, name] : kindNames())
        if (k == kind)
            return name;
    return {};
}

PlacementTimeline::PlacementTimeline(qint64 resolutionMs)
    : m_resolution(resolutionMs > 0 ? resolutionMs : 1)
{
}

qint64 PlacementTimeline::bucket(qint64 msecs) const
{
    msecs = std::max(msecs, m_floor);
    const qint64 remainder = msecs % m_resolution;
    return msecs - (remainder < 0 ? remainder + m_resolution : remainder);
}

void PlacementTimeline::shift(qint64 msecs, std::optional<PodPlace> place, int delta)
{
    if (!place)
        return;
    Counts &counts = m_deltas[bucket(msecs)];
    slot(counts, *place) += delta;
    if (counts == Counts{})
        m_deltas.remove(bucket(msecs));
}

quint64 PlacementTimeline::podKey(const QString &uid)
{
    return quint64(qHash(uid, size_t(0x9e3779b97f4a7c15ULL)));
}

void PlacementTimeline::setPod(const QString &uid, std::optional<PodPlace> place, qint64 msecs)
{
    const quint64 key = podKey(uid);
    const auto current = m_current.constFind(key);
    const std::optional<PodPlace> before =
        current == m_current.constEnd() ? std::nullopt : std::optional<PodPlace>(*current);
    if (before == place)
        return;
    shift(msecs, before, -1);
    shift(msecs, place, +1);
    if (place)
        m_current.insert(key, *place);
    else
        m_current.remove(key);
}

void PlacementTimeline::addPast(const QString &uid, const PodPast &past)
{
    if (m_current.contains(podKey(uid)) || !past.created.isValid())
        return;
    const qint64 created = past.created.toMSecsSinceEpoch();
    const qint64 placed = past.placed.isValid() ? past.placed.toMSecsSinceEpoch() : created;
    std::optional<PodPlace> now = PodPlace::Pending;
    shift(created, PodPlace::Pending, +1);
    if (past.place) {
        shift(std::max(placed, created), PodPlace::Pending, -1);
        shift(std::max(placed, created), past.place, +1);
        now = past.place;
    }
    if (past.ended.isValid()) {
        shift(std::max(past.ended.toMSecsSinceEpoch(), created), now, -1);
        return;
    }
    m_current.insert(podKey(uid), *now);
}

void PlacementTimeline::addMarker(const TimelineMarker &marker)
{
    if (marker.msecs < m_floor || m_markers.contains(marker))
        return;
    m_markers.append(marker);
}

PlacementTimeline::Counts PlacementTimeline::countsNow() const
{
    Counts counts = m_base;
    for (const Counts &delta : m_deltas)
        counts = plus(counts, delta);
    return counts;
}

QList<PlacementTimeline::Sample> PlacementTimeline::samples() const
{
    QList<Sample> out;
    out.reserve(m_deltas.size());
    Counts counts = m_base;
    for (auto it = m_deltas.constBegin(); it != m_deltas.constEnd(); ++it) {
        counts = plus(counts, it.value());
        out.append({it.key(), counts});
    }
    return out;
}

void PlacementTimeline::trimBefore(qint64 msecs)
{
    const qint64 limit = bucket(msecs);
    Counts folded;
    bool any = false;
    while (!m_deltas.isEmpty() && m_deltas.firstKey() < limit) {
        folded = plus(folded, m_deltas.first());
        m_deltas.erase(m_deltas.begin());
        any = true;
    }
    if (any) {
        // The counts at `limit` stay visible as the first sample.
        Counts &first = m_deltas[limit];
        first = plus(first, plus(m_base, folded));
        m_base = Counts{};
        if (first == Counts{})
            m_deltas.remove(limit);
    }
    m_markers.removeIf([msecs](const TimelineMarker &m) { return m.msecs < msecs; });
}

void PlacementTimeline::closeAt(qint64 msecs)
{
    for (auto it = m_current.constBegin(); it != m_current.constEnd(); ++it)
        shift(msecs, *it, -1);
    m_current.clear();
    m_floor = std::max(m_floor, bucket(msecs));
}

QJsonObject PlacementTimeline::toJson() const
{
    QJsonArray samplesJson;
    for (const Sample &s : samples())
        samplesJson.append(QJsonArray{double(s.msecs), s.counts.pending, s.counts.local,
                                      s.counts.cci});
    QJsonArray markersJson;
    for (const TimelineMarker &m : m_markers)
        markersJson.append(QJsonObject{{QStringLiteral("msecs"), double(m.msecs)},
                                       {QStringLiteral("kind"), markerKindName(m.kind)},
                                       {QStringLiteral("object"), m.object},
                                       {QStringLiteral("reason"), m.reason},
                                       {QStringLiteral("message"), m.message}});
    QJsonObject json{{QStringLiteral("resolutionMs"), double(m_resolution)},
                     {QStringLiteral("observedSince"), double(m_observedSince)},
                     {QStringLiteral("samples"), samplesJson},
                     {QStringLiteral("markers"), markersJson}};
    if (m_floor != std::numeric_limits<qint64>::min())
        json.insert(QStringLiteral("floor"), double(m_floor));
    return json;
}

std::optional<PlacementTimeline> PlacementTimeline::fromJson(const QJsonObject &json)
{
    const auto integer = [](const QJsonValue &value, qint64 *out) {
        if (!value.isDouble())
            return false;
        const double d = value.toDouble();
        // JSON numbers are doubles: times stay exact below 2^53 ms.
        if (!(std::abs(d) <= 9007199254740992.0) || d != std::trunc(d))
            return false;
        *out = qint64(d);
        return true;
    };
    qint64 resolution = 0;
    if (!integer(json.value(QStringLiteral("resolutionMs")), &resolution) || resolution <= 0)
        return std::nullopt;
    PlacementTimeline timeline(resolution);
    if (!integer(json.value(QStringLiteral("observedSince")), &timeline.m_observedSince))
        return std::nullopt;
    if (json.contains(QStringLiteral("floor")) &&
        !integer(json.value(QStringLiteral("floor")), &timeline.m_floor))
        return std::nullopt;
    Counts previous;
    qint64 lastTime = std::numeric_limits<qint64>::min();
    for (const QJsonValue &entry : json.value(QStringLiteral("samples")).toArray()) {
        const QJsonArray sample = entry.toArray();
        qint64 values[4];
        if (sample.size() != 4)
            return std::nullopt;
        for (int i = 0; i < 4; ++i)
            if (!integer(sample.at(i), &values[i]) || (i > 0 && (values[i] < 0 ||
                                                                  values[i] > 100'000'000)))
                return std::nullopt;
        if (values[0] <= lastTime)
            return std::nullopt;
        lastTime = values[0];
        const Counts counts{int(values[1]), int(values[2]), int(values[3])};
        timeline.m_deltas.insert(values[0], Counts{counts.pending - previous.pending,
                                                   counts.local - previous.local,
                                                   counts.cci - previous.cci});
        previous = counts;
    }
    for (const QJsonValue &entry : json.value(QStringLiteral("markers")).toArray()) {
        const QJsonObject m = entry.toObject();
        TimelineMarker marker;
        if (!integer(m.value(QStringLiteral("msecs")), &marker.msecs))
            return std::nullopt;
        const QString kind = m.value(QStringLiteral("kind")).toString();
        bool known = false;
        for (const auto &[k, name] : kindNames())
            if (name == kind) {
                marker.kind = k;
                known = true;
            }
        if (!known)
            return std::nullopt;
        marker.object = m.value(QStringLiteral("object")).toString();
        marker.reason = m.value(QStringLiteral("reason")).toString();
        marker.message = m.value(QStringLiteral("message")).toString();
        timeline.m_markers.append(marker);
    }
    return timeline;
}

QByteArray PlacementTimeline::toCsv() const
{
    QByteArray csv = QByteArrayLiteral("time,pending,local,cci\r\n");
    for (const Sample &s : samples())
        csv += utc(s.msecs).toUtf8() + ',' + QByteArray::number(s.counts.pending) + ',' +
               QByteArray::number(s.counts.local) + ',' + QByteArray::number(s.counts.cci) +
               "\r\n";
    if (!m_markers.isEmpty()) {
        csv += QByteArrayLiteral("time,marker,kind,object,reason,message\r\n");
        for (const TimelineMarker &m : m_markers)
            csv += utc(m.msecs).toUtf8() + ",marker," + markerKindName(m.kind).toUtf8() + ',' +
                   csvField(m.object) + ',' + csvField(m.reason) + ',' + csvField(m.message) +
                   "\r\n";
    }
    return csv;
}

namespace {

int countOf(const PlacementTimeline::Counts &counts, int place)
{
    return place == 0 ? counts.pending : place == 1 ? counts.local : counts.cci;
}

} // namespace

TimelineChart timelineChart(const PlacementTimeline *timeline, qint64 end, qint64 rangeMs)
{
    constexpr qint64 kHour = 3'600'000;
    TimelineChart chart;
    chart.end = end;
    chart.start = end - rangeMs;
    const QList<PlacementTimeline::Sample> samples =
        timeline ? timeline->samples() : QList<PlacementTimeline::Sample>();
    if (rangeMs == 0) {
        const qint64 first = samples.isEmpty() ? end : samples.first().msecs;
        chart.start =
            std::max(end - 72 * kHour, std::min(end - 5 * 60'000, first - (end - first) / 20));
    }
    if (!timeline)
        return chart;
    const qint64 start = chart.start;
    PlacementTimeline::Counts counts;
    for (const PlacementTimeline::Sample &sample : samples) {
        if (sample.msecs <= start) {
            counts = sample.counts;
            continue;
        }
        for (int i = 0; i < 3; ++i) {
            QList<QPointF> &points = chart.points[i];
            if (points.isEmpty())
                points.append(QPointF(start, countOf(counts, i)));
            points.append(QPointF(sample.msecs, countOf(counts, i)));
            points.append(QPointF(sample.msecs, countOf(sample.counts, i)));
            chart.top = std::max(chart.top, countOf(sample.counts, i));
        }
        counts = sample.counts;
    }
    for (int i = 0; i < 3; ++i) {
        if (chart.points[i].isEmpty())
            chart.points[i].append(QPointF(start, countOf(counts, i)));
        chart.points[i].append(QPointF(end, countOf(counts, i)));
        chart.top = std::max(chart.top, countOf(counts, i));
    }
    for (const TimelineMarker &marker : timeline->markers())
        if (marker.msecs >= start && marker.msecs <= end)
            chart.markers.append(QPointF(marker.msecs, 0));
    return chart;
}

} // namespace core::burst
