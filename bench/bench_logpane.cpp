// The GUI thread's lateness while a LogPane ingests fast log streams: an in-process sandbox API
// server with the node's endpoints (pods/log) holds PODS running pods writing RATE lines a second
// each, started BACKLOG seconds ago (so the pane first downloads BACKLOG * RATE lines per pod),
// and one LogPane follows them all merged, shown in a window. A 10 ms timer measures how late
// the GUI thread runs its ticks, as bench_guilatency.cpp does. Prints the lines the model holds,
// the lines dropped by the cap, and the lateness percentiles and maximum.
//
//   bench_logpane PODS RATE BACKLOG_SECONDS SECONDS
#include "core/kube/apiclient.h"
#include "core/sandbox/apiserver/apirouter.h"
#include "core/sandbox/cluster/scenario.h"
#include "core/sandbox/node/nodeendpoints.h"
#include "core/sandbox/node/podlogs.h"
#include "core/sandbox/store/objectstore.h"
#include "core/sandbox/store/resourcetype.h"
#include "core/sandbox/transport/httpserver.h"
#include "models/logviewmodel.h"
#include "ui/logpane.h"
#include "ui/logview.h"

#include "guilateness.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QTextStream>
#include <QTimer>

#include <algorithm>

namespace {

QJsonObject runningPod(const QString &name, int rate, const QDateTime &started)
{
    const QJsonObject running{
        {QStringLiteral("name"), QStringLiteral("app")},
        {QStringLiteral("restartCount"), 0},
        {QStringLiteral("state"),
         QJsonObject{{QStringLiteral("running"),
                      QJsonObject{{QStringLiteral("startedAt"),
                                   started.toString(Qt::ISODate)}}}}}};
    return QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Pod")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), name},
                     {QStringLiteral("namespace"), QStringLiteral("default")},
                     {QStringLiteral("annotations"),
                      QJsonObject{{core::sandbox::PodLogs::rateAnnotation(),
                                   QString::number(rate)}}}}},
        {QStringLiteral("spec"),
         QJsonObject{{QStringLiteral("containers"),
                      QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("app")},
                                             {QStringLiteral("image"),
                                              QStringLiteral("busybox:1.36")}}}}}},
        {QStringLiteral("status"),
         QJsonObject{{QStringLiteral("phase"), QStringLiteral("Running")},
                     {QStringLiteral("containerStatuses"), QJsonArray{running}}}}};
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList args = app.arguments();
    if (args.size() != 5) {
        out << "usage: bench_logpane PODS RATE BACKLOG_SECONDS SECONDS\n";
        return 2;
    }
    const int pods = args.at(1).toInt();
    const int rate = args.at(2).toInt();
    const int backlog = args.at(3).toInt();
    const int seconds = args.at(4).toInt();

    core::sandbox::ObjectStore store;
    core::sandbox::seedDefaultScenario(store, QStringLiteral("sandbox"));
    core::sandbox::ApiRouter router(store, QStringLiteral("127.0.0.1"),
                                    core::sandbox::withNodeEndpoints());
    core::sandbox::HttpServer server(
        [&router](const core::sandbox::HttpRequest &request) { return router.handle(request); });
    if (!server.start()) {
        out << "the sandbox server did not start\n";
        return 1;
    }
    const QDateTime started = QDateTime::currentDateTimeUtc().addSecs(-backlog);
    QList<ui::LogTarget> targets;
    for (int i = 0; i < pods; ++i) {
        const QString name = QStringLiteral("load-%1").arg(i);
        if (!store.create(core::sandbox::podsType(), QStringLiteral("default"),
                          runningPod(name, rate, started))) {
            out << "could not create " << name << '\n';
            return 1;
        }
        targets.append({QStringLiteral("default"), name, {}, {QStringLiteral("app")}});
    }
    core::kube::Connection connection;
    connection.server = QUrl(server.url());
    connection.token = QStringLiteral("bench");
    core::kube::ApiClient client(connection);

    ui::LogPane pane(&client, targets);
    pane.resize(1400, 900);
    pane.show();

    GuiLateness lateness;
    lateness.run(app, seconds);
    const double elapsed = lateness.elapsed;
    const qint64 rows = pane.model()->rowCount();
    const qint64 dropped = pane.model()->droppedLines();
    out << pods << " pods at " << rate << " lines/s each, " << backlog
        << " s of backlog; measured " << elapsed << " s\n"
        << "model rows " << rows << ", dropped by the cap " << dropped << " (cap "
        << pane.model()->maxLines() << "), lines held + dropped per second "
        << qint64((rows + dropped) / elapsed) << "\n"
        << "view following: " << (pane.view()->follow() ? "yes" : "no") << ", last visible row "
        << pane.view()->lastVisibleRow() << "\n"
        << lateness.summary() << "\n";
    pane.model()->stopAll();
    return 0;
}
