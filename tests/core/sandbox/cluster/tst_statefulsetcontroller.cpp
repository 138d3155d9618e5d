#include "core/sandbox/cluster/statefulsetcontroller.h"

#include "core/sandbox/apiserver/sandboxclock.h"
#include "core/sandbox/cluster/eventrecorder.h"
#include "core/sandbox/cluster/objectindex.h"

#include "simtesthelpers.h"

#include <QTest>

using namespace core::sandbox;
using namespace simtest;

namespace {

struct Fixture
{
    ObjectStore store;
    SandboxClock clock;
    ObjectIndex pods{store, podsType()};
    EventRecorder events{store, QStringLiteral("statefulset-controller")};
    StatefulSetController controller{store, pods, clock, events};
    QJsonObject set;

    void create(int replicas, const QString &policy = {})
    {
        QJsonObject spec =
            withReplicas(podTemplate(QStringLiteral("db")), replicas, QStringLiteral("db"));
        spec.insert(QStringLiteral("serviceName"), QStringLiteral("db"));
        if (!policy.isEmpty())
            spec.insert(QStringLiteral("podManagementPolicy"), policy);
        set = *store.create(statefulSetsType(), QStringLiteral("default"),
                            workload(QStringLiteral("apps/v1"), QStringLiteral("StatefulSet"),
                                     QStringLiteral("db"), spec));
    }
    void sync()
    {
        pods.sync();
        QVERIFY(controller.sync(reread(store, statefulSetsType(), set)));
        pods.sync();
    }
    QStringList names()
    {
        QStringList names;
        for (const QJsonObject &pod : podsOf(store, set))
            names << nameOf(pod);
        names.sort();
        return names;
    }
    void readyAll()
    {
        for (const QJsonObject &pod : podsOf(store, set))
            settlePod(store, pod);
    }
    QJsonObject status()
    {
        return reread(store, statefulSetsType(), set).value(u"status").toObject();
    }
};

} // namespace

// Expected behaviour from the StatefulSet documentation: ordinal names <set>-<i>, OrderedReady
// creates pod N only when 0..N-1 are Running and Ready and terminates from the highest ordinal;
// Parallel launches and terminates all at once; pods carry controller-revision-hash and
// statefulset.kubernetes.io/pod-name.
class tst_StatefulSetController : public QObject
{
    Q_OBJECT

private slots:
    void orderedReady_data()
    {
        QTest::addColumn<int>("replicas");
        QTest::newRow("1") << 1;
        QTest::newRow("3") << 3;
        QTest::newRow("5") << 5;
    }

    void orderedReady()
    {
        QFETCH(int, replicas);
        Fixture f;
        f.create(replicas);
        for (int i = 0; i < replicas; ++i) {
            f.sync();
            QCOMPARE(f.names().size(), i + 1); // one more only after the previous is ready
            f.sync();
            QCOMPARE(f.names().size(), i + 1);
            f.readyAll();
        }
        f.sync();
        QCOMPARE(f.names().size(), replicas);
        QCOMPARE(f.names().last(), QStringLiteral("db-%1").arg(replicas - 1));
        QCOMPARE(f.status().value(u"readyReplicas").toInt(), replicas);
        QCOMPARE(f.status().value(u"replicas").toInt(), replicas);
        QCOMPARE(f.status().value(u"updatedReplicas").toInt(), replicas);
        QCOMPARE(f.status().value(u"currentRevision").toString(),
                 f.status().value(u"updateRevision").toString());
    }

    void parallelCreatesAll()
    {
        Fixture f;
        f.create(4, QStringLiteral("Parallel"));
        f.sync();
        QCOMPARE(f.names(), (QStringList{QStringLiteral("db-0"), QStringLiteral("db-1"),
                                         QStringLiteral("db-2"), QStringLiteral("db-3")}));
    }

    void podIdentity()
    {
        Fixture f;
        f.create(1);
        f.sync();
        const QJsonObject pod = podsOf(f.store, f.set).first();
        const QJsonObject labels = pod.value(u"metadata").toObject().value(u"labels").toObject();
        QCOMPARE(labels.value(u"statefulset.kubernetes.io/pod-name").toString(),
                 QStringLiteral("db-0"));
        QCOMPARE(labels.value(u"apps.kubernetes.io/pod-index").toString(), QStringLiteral("0"));
        QVERIFY(labels.value(u"controller-revision-hash").toString().startsWith(u"db-"));
        QCOMPARE(pod.value(u"spec").toObject().value(u"hostname").toString(),
                 QStringLiteral("db-0"));
        QCOMPARE(pod.value(u"spec").toObject().value(u"subdomain").toString(),
                 QStringLiteral("db"));
        QCOMPARE(controllerRef(pod).value(u"kind").toString(), QStringLiteral("StatefulSet"));
        QVERIFY(hasEvent(f.store, QStringLiteral("SuccessfulCreate"),
                         QStringLiteral("create Pod db-0 in StatefulSet db successful")));
    }

    void scaleDownFromHighestOrdinal()
    {
        Fixture f;
        f.create(3, QStringLiteral("Parallel"));
        f.sync();
        f.readyAll();
        QVERIFY(writeReplicas(f.store, statefulSetsType(), f.set, 1));
        f.set = reread(f.store, statefulSetsType(), f.set);
        // OrderedReady removal: switch the policy back and watch one pod go per sync.
        QJsonObject ordered = f.set;
        QJsonObject spec = ordered.value(u"spec").toObject();
        spec.remove(QStringLiteral("podManagementPolicy"));
        ordered.insert(QStringLiteral("spec"), spec);
        QVERIFY(f.store
                    .update(statefulSetsType(), QStringLiteral("default"), QStringLiteral("db"),
                            ordered)
                    .ok());
        f.sync();
        QCOMPARE(f.names(), (QStringList{QStringLiteral("db-0"), QStringLiteral("db-1")}));
        f.sync();
        QCOMPARE(f.names(), QStringList{QStringLiteral("db-0")});
    }

    void rollingUpdateFromHighestOrdinal()
    {
        Fixture f;
        f.create(2, QStringLiteral("Parallel"));
        f.sync();
        f.readyAll();
        f.sync();
        const QString before = f.status().value(u"updateRevision").toString();
        QJsonObject updated = reread(f.store, statefulSetsType(), f.set);
        QJsonObject spec = updated.value(u"spec").toObject();
        spec.insert(QStringLiteral("template"),
                    podTemplate(QStringLiteral("db"), QStringLiteral("postgres:16")));
        updated.insert(QStringLiteral("spec"), spec);
        QVERIFY(f.store
                    .update(statefulSetsType(), QStringLiteral("default"), QStringLiteral("db"),
                            updated)
                    .ok());
        f.sync();
        QCOMPARE(f.names(), QStringList{QStringLiteral("db-0")}); // db-1 replaced first
        QVERIFY(f.status().value(u"updateRevision").toString() != before);
        QCOMPARE(f.status().value(u"currentRevision").toString(), before);
        for (int i = 0; i < 6; ++i) {
            f.sync();
            f.readyAll();
        }
        f.sync();
        QCOMPARE(f.names().size(), 2);
        QCOMPARE(f.status().value(u"updatedReplicas").toInt(), 2);
        QCOMPARE(f.status().value(u"currentRevision").toString(),
                 f.status().value(u"updateRevision").toString());
    }
};

QTEST_GUILESS_MAIN(tst_StatefulSetController)
#include "tst_statefulsetcontroller.moc"
