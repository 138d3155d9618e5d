// The console's first sync, measured headless: connect a ClusterSession to a kubeconfig context,
// wait until every pod is in the PodTableModel, then time a token filter over all rows. Prints
// wall times and the resident memory the session added. Run through bench/compare-get.sh.
#include "core/kube/kubeconfig.h"
#include "models/clustersession.h"
#include "models/podfilter.h"
#include "models/podtablemodel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>
#include <QTimer>

#include <malloc.h>
#include <unistd.h>

namespace {

qint64 residentBytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields.at(1).toLongLong() * sysconf(_SC_PAGESIZE) : 0;
}

// Bytes the allocator has handed out and not had back: what the data holds, without the pages
// a fragmented heap keeps resident.
qint64 heapInUse()
{
    const struct mallinfo2 info = mallinfo2();
    return qint64(info.uordblks + info.hblkhd);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        out << "usage: bench_livesync KUBECONFIG EXPECTED_PODS\n";
        return 2;
    }
    core::kube::KubeconfigOverrides overrides;
    overrides.kubeconfigPath = args.at(1);
    const auto connection = core::kube::loadConnection(overrides);
    if (!connection) {
        out << connection.error().message << '\n';
        return 1;
    }
    const qint64 expected = args.at(2).toLongLong();
    const qint64 idle = residentBytes();
    const qint64 idleHeap = heapInUse();
    models::ClusterSession session(connection.value());
    QElapsedTimer clock;
    qint64 firstRows = -1;
    QObject::connect(session.pods(), &QAbstractItemModel::rowsInserted, &app, [&] {
        if (firstRows < 0)
            firstRows = clock.elapsed();
    });
    QObject::connect(&session, &models::ClusterSession::statusChanged, &app,
                     [&](const models::ConnectionStatus &status) {
                         if (status.live() && session.pods()->rowCount() >= expected)
                             app.quit();
                     });
    QTimer::singleShot(600000, &app, [&] {
        out << "timed out with " << session.pods()->rowCount() << " pods\n";
        app.exit(1);
    });
    clock.start();
    session.start();
    if (app.exec() != 0)
        return 1;
    const qint64 synced = clock.elapsed();
    const qint64 grown = residentBytes() - idle;
    const qint64 heapGrown = heapInUse() - idleHeap;
    malloc_trim(0);
    if (qEnvironmentVariableIsSet("BENCH_MALLOC_STATS"))
        malloc_stats();
    const qint64 trimmedGrown = residentBytes() - idle;

    models::PodFilterProxy proxy;
    proxy.setSourceModel(session.pods());
    QElapsedTimer filterClock;
    filterClock.start();
    proxy.setFilterText(QStringLiteral("ns:payments status:Running"));
    const int matched = proxy.rowCount();
    const qint64 filtered = filterClock.elapsed();

    const qint64 pods = session.pods()->rowCount();
    out << "console first rows after    " << firstRows << " ms\n"
        << "console synced " << pods << " pods in " << synced << " ms\n"
        << "console memory added        " << grown / (1024 * 1024) << " MiB ("
        << (pods ? grown / pods : 0) << " bytes per pod, informer cache + rows)\n"
        << "console heap in use added   " << heapGrown / (1024 * 1024) << " MiB ("
        << (pods ? heapGrown / pods : 0) << " bytes per pod); resident after malloc_trim "
        << trimmedGrown / (1024 * 1024) << " MiB (" << (pods ? trimmedGrown / pods : 0)
        << " bytes per pod)\n"
        << "filter 'ns:payments status:Running' over " << pods << " rows: " << filtered
        << " ms, " << matched << " matched\n";
    session.stop();
    return 0;
}
