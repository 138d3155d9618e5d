#pragma once

#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace core::kube {

// corev1.PodLogOptions: the query of GET /api/v1/namespaces/NS/pods/NAME/log.
struct PodLogOptions
{
    QString container;
    bool follow = false;
    bool previous = false;
    std::optional<qint64> sinceSeconds;
    // Sent with nanoseconds when set (RFC 3339; the API server's parser accepts a fraction), so a
    // resumed follow starts exactly at the last line seen.
    QString sinceTime;
    bool timestamps = false;
    std::optional<qint64> tailLines;
    std::optional<qint64> limitBytes;

    QList<QPair<QString, QString>> toQuery() const;
};

// "2024-05-01T10:00:00.5Z" -> "2024-05-01T10:00:00.500000000Z": RFC3339Nano as the kubelet writes
// it trims trailing zeros, so raw strings do not sort by time. Empty when `timestamp` is no UTC
// RFC 3339 time.
QString sortableTimestamp(const QString &timestamp);

// kubectl's --since: a Go duration ("90s", "5m", "1h30m", "1.5h") rounded to whole seconds as
// kubectl does (time.Duration.Round(time.Second), halves away from zero). nullopt when malformed
// or negative.
std::optional<qint64> parseSinceSeconds(const QString &duration);

} // namespace core::kube
