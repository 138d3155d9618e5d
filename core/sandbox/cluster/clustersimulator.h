#pragma once

#include "core/sandbox/cluster/tickthread.h"

#include <QSet>
#include <QString>

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>

namespace core::sandbox {

class ObjectStore;
class SandboxClock;

// Makes the sandbox cluster act: every tick runs the controllers (Deployment, ReplicaSet,
// StatefulSet, Job, garbage collection), then the schedule step, then the kubelets. It reads
// the store through watch-fed indexes, so a tick costs what changed since the last one, not
// what the store holds (100k preloaded pods idle for free). Runs on its own thread after
// start(); tests call step() instead.
class ClusterSimulator
{
public:
    ClusterSimulator(ObjectStore &store, SandboxClock &clock);
    ~ClusterSimulator(); // stops the thread
    ClusterSimulator(const ClusterSimulator &) = delete;
    ClusterSimulator &operator=(const ClusterSimulator &) = delete;

    // The step that binds pending pods, run between the controllers and the kubelets.
    // app/sandbox/main.cpp passes the burst Scheduler's reconcile(); without one, a round-robin
    // FallbackBinder binds pods to the untainted nodes.
    void setScheduleStep(std::function<void()> schedule);

    void start(std::chrono::milliseconds interval = std::chrono::milliseconds(100));
    void stop();
    bool isRunning() const;
    // One tick, synchronously (tests). Safe while the thread runs: ticks never overlap.
    void step();
    // Pods the kubelets will act on at a later tick (0 when the cluster has settled).
    qsizetype pendingKubeletWork() const;

private:
    struct State;
    void drain();
    void runControllers();

    std::unique_ptr<State> m_state;
    std::function<void()> m_schedule;
    mutable std::mutex m_stepMutex;
    TickThread m_ticks;
};

} // namespace core::sandbox
