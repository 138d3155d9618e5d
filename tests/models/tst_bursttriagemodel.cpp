#include "models/bursttriagemodel.h"

#include "core/burst/cciconventions.h"
#include "core/sandbox/cluster/eventrecorder.h"
#include "core/sandbox/cluster/scenario.h"
#include "models/clustersession.h"
#include "models/eventtablemodel.h"
#include "models/liveworkloadmodel.h"
#include "tests/core/kube/sandboxfixture.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using models::BurstTriageModel;

namespace {

QJsonObject parse(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

QJsonObject ownedBy(QJsonObject object, const QJsonObject &owner)
{
    QJsonObject meta = object.value(u"metadata").toObject();
    meta.insert(u"ownerReferences"_s,
                QJsonArray{QJsonObject{{u"apiVersion"_s, owner.value(u"apiVersion")},
                                       {u"kind"_s, owner.value(u"kind")},
                                       {u"name"_s, core::kube::nameOf(owner)},
                                       {u"uid"_s, core::kube::uidOf(owner)},
                                       {u"controller"_s, true}}});
    object.insert(u"metadata"_s, meta);
    return object;
}

QJsonObject pod(const QString &name, const QString &node)
{
    QJsonObject spec{{u"containers"_s,
                      QJsonArray{QJsonObject{{u"name"_s, u"app"_s}, {u"image"_s, u"nginx"_s}}}}};
    if (!node.isEmpty())
        spec.insert(u"nodeName"_s, node);
    return {{u"apiVersion"_s, u"v1"_s},
            {u"kind"_s, u"Pod"_s},
            {u"metadata"_s, QJsonObject{{u"name"_s, name}, {u"namespace"_s, u"shop"_s}}},
            {u"spec"_s, spec}};
}

// A Deployment CCI refuses by a shape rule (64 cores with 1 GiB), as the console sees it.
const QByteArray kTooBig = R"({"apiVersion":"apps/v1","kind":"Deployment",
  "metadata":{"name":"big","namespace":"shop","labels":{"virtual-kubelet.io/burst-to-cci":"enforce"}},
  "spec":{"replicas":1,"selector":{"matchLabels":{"app":"big"}},"template":{
    "metadata":{"labels":{"app":"big"}},
    "spec":{"containers":[{"name":"app","image":"nginx",
      "resources":{"limits":{"cpu":"64","memory":"1Gi"}}}]}}}})";

} // namespace

