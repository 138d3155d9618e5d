#include "tests/models/liveobjects.h"

#include "models/liveworkloadmodel.h"
#include "models/rowfilter.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using models::LiveWorkloadModel;
using namespace liveobjects;

namespace {

const QString kVk = u"virtual-kubelet"_s;
const QString kBurst = u"virtual-kubelet.io/burst-to-cci"_s;

QString cellOf(const LiveWorkloadModel &model, const QString &uid, int column)
{
    const int row = model.rowOf(uid);
    return row < 0 ? u"<missing>"_s : model.index(row, column).data().toString();
}

// Deployment d -> ReplicaSet d-rs -> pods; CronJob cj -> Job cj-1 -> pods; a StatefulSet, a
// DaemonSet and a ReplicaSet of its own, each with pods on the virtual node and on a local one.
QList<QJsonObject> chainWorkloads()
{
    return {workload(u"Deployment"_s, u"default"_s, u"d"_s),
            workload(u"ReplicaSet"_s, u"default"_s, u"d-rs"_s, {}, {}, u"Deployment"_s, u"d"_s),
            workload(u"CronJob"_s, u"default"_s, u"cj"_s),
            workload(u"Job"_s, u"default"_s, u"cj-1"_s, {}, {}, u"CronJob"_s, u"cj"_s),
            workload(u"StatefulSet"_s, u"default"_s, u"s"_s),
            workload(u"DaemonSet"_s, u"default"_s, u"ds"_s),
            workload(u"ReplicaSet"_s, u"default"_s, u"lone"_s)};
}

QList<QJsonObject> chainPods()
{
    return {pod(u"default"_s, u"d-1"_s, kVk, u"ReplicaSet"_s, u"d-rs"_s),
            pod(u"default"_s, u"d-2"_s, u"idc-1"_s, u"ReplicaSet"_s, u"d-rs"_s),
            pod(u"default"_s, u"d-3"_s, QString(), u"ReplicaSet"_s, u"d-rs"_s), // pending
            pod(u"default"_s, u"cj-1-a"_s, kVk, u"Job"_s, u"cj-1"_s),
            pod(u"default"_s, u"s-0"_s, u"idc-2"_s, u"StatefulSet"_s, u"s"_s),
            pod(u"default"_s, u"ds-a"_s, u"idc-1"_s, u"DaemonSet"_s, u"ds"_s),
            pod(u"default"_s, u"lone-a"_s, kVk, u"ReplicaSet"_s, u"lone"_s),
            pod(u"default"_s, u"stray"_s, kVk)};
}

} // namespace

