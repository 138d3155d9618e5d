// The burst-failure triage's cost at scale: PODS pods in the session's pods model (one in five on
// the virtual node, 50 per ReplicaSet, 20 namespaces) and EVENTS events in the events model, one
// in ten a burst failure (refusals, image pulls of burst pods, image pulls of local pods that the
// triage must skip). Prints the time of a whole recompute (BurstTriageModel::update, on the GUI
// thread) after the first sync and after one more event, and the rows it made. No informers
// here, so owners stop at the ReplicaSet and no preview is run: this measures the grouping.
// Usage: build/bench/bench_bursttriage [PODS=100000] [EVENTS=100000] [REPEAT=0]
#include "core/kube/informer.h"
#include "models/bursttriagemodel.h"
#include "models/clustersession.h"
#include "models/eventtablemodel.h"
#include "models/podtablemodel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QTextStream>

namespace {

QString uidOf(const char *kind, int i)
{
    return QStringLiteral("%1-0000-4000-8000-%2").arg(QLatin1String(kind)).arg(i, 12, 10, QLatin1Char('0'));
}

QJsonObject makePod(int i)
{
    const QString owner = QStringLiteral("app-%1-7d9f5c").arg(i / 50);
    return QJsonObject{
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), QString(owner + u'-' + QString::number(i))},
                     {QStringLiteral("namespace"), QStringLiteral("ns-%1").arg((i / 50) % 20)},
                     {QStringLiteral("uid"), uidOf("pod", i)},
                     {QStringLiteral("ownerReferences"),
                      QJsonArray{QJsonObject{{QStringLiteral("kind"), QStringLiteral("ReplicaSet")},
                                             {QStringLiteral("name"), owner},
                                             {QStringLiteral("controller"), true}}}}}},
        {QStringLiteral("spec"),
         QJsonObject{{QStringLiteral("nodeName"),
                      i % 5 == 0 ? QStringLiteral("virtual-kubelet") : QStringLiteral("idc-1")},
                     {QStringLiteral("containers"),
                      QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("app")}}}}}},
        {QStringLiteral("status"), QJsonObject{{QStringLiteral("phase"), QStringLiteral("Running")}}}};
}

QJsonObject makeEvent(int i, int pods)
{
    const int pod = (i * 7919) % pods;
    QString reason = QStringLiteral("Started");
    QString message = QStringLiteral("Started container app");
    if (i % 10 == 0) {
        reason = QStringLiteral("ProviderCreateFailed");
        message = QStringLiteral("CCI refused the pod: resources.ratio");
    } else if (i % 10 == 1) {
        reason = QStringLiteral("Failed");
        message = QStringLiteral("Failed to pull image \"nginx:nope\": not found");
    }
    return QJsonObject{
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), QStringLiteral("event-%1").arg(i)},
                     {QStringLiteral("namespace"), QStringLiteral("ns-%1").arg((pod / 50) % 20)},
                     {QStringLiteral("uid"), uidOf("event", i)}}},
        {QStringLiteral("involvedObject"),
         QJsonObject{{QStringLiteral("kind"), QStringLiteral("Pod")},
                     {QStringLiteral("namespace"), QStringLiteral("ns-%1").arg((pod / 50) % 20)},
                     {QStringLiteral("name"), QStringLiteral("app-%1-7d9f5c-%2").arg(pod / 50).arg(pod)},
                     {QStringLiteral("uid"), uidOf("pod", pod)}}},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("message"), message},
        {QStringLiteral("type"), QStringLiteral("Warning")},
        {QStringLiteral("count"), 1},
        {QStringLiteral("lastTimestamp"), QStringLiteral("2026-12-07T10:00:00Z")}};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList args = app.arguments();
    const int pods = args.value(1, QStringLiteral("100000")).toInt();
    const int events = args.value(2, QStringLiteral("100000")).toInt();
    core::kube::Connection connection;
    connection.server = QUrl(QStringLiteral("http://127.0.0.1:1"));
    connection.contextName = QStringLiteral("bench");
    models::ClusterSession session(connection); // never started: its models are fed here
    session.pods()->setVirtualNodes({QStringLiteral("virtual-kubelet")});
    for (int first = 0; first < pods; first += 1000) {
        core::kube::ChangeSet batch;
        for (int i = first; i < std::min(pods, first + 1000); ++i)
            batch.added.append(makePod(i));
        session.pods()->applyChanges(batch);
    }
    models::EventTableModel eventModel;
    for (int first = 0; first < events; first += 1000) {
        core::kube::ChangeSet batch;
        for (int i = first; i < std::min(events, first + 1000); ++i)
            batch.added.append(makeEvent(i, pods));
        eventModel.applyChanges(batch);
    }
    models::BurstTriageModel triage(&session, &eventModel);
    QElapsedTimer t;
    t.start();
    triage.update();
    const double first = double(t.nsecsElapsed()) / 1e6;
    core::kube::ChangeSet one;
    one.added.append(makeEvent(events, pods));
    eventModel.applyChanges(one);
    t.restart();
    triage.update();
    const double again = double(t.nsecsElapsed()) / 1e6;
    // For a profiler: REPEAT more recomputes (argument 3).
    for (int i = 0, repeat = args.value(3).toInt(); i < repeat; ++i)
        triage.update();
    out << "burst triage over " << pods << " pods and " << eventModel.rowCount() << " events: "
        << triage.rowCount() << " rows; update " << QString::number(first, 'f', 1)
        << " ms, after one more event " << QString::number(again, 'f', 1) << " ms\n"
        << "reproduce: build/bench/bench_bursttriage " << pods << ' ' << events << '\n';
    return 0;
}
