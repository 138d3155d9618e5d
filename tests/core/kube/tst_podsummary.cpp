#include "core/kube/podsummary.h"

#include <QJsonDocument>
#include <QTest>

using core::kube::PodSummary;

namespace {

// A pod from compact JSON written with single quotes (test tables stay readable).
QJsonObject pod(const char *json)
{
    QByteArray text(json);
    text.replace('\'', '"');
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return document.object();
}

} // namespace

// summarizePod against what `kubectl get pods` prints for the same pod (READY, STATUS,
// RESTARTS), case by case through kubectl's printPod.
class tst_PodSummary : public QObject
{
    Q_OBJECT

private slots:
    void summary_data()
    {
        QTest::addColumn<QJsonObject>("pod");
        QTest::addColumn<QString>("ready");
        QTest::addColumn<QString>("status");
        QTest::addColumn<qint64>("restarts");

        QTest::newRow("empty pod is Pending") << pod("{}") << u"0/0"_qs << u"Pending"_qs << 0LL;
        QTest::newRow("running and ready")
            << pod("{'spec':{'containers':[{'name':'a'},{'name':'b'}]},'status':{'phase':"
                   "'Running','containerStatuses':[{'name':'a','ready':true,'restartCount':2,"
                   "'state':{'running':{}}},{'name':'b','ready':false,'restartCount':1,"
                   "'state':{'running':{}}}]}}")
            << u"1/2"_qs << u"Running"_qs << 3LL;
        QTest::newRow("status reason wins over phase")
            << pod("{'spec':{'containers':[{'name':'a'}]},'status':{'phase':'Failed',"
                   "'reason':'Evicted'}}")
            << u"0/1"_qs << u"Evicted"_qs << 0LL;
        QTest::newRow("waiting reason")
            << pod("{'spec':{'containers':[{'name':'a'}]},'status':{'phase':'Running',"
                   "'containerStatuses':[{'name':'a','restartCount':7,'state':{'waiting':"
                   "{'reason':'CrashLoopBackOff'}}}]}}")
            << u"0/1"_qs << u"CrashLoopBackOff"_qs << 7LL;
        QTest::newRow("terminated without reason: exit code")
            << pod("{'spec':{'containers':[{'name':'a'}]},'status':{'phase':'Failed',"
                   "'containerStatuses':[{'name':'a','state':{'terminated':{'exitCode':3}}}]}}")
            << u"0/1"_qs << u"ExitCode:3"_qs << 0LL;
        QTest::newRow("terminated by a signal")
            << pod("{'spec':{'containers':[{'name':'a'}]},'status':{'phase':'Failed',"
                   "'containerStatuses':[{'name':'a','state':{'terminated':{'exitCode':137,"
                   "'signal':9}}}]}}")
            << u"0/1"_qs << u"Signal:9"_qs << 0LL;
        QTest::newRow("first container's reason wins (reverse order)")
            << pod("{'spec':{'containers':[{'name':'a'},{'name':'b'}]},'status':{'phase':"
                   "'Pending','containerStatuses':[{'name':'a','state':{'waiting':{'reason':"
                   "'ErrImagePull'}}},{'name':'b','state':{'waiting':{'reason':"
                   "'ContainerCreating'}}}]}}")
            << u"0/2"_qs << u"ErrImagePull"_qs << 0LL;
        QTest::newRow("init container running: Init:i/n")
            << pod("{'spec':{'initContainers':[{'name':'i1'},{'name':'i2'}],'containers':"
                   "[{'name':'a'}]},'status':{'phase':'Pending','initContainerStatuses':["
                   "{'name':'i1','state':{'terminated':{'exitCode':0}}},{'name':'i2','state':"
                   "{'running':{}}}],'containerStatuses':[{'name':'a','state':{'waiting':"
                   "{'reason':'PodInitializing'}}}]}}")
            << u"0/1"_qs << u"Init:1/2"_qs << 0LL;
        QTest::newRow("init container failed")
            << pod("{'spec':{'initContainers':[{'name':'i1'}],'containers':[{'name':'a'}]},"
                   "'status':{'phase':'Pending','initContainerStatuses':[{'name':'i1',"
                   "'restartCount':4,'state':{'terminated':{'exitCode':1,'reason':'Error'}}}]}}")
            << u"0/1"_qs << u"Init:Error"_qs << 4LL;
        QTest::newRow("init container waiting")
            << pod("{'spec':{'initContainers':[{'name':'i1'}],'containers':[{'name':'a'}]},"
                   "'status':{'phase':'Pending','initContainerStatuses':[{'name':'i1',"
                   "'state':{'waiting':{'reason':'ImagePullBackOff'}}}]}}")
            << u"0/1"_qs << u"Init:ImagePullBackOff"_qs << 0LL;
        QTest::newRow("completed with a running sidecar-like container: NotReady")
            << pod("{'spec':{'containers':[{'name':'a'},{'name':'b'}]},'status':{'phase':"
                   "'Running','conditions':[{'type':'Ready','status':'False'}],"
                   "'containerStatuses':[{'name':'a','ready':true,'state':{'running':{}}},"
                   "{'name':'b','state':{'terminated':{'exitCode':0,'reason':'Completed'}}}]}}")
            << u"1/2"_qs << u"NotReady"_qs << 0LL;
        QTest::newRow("completed with a running container and Ready: Running")
            << pod("{'spec':{'containers':[{'name':'a'},{'name':'b'}]},'status':{'phase':"
                   "'Running','conditions':[{'type':'Ready','status':'True'}],"
                   "'containerStatuses':[{'name':'a','ready':true,'state':{'running':{}}},"
                   "{'name':'b','state':{'terminated':{'exitCode':0,'reason':'Completed'}}}]}}")
            << u"1/2"_qs << u"Running"_qs << 0LL;
        QTest::newRow("deleting: Terminating")
            << pod("{'metadata':{'deletionTimestamp':'2026-01-01T00:00:00Z'},'spec':"
                   "{'containers':[{'name':'a'}]},'status':{'phase':'Running',"
                   "'containerStatuses':[{'name':'a','ready':true,'state':{'running':{}}}]}}")
            << u"1/1"_qs << u"Terminating"_qs << 0LL;
        QTest::newRow("deleting a finished pod keeps its phase")
            << pod("{'metadata':{'deletionTimestamp':'2026-01-01T00:00:00Z'},'spec':"
                   "{'containers':[{'name':'a'}]},'status':{'phase':'Succeeded'}}")
            << u"0/1"_qs << u"Succeeded"_qs << 0LL;
        QTest::newRow("deleting on a lost node: Unknown")
            << pod("{'metadata':{'deletionTimestamp':'2026-01-01T00:00:00Z'},'spec':"
                   "{'containers':[{'name':'a'}]},'status':{'phase':'Running','reason':"
                   "'NodeLost'}}")
            << u"0/1"_qs << u"Unknown"_qs << 0LL;
        QTest::newRow("scheduling gated")
            << pod("{'spec':{'containers':[{'name':'a'}]},'status':{'phase':'Pending',"
                   "'conditions':[{'type':'PodScheduled','status':'False','reason':"
                   "'SchedulingGated'}]}}")
            << u"0/1"_qs << u"SchedulingGated"_qs << 0LL;
    }
    void summary()
    {
        QFETCH(QJsonObject, pod);
        QFETCH(QString, ready);
        QFETCH(QString, status);
        QFETCH(qint64, restarts);
        const PodSummary s = core::kube::summarizePod(pod);
        QCOMPARE(QStringLiteral("%1/%2").arg(s.readyContainers).arg(s.containers), ready);
        QCOMPARE(s.status, status);
        QCOMPARE(s.restarts, restarts);
        // An informer caching trimmed pods shows the same READY, STATUS and RESTARTS.
        const PodSummary t = core::kube::summarizePod(core::kube::trimPodForLists(pod, {}));
        QCOMPARE(t.readyContainers, s.readyContainers);
        QCOMPARE(t.containers, s.containers);
        QCOMPARE(t.status, s.status);
        QCOMPARE(t.restarts, s.restarts);
        QCOMPARE(t.lastRestart, s.lastRestart);
    }

