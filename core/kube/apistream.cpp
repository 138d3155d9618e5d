#include "core/kube/apistream.h"

#include "core/common/tr.h"
#include "core/kube/apiclient.h"
#include "core/kube/networkrequest.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace core::kube {

namespace {

// An error body is read to show its Status; a body longer than this is no Status.
constexpr qsizetype kMaxErrorBody = 64 * 1024;
// The most a stream's reply buffers before Qt's HTTP thread stops reading the socket (TCP then
// pushes back on the server). Unbounded, a fast log arrived in pieces of up to 86 MB, and handing
// one piece on held the GUI thread for 0.2-1 s; each readyRead now brings at most this much.
constexpr qint64 kStreamReadBuffer = 2 * 1024 * 1024;
// The most handed on in one event-loop turn. The read buffer above does not always engage (Qt
// 6.4 delivered 4-68 MB in one readyRead in bench/log-ingest.sh); reading it all at once and
// passing it on held the GUI thread 170-380 ms (copies, page faults, the receivers' scan).
constexpr qint64 kReadSlice = 1024 * 1024;

int httpStatusOf(const QNetworkReply *reply)
{
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

} // namespace

ApiStream::ApiStream(ApiClient *client, ApiRequest request, QObject *parent)
    : QObject(parent), m_client(client), m_request(std::move(request))
{
    if (m_request.timeout.count() <= 0)
        return;
    m_deadline = new QTimer(this);
    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this, [this] {
        ++m_generation;
        dropReply();
        fail(ApiStatusError::transport(Tr::tr("the request timed out (%1 %2)")
                                           .arg(QString::fromLatin1(m_request.verb),
                                                m_request.path),
                                       true));
    });
}

ApiStream::~ApiStream()
{
    dropReply();
}

void ApiStream::abort()
{
    ++m_generation;
    m_active = false;
    if (m_deadline)
        m_deadline->stop();
    dropReply();
}

void ApiStream::discard()
{
    abort();
    deleteLater();
}

void ApiStream::start()
{
    if (!m_active || !m_client)
        return;
    if (m_deadline && !m_deadline->isActive())
        m_deadline->start(m_request.timeout);
    const quint64 generation = ++m_generation;
    m_client->authorize(m_request, this,
                        [this, generation](const ApiResult<QNetworkRequest> &request) {
                            if (generation != m_generation || !m_active || !m_client)
                                return;
                            if (!request) {
                                fail(request.error());
                                return;
                            }
                            m_httpStatus = 0;
                            m_errorBody.clear();
                            m_network = m_client->acquireStreamNetwork();
                            m_reply = sendWithReadBuffer(m_network, request.value(),
                                                         m_request.verb, m_request.body,
                                                         kStreamReadBuffer);
                            connect(m_reply, &QNetworkReply::metaDataChanged, this, [this] {
                                const int status = m_reply ? httpStatusOf(m_reply) : 0;
                                if (status >= 200 && status < 300 && m_httpStatus == 0) {
                                    m_httpStatus = status;
                                    emit opened();
                                }
                            });
                            connect(m_reply, &QNetworkReply::readyRead, this,
                                    &ApiStream::onReadyRead);
                            connect(m_reply, &QNetworkReply::finished, this,
                                    &ApiStream::onFinished);
                        });
}

void ApiStream::onReadyRead()
{
    if (!m_reply)
        return;
    const int status = httpStatusOf(m_reply);
    if (status >= 400) {
        m_errorBody += m_reply->readAll().left(kMaxErrorBody - m_errorBody.size());
        return;
    }
    if (m_httpStatus == 0 && status >= 200 && status < 300) {
        m_httpStatus = status;
        emit opened();
    }
    m_httpStatus = status;
    readSlice(m_reply);
}

bool ApiStream::readSlice(QNetworkReply *reply)
{
    const QByteArray data = reply->read(kReadSlice);
    const bool more = reply->bytesAvailable() > 0;
    if (more)
        readMoreLater();
    if (!data.isEmpty())
        emit received(data);
    return more;
}

void ApiStream::readMoreLater()
{
    if (m_readQueued)
        return;
    m_readQueued = true;
    QMetaObject::invokeMethod(
        this,
        [this, reply = m_reply] {
            m_readQueued = false;
            if (!reply || m_reply != reply)
                return; // stopped, or restarted on another reply
            if (reply->isFinished())
                onFinished(); // reads on until what is left is delivered, then ends
            else
                onReadyRead();
        },
        Qt::QueuedConnection);
}

void ApiStream::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    const int status = httpStatusOf(reply);
    if (status >= 400) {
        m_errorBody += reply->readAll().left(kMaxErrorBody - m_errorBody.size());
        const QByteArray body = m_errorBody;
        dropReply();
        if (m_client && m_client->refreshAfterUnauthorized(status, &m_authRetried)) {
            start();
            return;
        }
        fail(ApiStatusError::fromResponse(status, body));
        return;
    }
    if (status != 0) {
        m_httpStatus = status;
        const QPointer<ApiStream> self(this);
        const bool more = readSlice(reply);
        if (!self || m_reply != reply || more)
            return; // stopped by a receiver, or more to hand on at the next turn
    }
    const QNetworkReply::NetworkError error = reply->error();
    const QString errorText = reply->errorString();
    dropReply();
    if (error != QNetworkReply::NoError) {
        fail(ApiStatusError::transport(errorText));
        return;
    }
    m_active = false;
    if (m_deadline)
        m_deadline->stop();
    emit ended();
}

void ApiStream::fail(const ApiStatusError &error)
{
    m_active = false;
    if (m_deadline)
        m_deadline->stop();
    emit failed(error);
}

void ApiStream::dropReply()
{
    if (m_network) {
        if (m_client)
            m_client->releaseStreamNetwork(m_network);
        m_network = nullptr;
    }
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
