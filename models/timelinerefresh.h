#pragma once

#include "core/burst/bursttimeline.h"
#include "core/burst/cciusage.h"
#include "models/burststate.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QObject>
#include <QStringList>

#include <optional>

namespace models {

class BurstHistory;

// The Timeline pane's numbers (the chart of one scope, the usage report, the list of workloads),
// computed on a worker from a snapshot of the history's state (BurstState is implicitly shared:
// the snapshot costs a few reference counts, and the GUI thread keeps applying changes to its
// own). At 100,000 pods the usage report alone took 22-34 ms of the GUI thread.
//
// One computation runs at a time. A request made while one runs waits as the one pending request
// (a newer request replaces it) and starts, with a fresh snapshot, when the running one is done.
// Results carry the generation of their snapshot; one older than the result shown is dropped,
// and so is one whose view (scope, range, window, prices) a pending request has already changed.
class TimelineRefresh : public QObject
{
    Q_OBJECT
public:
    // What to compute: the view the pane shows.
    struct Request
    {
        QString scope; // "" = the whole cluster, else a workload key
        qint64 rangeMs = 0; // the chart's range; 0 = since the first change
        qint64 windowMs = 0; // the usage window, up to now
        core::burst::UsagePrice prices;
        bool operator==(const Request &) const = default;
    };
    struct Result
    {
        quint64 generation = 0; // 0: nothing computed yet
        Request request;
        QStringList workloadKeys; // sorted
        QDateTime observedSince;
        core::burst::TimelineChart chart;
        core::burst::UsageReport usage;
    };

    // The computation itself, pure: what the worker does with its snapshot at `now`.
    static Result compute(const BurstState &state, const Request &request, const QDateTime &now);

    explicit TimelineRefresh(BurstHistory *history, QObject *parent = nullptr);
    ~TimelineRefresh() override;

    // Computes `request` on a worker from the history as it is when the worker starts; ready()
    // follows once the result is in result().
    void request(const Request &request);
    const Result &result() const { return m_result; }
    // Whether nothing runs and nothing waits (tests, benches).
    bool isIdle() const { return !m_busy && !m_pending; }
    // How many computations were started (tests: coalescing).
    int computations() const { return m_computations; }

signals:
    void ready();

private:
    void start(const Request &request);
    void adopt();

    BurstHistory *m_history;
    QFutureWatcher<Result> m_worker;
    bool m_busy = false;
    std::optional<Request> m_pending;
    quint64 m_generation = 0; // of the last snapshot handed to a worker
    int m_computations = 0;
    Result m_result;
};

} // namespace models
