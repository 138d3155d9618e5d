#include "core/kube/podlogclient.h"

#include "core/common/tr.h"
#include "core/kube/apiclient.h"
#include "core/kube/apistream.h"
#include "core/kube/logstore.h"

#include <algorithm>
#include <cstring>

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
    m_lastKey = kNoTime;
    m_seenAtLastKey = 0;
    m_resumeKey = kNoTime;
    m_skipAtResumeKey = 0;
    m_confirmingEnd = false;
    send(m_options);
}

void PodLogClient::stop()
{
    dropStream();
    m_partial.clear();
    m_dropped = false;
    m_resuming = false;
}

bool PodLogClient::resume()
{
    if (!m_dropped || isActive() || m_lastKey == kNoTime)
        return false;
    m_dropped = false;
    m_confirmingEnd = false;
    m_resuming = true;
    resumeFromLastLine();
    return true;
}

void PodLogClient::resumeFromLastLine()
{
    PodLogOptions options = m_options;
    // The lines before the last one seen are already here; tail and since would cut the log
    // somewhere else than where it broke.
    options.sinceTime = QString::fromLatin1(m_lastTimestamp);
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
    m_resuming = false;
    if (m_partial.isEmpty())
        m_partial = data; // shared, no copy of a chunk that may be megabytes
    else
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
    // A resume that could not connect (the server is still away) is one more drop: resume()
    // again later.
    const bool resumeUnanswered = m_resuming && !begun && error.httpStatus < 400;
    m_resuming = false;
    if (error.httpStatus >= 400 || (!begun && !m_confirmingEnd && !resumeUnanswered)) {
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
    if (m_options.follow && m_lastKey != kNoTime) {
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

// Raw mode: the block of complete lines goes out as it is; only the lines a resumed stream
// repeats are looked at one by one, and the last lines for resume(). O(1) work per line beyond a
// newline count, so a chunk of megabytes costs the GUI thread about one copy.
void PodLogClient::takeRawLines(bool endOfStream)
{
    QByteArray out;
    int accepted = 0;
    qsizetype begin = 0;
    while (m_options.timestamps && m_resumeKey != kNoTime) {
        const qsizetype newline = m_partial.indexOf('\n', begin);
        if (newline < 0)
            break;
        if (acceptLine(QByteArrayView(m_partial).sliced(begin, newline - begin), nullptr, &out))
            ++accepted;
        begin = newline + 1;
    }
    const qsizetype last = m_partial.lastIndexOf('\n');
    if (last >= begin) {
        const QByteArrayView block = QByteArrayView(m_partial).sliced(begin, last + 1 - begin);
        if (m_options.timestamps)
            noteLastLines(block);
        // Counts deliveries, not lines: only "anything new?" is asked of it (endFollow).
        ++accepted;
        if (out.isEmpty() && begin == 0 && last + 1 == m_partial.size()) {
            out = std::exchange(m_partial, QByteArray()); // the whole chunk: handed on, no copy
            begin = 0;
        } else {
            out.append(block);
            begin = last + 1;
        }
    }
    if (begin > 0)
        m_partial.remove(0, begin);
    while (m_partial.size() > kMaxLineBytes) {
        if (acceptLine(QByteArrayView(m_partial).first(kMaxLineBytes), nullptr, &out))
            ++accepted;
        m_partial.remove(0, kMaxLineBytes);
    }
    if (endOfStream && !m_partial.isEmpty()) {
        if (acceptLine(m_partial, nullptr, &out))
            ++accepted;
        m_partial.clear();
    }
    if (accepted == 0)
        return;
    m_linesThisStream += accepted;
    emit rawLinesReceived(out);
}

// The resume point after a block of lines: the last timestamp and how many lines carry it.
void PodLogClient::noteLastLines(QByteArrayView block)
{
    qint64 key = kNoTime;
    QByteArrayView keyText;
    int count = 0;
    bool reachedStart = true;
    qsizetype end = block.size() - 1; // at the block's final '\n'
    while (end > 0) {
        const qsizetype start = block.lastIndexOf('\n', end - 1) + 1;
        const QByteArrayView line = block.sliced(start, end - start);
        const qsizetype space = line.indexOf(' ');
        const QByteArrayView stamp = line.first(space < 0 ? line.size() : space);
        std::int64_t parsed = 0;
        if (parseLogTimestamp(std::string_view(stamp.data(), size_t(stamp.size())), &parsed)) {
            if (key == kNoTime) {
                key = parsed;
                keyText = stamp;
            } else if (parsed != key) {
                reachedStart = false;
                break;
            }
            ++count;
        }
        end = start - 1;
    }
    if (key == kNoTime)
        return;
    if (reachedStart && key == m_lastKey) {
        m_seenAtLastKey += count;
        return;
    }
    m_lastKey = key;
    m_lastTimestamp = keyText.toByteArray();
    m_seenAtLastKey = count;
}

void PodLogClient::takeLines(bool endOfStream)
{
    if (m_raw) {
        takeRawLines(endOfStream);
        return;
    }
    QStringList complete;
    QByteArray raw;
    int accepted = 0;
    const auto take = [&](QByteArrayView line) {
        if (acceptLine(line, &complete, &raw))
            ++accepted;
    };
    qsizetype begin = 0;
    for (;;) {
        const qsizetype newline = m_partial.indexOf('\n', begin);
        if (newline < 0)
            break;
        take(QByteArrayView(m_partial).sliced(begin, newline - begin));
        begin = newline + 1;
    }
    m_partial.remove(0, begin);
    while (m_partial.size() > kMaxLineBytes) {
        take(QByteArrayView(m_partial).first(kMaxLineBytes));
        m_partial.remove(0, kMaxLineBytes);
    }
    if (endOfStream && !m_partial.isEmpty()) {
        take(m_partial);
        m_partial.clear();
    }
    if (accepted == 0)
        return;
    m_linesThisStream += accepted;
    if (m_raw) {
        emit rawLinesReceived(raw);
        return;
    }
    appendToRing(complete);
    emit linesReceived(complete);
}

// Tracks the timestamp of each line for resume(), drops the lines a resumed stream repeats, and
// strips the timestamp the caller did not ask for. False when the line was dropped.
bool PodLogClient::acceptLine(QByteArrayView line, QStringList *out, QByteArray *raw)
{
    const auto deliver = [&](QByteArrayView text) {
        if (m_raw) {
            raw->append(text);
            raw->append('\n');
        } else {
            out->append(QString::fromUtf8(text));
        }
    };
    if (!m_options.timestamps) {
        deliver(line);
        return true;
    }
    const qsizetype space = line.indexOf(' ');
    const QByteArrayView timestamp = line.first(space < 0 ? line.size() : space);
    std::int64_t parsed = 0;
    const qint64 key =
        parseLogTimestamp(std::string_view(timestamp.data(), size_t(timestamp.size())), &parsed)
            ? qint64(parsed)
            : kNoTime;
    if (key != kNoTime && m_resumeKey != kNoTime) {
        if (key < m_resumeKey)
            return false;
        if (key == m_resumeKey && m_skipAtResumeKey > 0) {
            --m_skipAtResumeKey;
            return false;
        }
        m_resumeKey = kNoTime;
    }
    if (key != kNoTime) {
        if (key == m_lastKey) {
            ++m_seenAtLastKey;
        } else {
            m_lastKey = key;
            // Reuses the buffer: no allocation per line.
            m_lastTimestamp.resize(timestamp.size());
            std::memcpy(m_lastTimestamp.data(), timestamp.data(), size_t(timestamp.size()));
            m_seenAtLastKey = 1;
        }
    }
    if (m_stripTimestamps && !m_raw && key != kNoTime)
        line = line.sliced(space < 0 ? line.size() : space + 1);
    deliver(line);
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
