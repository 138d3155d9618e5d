#include "core/sandbox/cluster/deploymentcontroller.h"
#include "core/sandbox/cluster/rolloutlimits.h"

#include "core/sandbox/apiserver/sandboxclock.h"
#include "core/sandbox/cluster/eventrecorder.h"
#include "core/sandbox/cluster/objectindex.h"
#include "core/sandbox/cluster/replicasetcontroller.h"

#include "simtesthelpers.h"

#include <QRegularExpression>
#include <QTest>

using namespace core::sandbox;
using namespace simtest;

namespace {

// The Deployment and ReplicaSet controllers with a stand-in kubelet that makes at most
// `readyPerRound` new pods Running and Ready per round, so rollouts take many rounds.
struct Cluster
{
    ObjectStore store;
    SandboxClock clock;
    ObjectIndex pods{store, podsType()};
    ObjectIndex replicaSets{store, replicaSetsType()};
    EventRecorder events{store, QStringLiteral("deployment-controller")};
    DeploymentController deployments{store, replicaSets, clock, events};
    ReplicaSetController sets{store, pods, clock, events};
    QJsonObject deployment;

    void create(const QJsonObject &spec)
    {
        deployment = *store.create(deploymentsType(), QStringLiteral("default"),
                                   workload(QStringLiteral("apps/v1"), QStringLiteral("Deployment"),
                                            QStringLiteral("web"), spec));
    }
    QJsonObject current() { return reread(store, deploymentsType(), deployment); }
    void round(int readyPerRound)
    {
        replicaSets.sync();
        deployments.sync(current());
        replicaSets.sync();
        pods.sync();
        for (const QJsonObject &set : replicaSets.objects())
            sets.sync(set);
        pods.sync();
        int readied = 0;
        for (const QJsonObject &pod : pods.objects()) {
            if (!isPodReady(pod) && readied++ < readyPerRound)
                settlePod(store, pod);
        }
        pods.sync();
        replicaSets.sync();
        for (const QJsonObject &set : replicaSets.objects())
            sets.sync(set);
        replicaSets.sync();
        deployments.sync(current()); // the status the ReplicaSets now report
    }
    int activePods() { return int(pods.size()); }
    int availablePods()
    {
        int ready = 0;
        for (const QJsonObject &pod : pods.objects())
            ready += isPodReady(pod) ? 1 : 0;
        return ready;
    }
    bool rolledOut()
    {
        const QJsonObject d = current();
        const QJsonObject status = d.value(u"status").toObject();
        const int replicas = specReplicas(d);
        // kubectl rollout status (DeploymentStatusViewer) conditions.
        return d.value(u"metadata").toObject().value(u"generation").toInt() <=
                   status.value(u"observedGeneration").toInt() &&
               status.value(u"updatedReplicas").toInt() >= replicas &&
               status.value(u"replicas").toInt() <= status.value(u"updatedReplicas").toInt() &&
               status.value(u"availableReplicas").toInt() >=
                   status.value(u"updatedReplicas").toInt();
    }
    void setImage(const QString &image)
    {
        QJsonObject d = current();
        QJsonObject spec = d.value(u"spec").toObject();
        spec.insert(QStringLiteral("template"), podTemplate(QStringLiteral("web"), image));
        d.insert(QStringLiteral("spec"), spec);
        QVERIFY(store.update(deploymentsType(), QStringLiteral("default"), QStringLiteral("web"), d)
                    .ok());
    }
};

QJsonObject rollingSpec(int replicas, const QJsonValue &surge, const QJsonValue &unavailable)
{
    QJsonObject spec =
        withReplicas(podTemplate(QStringLiteral("web")), replicas, QStringLiteral("web"));
    QJsonObject rolling;
    if (!surge.isNull())
        rolling.insert(QStringLiteral("maxSurge"), surge);
    if (!unavailable.isNull())
        rolling.insert(QStringLiteral("maxUnavailable"), unavailable);
    spec.insert(QStringLiteral("strategy"),
                QJsonObject{{QStringLiteral("type"), QStringLiteral("RollingUpdate")},
                            {QStringLiteral("rollingUpdate"), rolling}});
    return spec;
}

} // namespace

