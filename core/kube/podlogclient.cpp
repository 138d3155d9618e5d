#include "core/kube/podlogclient.h"

#include "core/common/tr.h"
#include "core/kube/apiclient.h"
#include "core/kube/apistream.h"

namespace core::kube {

PodLogClient::PodLogClient(ApiClient *client, QObject *parent) : QObject(parent), m_client(client)
{
}

PodLogClient::~PodLogClient()
{
    dropStream();
}

void PodLogClient::setMaxLines(int maxLines)
{
    m_maxLines = std::max(1, maxLines);
    if (m_lines.size() > m_maxLines)
        m_lines.remove(0, m_lines.size() - m_maxLines);
}

void PodLogClient::start(const QString &nameSpace, const QString &pod, const PodLogOptions &options)
{
    stop();
    m_namespace = nameSpace;
    m_pod = pod;
    m_options = options;
    m_stripTimestamps = options.follow && !options.timestamps;
    if (options.follow)
        m_options.timestamps = true;
    m_lines.clear();
    m_lastTimestamp.clear();
    m_lastKey.clear();
    m_seenAtLastKey = 0;
    m_resumeKey.clear();
    m_skipAtResumeKey = 0;
    m_confirmingEnd = false;
    send(m_options);
}

void PodLogClient::stop()
{
    dropStream();
    m_partial.clear();
    m_dropped = false;
}

bool PodLogClient::resume()
{
    if (!m_dropped || isActive() || m_lastKey.isEmpty())
        return false;
    m_dropped = false;
    m_confirmingEnd = false;
    resumeFromLastLine();
    return true;
}

void PodLogClient::resumeFromLastLine()
{
    PodLogOptions options = m_options;
    // The lines before the last one seen are already here; tail and since would cut the log
    // somewhere else than where it broke.
    options.sinceTime = m_lastTimestamp;
    options.sinceSeconds.reset();
    options.tailLines.reset();
    options.limitBytes.reset();
    m_resumeKey = m_lastKey;
    m_skipAtResumeKey = m_seenAtLastKey;
    send(options);
}

void PodLogClient::send(const PodLogOptions &options)
{
    m_partial.clear();
    m_linesThisStream = 0;
    ApiRequest request;
    request.path = QStringLiteral("/api/v1/namespaces/%1/pods/%2/log").arg(m_namespace, m_pod);
    request.query = options.toQuery();
    request.accept = QByteArrayLiteral("*/*");
    m_stream = m_client->openStream(request, this);
    connect(m_stream, &ApiStream::received, this, &PodLogClient::onReceived);
    connect(m_stream, &ApiStream::ended, this, &PodLogClient::onEnded);
    connect(m_stream, &ApiStream::failed, this, &PodLogClient::onFailed);
}

void PodLogClient::onReceived(const QByteArray &data)
{
    m_partial += data;
    takeLines(false);
}

void PodLogClient::onFailed(const ApiStatusError &error)
{
    const bool begun = m_stream && m_stream->httpStatus() > 0;
    dropStream();
    if (error.httpStatus >= 400 && m_confirmingEnd) {
        // The log ended and its pod or container went away since: nothing more to read.
        m_confirmingEnd = false;
        emit finished();
        return;
    }
    if (error.httpStatus >= 400 || (!begun && !m_confirmingEnd)) {
        emit failed(error.toError());
        return;
    }
    // Bytes after the last newline belong to a line the resumed stream sends again whole.
    takeLines(false);
    m_partial.clear();
    m_dropped = true;
    emit streamDropped({QStringLiteral("logs.dropped"),
                        Tr::tr("The log stream of pod \"%1\" broke: %2").arg(m_pod, error.message),
                        Tr::tr("Resume to continue from the last line received.")});
}

void PodLogClient::onEnded()
{
    dropStream();
    if (m_options.follow && !m_lastKey.isEmpty()) {
        endFollow();
        return;
    }
    takeLines(true);
    emit finished();
}

// Qt's HTTP stack reports a connection closed in the middle of a chunked body as a normal end,
// so the end of a follow is only believed once a resume from the last line brings nothing new.
void PodLogClient::endFollow()
{
    takeLines(false);
    if (m_confirmingEnd && m_linesThisStream == 0) {
        takeLines(true);
        m_confirmingEnd = false;
        emit finished();
        return;
    }
    m_confirmingEnd = true;
    resumeFromLastLine();
}

void PodLogClient::takeLines(bool endOfStream)
{
    QStringList complete;
    qsizetype begin = 0;
    for (;;) {
        const qsizetype newline = m_partial.indexOf('\n', begin);
        if (newline < 0)
            break;
        acceptLine(m_partial.mid(begin, newline - begin), &complete);
        begin = newline + 1;
    }
    m_partial.remove(0, begin);
    while (m_partial.size() > kMaxLineBytes) {
        acceptLine(m_partial.left(kMaxLineBytes), &complete);
        m_partial.remove(0, kMaxLineBytes);
    }
    if (endOfStream && !m_partial.isEmpty()) {
        acceptLine(m_partial, &complete);
        m_partial.clear();
    }
    if (complete.isEmpty())
        return;
    m_linesThisStream += complete.size();
    appendToRing(complete);
    emit linesReceived(complete);
}

// Tracks the timestamp of each line for resume(), drops the lines a resumed stream repeats, and
// strips the timestamp the caller did not ask for. False when the line was dropped.
bool PodLogClient::acceptLine(QByteArray line, QStringList *out)
{
    if (!m_options.timestamps) {
        out->append(QString::fromUtf8(line));
        return true;
    }
    const qsizetype space = line.indexOf(' ');
    const QString timestamp = QString::fromLatin1(line.left(space < 0 ? line.size() : space));
    const QString key = sortableTimestamp(timestamp);
    if (!key.isEmpty() && !m_resumeKey.isEmpty()) {
        if (key < m_resumeKey)
            return false;
        if (key == m_resumeKey && m_skipAtResumeKey > 0) {
            --m_skipAtResumeKey;
            return false;
        }
        m_resumeKey.clear();
    }
    if (!key.isEmpty()) {
        if (key == m_lastKey) {
            ++m_seenAtLastKey;
        } else {
            m_lastKey = key;
            m_lastTimestamp = timestamp;
            m_seenAtLastKey = 1;
        }
    }
    if (m_stripTimestamps && !key.isEmpty())
        line.remove(0, space < 0 ? line.size() : space + 1);
    out->append(QString::fromUtf8(line));
    return true;
}

void PodLogClient::appendToRing(const QStringList &lines)
{
    m_lines.append(lines);
    if (m_lines.size() > m_maxLines)
        m_lines.remove(0, m_lines.size() - m_maxLines);
}

void PodLogClient::dropStream()
{
    if (ApiStream *stream = std::exchange(m_stream, nullptr))
        stream->discard();
}

} // namespace core::kube
