#pragma once

#include "core/kube/apirequest.h"
#include "core/kube/apistatuserror.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace core::kube {

class ApiClient;

// One long-lived GET (watch, logs -f) through its ApiClient's pipeline: prepared, authorized and
// signed as every request, and sent once more with a fresh credential after a 401. Starts on the
// next event loop turn, so signals connected right after ApiClient::openStream() see everything.
// The body of a 2xx answer comes out as it arrives; then exactly one of ended() or failed().
// Deleting the stream, or abort(), stops it without a signal.
class ApiStream : public QObject
{
    Q_OBJECT
public:
    ~ApiStream() override;

    void abort();
    // abort(), then deleteLater(): what an owner does with a stream it is done with, also from
    // inside one of the stream's own signals.
    void discard();
    bool isActive() const { return m_active; }
    // The HTTP status of the answer being read; 0 before its headers or without an answer. A
    // failure while it is 2xx broke a stream that had begun.
    int httpStatus() const { return m_httpStatus; }

signals:
    // The server answered 2xx and the body follows: the stream is open even before any data (a
    // watch with nothing to report sends only its headers). Once per answer.
    void opened();
    void received(const QByteArray &data);
    // The server ended the body. Qt may report a chunked body cut without its last chunk this
    // way too, so a follow stream must not take it for more than "ended, maybe early".
    void ended();
    // An HTTP error (its Status, read whole), or a transport failure (httpStatus 0: refused, TLS,
    // dropped, timed out).
    void failed(const core::kube::ApiStatusError &error);

private:
    friend class ApiClient;
    ApiStream(ApiClient *client, ApiRequest request, QObject *parent);

    void start();
    void onReadyRead();
    void onFinished();
    // Hands on at most kReadSlice bytes; true when more is waiting, which the next event-loop
    // turn reads (readMoreLater), so the receivers' work on one piece stays short.
    bool readSlice(QNetworkReply *reply);
    void readMoreLater();
    void dropReply();
    void fail(const ApiStatusError &error);

    QPointer<ApiClient> m_client;
    ApiRequest m_request;
    QPointer<QNetworkReply> m_reply;
    QNetworkAccessManager *m_network = nullptr; // the stream manager it holds a place in
    QTimer *m_deadline = nullptr;
    QByteArray m_errorBody;
    int m_httpStatus = 0;
    quint64 m_generation = 0;
    bool m_active = true;
    bool m_authRetried = false;
    bool m_timedOut = false;
    bool m_readQueued = false;
};

} // namespace core::kube