// Expected numbers come from the Deployment documentation (maxSurge rounds up, maxUnavailable
// rounds down, both default to 25%, they cannot both be 0) and from kubectl's rollout status
// rules; the invariants are the ones the documentation promises for a rolling update.
class tst_DeploymentController : public QObject
{
    Q_OBJECT

private slots:
    void limits_data()
    {
        QTest::addColumn<int>("replicas");
        QTest::addColumn<QJsonValue>("surge");
        QTest::addColumn<QJsonValue>("unavailable");
        QTest::addColumn<int>("expectedSurge");
        QTest::addColumn<int>("expectedUnavailable");
        const QJsonValue unset(QJsonValue::Null);
        QTest::newRow("defaults 25%/25% of 10") << 10 << unset << unset << 3 << 2;
        QTest::newRow("defaults of 4") << 4 << unset << unset << 1 << 1;
        QTest::newRow("defaults of 1") << 1 << unset << unset << 1 << 0;
        QTest::newRow("30%/30% of 10 (docs)")
            << 10 << QJsonValue(u"30%"_qs) << QJsonValue(u"30%"_qs) << 3 << 3;
        QTest::newRow("ints") << 5 << QJsonValue(2) << QJsonValue(1) << 2 << 1;
        QTest::newRow("0/0 -> unavailable 1") << 4 << QJsonValue(0) << QJsonValue(0) << 0 << 1;
        QTest::newRow("0%/0% -> unavailable 1")
            << 4 << QJsonValue(u"0%"_qs) << QJsonValue(u"0%"_qs) << 0 << 1;
        QTest::newRow("100% surge") << 3 << QJsonValue(u"100%"_qs) << QJsonValue(0) << 3 << 0;
        QTest::newRow("33% of 10")
            << 10 << QJsonValue(u"33%"_qs) << QJsonValue(u"33%"_qs) << 4 << 3;
    }

    void limits()
    {
        QFETCH(int, replicas);
        QFETCH(QJsonValue, surge);
        QFETCH(QJsonValue, unavailable);
        const RolloutLimits limits =
            rolloutLimits(workload(QStringLiteral("apps/v1"), QStringLiteral("Deployment"),
                                   QStringLiteral("x"), rollingSpec(replicas, surge, unavailable)));
        QTEST(limits.maxSurge, "expectedSurge");
        QTEST(limits.maxUnavailable, "expectedUnavailable");
    }

    void rolloutInvariants_data()
    {
        QTest::addColumn<int>("replicas");
        QTest::addColumn<QJsonValue>("surge");
        QTest::addColumn<QJsonValue>("unavailable");
        QTest::addColumn<int>("readyPerRound");
        const QJsonValue unset(QJsonValue::Null);
        QTest::newRow("10, defaults, slow") << 10 << unset << unset << 1;
        QTest::newRow("10, defaults, fast") << 10 << unset << unset << 100;
        QTest::newRow("10, surge 0, unavailable 1") << 10 << QJsonValue(0) << QJsonValue(1) << 1;
        QTest::newRow("10, surge 1, unavailable 0") << 10 << QJsonValue(1) << QJsonValue(0) << 1;
        QTest::newRow("5, surge 100%, unavailable 0")
            << 5 << QJsonValue(u"100%"_qs) << QJsonValue(0) << 2;
        QTest::newRow("3, surge 0%, unavailable 50%")
            << 3 << QJsonValue(u"0%"_qs) << QJsonValue(u"50%"_qs) << 1;
        QTest::newRow("1, defaults") << 1 << unset << unset << 1;
    }

