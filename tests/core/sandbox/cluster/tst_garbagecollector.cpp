#include "core/sandbox/cluster/clustersimulator.h"

#include "core/sandbox/apiserver/sandboxclock.h"
#include "core/sandbox/cluster/scenario.h"
#include "core/sandbox/store/objectmeta.h"

#include "simtesthelpers.h"

#include <QTest>

#include <functional>

using namespace core::sandbox;
using namespace simtest;
using namespace Qt::StringLiterals;

// The garbage collector behind the three propagation policies, on the ticking simulation, as
// kube-controller-manager's acts: Orphan takes the owner's reference off its dependents and lets
// the owner go; Background deletes the owner at once and its dependents after; Foreground keeps
// the owner (deletionTimestamp, foregroundDeletion) until the dependents that block it are gone,
// deleting a dependent with dependents of its own in the foreground too.
class tst_GarbageCollector : public QObject
{
    Q_OBJECT

private slots:
    void propagation_data();
    void propagation();
    void foregroundWaitsForBlockingDependents();
    void otherKindsAreFinalized_data();
    void otherKindsAreFinalized();
    void backgroundSparesOrphanedDependents();
};

namespace {

const QString kDefault = QStringLiteral("default");

QJsonObject ownerOfKind(const QString &kind, const QString &name, int replicas)
{
    const QJsonObject podTemplateOf = podTemplate(name);
    if (kind == u"Job") {
        QJsonObject spec = podTemplateOf.value(u"spec").toObject();
        spec.insert(QStringLiteral("restartPolicy"), QStringLiteral("Never"));
        QJsonObject templ = podTemplateOf;
        templ.insert(QStringLiteral("spec"), spec);
        return workload(QStringLiteral("batch/v1"), kind, name,
                        QJsonObject{{QStringLiteral("parallelism"), replicas},
                                    {QStringLiteral("completions"), replicas},
                                    {QStringLiteral("template"), templ}});
    }
    return workload(QStringLiteral("apps/v1"), kind, name,
                    withReplicas(podTemplateOf, replicas, name));
}

const ResourceType &typeOfKind(const QString &kind)
{
    return kind == u"Deployment"    ? deploymentsType()
           : kind == u"StatefulSet" ? statefulSetsType()
                                    : jobsType();
}

// Steps until `done` holds (at most 60 ticks).
bool stepUntil(ClusterSimulator &simulator, SandboxClock &clock,
               const std::function<bool()> &done)
{
    for (int i = 0; i < 60; ++i) {
        if (done())
            return true;
        simulator.step();
        clock.advance(std::chrono::milliseconds(100));
    }
    return done();
}

bool ownedByAnything(const QJsonObject &object)
{
    return object.value(u"metadata").toObject().contains(u"ownerReferences");
}

struct Cluster
{
    Cluster() { seedDefaultScenario(store, QStringLiteral("sandbox")); }
    ObjectStore store;
    SandboxClock clock{1e-6};
    ClusterSimulator simulator{store, clock};
};

} // namespace

void tst_GarbageCollector::propagation_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("propagation"); // Propagation
    QTest::addColumn<int>("defaultPolicy"); // GcPolicy, as the router passes the kind's
    QTest::addColumn<bool>("orphaned"); // the dependents stay, owned by nothing that is gone

    const int deleteDependents = int(GcPolicy::DeleteDependents);
    QTest::newRow("Deployment Orphan") << u"Deployment"_s << int(Propagation::Orphan)
                                       << deleteDependents << true;
    QTest::newRow("Deployment Background")
        << u"Deployment"_s << int(Propagation::Background) << deleteDependents << false;
    QTest::newRow("Deployment Foreground")
        << u"Deployment"_s << int(Propagation::Foreground) << deleteDependents << false;
    QTest::newRow("Deployment unset (apps/v1: Background)")
        << u"Deployment"_s << int(Propagation::Unset) << deleteDependents << false;
    QTest::newRow("StatefulSet Orphan") << u"StatefulSet"_s << int(Propagation::Orphan)
                                        << deleteDependents << true;
    QTest::newRow("StatefulSet Foreground")
        << u"StatefulSet"_s << int(Propagation::Foreground) << deleteDependents << false;
    QTest::newRow("Job unset (batch/v1: Orphan)")
        << u"Job"_s << int(Propagation::Unset) << int(GcPolicy::OrphanDependents) << true;
    QTest::newRow("Job Background") << u"Job"_s << int(Propagation::Background)
                                    << int(GcPolicy::OrphanDependents) << false;
    QTest::newRow("Job Foreground") << u"Job"_s << int(Propagation::Foreground)
                                    << int(GcPolicy::OrphanDependents) << false;
}

