#include "core/kube/objectmeta.h"
#include "core/sandbox/cluster/cciadmission.h"

#include "schedulertesthelpers.h"

#include <QJsonDocument>
#include <QTest>

using namespace core::sandbox;
using namespace Qt::StringLiterals;
using namespace schedulertest;

// Where and into what CCI admits a burst pod: the CCI namespace's flavour against GPU pods
// (guide chapter 4) and the region / zone annotations CCI writes on the pod (guide 3.2), which a
// burst pod's containers read through the Downward API.
class tst_CciPlacement : public QObject
{
    Q_OBJECT

private slots:
    void gpuPodAgainstNamespaceFlavor_data();
    void gpuPodAgainstNamespaceFlavor();
    void topologyAnnotations_data();
    void topologyAnnotations();
};

namespace {

const QString kVk = u"virtual-kubelet"_s;
const QString kCciNs = u"cce-burst-test"_s;

using core::kube::annotationsOf;

// A GPU pod CCI takes in a gpu-accelerated namespace (guide chapter 4: 1 GPU, 4 cores, 32Gi, a
// known driver).
QJsonObject gpuPod(const QString &name)
{
    QJsonObject pod = makePod(name, u"4"_s, u"32Gi"_s, u"enforce"_s);
    QJsonObject spec = pod.value(u"spec").toObject();
    QJsonArray list = spec.value(u"containers").toArray();
    QJsonObject container = list.at(0).toObject();
    container.insert(u"resources"_s,
                     QJsonObject{{u"limits"_s, QJsonObject{{u"cpu"_s, u"4"_s},
                                                           {u"memory"_s, u"32Gi"_s},
                                                           {u"nvidia.com/gpu"_s, u"1"_s}}}});
    list.replace(0, container);
    spec.insert(u"containers"_s, list);
    pod.insert(u"spec"_s, spec);
    QJsonObject meta = pod.value(u"metadata").toObject();
    meta.insert(u"annotations"_s, QJsonObject{{u"cri.cci.io/gpu-driver"_s, u"gpu-418.126"_s}});
    pod.insert(u"metadata"_s, meta);
    return pod;
}

} // namespace

// The CCI namespace's flavour is the burst pod's: created with the option's flavour, read from
// the namespace as stored (an annotation changed through the CCI endpoint counts), and a GPU pod
// in a general-computing one is refused as every refusal is (ProviderCreateFailed naming the
// rule, no CCI pod).
void tst_CciPlacement::gpuPodAgainstNamespaceFlavor_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QJsonValue>("stored"); // patched onto the namespace; Undefined: left alone
    QTest::addColumn<bool>("admitted");
    const QJsonValue leave(QJsonValue::Undefined);
    QTest::newRow("default general-computing") << QString() << leave << false;
    QTest::newRow("option gpu-accelerated") << u"gpu-accelerated"_s << leave << true;
    QTest::newRow("annotated gpu-accelerated later")
        << QString() << QJsonValue(u"gpu-accelerated"_s) << true;
    QTest::newRow("annotated general-computing later")
        << u"gpu-accelerated"_s << QJsonValue(u"general-computing"_s) << false;
    QTest::newRow("annotation removed: not judged")
        << QString() << QJsonValue(QJsonValue::Null) << true;
}

void tst_CciPlacement::gpuPodAgainstNamespaceFlavor()
{
    QFETCH(QString, option);
    QFETCH(QJsonValue, stored);
    QFETCH(bool, admitted);
    SchedulerOptions options;
    if (!option.isEmpty())
        options.cci.namespaceFlavor = option;
    Cluster c(options);
    const auto ns = c.cci.get(namespacesType(), QString(), kCciNs);
    QVERIFY(ns);
    QCOMPARE(annotationsOf(*ns).value(u"namespace.kubernetes.io/flavor"_s).toString(),
             option.isEmpty() ? u"general-computing"_s : option);
    if (!stored.isUndefined()) {
        const QJsonObject patch{
            {u"metadata"_s,
             QJsonObject{{u"annotations"_s,
                          QJsonObject{{u"namespace.kubernetes.io/flavor"_s, stored}}}}}};
        QVERIFY(c.cci.patch(namespacesType(), QString(), kCciNs, PatchType::MergePatch,
                            QJsonDocument(patch).toJson()));
    }
    QVERIFY(c.cce.create(kPods, u"default"_s, gpuPod(u"trainer"_s)));
    c.scheduler.reconcile();

    QCOMPARE(!c.cciPod(u"trainer"_s).isEmpty(), admitted);
    QCOMPARE(c.nodeOf(u"default"_s, u"trainer"_s), admitted ? kVk : QString());
    const auto failed = c.events(u"default"_s, u"trainer"_s, u"ProviderCreateFailed"_s);
    QCOMPARE(failed.size(), admitted ? 0 : 1);
    if (!admitted) {
        const QString message = failed.first().value(u"message").toString();
        QVERIFY2(message.startsWith(u"CCI refused the pod: gpu.namespaceFlavor: "_s),
                 qPrintable(message));
        QVERIFY(message.contains(u"general-computing"_s));
        QVERIFY(c.scheduler.isLocked()); // as every first refusal
    }
}

