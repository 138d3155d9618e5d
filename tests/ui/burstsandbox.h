#pragma once

#include "tests/core/kube/sandboxfixture.h"

#include "core/sandbox/apiserver/sandboxclock.h"
#include "core/sandbox/cluster/clustersimulator.h"
#include "core/sandbox/cluster/scenario.h"
#include "core/sandbox/cluster/scheduler.h"
#include "core/sandbox/node/nodeendpoints.h"
#include "models/contextsafety.h"
#include "ui/writeguard.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QWidget>

// The in-process sandbox the live panes' tests connect a window to: the default scenario with
// the guide's examples (Examples::Skip leaves them out: 08-rejected-too-large would lock the
// virtual node for 30 minutes once CCI refuses it), the node endpoints (logs, exec, metrics),
// a CCI store, the burst scheduler, and the
// controllers stepping every 20 ms (simulator.stop() freezes the cluster).
struct BurstSandbox
{
    enum class Examples { Seed, Skip };

    explicit BurstSandbox(Examples seed = Examples::Seed)
        : nodeEndpoints((sandbox.setRouterOptions(core::sandbox::withNodeEndpoints()), true)),
          examples(seed == Examples::Seed ? core::sandbox::seedExampleWorkloads(sandbox.store())
                                          : 0),
          cciSeeded((core::sandbox::seedCciScenario(cciStore, QStringLiteral("sandbox")), true)),
          scheduler(sandbox.store(), cciStore, clock, QStringLiteral("sandbox")),
          simulator(sandbox.store(), clock)
    {
        simulator.setScheduleStep([this] { scheduler.reconcile(); });
        simulator.start(std::chrono::milliseconds(20));
    }

    // The sandbox as kubeconfig context "sandbox".
    core::kube::Connection connection() const
    {
        core::kube::Connection c = sandbox.connection();
        c.contextName = QStringLiteral("sandbox");
        return c;
    }

    SandboxFixture sandbox;
    bool nodeEndpoints = false; // logs, exec and metrics.k8s.io served, as burst-sandbox does
    core::sandbox::ObjectStore cciStore;
    int examples = 0; // workloads seeded
    bool cciSeeded = false;
    core::sandbox::SandboxClock clock;
    core::sandbox::Scheduler scheduler;
    core::sandbox::ClusterSimulator simulator;
};

// For a test's initTestCase(): QSettings in test mode and empty (no columns hidden, no context
// safety left by an earlier run).
inline void useCleanTestSettings()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

// For a test's cleanup(): the write gate's dialogs answer again (no setWriteAnswer hook) and the
// context "sandbox" is Normal again.
inline void resetWriteGate()
{
    ui::setWriteAnswer({});
    models::setContextSafety(QStringLiteral("sandbox"), models::ContextSafety::Normal);
}

// Saves a picture of `window` to screenshots/<name> under the test's working directory.
inline bool saveShot(QWidget &window, const QString &name)
{
    const QString shots = QDir::currentPath() + QStringLiteral("/screenshots");
    QDir().mkpath(shots);
    QTest::qWait(300);
    return window.grab().save(shots + u'/' + name);
}