    void trimKeepsWhatListsShow()
    {
        const QJsonObject full = pod(
            "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'web-1','namespace':'default',"
            "'uid':'u1','resourceVersion':'7','generateName':'web-','creationTimestamp':"
            "'2026-12-06T10:00:00Z','labels':{'app':'web'},'annotations':{'keep/me':'1',"
            "'drop/me':'2'},'managedFields':[{'manager':'x'}],'ownerReferences':[{'kind':"
            "'ReplicaSet','name':'web-abc','uid':'rs1','controller':true},{'kind':'Other',"
            "'name':'o','uid':'o1'}]},'spec':{'nodeName':'n1','volumes':[{'name':'v'}],"
            "'tolerations':[{'key':'t'}],'containers':[{'name':'c','image':'nginx','env':[{'name':"
            "'A','value':'B'}],'resources':{'requests':{'cpu':'250m'}}}]},'status':{'phase':"
            "'Running','podIP':'10.0.0.1','hostIP':'192.168.0.1','qosClass':'Burstable',"
            "'conditions':[{'type':'Ready','status':'True','lastTransitionTime':'t',"
            "'lastProbeTime':null}],'containerStatuses':[{'name':'c','ready':true,"
            "'restartCount':2,'image':'nginx','imageID':'sha','containerID':'cid','state':"
            "{'running':{'startedAt':'t'}},'lastState':{'terminated':{'exitCode':1,"
            "'finishedAt':'2026-12-06T11:00:00Z'}}}]}}");
        const QJsonObject trimmed = core::kube::trimPodForLists(full, {u"keep/me"_qs});
        const QJsonObject expected = pod(
            "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'web-1','namespace':'default',"
            "'uid':'u1','resourceVersion':'7','generateName':'web-','creationTimestamp':"
            "'2026-12-06T10:00:00Z','labels':{'app':'web'},'annotations':{'keep/me':'1'},"
            "'ownerReferences':[{'kind':'ReplicaSet','name':'web-abc','uid':'rs1','controller':"
            "true}]},'spec':{'nodeName':'n1','containers':[{'name':'c','resources':{'requests':"
            "{'cpu':'250m'}}}]},'status':{'phase':'Running','podIP':'10.0.0.1','hostIP':"
            "'192.168.0.1','qosClass':'Burstable','conditions':[{'type':'Ready','status':"
            "'True'}],'containerStatuses':[{'name':'c','ready':true,'restartCount':2,'state':"
            "{'running':{'startedAt':'t'}},'lastState':{'terminated':{'finishedAt':"
            "'2026-12-06T11:00:00Z'}}}]}}");
        QCOMPARE(trimmed, expected);
    }