void tst_GarbageCollector::propagation()
{
    QFETCH(QString, kind);
    QFETCH(int, propagation);
    QFETCH(int, defaultPolicy);
    QFETCH(bool, orphaned);

    Cluster c;
    const ResourceType &type = typeOfKind(kind);
    const int replicas = 3;
    const auto owner = c.store.create(type, kDefault, ownerOfKind(kind, u"web"_s, replicas));
    QVERIFY(owner);
    QVERIFY(stepUntil(c.simulator, c.clock, [&] {
        return allOf(c.store, podsType()).size() == replicas;
    }));
    const QList<QJsonObject> setsBefore = allOf(c.store, replicaSetsType());
    const bool deployment = kind == u"Deployment";
    QCOMPARE(setsBefore.size(), deployment ? 1 : 0);

    DeleteOptions options;
    options.propagation = Propagation(propagation);
    options.defaultPolicy = GcPolicy(defaultPolicy);
    QVERIFY(c.store.deleteObject(type, kDefault, u"web"_s, options));
    QVERIFY2(stepUntil(c.simulator, c.clock,
                       [&] { return !c.store.get(type, kDefault, u"web"_s).ok(); }),
             "the owner is never deleted");
    // A few more ticks: a cascade would be done, a wrong controller would have acted.
    for (int i = 0; i < 10; ++i) {
        c.simulator.step();
        c.clock.advance(std::chrono::milliseconds(100));
    }
    const QList<QJsonObject> pods = allOf(c.store, podsType());
    const QList<QJsonObject> sets = allOf(c.store, replicaSetsType());
    if (!orphaned) {
        QCOMPARE(pods.size(), 0);
        QCOMPARE(sets.size(), 0);
        return;
    }
    // The same dependents (no replacement), none naming the deleted owner.
    QCOMPARE(pods.size(), replicas);
    QCOMPARE(sets.size(), setsBefore.size());
    for (const QJsonObject &set : sets) {
        QCOMPARE(uidOf(set), uidOf(setsBefore.constFirst()));
        QVERIFY(!ownedByAnything(set));
        QVERIFY(!isBeingDeleted(set));
    }
    for (const QJsonObject &pod : pods) {
        if (deployment) // still the ReplicaSet's, which keeps them
            QCOMPARE(controllerRef(pod).value(u"uid").toString(), uidOf(sets.constFirst()));
        else
            QVERIFY(!ownedByAnything(pod));
    }
}

// Foreground: the Deployment stays, marked as deleting, while its ReplicaSet (deleted in the
// foreground itself, as it has pods) and the pods exist; the DELETED events come pods first,
// then the ReplicaSet, then the Deployment.
void tst_GarbageCollector::foregroundWaitsForBlockingDependents()
{
    Cluster c;
    QVERIFY(c.store.create(deploymentsType(), kDefault, ownerOfKind(u"Deployment"_s, u"web"_s, 2)));
    QVERIFY(stepUntil(c.simulator, c.clock, [&] { return allOf(c.store, podsType()).size() == 2; }));
    WatchOptions fromNow;
    fromNow.resourceVersion = c.store.resourceVersion();
    const auto podWatch = c.store.watch(podsType(), fromNow);
    const auto setWatch = c.store.watch(replicaSetsType(), fromNow);
    const auto deploymentWatch = c.store.watch(deploymentsType(), fromNow);
    QVERIFY(podWatch && setWatch && deploymentWatch);

    DeleteOptions options;
    options.propagation = Propagation::Foreground;
    const auto marked = c.store.deleteObject(deploymentsType(), kDefault, u"web"_s, options);
    QVERIFY(marked);
    QVERIFY(isBeingDeleted(*marked));
    QCOMPARE(finalizersOf(*marked), QStringList{foregroundFinalizer()});

    bool sawSetDeleting = false;
    QVERIFY(stepUntil(c.simulator, c.clock, [&] {
        const auto deployment = c.store.get(deploymentsType(), kDefault, u"web"_s);
        const QList<QJsonObject> sets = allOf(c.store, replicaSetsType());
        for (const QJsonObject &set : sets)
            sawSetDeleting = sawSetDeleting || finalizersOf(set).contains(foregroundFinalizer());
        if (deployment) // kept as long as a blocking dependent is there
            return false;
        return sets.isEmpty() && allOf(c.store, podsType()).isEmpty();
    }));
    QVERIFY(sawSetDeleting);

    const auto lastDeleted = [](const std::shared_ptr<Watch> &watch) {
        qint64 last = 0;
        for (const StoreEvent &event : watch->takeEvents()) {
            if (event.type == StoreEvent::Type::Deleted)
                last = std::max(last, core::kube::resourceVersionOf(event.object).toLongLong());
        }
        return last;
    };
    const qint64 podsGone = lastDeleted(*podWatch);
    const qint64 setGone = lastDeleted(*setWatch);
    const qint64 deploymentGone = lastDeleted(*deploymentWatch);
    QVERIFY(podsGone > 0 && podsGone < setGone);
    QVERIFY(setGone < deploymentGone);
}