    void rolloutInvariants()
    {
        QFETCH(int, replicas);
        QFETCH(QJsonValue, surge);
        QFETCH(QJsonValue, unavailable);
        QFETCH(int, readyPerRound);
        Cluster cluster;
        cluster.create(rollingSpec(replicas, surge, unavailable));
        for (int i = 0; i < 100 && !cluster.rolledOut(); ++i)
            cluster.round(100);
        QVERIFY(cluster.rolledOut());
        QCOMPARE(cluster.activePods(), replicas);
        const RolloutLimits limits = rolloutLimits(cluster.current());

        cluster.setImage(QStringLiteral("nginx:1.26"));
        int rounds = 0;
        for (; rounds < 200 && !cluster.rolledOut(); ++rounds) {
            cluster.round(readyPerRound);
            QVERIFY2(cluster.activePods() <= replicas + limits.maxSurge,
                     qPrintable(QStringLiteral("%1 pods").arg(cluster.activePods())));
            QVERIFY2(cluster.availablePods() >= replicas - limits.maxUnavailable,
                     qPrintable(QStringLiteral("%1 available").arg(cluster.availablePods())));
        }
        QVERIFY(cluster.rolledOut());
        QVERIFY(rounds > 0);
        QCOMPARE(cluster.activePods(), replicas);
        for (const QJsonObject &pod : cluster.pods.objects())
            QCOMPARE(pod.value(u"spec")
                         .toObject()
                         .value(u"containers")
                         .toArray()
                         .first()
                         .toObject()
                         .value(u"image")
                         .toString(),
                     QStringLiteral("nginx:1.26"));
        const QJsonObject status = cluster.current().value(u"status").toObject();
        QCOMPARE(conditionOf(cluster.current(), QStringLiteral("Progressing"))
                     .value(u"reason")
                     .toString(),
                 QStringLiteral("NewReplicaSetAvailable"));
        QCOMPARE(
            conditionOf(cluster.current(), QStringLiteral("Available")).value(u"reason").toString(),
            QStringLiteral("MinimumReplicasAvailable"));
        QCOMPARE(status.value(u"unavailableReplicas").toInt(), 0);
    }

    void replicaSetNamingAndRevisions()
    {
        Cluster cluster;
        cluster.create(rollingSpec(2, QJsonValue(QJsonValue::Null), QJsonValue(QJsonValue::Null)));
        for (int i = 0; i < 20 && !cluster.rolledOut(); ++i)
            cluster.round(100);
        QCOMPARE(cluster.replicaSets.size(), 1);
        const QJsonObject first = cluster.replicaSets.objects().begin().value();
        const QString hash = first.value(u"metadata")
                                 .toObject()
                                 .value(u"labels")
                                 .toObject()
                                 .value(u"pod-template-hash")
                                 .toString();
        QVERIFY(QRegularExpression(QStringLiteral("^[bcdfghjklmnpqrstvwxz2456789]{6,10}$"))
                    .match(hash)
                    .hasMatch());
        QCOMPARE(nameOf(first), QString(QStringLiteral("web-") + hash));
        QCOMPARE(annotationOf(first, QStringLiteral("deployment.kubernetes.io/revision")),
                 QStringLiteral("1"));
        QCOMPARE(
            annotationOf(cluster.current(), QStringLiteral("deployment.kubernetes.io/revision")),
            QStringLiteral("1"));
        QCOMPARE(first.value(u"spec")
                     .toObject()
                     .value(u"selector")
                     .toObject()
                     .value(u"matchLabels")
                     .toObject()
                     .value(u"pod-template-hash")
                     .toString(),
                 hash);
        QCOMPARE(controllerRef(first).value(u"kind").toString(), QStringLiteral("Deployment"));

        cluster.setImage(QStringLiteral("nginx:1.26"));
        for (int i = 0; i < 50 && !cluster.rolledOut(); ++i)
            cluster.round(100);
        QCOMPARE(
            annotationOf(cluster.current(), QStringLiteral("deployment.kubernetes.io/revision")),
            QStringLiteral("2"));
        // Rolling back to the first template (what kubectl rollout undo writes, with the nulls
        // and empty objects of a Go struct) reuses the first ReplicaSet as revision 3.
        QJsonObject d = cluster.current();
        QJsonObject spec = d.value(u"spec").toObject();
        QJsonObject undo = podTemplate(QStringLiteral("web"));
        QJsonObject meta = undo.value(u"metadata").toObject();
        meta.insert(QStringLiteral("creationTimestamp"), QJsonValue(QJsonValue::Null));
        undo.insert(QStringLiteral("metadata"), meta);
        spec.insert(QStringLiteral("template"), undo);
        d.insert(QStringLiteral("spec"), spec);
        QVERIFY(cluster.store
                    .update(deploymentsType(), QStringLiteral("default"), QStringLiteral("web"), d)
                    .ok());
        for (int i = 0; i < 50 && !cluster.rolledOut(); ++i)
            cluster.round(100);
        QCOMPARE(cluster.replicaSets.size(), 2);
        QCOMPARE(annotationOf(cluster.replicaSets.get(ObjectIndex::keyOf(first)),
                              QStringLiteral("deployment.kubernetes.io/revision")),
                 QStringLiteral("3"));
        QCOMPARE(
            annotationOf(cluster.current(), QStringLiteral("deployment.kubernetes.io/revision")),
            QStringLiteral("3"));
        QCOMPARE(specReplicas(cluster.replicaSets.get(ObjectIndex::keyOf(first))), 2);
        QVERIFY(hasEvent(cluster.store, QStringLiteral("ScalingReplicaSet"),
                         QStringLiteral("Scaled up replica set web-")));
    }