// Where CCI runs a burst pod, on its CCI pod (guide 3.2): the configured region; the zone of the
// AZ-level virtual node it was bound to (CCI 2.0), else the default zone (REGION + "a"). The
// CCE pod as its containers see it (the Downward API of exec) carries the same two annotations.
void tst_CciPlacement::topologyAnnotations_data()
{
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("zone"); // the AZ-level node the pod selects; "" for none
    QTest::addColumn<QString>("expectedZone");
    QTest::newRow("default region, guide's node") << QString() << QString() << u"cn-north-4a"_s;
    QTest::newRow("another region") << u"ap-southeast-1"_s << QString() << u"ap-southeast-1a"_s;
    QTest::newRow("AZ-level node") << QString() << u"cn-north-4c"_s << u"cn-north-4c"_s;
}

void tst_CciPlacement::topologyAnnotations()
{
    QFETCH(QString, region);
    QFETCH(QString, zone);
    QFETCH(QString, expectedZone);
    SchedulerOptions options;
    if (!region.isEmpty())
        options.cci.region = region;
    Cluster c(options);
    seedZoneVirtualNodes(c.cce, u"test"_s, {u"cn-north-4b"_s, u"cn-north-4c"_s});
    QJsonObject pod = makePod(u"web"_s, u"250m"_s, u"512Mi"_s, u"enforce"_s);
    if (!zone.isEmpty()) {
        QJsonObject spec = pod.value(u"spec").toObject();
        spec.insert(u"nodeSelector"_s, QJsonObject{{u"topology.kubernetes.io/zone"_s, zone}});
        pod.insert(u"spec"_s, spec);
    }
    QVERIFY(c.cce.create(kPods, u"default"_s, pod));
    c.scheduler.reconcile();
    const QString node = c.nodeOf(u"default"_s, u"web"_s);
    QVERIFY(!node.isEmpty());
    if (!zone.isEmpty())
        QCOMPARE(node, u"bursting-node-"_s + zone);
    else if (node != kVk) // the global bursting-node: no zone of its own either
        QCOMPARE(node, u"bursting-node"_s);

    const QJsonObject a = annotationsOf(c.cciPod(u"web"_s));
    QCOMPARE(a.value(u"topology.kubernetes.io/region"_s).toString(),
             region.isEmpty() ? u"cn-north-4"_s : region);
    QCOMPARE(a.value(u"topology.kubernetes.io/zone"_s).toString(), expectedZone);
    const QJsonObject ccePod = c.pod(u"default"_s, u"web"_s);
    QVERIFY(!annotationsOf(ccePod).contains(u"topology.kubernetes.io/zone"_s));
    const QJsonObject seen = CciAdmission::podAsSeenInside(c.cci, kCciNs, ccePod);
    QCOMPARE(annotationsOf(seen).value(u"topology.kubernetes.io/zone"_s).toString(), expectedZone);
    QCOMPARE(annotationsOf(seen).value(u"topology.kubernetes.io/region"_s),
             a.value(u"topology.kubernetes.io/region"_s));
    QCOMPARE(seen.value(u"spec"_s), ccePod.value(u"spec"_s));
    // A pod that did not burst is seen as it is.
    QVERIFY(c.cce.create(kPods, u"default"_s, makePod(u"local"_s, u"250m"_s, u"512Mi"_s)));
    const QJsonObject local = c.pod(u"default"_s, u"local"_s);
    QCOMPARE(CciAdmission::podAsSeenInside(c.cci, kCciNs, local), local);
}

QTEST_GUILESS_MAIN(tst_CciPlacement)
#include "tst_cciplacement.moc"
