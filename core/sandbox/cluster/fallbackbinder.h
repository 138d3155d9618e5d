#pragma once

#include "core/sandbox/cluster/objectindex.h"

#include <QSet>
#include <QString>

namespace core::sandbox {

class EventRecorder;
class ObjectStore;
class SandboxClock;

// A stand-in scheduler for when ClusterSimulator is given no schedule step (tests, and the
// sandbox until the burst Scheduler is wired in): binds every unscheduled pod round-robin to the
// Ready nodes without a NoSchedule taint, with the PodScheduled condition and the Scheduled event
// the default-scheduler writes. No burst rules, no capacity.
class FallbackBinder
{
public:
    FallbackBinder(ObjectStore &store, const SandboxClock &clock);
    ~FallbackBinder();

    void podChanged(const ObjectIndex::Change &change);
    void bind(const ObjectIndex &nodes);

private:
    ObjectStore &m_store;
    const SandboxClock &m_clock;
    std::unique_ptr<EventRecorder> m_events;
    QSet<QString> m_unbound;
    int m_next = 0;
};

} // namespace core::sandbox
