#include "core/kube/decoderthread.h"

#include "core/common/tsanannotate.h"

#include <QCoreApplication>
#include <QGlobalStatic>
#include <QThread>

#include <memory>

namespace core::kube {

namespace {

// One thread with its own event queue: work runs in the order posted.
struct Lane
{
    QThread thread;
    QObject *receiver = new QObject;

    explicit Lane(int index)
    {
        thread.setObjectName(QStringLiteral("burst-decoder-%1").arg(index));
        receiver->moveToThread(&thread);
        // QThread::wait() joins through Qt's own lock: the lane's last act on its thread
        // releases for the joining thread's acquire (ThreadSanitizer, tsanannotate.h).
        QObject::connect(&thread, &QThread::finished, receiver,
                         [this] { tsanRelease(&thread); }, Qt::DirectConnection);
        thread.start();
    }
    ~Lane()
    {
        thread.quit();
        thread.wait();
        tsanAcquire(&thread); // released by the lane's last act (see the constructor)
        delete receiver; // its thread has ended: nothing else can touch it
    }
};

// Started on first use; stopped (each queue drained, then joined) when the process exits.
struct Worker
{
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
    // The job goes through Qt's event queue; say so to ThreadSanitizer (tsanannotate.h).
    auto job = std::make_shared<std::function<void()>>(std::move(work));
    tsanRelease(job.get());
    QMetaObject::invokeMethod(
        worker()->lanes[lane % kLanes].receiver,
        [job] {
            tsanAcquire(job.get());
            (*job)();
        },
        Qt::QueuedConnection);
}

void DecoderThread::answer(QPointer<const QObject> guard, std::function<void()> answer)
{
    QCoreApplication *app = QCoreApplication::instance();
    if (!app)
        return;
    auto job = std::make_shared<std::function<void()>>(std::move(answer));
    tsanRelease(job.get());
    QMetaObject::invokeMethod(
        app,
        [alive = std::move(guard), job] {
            tsanAcquire(job.get());
            if (alive)
                (*job)();
        },
        Qt::QueuedConnection);
}

} // namespace core::kube