    void recreateScalesOldToZeroFirst()
    {
        Cluster cluster;
        QJsonObject spec =
            withReplicas(podTemplate(QStringLiteral("web")), 3, QStringLiteral("web"));
        spec.insert(QStringLiteral("strategy"),
                    QJsonObject{{QStringLiteral("type"), QStringLiteral("Recreate")}});
        cluster.create(spec);
        for (int i = 0; i < 20 && !cluster.rolledOut(); ++i)
            cluster.round(100);
        QVERIFY(cluster.rolledOut());
        cluster.setImage(QStringLiteral("nginx:1.26"));
        int rounds = 0;
        for (; rounds < 50 && !cluster.rolledOut(); ++rounds) {
            cluster.round(1);
            bool oldPods = false, newPods = false;
            for (const QJsonObject &pod : cluster.pods.objects()) {
                const QString image = pod.value(u"spec")
                                          .toObject()
                                          .value(u"containers")
                                          .toArray()
                                          .first()
                                          .toObject()
                                          .value(u"image")
                                          .toString();
                (image == u"nginx:1.26" ? newPods : oldPods) = true;
            }
            QVERIFY(!(oldPods && newPods)); // never both generations at once
        }
        QVERIFY(cluster.rolledOut());
        QCOMPARE(cluster.activePods(), 3);
    }

    void scaleUpAndDown_data()
    {
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        QTest::newRow("2 -> 6") << 2 << 6;
        QTest::newRow("6 -> 1") << 6 << 1;
        QTest::newRow("3 -> 0") << 3 << 0;
    }

    void scaleUpAndDown()
    {
        QFETCH(int, from);
        QFETCH(int, to);
        Cluster cluster;
        cluster.create(
            rollingSpec(from, QJsonValue(QJsonValue::Null), QJsonValue(QJsonValue::Null)));
        for (int i = 0; i < 20 && !cluster.rolledOut(); ++i)
            cluster.round(100);
        QCOMPARE(cluster.activePods(), from);
        QJsonObject d = cluster.current();
        QJsonObject spec = d.value(u"spec").toObject();
        spec.insert(QStringLiteral("replicas"), to);
        d.insert(QStringLiteral("spec"), spec);
        QVERIFY(cluster.store
                    .update(deploymentsType(), QStringLiteral("default"), QStringLiteral("web"), d)
                    .ok());
        for (int i = 0; i < 20 && (!cluster.rolledOut() || cluster.activePods() != to); ++i)
            cluster.round(100);
        QCOMPARE(cluster.activePods(), to);
        QCOMPARE(cluster.replicaSets.size(), 1);
        QCOMPARE(cluster.current().value(u"status").toObject().value(u"availableReplicas").toInt(),
                 to);
    }
};

QTEST_GUILESS_MAIN(tst_DeploymentController)
#include "tst_deploymentcontroller.moc"