void tst_GarbageCollector::otherKindsAreFinalized_data()
{
    QTest::addColumn<int>("propagation");
    QTest::newRow("Orphan") << int(Propagation::Orphan);
    QTest::newRow("Foreground") << int(Propagation::Foreground);
}

// A kind no controller owns anything of (a ConfigMap, a lone Pod) is still finalized, so a
// delete with Orphan or Foreground never waits for ever.
void tst_GarbageCollector::otherKindsAreFinalized()
{
    QFETCH(int, propagation);
    Cluster c;
    const ResourceType configMaps{QString(), QStringLiteral("v1"), QStringLiteral("configmaps"),
                                  QStringLiteral("ConfigMap")};
    QVERIFY(c.store.create(configMaps, kDefault,
                           QJsonObject{{QStringLiteral("metadata"),
                                        QJsonObject{{QStringLiteral("name"), u"settings"_s}}}}));
    QJsonObject solo = podTemplate(u"solo"_s);
    solo.insert(QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), u"solo"_s}});
    QVERIFY(c.store.create(podsType(), kDefault, solo));
    c.simulator.step();
    DeleteOptions options;
    options.propagation = Propagation(propagation);
    QVERIFY(isBeingDeleted(*c.store.deleteObject(configMaps, kDefault, u"settings"_s, options)));
    QVERIFY(isBeingDeleted(*c.store.deleteObject(podsType(), kDefault, u"solo"_s, options)));
    QVERIFY(stepUntil(c.simulator, c.clock, [&] {
        return !c.store.get(configMaps, kDefault, u"settings"_s) &&
               !c.store.get(podsType(), kDefault, u"solo"_s);
    }));
}

// An owner orphaned its dependents and went: the background cascade that follows its DELETED
// event must not delete what no longer names it, even when the index has not caught up.
void tst_GarbageCollector::backgroundSparesOrphanedDependents()
{
    Cluster c;
    QVERIFY(c.store.create(deploymentsType(), kDefault, ownerOfKind(u"Deployment"_s, u"web"_s, 2)));
    QVERIFY(stepUntil(c.simulator, c.clock, [&] { return allOf(c.store, podsType()).size() == 2; }));
    const QJsonObject set = allOf(c.store, replicaSetsType()).constFirst();
    // What the collector does for Orphan, by hand and between two ticks: the reference off the
    // ReplicaSet, then the Deployment deleted.
    QJsonObject unowned = set;
    QJsonObject meta = unowned.value(u"metadata").toObject();
    meta.remove(QStringLiteral("ownerReferences"));
    unowned.insert(QStringLiteral("metadata"), meta);
    QVERIFY(c.store.update(replicaSetsType(), kDefault, nameOf(set), unowned));
    QVERIFY(c.store.remove(deploymentsType(), kDefault, u"web"_s));
    for (int i = 0; i < 5; ++i)
        c.simulator.step();
    QCOMPARE(allOf(c.store, replicaSetsType()).size(), 1);
    QCOMPARE(allOf(c.store, podsType()).size(), 2);
}

QTEST_GUILESS_MAIN(tst_GarbageCollector)
#include "tst_garbagecollector.moc"
