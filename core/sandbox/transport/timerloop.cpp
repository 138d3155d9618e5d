#include "core/sandbox/transport/timerloop.h"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include <thread>

namespace core::sandbox {

namespace asio = boost::asio;

struct TimerLoop::Runtime
{
    asio::io_context context;
    asio::executor_work_guard<asio::io_context::executor_type> work{context.get_executor()};
    std::thread thread;
};

namespace {

void schedule(asio::io_context &context, std::chrono::milliseconds interval,
              std::shared_ptr<std::function<bool()>> tick)
{
    auto timer = std::make_shared<asio::steady_timer>(context, interval);
    timer->async_wait([&context, interval, tick, timer](const boost::system::error_code &error) {
        if (!error && (*tick)())
            schedule(context, interval, tick);
    });
}

} // namespace

TimerLoop::TimerLoop() : m_runtime(std::make_unique<Runtime>())
{
    m_runtime->thread = std::thread([runtime = m_runtime.get()] { runtime->context.run(); });
}

TimerLoop::~TimerLoop()
{
    m_runtime->context.stop();
    m_runtime->thread.join();
}

void TimerLoop::after(std::chrono::milliseconds delay, std::function<void()> task)
{
    every(delay, [task = std::move(task)] {
        task();
        return false;
    });
}

void TimerLoop::every(std::chrono::milliseconds interval, std::function<bool()> tick)
{
    // Timers are created on the loop's own thread: asio timers are not safe to create
    // concurrently with run() on another thread touching the same timer queue.
    auto shared = std::make_shared<std::function<bool()>>(std::move(tick));
    asio::post(m_runtime->context,
               [this, interval, shared] { schedule(m_runtime->context, interval, shared); });
}

} // namespace core::sandbox
