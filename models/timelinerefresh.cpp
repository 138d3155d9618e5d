#include "models/timelinerefresh.h"

#include "models/bursthistory.h"

#include <QtConcurrent>

namespace models {

TimelineRefresh::Result TimelineRefresh::compute(const BurstState &state, const Request &request,
                                                 const QDateTime &now)
{
    Result result;
    result.request = request;
    result.workloadKeys = state.workloadKeys();
    result.observedSince = QDateTime::fromMSecsSinceEpoch(state.cluster.observedSince()).toUTC();
    const core::burst::PlacementTimeline *timeline = &state.cluster;
    if (!request.scope.isEmpty()) {
        const auto it = state.workloads.constFind(request.scope);
        timeline = it == state.workloads.constEnd() ? nullptr : &*it;
    }
    result.chart = core::burst::timelineChart(timeline, now.toMSecsSinceEpoch(), request.rangeMs);
    result.usage = state.usage(now.addMSecs(-request.windowMs), now, now, request.prices);
    return result;
}

TimelineRefresh::TimelineRefresh(BurstHistory *history, QObject *parent)
    : QObject(parent), m_history(history)
{
    connect(&m_worker, &QFutureWatcher<Result>::finished, this, &TimelineRefresh::adopt);
}

// The worker holds values only (its snapshot, the request): it may outlive this object.
TimelineRefresh::~TimelineRefresh() = default;

void TimelineRefresh::request(const Request &request)
{
    if (m_busy)
        m_pending = request; // one waits; a newer request replaces it
    else
        start(request);
}

void TimelineRefresh::start(const Request &request)
{
    m_busy = true;
    ++m_computations;
    m_worker.setFuture(QtConcurrent::run(
        [state = m_history->snapshot(), request, now = m_history->currentTime(),
         generation = ++m_generation]() mutable {
            // The snapshot goes on this thread: if the GUI thread changed the state meanwhile,
            // this is the last reference to the old parts.
            const BurstState snapshot = std::move(state);
            Result result = compute(snapshot, request, now);
            result.generation = generation;
            return result;
        }));
}

void TimelineRefresh::adopt()
{
    m_busy = false;
    // takeResult() leaves the watcher's future invalid: it is replaced at the next start().
    Result result = m_worker.future().takeResult();
    // A pending request for another view makes this result stale: the pending one shows next.
    const bool otherView = m_pending && !(*m_pending == result.request);
    if (result.generation > m_result.generation && !otherView) {
        m_result = std::move(result);
        emit ready();
    }
    if (m_pending)
        start(*std::exchange(m_pending, std::nullopt));
}

} // namespace models
