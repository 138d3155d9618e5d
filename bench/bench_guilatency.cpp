// The GUI thread's lateness while watch events stream in: the console's main window with a
// cluster session on a running sandbox (started with --churn RATE), all pods shown and sorted,
// and a 10 ms timer whose late ticks are what an operator feels as a stutter. Prints the events
// the session actually received per second and the lateness percentiles. Run through
// bench/gui-latency.sh.
#include "core/kube/informer.h"
#include "core/kube/kubeconfig.h"
#include "models/clustersession.h"
#include "models/podtablemodel.h"
#include "ui/mainwindow.h"
#include "ui/podspane.h"

#include "guilateness.h"

#include <QApplication>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QTextStream>
#include <QTimer>

#include <algorithm>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList args = app.arguments();
    if (args.size() != 4) {
        out << "usage: bench_guilatency KUBECONFIG EXPECTED_PODS SECONDS\n";
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
    const int seconds = args.at(3).toInt();

    ui::MainWindow window;
    auto *session = new models::ClusterSession(connection.value(), &window);
    ui::PodsPane *pane = window.addClusterSession(session);
    pane->allPods()->setChecked(true); // every pod through the proxy, sorted by age
    window.resize(1400, 900);
    window.show();

    QElapsedTimer clock;
    clock.start();
    bool synced = false;
    QObject::connect(session, &models::ClusterSession::statusChanged, &app,
                     [&](const models::ConnectionStatus &status) {
                         // Churn creates and deletes pods: the count moves a little around `expected`.
                         if (!synced && status.live() &&
                             session->pods()->rowCount() >= expected - expected / 100) {
                             synced = true;
                             app.quit();
                         }
                     });
    QTimer::singleShot(600000, &app, [&] { app.exit(1); });
    session->start();
    if (app.exec() != 0) {
        out << "timed out with " << session->pods()->rowCount() << " pods\n";
        return 1;
    }
    out << "synced " << session->pods()->rowCount() << " pods in " << clock.elapsed() << " ms\n";

    // Anything but Synced during the measurement is printed: a stalled watch must not pass for
    // a quiet GUI.
    QObject::connect(session, &models::ClusterSession::statusChanged, &app,
                     [&](const models::ConnectionStatus &status) {
                         static models::ConnectionState last = status.state;
                         if (status.state != last)
                             out << "  " << models::describeStatus(session->contextName(), status)
                                 << '\n';
                         last = status.state;
                         out.flush();
                     });
    QObject::connect(session->informer(QStringLiteral("pods")), &core::kube::Informer::warning,
                     &app, [&](const core::kube::ApiStatusError &error) {
                         out << "  pods informer: " << error.toError().message << '\n';
                         out.flush();
                     });
    qint64 events = 0;
    qint64 watchEvents = 0;
    QObject::connect(session->informer(QStringLiteral("pods"))->reflector(),
                     &core::kube::Reflector::watchEvent, &app, [&] { ++watchEvents; });
    QObject::connect(session->informer(QStringLiteral("pods")), &core::kube::Informer::changes,
                     &app, [&](const core::kube::ChangeSet &changes) { events += changes.size(); });
    GuiLateness lateness;
    lateness.run(app, seconds);
    const double elapsed = lateness.elapsed;
    out << "received " << watchEvents << " watch events in " << elapsed << " s ("
        << qint64(watchEvents / elapsed) << " per second)\n"
        << "applied " << events << " pod changes in " << elapsed << " s ("
        << qint64(events / elapsed) << " per second, after the informer's batching)\n"
        << lateness.summary() << "\n";
    session->stop();
    return 0;
}
