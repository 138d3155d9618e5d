#include "core/sandbox/cluster/tickthread.h"

namespace core::sandbox {

TickThread::~TickThread()
{
    stop();
}

void TickThread::start(std::chrono::milliseconds interval, std::function<void()> tick)
{
    if (m_thread.joinable())
        return;
    m_stopping = false;
    m_thread = std::thread([this, interval, tick = std::move(tick)] {
        std::unique_lock lock(m_mutex);
        while (!m_wake.wait_for(lock, interval, [this] { return m_stopping; })) {
            lock.unlock();
            tick();
            lock.lock();
        }
    });
}

void TickThread::stop()
{
    if (!m_thread.joinable())
        return;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

} // namespace core::sandbox
