#include "core/kube/objectmeta.h"
#include "core/kube/resourcetypes.h"
#include "core/kube/restmapper.h"

#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace core::kube;

class tst_resourcetypes : public QObject
{
    Q_OBJECT

private slots:
    void registryResolvesAsKubectl_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("apiVersion");
        QTest::addColumn<QString>("resource");
        QTest::addColumn<bool>("namespaced");
        QTest::newRow("po") << "po"
                            << "v1"
                            << "pods" << true;
        QTest::newRow("pod") << "pod"
                             << "v1"
                             << "pods" << true;
        QTest::newRow("no") << "no"
                            << "v1"
                            << "nodes" << false;
        QTest::newRow("ns") << "ns"
                            << "v1"
                            << "namespaces" << false;
        QTest::newRow("ev") << "ev"
                            << "v1"
                            << "events" << true;
        QTest::newRow("deploy") << "deploy"
                                << "apps/v1"
                                << "deployments" << true;
        QTest::newRow("sts") << "sts"
                             << "apps/v1"
                             << "statefulsets" << true;
        QTest::newRow("jobs.batch") << "jobs.batch"
                                    << "batch/v1"
                                    << "jobs" << true;
        QTest::newRow("ScheduleProfile") << "ScheduleProfile"
                                         << "scheduling.cci.io/v1"
                                         << "scheduleprofiles" << true;
        QTest::newRow("nodes.metrics.k8s.io") << "nodes.metrics.k8s.io"
                                              << "metrics.k8s.io/v1beta1"
                                              << "nodes" << false;
    }
    void registryResolvesAsKubectl()
    {
        QFETCH(QString, typed);
        QFETCH(QString, apiVersion);
        QFETCH(QString, resource);
        QFETCH(bool, namespaced);
        RestMapper mapper;
        mapper.addResourceTypes(knownResourceTypes());
        const auto mapping = mapper.resolve(typed);
        QVERIFY(mapping.ok());
        QCOMPARE(mapping->groupVersion(), apiVersion);
        QCOMPARE(mapping->resource, resource);
        QCOMPARE(mapping->namespaced, namespaced);
    }

    void identityIsGroupVersionResource()
    {
        ResourceType pods{QString(), QStringLiteral("v1"), QStringLiteral("pods"),
                          QStringLiteral("Pod")};
        QCOMPARE(pods, podsType());
        QCOMPARE(qHash(pods), qHash(podsType()));
        QVERIFY(!(podMetricsType() == podsType()));
        QCOMPARE(deploymentsType().qualifiedResource(), QStringLiteral("deployments.apps"));
        QCOMPARE(podsType().key(), QStringLiteral("/v1/pods"));
        QCOMPARE(findKnownResourceType(QStringLiteral("apps"), QStringLiteral("replicasets")),
                 &replicaSetsType());
        QCOMPARE(findKnownResourceType(QStringLiteral("apps"), QStringLiteral("pods")), nullptr);
        QSet<ResourceType> unique(knownResourceTypes().begin(), knownResourceTypes().end());
        QCOMPARE(unique.size(), knownResourceTypes().size());
    }

    void metadataAccessors()
    {
        const QJsonObject pod = QJsonDocument::fromJson(R"({"metadata":{
            "name":"web-1","namespace":"default","uid":"u-1","resourceVersion":"42",
            "labels":{"app":"web"},"annotations":{"a":"b"},
            "ownerReferences":[{"uid":"o-1"},{"uid":"o-2","controller":true}]},
            "spec":{"nodeName":"idc-node-1"},
            "status":{"containerStatuses":[{"restartCount":2},{"restartCount":3},{}]}})")
                                    .object();
        QCOMPARE(nameOf(pod), QStringLiteral("web-1"));
        QCOMPARE(namespaceOf(pod), QStringLiteral("default"));
        QCOMPARE(uidOf(pod), QStringLiteral("u-1"));
        QCOMPARE(resourceVersionOf(pod), QStringLiteral("42"));
        QCOMPARE(labelsOf(pod), (Labels{{QStringLiteral("app"), QStringLiteral("web")}}));
        QCOMPARE(labelOf(pod, QStringLiteral("app")), QStringLiteral("web"));
        QCOMPARE(annotationOf(pod, QStringLiteral("a")), QStringLiteral("b"));
        QCOMPARE(ownerReferencesOf(pod).size(), 2);
        QCOMPARE(controllerRef(pod).value(u"uid").toString(), QStringLiteral("o-2"));
        QCOMPARE(nodeNameOf(pod), QStringLiteral("idc-node-1"));
        QCOMPARE(containerRestarts(pod), 5);
        const QJsonObject empty;
        QCOMPARE(nameOf(empty), QString());
        QCOMPARE(controllerRef(empty), QJsonObject());
        QCOMPARE(containerRestarts(empty), 0);
    }
};

QTEST_APPLESS_MAIN(tst_resourcetypes)
#include "tst_resourcetypes.moc"
