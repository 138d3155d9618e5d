#pragma once

#include "core/common/result.h"
#include "core/kube/apistream.h"
#include "core/kube/podlogoptions.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <limits>

namespace core::kube {

class ApiClient;

// Streams a container's log (GET /api/v1/namespaces/NS/pods/NAME/log) and hands out complete
// lines as they arrive; a line split across chunks waits for its newline. Keeps at most
// maxLines() lines for a viewer. A follow stream always asks for timestamps (they are stripped
// again unless the caller asked for them) so that resume() after streamDropped() continues at
// the last line seen: nothing lost, nothing repeated. Requests go through the ApiClient's pipeline
// (credentials, signing, a 401 refreshes the credential once; errors as ApiStatusError::toError).
class PodLogClient : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultMaxLines = 10000;
    // A line longer than this is handed out in pieces, so a log without newlines cannot grow
    // memory without bound.
    static constexpr qsizetype kMaxLineBytes = qsizetype(1) << 20;

    explicit PodLogClient(ApiClient *client, QObject *parent = nullptr);
    ~PodLogClient() override;

    void setMaxLines(int maxLines);
    int maxLines() const { return m_maxLines; }
    QStringList lines() const { return m_lines; } // oldest first

    void start(const QString &nameSpace, const QString &pod, const PodLogOptions &options);
    void stop();
    bool isActive() const { return m_stream != nullptr; }
    // Reconnects a dropped stream from the last line received. False when there is nothing to
    // resume (not started, still running, or no line with a timestamp seen yet).
    bool resume();
    // RFC 3339 time of the last line received, as the server wrote it; empty before the first.
    QString lastTimestamp() const { return QString::fromLatin1(m_lastTimestamp); }
    // Raw mode: complete lines go out as UTF-8 through rawLinesReceived() only, each ending with
    // '\n' and keeping its timestamp when the request has one (a follow always has); no QString
    // per line and no ring (lines() stays empty). For viewers that store the bytes themselves.
    void setRawLines(bool raw) { m_raw = raw; }
    bool rawLines() const { return m_raw; }

signals:
    void linesReceived(const QStringList &lines);
    // Raw mode only: the lines that arrived, one block, each line ending with '\n'.
    void rawLinesReceived(const QByteArray &lines);
    // The server ended the log. A follow ends when the container stops; its end is confirmed by
    // one more request from the last line, which must bring nothing new.
    void finished();
    // The API refused the request (the metav1.Status message) or it never got an answer.
    void failed(const core::Error &error);
    // The connection broke in the middle of the log, or a resume() found no server; resume()
    // continues it.
    void streamDropped(const core::Error &error);

private:
    void send(const PodLogOptions &options);
    void resumeFromLastLine();
    void endFollow();
    void onReceived(const QByteArray &data);
    void onEnded();
    void onFailed(const ApiStatusError &error);
    void takeLines(bool endOfStream);
    void takeRawLines(bool endOfStream);
    void noteLastLines(QByteArrayView block);
    bool acceptLine(QByteArrayView line, QStringList *out, QByteArray *raw);
    void appendToRing(const QStringList &lines);
    void dropStream();

    ApiClient *m_client;
    QString m_namespace;
    QString m_pod;
    PodLogOptions m_options;
    bool m_stripTimestamps = false;
    QPointer<ApiStream> m_stream;
    QByteArray m_partial;
    QStringList m_lines;
    int m_maxLines = kDefaultMaxLines;
    bool m_dropped = false;
    bool m_confirmingEnd = false;
    int m_linesThisStream = 0;

    bool m_raw = false;
    bool m_resuming = false; // resume() sent, nothing received yet

    // The last line's timestamp as written and as nanoseconds (parseLogTimestamp, no QString per
    // line); kNoTime before the first.
    static constexpr qint64 kNoTime = std::numeric_limits<qint64>::min();
    QByteArray m_lastTimestamp;
    qint64 m_lastKey = kNoTime;
    int m_seenAtLastKey = 0;
    // After resume(): lines before m_resumeKey, and the first m_skipAtResumeKey at it, were seen.
    qint64 m_resumeKey = kNoTime;
    int m_skipAtResumeKey = 0;
};

} // namespace core::kube
