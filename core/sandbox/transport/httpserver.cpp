#include "core/sandbox/transport/httpserver.h"

#include "core/common/tr.h"
#include "core/sandbox/transport/httpconnection.h"
#include "core/sandbox/transport/httploop.h"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include <system_error>
#include <thread>

namespace core::sandbox {

namespace {

namespace net = boost::asio;
using tcp = net::ip::tcp;

// An accept that fails for want of file descriptors fails again at once; pausing keeps the
// worker from spinning until some connection closes.
constexpr auto kAcceptRetry = std::chrono::milliseconds(50);

} // namespace

struct HttpServer::Runtime
{
    // Declared first, destroyed last: the acceptor, timer and pending handlers die with it.
    net::io_context context{1};
    net::executor_work_guard<net::io_context::executor_type> work = net::make_work_guard(context);
    tcp::acceptor acceptor{context};
    net::steady_timer retry{context};
    HttpConnectionSettings settings;
    std::thread thread;

    void accept()
    {
        acceptor.async_accept([this](boost::system::error_code error, tcp::socket socket) {
            if (!acceptor.is_open())
                return;
            if (!error) {
                if (settings.loop->openCount() < settings.options.maxConnections ||
                    settings.loop->evictOldestWaiting())
                    startHttpConnection(std::move(socket), settings);
                else
                    socket.close(error); // full of requests being answered: refuse this one
                return accept();
            }
            retry.expires_after(kAcceptRetry);
            retry.async_wait([this](boost::system::error_code waitError) {
                if (!waitError)
                    accept();
            });
        });
    }

    void run()
    {
        // Handlers catch their own exceptions; this only keeps a stray one (bad_alloc) from
        // ending the thread with live connections on it.
        for (;;) {
            try {
                context.run();
                return;
            } catch (...) {
            }
        }
    }

    void shutdown()
    {
        boost::system::error_code ignored;
        acceptor.close(ignored);
        retry.cancel();
        settings.loop->closeAll();
        context.stop();
    }
};

HttpServer::HttpServer(HttpHandler handler, HttpServerOptions options)
    : m_handler(std::make_shared<const HttpHandler>(std::move(handler))),
      m_options(std::move(options))
{
}

HttpServer::~HttpServer()
{
    stop();
}

Result<quint16> HttpServer::start()
{
    if (m_runtime) {
        return Error{
            QStringLiteral("http.running"), Tr::tr("The sandbox server is already running."), {}};
    }
    auto runtime = std::make_unique<Runtime>();
    boost::system::error_code error;
    const auto address = net::ip::make_address(m_options.address.toStdString(), error);
    const tcp::endpoint endpoint(address, m_options.port);
    if (!error)
        runtime->acceptor.open(endpoint.protocol(), error);
    if (!error)
        runtime->acceptor.set_option(net::socket_base::reuse_address(true), error);
    if (!error)
        runtime->acceptor.bind(endpoint, error);
    if (!error)
        runtime->acceptor.listen(net::socket_base::max_listen_connections, error);
    if (error) {
        return Error{QStringLiteral("http.listen"),
                     Tr::tr("The sandbox server cannot listen on %1:%2: %3")
                         .arg(m_options.address)
                         .arg(m_options.port)
                         .arg(QString::fromStdString(error.message())),
                     Tr::tr("Choose another port, or 0 to let the system pick a free one.")};
    }
    const quint16 port = runtime->acceptor.local_endpoint(error).port();
    runtime->settings = {std::make_shared<HttpLoop>(runtime->context), m_handler,
                         m_options.tls.serverContext(), m_options};
    runtime->accept();
    try {
        runtime->thread = std::thread([raw = runtime.get()] { raw->run(); });
    } catch (const std::system_error &failure) {
        return Error{QStringLiteral("http.thread"),
                     Tr::tr("The sandbox server cannot start its thread: %1")
                         .arg(QString::fromLocal8Bit(failure.what())),
                     {}};
    }
    m_runtime = std::move(runtime);
    m_port = port;
    return port;
}

void HttpServer::stop()
{
    if (!m_runtime || std::this_thread::get_id() == m_runtime->thread.get_id())
        return;
    // Closing the door first means no handle posts into the io_context destroyed below.
    m_runtime->settings.loop->close();
    net::post(m_runtime->context, [raw = m_runtime.get()] { raw->shutdown(); });
    m_runtime->thread.join();
    m_runtime.reset();
}

QString HttpServer::url() const
{
    const QString host =
        m_options.address.contains(u':') ? u'[' % m_options.address % u']' : m_options.address;
    return (isTls() ? QStringLiteral("https://") : QStringLiteral("http://")) % host % u':' %
           QString::number(m_port);
}

} // namespace core::sandbox
