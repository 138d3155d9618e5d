#include "core/kube/podlogclient.h"

#include "core/common/tr.h"
#include "core/kube/networkrequest.h"
#include "core/kube/statuserror.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace core::kube {

namespace {

int httpStatusOf(const QNetworkReply *reply)
{
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

} // namespace

PodLogClient::PodLogClient(QNetworkAccessManager *network, Connection connection, QObject *parent)
    : QObject(parent), m_network(network), m_connection(std::move(connection))
{
}

PodLogClient::~PodLogClient()
{
    dropReply();
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
    ++m_generation;
    m_waitingForCredential = false;
    dropReply();
    m_partial.clear();
    m_errorBody.clear();
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
    m_errorBody.clear();
    if (!m_connection.credentialProvider) {
        sendRequest(options, nullptr);
        return;
    }
    m_waitingForCredential = true;
    const quint64 generation = m_generation;
    m_connection.credentialProvider->fetch(
        this, [this, generation, options](const Result<Credential> &credential) {
            if (generation != m_generation)
                return;
            m_waitingForCredential = false;
            if (!credential) {
                emit failed(credential.error());
                return;
            }
            sendRequest(options, &credential.value());
        });
}

void PodLogClient::sendRequest(const PodLogOptions &options, const Credential *credential)
{
    const QString path =
        QStringLiteral("/api/v1/namespaces/%1/pods/%2/log").arg(m_namespace, m_pod);
    QNetworkRequest request =
        makeRequest(m_connection, apiUrl(m_connection, path, options.toQuery()));
    if (credential)
        applyCredential(request, *credential);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setRawHeader("Accept", "*/*");
    m_reply = m_network->get(request);
    connect(m_reply, &QNetworkReply::readyRead, this, &PodLogClient::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &PodLogClient::onFinished);
}

void PodLogClient::onReadyRead()
{
    if (!m_reply)
        return;
    if (httpStatusOf(m_reply) >= 400) {
        m_errorBody += m_reply->readAll().left(64 * 1024 - m_errorBody.size());
        return;
    }
    m_partial += m_reply->readAll();
    takeLines(false);
}

void PodLogClient::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    const int status = httpStatusOf(reply);
    const QNetworkReply::NetworkError networkError = reply->error();
    const QString errorText = reply->errorString();
    if (status >= 400) {
        m_errorBody += reply->readAll();
        const QByteArray body = m_errorBody;
        dropReply();
        if (m_confirmingEnd) {
            // The log ended and its pod or container went away since: nothing more to read.
            m_confirmingEnd = false;
            emit finished();
            return;
        }
        emit failed(errorFromStatusBody(status, body));
        return;
    }
    m_partial += reply->readAll();
    dropReply();
    if (networkError != QNetworkReply::NoError) {
        // Bytes after the last newline belong to a line the resumed stream sends again whole.
        takeLines(false);
        m_partial.clear();
        if (status == 0 && !m_confirmingEnd) {
            emit failed(core::kube::networkError(errorText));
            return;
        }
        m_dropped = true;
        emit streamDropped({QStringLiteral("logs.dropped"),
                            Tr::tr("The log stream of pod \"%1\" broke: %2").arg(m_pod, errorText),
                            Tr::tr("Resume to continue from the last line received.")});
        return;
    }
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

void PodLogClient::dropReply()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    disconnect(reply, nullptr, this, nullptr);
    if (!reply->isFinished())
        reply->abort();
    reply->deleteLater();
}

} // namespace core::kube
