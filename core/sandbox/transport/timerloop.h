#pragma once

#include <chrono>
#include <functional>
#include <memory>

namespace core::sandbox {

// A thread of its own for the API layer's timed work (log follow ticks, watch bookmarks and
// timeouts, stalled watches, exec sleeps), so no handler ever waits on the server thread. One
// Boost.Asio io_context on one std::thread; callbacks run there one at a time. Destroying the
// loop stops it and drops the callbacks still pending.
class TimerLoop
{
public:
    TimerLoop();
    ~TimerLoop();
    TimerLoop(const TimerLoop &) = delete;
    TimerLoop &operator=(const TimerLoop &) = delete;

    // Any thread. Runs `task` once after `delay`.
    void after(std::chrono::milliseconds delay, std::function<void()> task);
    // Any thread. Runs `tick` every `interval` for as long as it returns true.
    void every(std::chrono::milliseconds interval, std::function<bool()> tick);

private:
    struct Runtime;
    std::unique_ptr<Runtime> m_runtime;
};

} // namespace core::sandbox
