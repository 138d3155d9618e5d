#include "core/kube/decoderthread.h"

#include <QCoreApplication>
#include <QGlobalStatic>
#include <QThread>

namespace core::kube {

namespace {

// Started on first use; stopped (its queue drained, then joined) when the process exits.
struct Worker
{
    QThread thread;
    QObject *receiver = new QObject;

    Worker()
    {
        thread.setObjectName(QStringLiteral("burst-decoder"));
        receiver->moveToThread(&thread);
        thread.start();
    }
    ~Worker()
    {
        thread.quit();
        thread.wait();
        delete receiver; // its thread has ended: nothing else can touch it
    }
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
    QMetaObject::invokeMethod(worker()->receiver, std::move(work), Qt::QueuedConnection);
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
