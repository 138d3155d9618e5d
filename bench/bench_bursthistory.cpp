// The burst timeline and usage meter's cost at scale: N pods (50 per Deployment, 20 namespaces)
// listed (with pasts to rebuild),
// then M status changes, as the informer would deliver them in batches of 1,000; then the list in
// one change set (read on a worker), alone and with the M changes arriving while it is read, with
// the longest turn of the event loop until it is applied. Prints the time per phase and the heap
// the history holds. Usage:
//   build/bench/bench_bursthistory [PODS=100000] [CHANGES=100000]
#include "burstpods.h"
#include "core/kube/informer.h"
#include "models/bursthistory.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTextStream>
#include <QTimer>

#include <malloc.h>
#include <time.h>

using burstbench::makePod;
using burstbench::threadCpuMs;
using burstbench::threadCpuNs;

namespace {

qint64 processCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

qint64 heapBytes()
{
    malloc_trim(0);
    const struct mallinfo2 info = mallinfo2();
    return qint64(info.uordblks + info.hblkhd);
}

struct WholeList
{
    qint64 wallMs = 0;
    qint64 callCpuNs = 0;    // GUI thread CPU in applyPods (starting the worker, queueing)
    qint64 applyCpuNs = 0;   // GUI thread CPU on the event loop until listApplied
    qint64 longestCpuNs = 0; // the most GUI thread CPU between two ticks of a 1 ms timer
    qint64 longestWallNs = 0;
    qint64 workerCpuMs = 0;
    qsizetype samples = 0;
    bool background = false;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int pods = argc > 1 ? QString::fromLatin1(argv[1]).toInt() : 100000;
    const int changes = argc > 2 ? QString::fromLatin1(argv[2]).toInt() : 100000;
    QTextStream out(stdout);
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-3600);
    QList<QJsonObject> all;
    all.reserve(pods);
    for (int i = 0; i < pods; ++i)
        all.append(makePod(i, i % 3 == 0, start.addSecs(i % 3600)));

    const qint64 before = heapBytes();
    models::BurstHistory history(QString{});
    history.setVirtualNodes({QStringLiteral("virtual-kubelet")});
    QElapsedTimer timer;
    timer.start();
    qint64 cpu = threadCpuMs();
    for (int first = 0; first < pods; first += 1000) {
        core::kube::ChangeSet batch;
        batch.added = all.mid(first, 1000);
        history.applyPods(batch);
    }
    const qint64 listMs = timer.restart();
    const qint64 listCpu = threadCpuMs() - cpu;
    const qint64 held = heapBytes() - before;
    // Status changes: every third one moves a pod between local and CCI. Built before the
    // clock starts: only the history's work is timed.
    QList<core::kube::ChangeSet> batches;
    for (int done = 0; done < changes; done += 1000) {
        core::kube::ChangeSet batch;
        for (int j = 0; j < 1000 && done + j < changes; ++j) {
            const int i = (done + j) % pods;
            batch.modified.append(makePod(i, (i + done / pods + (j % 3 == 0)) % 3 == 0,
                                          start.addSecs(i % 3600)));
        }
        batches.append(batch);
    }
    timer.restart();
    for (const core::kube::ChangeSet &batch : std::as_const(batches))
        history.applyPods(batch);
    const qint64 changeMs = timer.restart();
    const auto report = history.usage(start.addSecs(-60), QDateTime::currentDateTimeUtc());
    const qint64 usageMs = timer.restart();

    // The list as the session delivers it at connect (one change set, or the replay once the
    // nodes are known): read on a worker, applied on this (the GUI) thread. A 1 ms timer records
    // the longest turn of the event loop (wall, and this thread's CPU) until it is applied.
    const auto wholeList = [&](const QList<core::kube::ChangeSet> &meanwhile) {
        WholeList result;
        models::BurstHistory whole(QString{});
        whole.setVirtualNodes({QStringLiteral("virtual-kubelet")});
        QEventLoop loop;
        QObject::connect(&whole, &models::BurstHistory::listApplied, &loop, &QEventLoop::quit);
        burstbench::TurnProbe probe;
        core::kube::ChangeSet list;
        list.added = all;
        QElapsedTimer timer;
        timer.start();
        const qint64 cpu = threadCpuNs();
        const qint64 processCpu = processCpuMs();
        whole.applyPods(list);
        for (const core::kube::ChangeSet &batch : meanwhile)
            whole.applyPods(batch);
        result.callCpuNs = threadCpuNs() - cpu;
        result.background = whole.isReadingList();
        if (result.background) {
            probe.start();
            loop.exec();
            probe.stop(); // the turn that applied the last step quit the loop: counted too
            result.longestCpuNs = probe.longestCpuNs;
            result.longestWallNs = probe.longestWallNs;
        }
        result.wallMs = timer.elapsed();
        const qint64 guiCpu = threadCpuNs() - cpu;
        result.applyCpuNs = guiCpu - result.callCpuNs;
        result.workerCpuMs = processCpuMs() - processCpu - guiCpu / 1000000;
        result.samples = whole.cluster().samples().size();
        return result;
    };
    const WholeList alone = wholeList({});
    const WholeList withChanges = wholeList(batches);
    const auto ms = [](qint64 ns) -> QString { return QString::number(double(ns) / 1e6, 'f', 1); };
    const auto describe = [&](const WholeList &r) -> QString {
        return QString::number(r.wallMs) + QStringLiteral(" ms until applied; GUI thread CPU ") +
               ms(r.callCpuNs) + QStringLiteral(" ms in the calls + ") + ms(r.applyCpuNs) +
               QStringLiteral(" ms on the event loop, longest turn ") + ms(r.longestCpuNs) +
               QStringLiteral(" ms CPU (") + ms(r.longestWallNs) +
               QStringLiteral(" ms wall); worker CPU ") + QString::number(r.workerCpuMs) +
               QStringLiteral(" ms") +
               (r.background ? QString() : QStringLiteral(" (no worker: applied synchronously)"));
    };
    out << "bench_bursthistory: " << pods << " pods, " << changes << " changes\n"
        << "  list (pasts rebuilt):  " << listMs << " ms = "
        << QString::number(listMs * 1000.0 / pods, 'f', 2) << " us/pod (batches of 1,000 on the "
        << "GUI thread, its CPU " << listCpu << " ms)\n"
        << "  list in one change set: " << describe(alone) << "\n"
        << "  and the changes arriving while it is read (" << batches.size() << " batches): "
        << describe(withChanges) << "; cluster samples " << withChanges.samples << "\n"
        << "  changes:               " << changeMs << " ms = "
        << QString::number(changeMs * 1000.0 / std::max(1, changes), 'f', 2) << " us/change\n"
        << "  usage report:          " << usageMs << " ms (" << report.byWorkload.size()
        << " workloads, " << QString::number(report.total.vcpuHours, 'f', 1) << " vCPU-hours)\n"
        << "  heap held after list:  " << held / 1024 << " KiB = " << held / std::max(1, pods)
        << " B/pod\n"
        << "  cluster samples: " << history.cluster().samples().size()
        << ", workloads: " << history.workloadKeys().size() << "\n";
    return 0;
}