// The Workloads pane's model: strategies decided by core::burst::resolveStrategy along the owner
// chain, pods counted through ReplicaSets and Jobs from the pods cache, batches applied without a
// reset while QAbstractItemModelTester checks every signal.
class tst_LiveWorkloadModel : public QObject
{
    Q_OBJECT

private slots:
    void ownerChains_data()
    {
        QTest::addColumn<QString>("uid");
        QTest::addColumn<int>("local");
        QTest::addColumn<int>("cci");
        QTest::newRow("Pod -> ReplicaSet -> Deployment") << u"d"_s << 1 << 1;
        QTest::newRow("the Deployment's ReplicaSet") << u"d-rs"_s << 1 << 1;
        QTest::newRow("Pod -> Job -> CronJob") << u"cj"_s << 0 << 1;
        QTest::newRow("the CronJob's Job") << u"cj-1"_s << 0 << 1;
        QTest::newRow("Pod -> StatefulSet") << u"s"_s << 1 << 0;
        QTest::newRow("Pod -> DaemonSet") << u"ds"_s << 1 << 0;
        QTest::newRow("ReplicaSet without owner") << u"lone"_s << 0 << 1;
    }
    void ownerChains()
    {
        QFETCH(QString, uid);
        QFETCH(int, local);
        QFETCH(int, cci);
        // Either order: pods before their workloads (a slow list) or after.
        for (const bool podsFirst : {true, false}) {
            LiveWorkloadModel model;
            QAbstractItemModelTester tester(&model,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
            PodCache pods;
            model.setPods(pods.pods());
            model.setVirtualNodes({kVk});
            if (podsFirst)
                model.applyPods(pods.apply(added(chainPods())));
            model.applyWorkloads(added(chainWorkloads()));
            if (!podsFirst)
                model.applyPods(pods.apply(added(chainPods())));
            QCOMPARE(model.rowCount(), 7);
            QCOMPARE(cellOf(model, uid, LiveWorkloadModel::PodsLocal), QString::number(local));
            QCOMPARE(cellOf(model, uid, LiveWorkloadModel::PodsCci), QString::number(cci));
        }
    }

    void strategySources_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("workloadLabel");
        QTest::addColumn<QString>("templateLabel");
        QTest::addColumn<bool>("withProfile");
        QTest::addColumn<QString>("strategy");
        QTest::addColumn<QString>("source");
        QTest::newRow("none") << u"Deployment"_s << QString() << QString() << false << u"none"_s
                              << u"none"_s;
        QTest::newRow("workload label") << u"Deployment"_s << u"enforce"_s << QString() << false
                                        << u"enforce"_s << u"workload label"_s;
        QTest::newRow("pod template label wins") << u"StatefulSet"_s << u"enforce"_s << u"off"_s
                                                 << true << u"off"_s << u"pod template label"_s;
        QTest::newRow("profile") << u"Deployment"_s << QString() << QString() << true
                                 << u"localPrefer"_s << u"ScheduleProfile web-profile"_s;
        QTest::newRow("label over profile") << u"Deployment"_s << u"auto"_s << QString() << true
                                            << u"auto"_s << u"workload label"_s;
        QTest::newRow("invalid label falls to the profile")
            << u"Deployment"_s << u"Auto"_s << QString() << true << u"localPrefer"_s
            << u"ScheduleProfile web-profile"_s;
    }
    void strategySources()
    {
        QFETCH(QString, kind);
        QFETCH(QString, workloadLabel);
        QFETCH(QString, templateLabel);
        QFETCH(bool, withProfile);
        QFETCH(QString, strategy);
        QFETCH(QString, source);
        QMap<QString, QString> labels{{u"app"_s, u"web"_s}};
        QMap<QString, QString> templateLabels{{u"app"_s, u"web"_s}};
        if (!workloadLabel.isEmpty())
            labels.insert(kBurst, workloadLabel);
        if (!templateLabel.isEmpty())
            templateLabels.insert(kBurst, templateLabel);
        LiveWorkloadModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.applyWorkloads(added({workload(kind, u"shop"_s, u"web"_s, labels, templateLabels)}));
        const QJsonObject p =
            profile(u"shop"_s, u"web-profile"_s, u"localPrefer"_s, {{u"app"_s, u"web"_s}});
        if (withProfile) {
            // The profile arrives after the workload: the workloads of its namespace change.
            QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
            model.applyProfiles(added({p}));
            QCOMPARE(changed.size(), 1); // the one row, once
            // A profile in another namespace captures nothing here.
            model.applyProfiles(
                added({profile(u"other"_s, u"x"_s, u"enforce"_s, {{u"app"_s, u"web"_s}})}));
        }
        QCOMPARE(cellOf(model, u"web"_s, LiveWorkloadModel::Strategy), strategy);
        QCOMPARE(cellOf(model, u"web"_s, LiveWorkloadModel::Source), source);
        QCOMPARE(cellOf(model, u"web"_s, LiveWorkloadModel::Profile),
                 withProfile ? u"web-profile"_s : QString());
        if (withProfile) {
            model.applyProfiles(deleted({p}));
            QCOMPARE(cellOf(model, u"web"_s, LiveWorkloadModel::Profile), QString());
        }
    }

    // A ReplicaSet shows its Deployment's strategy (the label is on the Deployment, not on the
    // ReplicaSet), a Job its CronJob's, and follows the owner when the owner is relabelled.
    void ownedWorkloadsShowTheOwnersStrategy()
    {
        LiveWorkloadModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.applyWorkloads(added(chainWorkloads()));
        QCOMPARE(cellOf(model, u"d-rs"_s, LiveWorkloadModel::Source), u"none, via Deployment d"_s);
        core::kube::ChangeSet relabel;
        relabel.modified = {
            workload(u"Deployment"_s, u"default"_s, u"d"_s, {{kBurst, u"enforce"_s}}),
            workload(u"CronJob"_s, u"default"_s, u"cj"_s, {{kBurst, u"auto"_s}})};
        model.applyWorkloads(relabel);
        QCOMPARE(cellOf(model, u"d"_s, LiveWorkloadModel::Strategy), u"enforce"_s);
        QCOMPARE(cellOf(model, u"d-rs"_s, LiveWorkloadModel::Strategy), u"enforce"_s);
        QCOMPARE(cellOf(model, u"d-rs"_s, LiveWorkloadModel::Source),
                 u"workload label, via Deployment d"_s);
        QCOMPARE(cellOf(model, u"cj-1"_s, LiveWorkloadModel::Strategy), u"auto"_s);
        QCOMPARE(cellOf(model, u"lone"_s, LiveWorkloadModel::Strategy), u"none"_s);
        QCOMPARE(cellOf(model, u"d"_s, LiveWorkloadModel::Ready), u"2/3"_s);
        QCOMPARE(cellOf(model, u"cj"_s, LiveWorkloadModel::Ready), u"0 active"_s);
    }

