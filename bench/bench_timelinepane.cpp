// The Timeline pane's refresh at scale: a BurstHistory with N pods (50 per Deployment, 20
// namespaces, a third of them running on CCI), a TimelinePane over it, shown (offscreen unless
// QT_QPA_PLATFORM says otherwise), then R refreshes (the chart of the whole cluster and the usage
// report of the last 24 hours), each started from the event loop and followed for a second with
// a 1 ms probe. Prints, per refresh, the GUI thread's longest turn of its event loop (its CPU,
// and wall) and its CPU over the second, and what one repaint of the pane costs alone. Usage:
//   build/bench/bench_timelinepane [PODS=100000] [REFRESHES=5]
#include "burstpods.h"
#include "core/kube/informer.h"
#include "models/bursthistory.h"
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
