#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace core::sandbox {

// A thread of its own that calls `tick` every `interval` until stop(): the loop of the cluster
// simulator and of the pod churn. Ticks never overlap; stop() waits for the running one.
class TickThread
{
public:
    TickThread() = default;
    ~TickThread(); // stops
    TickThread(const TickThread &) = delete;
    TickThread &operator=(const TickThread &) = delete;

    // Does nothing while running.
    void start(std::chrono::milliseconds interval, std::function<void()> tick);
    void stop();
    bool isRunning() const { return m_thread.joinable(); }

private:
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace core::sandbox
