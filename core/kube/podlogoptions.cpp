#include "core/kube/podlogoptions.h"

#include <QRegularExpression>

#include <cmath>

namespace core::kube {

QList<QPair<QString, QString>> PodLogOptions::toQuery() const
{
    QList<QPair<QString, QString>> query;
    const QString yes = QStringLiteral("true");
    if (!container.isEmpty())
        query.append({QStringLiteral("container"), container});
    if (follow)
        query.append({QStringLiteral("follow"), yes});
    if (previous)
        query.append({QStringLiteral("previous"), yes});
    if (sinceSeconds)
        query.append({QStringLiteral("sinceSeconds"), QString::number(*sinceSeconds)});
    if (!sinceTime.isEmpty())
        query.append({QStringLiteral("sinceTime"), sinceTime});
    if (timestamps)
        query.append({QStringLiteral("timestamps"), yes});
    if (tailLines)
        query.append({QStringLiteral("tailLines"), QString::number(*tailLines)});
    if (limitBytes)
        query.append({QStringLiteral("limitBytes"), QString::number(*limitBytes)});
    return query;
}

QString sortableTimestamp(const QString &timestamp)
{
    static const QRegularExpression rfc3339(
        QStringLiteral(R"(^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?Z$)"));
    const QRegularExpressionMatch match = rfc3339.match(timestamp);
    if (!match.hasMatch())
        return {};
    return QString(match.captured(1) + u'.' + match.captured(2).leftJustified(9, u'0') + u'Z');
}

std::optional<qint64> parseSinceSeconds(const QString &duration)
{
    static const QRegularExpression part(
        QStringLiteral(R"((\d+(?:\.\d*)?|\.\d+)(h|ms|m|s|us|µs|ns))"));
    if (duration == u"0")
        return 0;
    double nanoseconds = 0;
    qsizetype position = 0;
    while (position < duration.size()) {
        const QRegularExpressionMatch match =
            part.match(duration, position, QRegularExpression::NormalMatch,
                       QRegularExpression::AnchorAtOffsetMatchOption);
        if (!match.hasMatch())
            return std::nullopt;
        const QString unit = match.captured(2);
        const double scale = unit == u"h"    ? 3600e9
                             : unit == u"m"  ? 60e9
                             : unit == u"s"  ? 1e9
                             : unit == u"ms" ? 1e6
                             : unit == u"ns" ? 1.0
                                             : 1e3;
        nanoseconds += match.captured(1).toDouble() * scale;
        position = match.capturedEnd();
    }
    if (duration.isEmpty())
        return std::nullopt;
    return qint64(std::floor(nanoseconds / 1e9 + 0.5));
}

} // namespace core::kube
