#pragma once

#include "core/sandbox/transport/httpserver.h"
#include "core/sandbox/transport/httpstream.h"
#include "core/sandbox/transport/httpwebsocket.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <deque>
#include <functional>
#include <memory>
#include <mutex>

// An in-process stand-in for the API server in client tests: the sandbox transport with a
// handler the test supplies, every request kept so the test can check what the client sent, and
// the streams and WebSockets it opened handed to the test thread (their members are
// thread-safe).
class RecordingServer
{
public:
    using Handler = std::function<core::sandbox::HttpReply(const core::sandbox::HttpRequest &,
                                                           RecordingServer &)>;

    explicit RecordingServer(Handler handler, core::sandbox::HttpServerOptions options = {})
        : m_handler(std::move(handler)), m_server(
                                             [this](const core::sandbox::HttpRequest &request) {
                                                 {
                                                     const std::lock_guard lock(m_mutex);
                                                     m_requests.push_back(request);
                                                 }
                                                 return m_handler(request, *this);
                                             },
                                             std::move(options))
    {
    }

    bool start() { return m_server.start().ok(); }
    // Drops every connection at once, as an API server that goes away.
    void stop() { m_server.stop(); }
    QUrl url() const { return QUrl(m_server.url()); }

    // A metav1.Status body as kube-apiserver writes it.
    static core::sandbox::HttpResponse status(int code, const QString &reason,
                                              const QString &message)
    {
        const QJsonObject body{{QStringLiteral("kind"), QStringLiteral("Status")},
                               {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                               {QStringLiteral("metadata"), QJsonObject()},
                               {QStringLiteral("status"), QStringLiteral("Failure")},
                               {QStringLiteral("message"), message},
                               {QStringLiteral("reason"), reason},
                               {QStringLiteral("code"), code}};
        return core::sandbox::HttpResponse::json(
            code, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

    // Opens a chunked text/plain stream the test writes to.
    core::sandbox::HttpReply openStream()
    {
        return core::sandbox::HttpReply::stream(
            200, {{"Content-Type", "text/plain"}},
            [this](std::shared_ptr<core::sandbox::HttpStream> stream) {
                const std::lock_guard lock(m_mutex);
                m_streams.push_back(std::move(stream));
            });
    }

    void keepSocket(std::shared_ptr<core::sandbox::HttpWebSocket> socket)
    {
        const std::lock_guard lock(m_mutex);
        m_sockets.push_back(std::move(socket));
    }

    std::vector<core::sandbox::HttpRequest> requests() const
    {
        const std::lock_guard lock(m_mutex);
        return {m_requests.cbegin(), m_requests.cend()};
    }

    // The WebSockets accepted so far, oldest first.
    std::vector<std::shared_ptr<core::sandbox::HttpWebSocket>> sockets() const
    {
        const std::lock_guard lock(m_mutex);
        return {m_sockets.cbegin(), m_sockets.cend()};
    }

    // The next stream the client opened, waiting for it; null after 5 s.
    std::shared_ptr<core::sandbox::HttpStream> takeStream()
    {
        std::shared_ptr<core::sandbox::HttpStream> stream;
        const bool found = QTest::qWaitFor(
            [&] {
                const std::lock_guard lock(m_mutex);
                if (m_streams.empty())
                    return false;
                stream = m_streams.front();
                m_streams.pop_front();
                return true;
            },
            5000);
        return found ? stream : nullptr;
    }

private:
    Handler m_handler;
    mutable std::mutex m_mutex;
    std::deque<core::sandbox::HttpRequest> m_requests;
    std::deque<std::shared_ptr<core::sandbox::HttpStream>> m_streams;
    std::deque<std::shared_ptr<core::sandbox::HttpWebSocket>> m_sockets;
    core::sandbox::HttpServer m_server; // last: stops before the members its handler uses go
};
