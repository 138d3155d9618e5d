#include "core/kube/decoderthread.h"

#include "core/common/tsanannotate.h"

#include <QCoreApplication>
#include <QEvent>
#include <QGlobalStatic>
#include <QThread>

#include <deque>
#include <mutex>

namespace core::kube {

namespace {

// Jobs for the thread an Inbox lives in, run in the order pushed. The jobs wait in a queue of
// our own and Qt's event queue only carries a wake-up (one event a job, so jobs interleave with
// the thread's other events as before): both hand-overs are ones ThreadSanitizer sees
// (scripts/tsan.sh; Qt's queue lock is inside uninstrumented libQt6Core), and a job is destroyed
// on the thread that ran it, which dispose() relies on.
class Inbox : public QObject
{
public:
    void push(std::function<void()> job)
    {
        {
            const std::lock_guard<std::mutex> hold(m_lock);
            m_jobs.push_back(std::move(job));
        }
        auto *wake = new QEvent(kWake);
        tsanRelease(this);
        QCoreApplication::postEvent(this, wake);
    }

    bool event(QEvent *event) override
    {
        tsanAcquire(this);
        if (event->type() != kWake)
            return QObject::event(event);
        std::function<void()> job;
        {
            const std::lock_guard<std::mutex> hold(m_lock);
            if (m_jobs.empty())
                return true;
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
        }
        job();
        return true;
    }

private:
    static constexpr QEvent::Type kWake = QEvent::User;
    std::mutex m_lock;
    std::deque<std::function<void()>> m_jobs;
};

// One thread with its own event queue: work runs in the order posted.
struct Lane
{
    QThread thread;
    Inbox *inbox = new Inbox;

    explicit Lane(int index)
    {
        thread.setObjectName(QStringLiteral("burst-decoder-%1").arg(index));
        inbox->moveToThread(&thread);
        // QThread::wait() joins through Qt's own lock: the lane's last act on its thread
        // releases for the joining thread's acquire (ThreadSanitizer, tsanannotate.h).
        QObject::connect(&thread, &QThread::finished, inbox, [this] { tsanRelease(&thread); },
                         Qt::DirectConnection);
        thread.start();
    }
    ~Lane()
    {
        thread.quit();
        thread.wait();
        tsanAcquire(&thread);
        delete inbox; // its thread has ended: nothing else can touch it
    }
};

// Started on first use (on the main thread: see available()); stopped (each queue drained,
// then joined) when the process exits. `answers` lives in the main thread; declared first, it
// goes last, after the lanes (whose jobs may still answer) are joined.
struct Worker
{
    Inbox answers;
    Lane lanes[DecoderThread::kLanes] = {Lane(0), Lane(1)};
};

Q_GLOBAL_STATIC(Worker, worker)

} // namespace

bool DecoderThread::available()
{
    const QCoreApplication *app = QCoreApplication::instance();
    return app && QThread::currentThread() == app->thread() && !worker.isDestroyed();
}

void DecoderThread::post(std::function<void()> work)
{
    post(0, std::move(work));
}

void DecoderThread::post(int lane, std::function<void()> work)
{
    worker()->lanes[lane % kLanes].inbox->push(std::move(work));
}

void DecoderThread::answer(QPointer<const QObject> guard, std::function<void()> answer)
{
    if (!QCoreApplication::instance() || worker.isDestroyed())
        return;
    worker()->answers.push([alive = std::move(guard), answer = std::move(answer)] {
        if (alive)
            answer();
    });
}

} // namespace core::kube