    // Changes stream in (pods bound, moved, deleted; a ReplicaSet goes away; the virtual node
    // set arrives late): counts follow, only touched rows change, never a reset.
    void streamingChanges()
    {
        LiveWorkloadModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        PodCache pods;
        model.setPods(pods.pods());
        model.applyWorkloads(added(chainWorkloads()));
        model.applyPods(pods.apply(added(chainPods())));
        QCOMPARE(cellOf(model, u"d"_s, LiveWorkloadModel::PodsCci), u"0"_s); // no virtual nodes yet
        QCOMPARE(cellOf(model, u"d"_s, LiveWorkloadModel::PodsLocal), u"2"_s);
        model.setVirtualNodes({kVk});
        QCOMPARE(cellOf(model, u"d"_s, LiveWorkloadModel::PodsCci), u"1"_s);

        // Only the StatefulSet's row changes when its pod moves to CCI.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        core::kube::ChangeSet moved;
        moved.modified = {pod(u"default"_s, u"s-0"_s, kVk, u"StatefulSet"_s, u"s"_s)};
        model.applyPods(pods.apply(moved));
        QCOMPARE(changed.size(), 1);
        const int sRow = model.rowOf(u"s"_s);
        QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), sRow);
        QCOMPARE(cellOf(model, u"s"_s, LiveWorkloadModel::PodsCci), u"1"_s);

        // The pending pod is bound on CCI, many pods come and go.
        core::kube::ChangeSet bound;
        bound.modified = {pod(u"default"_s, u"d-3"_s, kVk, u"ReplicaSet"_s, u"d-rs"_s)};
        for (int i = 0; i < 200; ++i)
            bound.added.append(pod(u"default"_s, u"d-x%1"_s.arg(i), i % 2 ? kVk : u"idc-3"_s,
                                   u"ReplicaSet"_s, u"d-rs"_s));
        model.applyPods(pods.apply(bound));
        QCOMPARE(cellOf(model, u"d"_s, LiveWorkloadModel::PodsCci), u"102"_s);
        QCOMPARE(cellOf(model, u"d"_s, LiveWorkloadModel::PodsLocal), u"101"_s);
        QList<QJsonObject> gone;
        for (int i = 0; i < 200; i += 2)
            gone.append(
                pod(u"default"_s, u"d-x%1"_s.arg(i), u"idc-3"_s, u"ReplicaSet"_s, u"d-rs"_s));
        model.applyPods(pods.apply(deleted(gone)));
        QCOMPARE(cellOf(model, u"d"_s, LiveWorkloadModel::PodsLocal), u"1"_s);

        // The ReplicaSet is deleted: its row goes, the Deployment no longer counts its pods.
        model.applyWorkloads(deleted({chainWorkloads().at(1)}));
        QCOMPARE(model.rowOf(u"d-rs"_s), -1);
        QCOMPARE(cellOf(model, u"d"_s, LiveWorkloadModel::PodsCci), u"0"_s);
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(resets.size(), 0);
    }

    // The filter box over this model: kind:, strategy:, and label selectors on the labels kept.
    void filterTokensAndSelectors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("names");
        QTest::newRow("kind") << u"kind:deploy"_s << QStringList{u"api"_s, u"web"_s};
        QTest::newRow("strategy") << u"strategy:enforce"_s << QStringList{u"web"_s};
        QTest::newRow("selector") << u"app=web"_s << QStringList{u"web"_s};
        QTest::newRow("selector with !=") << u"tier!=db"_s << QStringList{u"api"_s, u"web"_s};
        QTest::newRow("selector, two requirements")
            << u"app=web,tier!=db"_s << QStringList{u"web"_s};
        QTest::newRow("two != on one key") << u"app!=web,app!=api"_s << QStringList{u"db"_s};
        QTest::newRow("negated selector") << u"-app=web"_s << QStringList{u"api"_s, u"db"_s};
        QTest::newRow("selector and token") << u"db kind:stateful"_s << QStringList{u"db"_s};
        QTest::newRow("bad selector is a word") << u"a=b=c"_s << QStringList{};
    }
    void filterTokensAndSelectors()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, names);
        LiveWorkloadModel model;
        model.applyWorkloads(added(
            {workload(u"Deployment"_s, u"shop"_s, u"web"_s,
                      {{u"app"_s, u"web"_s}, {u"tier"_s, u"front"_s}, {kBurst, u"enforce"_s}}),
             workload(u"Deployment"_s, u"shop"_s, u"api"_s, {{u"app"_s, u"api"_s}}),
             workload(u"StatefulSet"_s, u"shop"_s, u"db"_s,
                      {{u"app"_s, u"db"_s}, {u"tier"_s, u"db"_s}})}));
        models::RowFilterProxy proxy;
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        proxy.setTokenColumns(
            {{u"kind"_s, LiveWorkloadModel::Kind}, {u"strategy"_s, LiveWorkloadModel::Strategy}});
        proxy.setSelectors(true);
        proxy.sort(LiveWorkloadModel::Name);
        proxy.setFilterText(text);
        QStringList shown;
        for (int row = 0; row < proxy.rowCount(); ++row)
            shown.append(proxy.index(row, LiveWorkloadModel::Name).data().toString());
        QCOMPARE(shown, names);
    }
};

QTEST_MAIN(tst_LiveWorkloadModel)
#include "tst_liveworkloadmodel.moc"
