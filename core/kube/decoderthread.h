#pragma once

#include <QObject>
#include <QPointer>

#include <functional>

namespace core::kube {

// The process's one decoder thread: what the network brings (list pages, watch stream chunks)
// is parsed and transformed there instead of on the thread that shows it, so a big list or a
// burst of watch events does not stall the GUI. Work runs in the order it was posted; so do the
// answers it posts back, which run on the application's main thread. Nothing here is
// per-request state: each job carries copies of what it needs.
class DecoderThread
{
public:
    // True when decoding can move off the calling thread: it is the main thread of a running
    // QCoreApplication (the only thread answers are posted to). Otherwise callers decode in place.
    static bool available();
    // Lanes: decoder threads, each running its work in order. Lane 0 is the one post(work)
    // uses; a paged list spreads its pages over all of them (and puts them back in order).
    static constexpr int kLanes = 2;
    // Runs `work` on the decoder thread (lane 0), after every job posted before it.
    static void post(std::function<void()> work);
    static void post(int lane, std::function<void()> work);
    // From a job: runs `answer` on the main thread, unless `guard` is gone by then. Take the
    // guard on the main thread when posting the job (a QPointer is only made where its object
    // lives). Answers keep the order they were posted in.
    static void answer(QPointer<const QObject> guard, std::function<void()> answer);
    // Hands what was decoded back to the decoder thread to be freed there (when this holds the
    // last reference). Freed here, the objects' memory goes back to the decoder's malloc arena
    // under its lock, and the two threads contend for it on every page.
    template <typename T> static void dispose(T garbage, int lane = 0)
    {
        // Moved out and freed when the job runs: Qt drops the poster's reference to a queued
        // functor after posting it, so a job that kept the garbage in its capture was often
        // freed by the poster (the lane had already run it), on the GUI thread, after all.
        if (available())
            post(lane, [garbage = std::move(garbage)]() mutable {
                [[maybe_unused]] const T freed(std::move(garbage));
            });
    }
};

} // namespace core::kube
