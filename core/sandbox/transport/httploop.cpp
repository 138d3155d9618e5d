#include "core/sandbox/transport/httploop.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include <algorithm>
#include <utility>

namespace core::sandbox {

HttpLoop::HttpLoop(boost::asio::io_context &context) : m_context(context) {}

bool HttpLoop::post(std::function<void()> task)
{
    // Posting under the lock orders every post before close(): once close() returned, the
    // io_context may be destroyed without a late post touching it.
    const std::lock_guard lock(m_mutex);
    if (!m_open)
        return false;
    boost::asio::post(m_context, std::move(task));
    return true;
}

void HttpLoop::close()
{
    const std::lock_guard lock(m_mutex);
    m_open = false;
}

void HttpLoop::track(const std::shared_ptr<Closable> &closable)
{
    // Pruning when the list doubles keeps it proportional to live connections at O(1) amortized.
    if (m_tracked.size() >= 64 && m_tracked.size() == m_tracked.capacity()) {
        std::erase_if(m_tracked,
                      [](const std::weak_ptr<Closable> &weak) { return weak.expired(); });
    }
    m_tracked.push_back(closable);
}

std::size_t HttpLoop::openCount() const
{
    std::size_t open = 0;
    for (const std::weak_ptr<Closable> &weak : m_tracked) {
        const auto closable = weak.lock();
        if (closable && !closable->isClosed())
            ++open;
    }
    return open;
}

bool HttpLoop::evictOldestWaiting()
{
    for (const std::weak_ptr<Closable> &weak : m_tracked) { // oldest first
        const auto closable = weak.lock();
        if (closable && !closable->isClosed() && closable->waitingForRequest()) {
            closable->closeNow();
            return true;
        }
    }
    return false;
}

void HttpLoop::closeAll()
{
    std::vector<std::shared_ptr<Closable>> live;
    for (const std::weak_ptr<Closable> &weak : std::exchange(m_tracked, {})) {
        if (auto closable = weak.lock())
            live.push_back(std::move(closable));
    }
    for (const auto &closable : live)
        closable->closeNow();
}

} // namespace core::sandbox
