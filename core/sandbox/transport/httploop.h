#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace boost::asio {
class io_context;
}

namespace core::sandbox {

// Internal. The doorway from other threads onto the server thread, and the list of live
// connections to cut when the server stops. Stream and socket handles keep a shared_ptr to it, so
// a handle that outlives its server posts into a closed door instead of a destroyed io_context.
class HttpLoop
{
public:
    // A connection or WebSocket the server must be able to cut.
    class Closable
    {
    public:
        virtual ~Closable() = default;
        virtual void closeNow() = 0; // server thread: close the socket, tell the handler
        // Server thread: waiting for a request (or its TLS handshake) with none being answered;
        // such a connection may be evicted for a new one when the server is full.
        virtual bool waitingForRequest() const { return false; }
        virtual bool isClosed() const { return false; }
    };

    explicit HttpLoop(boost::asio::io_context &context);

    // Any thread. Runs `task` on the server thread later; false (task dropped) once closed.
    bool post(std::function<void()> task);
    void close(); // any thread; after it returns, no task is posted any more

    // Server thread only.
    void track(const std::shared_ptr<Closable> &closable);
    void closeAll();
    std::size_t openCount() const; // tracked and not closed yet
    // Closes the oldest connection waiting for a request; false when there is none.
    bool evictOldestWaiting();

private:
    std::mutex m_mutex;
    bool m_open = true;
    boost::asio::io_context &m_context;
    std::vector<std::weak_ptr<Closable>> m_tracked;
};

} // namespace core::sandbox
