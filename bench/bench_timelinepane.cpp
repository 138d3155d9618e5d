// The Timeline pane's refresh at scale: a BurstHistory with N pods (50 per Deployment, 20
// namespaces, a third of them running on CCI), a TimelinePane over it, shown (offscreen unless
// QT_QPA_PLATFORM says otherwise), then R refreshes (the chart of the whole cluster and the usage
// report of the last 24 hours), each started from the event loop and followed for a second with
// a 1 ms probe. Prints, per refresh, the GUI thread's longest turn of its event loop (its CPU,
// and wall) and its CPU over the second; then what 1,000 pod changes cost the GUI thread while a
// refresh's worker holds the snapshot, and what one repaint of the pane costs alone. Usage:
//   build/bench/bench_timelinepane [PODS=100000] [REFRESHES=5]
#include "burstpods.h"
#include "core/kube/informer.h"
#include "models/bursthistory.h"
#include "models/timelinerefresh.h"
#include "models/usagetablemodel.h"
#include "ui/timelinepane.h"

#include <QApplication>
#include <QEventLoop>
#include <QTextStream>

#include <algorithm>

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int pods = argc > 1 ? QString::fromLatin1(argv[1]).toInt() : 100000;
    const int refreshes = argc > 2 ? QString::fromLatin1(argv[2]).toInt() : 5;
    QTextStream out(stdout);
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-3600);
    core::kube::ChangeSet list;
    list.added.reserve(pods);
    for (int i = 0; i < pods; ++i)
        list.added.append(burstbench::makePod(i, i % 3 == 0, start.addSecs(i % 3600)));

    models::BurstHistory history(QString{});
    history.setVirtualNodes({QStringLiteral("virtual-kubelet")});
    {
        QEventLoop loop;
        QObject::connect(&history, &models::BurstHistory::listApplied, &loop, &QEventLoop::quit);
        history.applyPods(list);
        if (history.isReadingList())
            loop.exec();
    }
    list = {};
    // Let the history's changed() pass before the pane exists: only the refreshes are measured.
    const auto settle = [&app](int ms) {
        QEventLoop loop;
        QTimer::singleShot(ms, &loop, &QEventLoop::quit);
        loop.exec();
        app.processEvents();
    };
    settle(100);

    ui::TimelinePane pane(&history);
    pane.resize(1200, 800);
    pane.show();
    settle(1500); // the first refresh and the first paint

    out << "bench_timelinepane: " << pods << " pods, " << history.workloadKeys().size()
        << " workloads, " << history.cluster().samples().size() << " cluster samples\n";
    const auto ms = [](qint64 ns) { return QString::number(double(ns) / 1e6, 'f', 1); };
    QList<qint64> cpus, walls;
    burstbench::TurnProbe probe;
    for (int r = 0; r < refreshes; ++r) {
        QEventLoop loop;
        QTimer::singleShot(0, &pane, &ui::TimelinePane::refresh);
        QTimer::singleShot(1000, &loop, &QEventLoop::quit);
        const qint64 cpu = burstbench::threadCpuNs();
        probe.start();
        loop.exec();
        probe.stop();
        const qint64 spent = burstbench::threadCpuNs() - cpu;
        cpus.append(probe.longestCpuNs);
        walls.append(probe.longestWallNs);
        out << "  refresh " << r + 1 << ": longest GUI turn " << ms(probe.longestCpuNs)
            << " ms CPU (" << ms(probe.longestWallNs) << " ms wall); GUI thread CPU over 1 s "
            << ms(spent) << " ms; usage rows " << pane.usageModel()->rowCount() << "\n";
    }
    // The price of the snapshot: 1,000 pod changes applied on the GUI thread (a batch below the
    // history's worker threshold) while no refresh runs, and right after a refresh handed the
    // state to its worker (the first write then copies what it changes: copy-on-write).
    const auto moved = [&](int k) {
        core::kube::ChangeSet batch;
        for (int i = k * 1000; i < (k + 1) * 1000 && i < pods; ++i)
            batch.modified.append(burstbench::makePod(i, i % 3 != 0, start.addSecs(i % 3600)));
        return batch;
    };
    const auto idle = [&] {
        while (!pane.refresher()->isIdle())
            settle(10);
    };
    QList<qint64> alone, shared;
    for (int k = 0; k < 6; ++k) {
        const core::kube::ChangeSet batch = moved(k);
        idle();
        if (k % 2)
            pane.refresh();
        const qint64 cpu = burstbench::threadCpuNs();
        history.applyPods(batch);
        (k % 2 ? shared : alone).append(burstbench::threadCpuNs() - cpu);
    }
    idle();
    std::sort(alone.begin(), alone.end());
    std::sort(shared.begin(), shared.end());
    out << "  1,000 changes on the GUI thread: " << ms(alone.first()) << "-" << ms(alone.last())
        << " ms CPU with no refresh running, " << ms(shared.first()) << "-" << ms(shared.last())
        << " ms while a refresh's worker holds the snapshot\n";

    // What showing costs without any refresh: one repaint of the pane (chart and table).
    QList<qint64> paints;
    for (int r = 0; r < 3; ++r) {
        const qint64 cpu = burstbench::threadCpuNs();
        pane.repaint();
        paints.append(burstbench::threadCpuNs() - cpu);
    }
    std::sort(paints.begin(), paints.end());
    out << "  a repaint of the pane alone (no refresh): " << ms(paints.first()) << "-"
        << ms(paints.last()) << " ms CPU\n";
    std::sort(cpus.begin(), cpus.end());
    std::sort(walls.begin(), walls.end());
    if (!cpus.isEmpty())
        out << "  longest GUI turn per refresh: CPU " << ms(cpus.first()) << "-" << ms(cpus.last())
            << " ms (median " << ms(cpus.at(cpus.size() / 2)) << "), wall " << ms(walls.first())
            << "-" << ms(walls.last()) << " ms (median " << ms(walls.at(walls.size() / 2))
            << ")\n";
    return 0;
}
