#pragma once

#include "core/sandbox/store/apistatus.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace core::sandbox {

struct HttpRequest;

// The query of GET .../pods/NAME/log (core/v1 PodLogOptions).
struct PodLogOptions
{
    QString container;
    bool follow = false;
    bool previous = false;
    bool timestamps = false;
    std::optional<qint64> tailLines;
    std::optional<qint64> limitBytes;
    std::optional<qint64> sinceSeconds;
    std::optional<QDateTime> sinceTime;

    // 400 for values the API server's validation rejects (negative tail, both since forms...).
    static ServerResult<PodLogOptions> fromRequest(const HttpRequest &request);
};

// One container instance whose log is simulated: every line is a pure function of (pod uid,
// container, instance start, rate, index), so any window is produced on demand and nothing is
// stored. Line i is written at origin() + i / rate seconds (plus a sub-millisecond jitter up to
// 1,000 lines a second; above, the exact nanosecond, so timestamps never go backwards).
struct LogSource
{
    QString podName;
    QString uid;
    QString container;
    QString image;
    QDateTime start;
    std::optional<QDateTime> end; // a terminated instance writes nothing after it
    double linesPerSecond = 1.0;
    // Annotation sandbox.burst.io/log-history-lines: the log already has this many lines when
    // the container starts (they are written before `start` at the same rate), and the node
    // keeps the whole log (otherwise a kubelet-like rotation keeps the last 100,000 lines).
    qint64 historyLines = 0;
    // Annotation sandbox.burst.io/log-line-bytes "MIN-MAX": each line's text (without timestamp
    // and newline) is cut or padded to a length in [MIN, MAX] picked per line; 0 = as generated.
    int minLineBytes = 0;
    int maxLineBytes = 0;

    QDateTime origin() const; // when line 0 was written: start minus the history
    qint64 retainedLines() const;

    QDateTime lineTime(qint64 index) const;
    // Lines written at or before `t` (all of them up to `end`).
    qint64 countAt(const QDateTime &t) const;
    // The first line written at or after `t`.
    qint64 firstAtOrAfter(const QDateTime &t) const;
    QByteArray line(qint64 index, bool timestamps) const; // ends with '\n'
};

// Resolves a log request against a pod object the way kubelet and the API server do: container
// selection, waiting containers, the previous instance.
class PodLogs
{
public:
    static QString rateAnnotation();        // sandbox.burst.io/log-lines-per-second
    static QString historyAnnotation();     // sandbox.burst.io/log-history-lines
    static QString lineBytesAnnotation();   // sandbox.burst.io/log-line-bytes ("60-200")

    static ServerResult<LogSource> resolve(const QJsonObject &pod, const PodLogOptions &options);
    // The first line index of the answer: sinceSeconds/sinceTime, then tailLines, counted at
    // `now`.
    static qint64 firstLine(const LogSource &source, const PodLogOptions &options,
                            const QDateTime &now);
    // The whole answer of a request without follow, cut at limitBytes.
    static QByteArray render(const LogSource &source, const PodLogOptions &options,
                             const QDateTime &now);
};

} // namespace core::sandbox