    void lastRestartIsTheNewestTermination()
    {
        const PodSummary s = core::kube::summarizePod(
            pod("{'status':{'containerStatuses':[{'name':'a','restartCount':1,'lastState':"
                "{'terminated':{'finishedAt':'2026-12-06T10:00:00Z'}}},{'name':'b',"
                "'restartCount':1,'lastState':{'terminated':{'finishedAt':"
                "'2026-12-06T11:00:00Z'}}}]}}"));
        QCOMPARE(s.lastRestart, QDateTime(QDate(2026, 12, 6), QTime(11, 0), Qt::UTC));
        QVERIFY(!core::kube::summarizePod(pod("{}")).lastRestart.isValid());
    }

    void humanAge_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("age");
        QTest::newRow("skew") << -1LL << u"0s"_qs;
        QTest::newRow("future") << -2LL << u"<invalid>"_qs;
        QTest::newRow("119s") << 119LL << u"119s"_qs;
        QTest::newRow("2m") << 120LL << u"2m"_qs;
        QTest::newRow("5m10s") << 310LL << u"5m10s"_qs;
        QTest::newRow("10m") << 600LL << u"10m"_qs;
        QTest::newRow("3h20m") << 12000LL << u"3h20m"_qs;
        QTest::newRow("47h") << 47 * 3600LL << u"47h"_qs;
        QTest::newRow("2d12h") << 60 * 3600LL << u"2d12h"_qs;
        QTest::newRow("12d") << 12 * 86400LL << u"12d"_qs;
        QTest::newRow("2y40d") << (2 * 365 + 40) * 86400LL << u"2y40d"_qs;
        QTest::newRow("9y") << 9 * 365 * 86400LL << u"9y"_qs;
    }
    void humanAge()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, age);
        QCOMPARE(core::kube::humanAge(seconds), age);
    }

    void timestampAge()
    {
        const QDateTime now(QDate(2026, 12, 6), QTime(12, 0), Qt::UTC);
        QCOMPARE(core::kube::timestampAge(u"2026-12-06T11:55:00Z"_qs, now), u"5m"_qs);
        QCOMPARE(core::kube::timestampAge(QString(), now), u"<unknown>"_qs);
        QCOMPARE(core::kube::timestampAge(u"yesterday"_qs, now), u"<unknown>"_qs);
    }
};

QTEST_GUILESS_MAIN(tst_PodSummary)
#include "tst_podsummary.moc"
