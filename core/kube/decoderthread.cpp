#include "core/kube/decoderthread.h"

#include <QCoreApplication>
#include <QGlobalStatic>
#include <QThread>

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
        thread.start();
    }
    ~Lane()
    {
        thread.quit();
        thread.wait();
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
    QMetaObject::invokeMethod(worker()->lanes[lane % kLanes].receiver, std::move(work),
                              Qt::QueuedConnection);
}

void DecoderThread::answer(QPointer<const QObject> guard, std::function<void()> answer)
{
    QCoreApplication *app = QCoreApplication::instance();
    if (!app)
        return;
    QMetaObject::invokeMethod(
        app,
        [alive = std::move(guard), answer = std::move(answer)] {
            if (alive)
                answer();
        },
        Qt::QueuedConnection);
}

} // namespace core::kube