// The triage over the joined Events of a live session: refusals grouped by the preview's rule
// for the workload (a ReplicaSet's pod found its Deployment), image pulls of burst pods only,
// the lock; rows follow events as inserts, dataChanged and removals (the tester watching).
class tst_BurstTriageModel : public QObject
{
    Q_OBJECT

private slots:
    void groupsByCause()
    {
        SandboxFixture sandbox;
        QVERIFY(sandbox.started());
        auto &store = sandbox.store();
        const QString vk = core::sandbox::virtualKubeletNodeName();
        const auto deployment = store.create(core::kube::deploymentsType(), u"shop"_s,
                                             parse(kTooBig));
        QVERIFY(deployment);
        QJsonObject rsObject = parse(kTooBig);
        rsObject.insert(u"kind"_s, u"ReplicaSet"_s);
        QJsonObject rsMeta = rsObject.value(u"metadata").toObject();
        rsMeta.insert(u"name"_s, u"big-7d9"_s);
        rsObject.insert(u"metadata"_s, rsMeta);
        const auto replicaSet = store.create(core::kube::replicaSetsType(), u"shop"_s,
                                             ownedBy(rsObject, *deployment));
        QVERIFY(replicaSet);
        QJsonObject refusedPod = ownedBy(pod(u"big-7d9-a"_s, {}), *replicaSet);
        const auto refused = store.create(core::kube::podsType(), u"shop"_s, refusedPod);
        const auto refused2 = store.create(core::kube::podsType(), u"shop"_s,
                                           ownedBy(pod(u"big-7d9-b"_s, {}), *replicaSet));
        const auto onCci = store.create(core::kube::podsType(), u"shop"_s, pod(u"img-1"_s, vk));
        const auto local =
            store.create(core::kube::podsType(), u"shop"_s, pod(u"local-1"_s, u"idc-node-1"_s));
        QVERIFY(refused && refused2 && onCci && local);
        const auto vkNode = store.get(core::kube::nodesType(), {}, vk);
        QVERIFY(vkNode);

        core::sandbox::EventRecorder events(store, u"virtual-kubelet"_s, vk);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        events.record(*refused, u"Warning"_s, u"ProviderCreateFailed"_s,
                      u"CCI refused the pod: no reason given"_s, now);
        events.record(*refused2, u"Warning"_s, u"ProviderCreateFailed"_s,
                      u"CCI refused the pod: no reason given"_s, now);
        events.record(*refused2, u"Warning"_s, u"ProviderCreateFailed"_s,
                      u"CCI refused the pod: no reason given"_s, now.addSecs(5));
        events.record(*onCci, u"Warning"_s, u"Failed"_s,
                      u"Failed to pull image \"nginx\": not found"_s, now);
        events.record(*local, u"Warning"_s, u"Failed"_s,
                      u"Failed to pull image \"nginx\": not found"_s, now);
        events.record(*vkNode, u"Warning"_s, u"VirtualKubeletLocked"_s, u"locked for 30m"_s, now);

        core::kube::Connection connection = sandbox.connection();
        connection.contextName = u"sandbox"_s;
        models::ClusterSession session(connection);
        models::LiveWorkloadModel workloads; // watches the workloads and profiles
        workloads.watch(&session);
        models::EventTableModel eventModel;
        eventModel.follow(&session);
        BurstTriageModel triage(&session, &eventModel);
        QAbstractItemModelTester tester(&triage,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&triage, &QAbstractItemModel::modelReset);
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(session.status().state, models::ConnectionState::Synced, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(triage.rowCount(), 3, 10000);

        QHash<QString, int> byCode;
        for (int row = 0; row < triage.rowCount(); ++row)
            byCode.insert(triage.rowAt(row).causeCode, row);
        // The refusal: the preview of the Deployment names the rule; both pods, three events.
        const auto ruleRow = std::find_if(byCode.keyBegin(), byCode.keyEnd(), [](const QString &c) {
            return !c.startsWith(u"burst.cause.");
        });
        QVERIFY2(ruleRow != byCode.keyEnd(), qPrintable(byCode.keys().join(u", ")));
        const models::TriageRow rule = triage.rowAt(byCode.value(*ruleRow));
        QCOMPARE(rule.kind, u"Deployment"_s);
        QCOMPARE(rule.name, u"big"_s);
        QCOMPARE(rule.uid, core::kube::uidOf(*deployment));
        QCOMPARE(rule.pods, 2);
        QCOMPARE(rule.events, 3);
        QVERIFY(!rule.hint.isEmpty());
        QVERIFY(!rule.field.isEmpty());
        const QModelIndex first = triage.index(byCode.value(*ruleRow), 0);
        const auto ref = first.data(models::ObjectRefRole).value<models::ObjectRef>();
        QCOMPARE(ref.resource, u"deployments.apps"_s);
        QCOMPARE(ref.name, u"big"_s);
        // Image pull: the burst pod only (the local pod's pull failure is no burst failure).
        QVERIFY(byCode.contains(u"burst.cause.imagePull"_s));
        const models::TriageRow pull = triage.rowAt(byCode.value(u"burst.cause.imagePull"_s));
        QCOMPARE(pull.name, u"img-1"_s);
        QCOMPARE(pull.pods, 1);
        // The lock, about the virtual node.
        QVERIFY(byCode.contains(u"burst.cause.lock"_s));
        QCOMPARE(triage.rowAt(byCode.value(u"burst.cause.lock"_s)).kind, u"Node"_s);

        // A new event of a known cause changes its row; a new cause adds one.
        QSignalSpy changed(&triage, &QAbstractItemModel::dataChanged);
        events.record(*onCci, u"Warning"_s, u"ErrImagePull"_s, u"ErrImagePull"_s, now);
        QTRY_VERIFY_WITH_TIMEOUT(triage.rowAt(byCode.value(u"burst.cause.imagePull"_s)).events == 2,
                                 10000);
        QVERIFY(!changed.isEmpty());
        events.record(*onCci, u"Warning"_s, u"ProviderCreateFailed"_s,
                      u"create failed: quota exceeded for cpu"_s, now);
        QTRY_COMPARE_WITH_TIMEOUT(triage.rowCount(), 4, 10000);
        // Its events gone, the row goes.
        core::sandbox::ListOptions inShop;
        inShop.namespaceName = u"shop"_s;
        const auto listed = store.list(core::kube::eventsType(), inShop);
        QVERIFY(listed);
        for (const QJsonObject &event : listed->items) {
            if (event.value(u"reason").toString() == u"ProviderCreateFailed" &&
                event.value(u"message").toString().contains(u"quota"))
                QVERIFY(store.remove(core::kube::eventsType(), u"shop"_s,
                                     core::kube::nameOf(event)));
        }
        QTRY_COMPARE_WITH_TIMEOUT(triage.rowCount(), 3, 10000);
        QCOMPARE(resets.size(), 0);
    }

    // A GPU pod refused by CCI in a namespace the cluster marks general-computing: the live
    // namespace flavour names the rule; once the namespace is gpu-accelerated, no rule of the
    // preview explains the refusal any more, and the row says so without a reset.
    void gpuRefusalNamesNamespaceFlavor()
    {
        SandboxFixture sandbox;
        QVERIFY(sandbox.started());
        auto &store = sandbox.store();
        QVERIFY(store.create(core::kube::namespacesType(), {}, parse(R"({"apiVersion":"v1",
          "kind":"Namespace","metadata":{"name":"train",
            "annotations":{"namespace.kubernetes.io/flavor":"general-computing"}}})")));
        const auto gpuPod = store.create(core::kube::podsType(), u"train"_s, parse(R"({
          "apiVersion":"v1","kind":"Pod","metadata":{"name":"trainer","namespace":"train",
            "labels":{"virtual-kubelet.io/burst-to-cci":"enforce"},
            "annotations":{"cri.cci.io/gpu-driver":"gpu-418.126"}},
          "spec":{"containers":[{"name":"c","image":"tensorflow/tensorflow:1.15.0-gpu",
            "resources":{"limits":{"cpu":"4","memory":"32Gi","nvidia.com/gpu":"1"}}}]}})"));
        QVERIFY(gpuPod);
        const QString vk = core::sandbox::virtualKubeletNodeName();
        core::sandbox::EventRecorder events(store, u"virtual-kubelet"_s, vk);
        events.record(*gpuPod, u"Warning"_s, u"ProviderCreateFailed"_s,
                      u"CCI refused the pod"_s, QDateTime::currentDateTimeUtc());

        core::kube::Connection connection = sandbox.connection();
        connection.contextName = u"sandbox"_s;
        models::ClusterSession session(connection);
        models::EventTableModel eventModel;
        eventModel.follow(&session);
        BurstTriageModel triage(&session, &eventModel); // watches the namespaces' flavours
        QAbstractItemModelTester tester(&triage,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&triage, &QAbstractItemModel::modelReset);
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(session.status().state, models::ConnectionState::Synced, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(triage.rowCount(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(triage.rowAt(0).causeCode, u"gpu.namespaceFlavor"_s, 10000);
        QCOMPARE(triage.rowAt(0).name, u"trainer"_s);
        QVERIFY(!triage.rowAt(0).hint.isEmpty());

        QVERIFY(store.patch(core::kube::namespacesType(), {}, u"train"_s,
                            core::sandbox::PatchType::MergePatch,
                            R"({"metadata":{"annotations":{
                              "namespace.kubernetes.io/flavor":"gpu-accelerated"}}})"));
        QTRY_COMPARE_WITH_TIMEOUT(triage.rowCount(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(triage.rowAt(0).causeCode, u"burst.cause.refused"_s, 10000);
        QCOMPARE(resets.size(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_BurstTriageModel)
#include "tst_bursttriagemodel.moc"
