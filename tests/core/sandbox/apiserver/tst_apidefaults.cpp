#include "core/sandbox/apiserver/apidefaults.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace core::sandbox;

// The create-time defaults, each row one field of pkg/apis/{apps,batch,core}/v1/defaults.go (and
// the Priority admission plugin, the Job and Service REST strategies) as `kubectl get -o yaml`
// shows it on a real cluster after `kubectl create` of the minimal object.
class tst_ApiDefaults : public QObject
{
    Q_OBJECT

private:
    static ResourceType typeOf(const QString &resource)
    {
        if (resource == u"pods")
            return {QString(), QStringLiteral("v1"), resource, QStringLiteral("Pod")};
        if (resource == u"services")
            return {QString(), QStringLiteral("v1"), resource, QStringLiteral("Service")};
        if (resource == u"jobs")
            return {QStringLiteral("batch"), QStringLiteral("v1"), resource, QStringLiteral("Job")};
        if (resource == u"configmaps")
            return {QString(), QStringLiteral("v1"), resource, QStringLiteral("ConfigMap")};
        return {QStringLiteral("apps"), QStringLiteral("v1"), resource, QString()};
    }

    // "spec.containers.0.ports.0.protocol"
    static QJsonValue at(const QJsonObject &object, const QString &path)
    {
        QJsonValue v = object;
        for (const QString &part : path.split(u'.')) {
            bool index = false;
            const int i = part.toInt(&index);
            v = index ? v.toArray().at(i) : v.toObject().value(part);
        }
        return v;
    }

    static QJsonValue parse(const QByteArray &json)
    {
        return QJsonDocument::fromJson("[" + json + "]").array().at(0);
    }

    static QByteArray pod(const QByteArray &image, const QByteArray &extra = {})
    {
        return "{\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"" + image + "\"" + extra +
               "}]}}";
    }

    static QByteArray templated(const QByteArray &spec)
    {
        return R"({"metadata":{"name":"w"},"spec":{)" + spec +
               R"("template":{"spec":{"containers":[{"name":"c","image":"nginx:1.25"}]}}}})";
    }

private slots:
    void defaults_data()
    {
        QTest::addColumn<QString>("resource");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("expected");

        const QByteArray deploy = templated({});
        QTest::newRow("deploy replicas")
            << "deployments" << deploy << "spec.replicas" << QByteArray("1");
        QTest::newRow("deploy strategy")
            << "deployments" << deploy << "spec.strategy.type" << QByteArray(R"("RollingUpdate")");
        QTest::newRow("deploy maxSurge")
            << "deployments" << deploy << "spec.strategy.rollingUpdate.maxSurge"
            << QByteArray(R"("25%")");
        QTest::newRow("deploy maxUnavailable")
            << "deployments" << deploy << "spec.strategy.rollingUpdate.maxUnavailable"
            << QByteArray(R"("25%")");
        QTest::newRow("deploy history")
            << "deployments" << deploy << "spec.revisionHistoryLimit" << QByteArray("10");
        QTest::newRow("deploy deadline")
            << "deployments" << deploy << "spec.progressDeadlineSeconds" << QByteArray("600");
        QTest::newRow("deploy kept replicas")
            << "deployments" << templated(R"("replicas":0,)") << "spec.replicas" << QByteArray("0");
        QTest::newRow("deploy Recreate has no rollingUpdate")
            << "deployments" << templated(R"("strategy":{"type":"Recreate"},)")
            << "spec.strategy.rollingUpdate" << QByteArray("null");
        QTest::newRow("deploy template restartPolicy")
            << "deployments" << deploy << "spec.template.spec.restartPolicy"
            << QByteArray(R"("Always")");
        QTest::newRow("deploy template no enableServiceLinks")
            << "deployments" << deploy << "spec.template.spec.enableServiceLinks"
            << QByteArray("null");
        QTest::newRow("deploy template pull policy")
            << "deployments" << deploy << "spec.template.spec.containers.0.imagePullPolicy"
            << QByteArray(R"("IfNotPresent")");

        const QByteArray sts = templated(R"("serviceName":"w",)");
        QTest::newRow("sts update strategy") << "statefulsets" << sts << "spec.updateStrategy.type"
                                             << QByteArray(R"("RollingUpdate")");
        QTest::newRow("sts partition")
            << "statefulsets" << sts << "spec.updateStrategy.rollingUpdate.partition"
            << QByteArray("0");
        QTest::newRow("sts explicit RollingUpdate gets no partition")
            << "statefulsets" << templated(R"("updateStrategy":{"type":"RollingUpdate"},)")
            << "spec.updateStrategy.rollingUpdate" << QByteArray("null");
        QTest::newRow("sts pod management") << "statefulsets" << sts << "spec.podManagementPolicy"
                                            << QByteArray(R"("OrderedReady")");
        QTest::newRow("sts replicas")
            << "statefulsets" << sts << "spec.replicas" << QByteArray("1");
        QTest::newRow("sts history")
            << "statefulsets" << sts << "spec.revisionHistoryLimit" << QByteArray("10");
        QTest::newRow("sts pvc retention")
            << "statefulsets" << sts << "spec.persistentVolumeClaimRetentionPolicy"
            << QByteArray(R"({"whenDeleted":"Retain","whenScaled":"Retain"})");
        QTest::newRow("sts template dnsPolicy")
            << "statefulsets" << sts << "spec.template.spec.dnsPolicy"
            << QByteArray(R"("ClusterFirst")");

        QTest::newRow("rs replicas")
            << "replicasets" << templated({}) << "spec.replicas" << QByteArray("1");
        QTest::newRow("rs template grace")
            << "replicasets" << templated({}) << "spec.template.spec.terminationGracePeriodSeconds"
            << QByteArray("30");

        const QByteArray job = templated({});
        QTest::newRow("job completions") << "jobs" << job << "spec.completions" << QByteArray("1");
        QTest::newRow("job parallelism") << "jobs" << job << "spec.parallelism" << QByteArray("1");
        QTest::newRow("job parallelism only: no completions")
            << "jobs" << templated(R"("parallelism":3,)") << "spec.completions"
            << QByteArray("null");
        QTest::newRow("job completions only: parallelism 1")
            << "jobs" << templated(R"("completions":4,)") << "spec.parallelism" << QByteArray("1");
        QTest::newRow("job backoffLimit")
            << "jobs" << job << "spec.backoffLimit" << QByteArray("6");
        QTest::newRow("job completionMode")
            << "jobs" << job << "spec.completionMode" << QByteArray(R"("NonIndexed")");
        QTest::newRow("job suspend") << "jobs" << job << "spec.suspend" << QByteArray("false");
        QTest::newRow("job podReplacementPolicy") << "jobs" << job << "spec.podReplacementPolicy"
                                                  << QByteArray(R"("TerminatingOrFailed")");
        QTest::newRow("job manualSelector unset")
            << "jobs" << job << "spec.manualSelector" << QByteArray("null");

        const QByteArray plain = pod("nginx:1.25");
        QTest::newRow("pod restartPolicy")
            << "pods" << plain << "spec.restartPolicy" << QByteArray(R"("Always")");
        QTest::newRow("pod dnsPolicy")
            << "pods" << plain << "spec.dnsPolicy" << QByteArray(R"("ClusterFirst")");
        QTest::newRow("pod schedulerName")
            << "pods" << plain << "spec.schedulerName" << QByteArray(R"("default-scheduler")");
        QTest::newRow("pod grace")
            << "pods" << plain << "spec.terminationGracePeriodSeconds" << QByteArray("30");
        QTest::newRow("pod securityContext")
            << "pods" << plain << "spec.securityContext" << QByteArray("{}");
        QTest::newRow("pod enableServiceLinks")
            << "pods" << plain << "spec.enableServiceLinks" << QByteArray("true");
        QTest::newRow("pod preemptionPolicy") << "pods" << plain << "spec.preemptionPolicy"
                                              << QByteArray(R"("PreemptLowerPriority")");
        QTest::newRow("pod priority") << "pods" << plain << "spec.priority" << QByteArray("0");
        QTest::newRow("pod no service account token")
            << "pods" << plain << "spec.volumes" << QByteArray("null");
        QTest::newRow("pod kept restartPolicy")
            << "pods" << QByteArray(R"({"spec":{"restartPolicy":"Never","containers":[]}})")
            << "spec.restartPolicy" << QByteArray(R"("Never")");
        QTest::newRow("container termination path")
            << "pods" << plain << "spec.containers.0.terminationMessagePath"
            << QByteArray(R"("/dev/termination-log")");
        QTest::newRow("container termination policy")
            << "pods" << plain << "spec.containers.0.terminationMessagePolicy"
            << QByteArray(R"("File")");
        QTest::newRow("pull tagged") << "pods" << plain << "spec.containers.0.imagePullPolicy"
                                     << QByteArray(R"("IfNotPresent")");
        QTest::newRow("pull latest")
            << "pods" << pod("nginx:latest") << "spec.containers.0.imagePullPolicy"
            << QByteArray(R"("Always")");
        QTest::newRow("pull untagged")
            << "pods" << pod("nginx") << "spec.containers.0.imagePullPolicy"
            << QByteArray(R"("Always")");
        QTest::newRow("pull registry port untagged")
            << "pods" << pod("registry.local:5000/app") << "spec.containers.0.imagePullPolicy"
            << QByteArray(R"("Always")");
        QTest::newRow("pull digest")
            << "pods" << pod("nginx@sha256:0123456789abcdef") << "spec.containers.0.imagePullPolicy"
            << QByteArray(R"("IfNotPresent")");
        QTest::newRow("port protocol")
            << "pods" << pod("nginx:1.25", R"(,"ports":[{"containerPort":80}])")
            << "spec.containers.0.ports.0.protocol" << QByteArray(R"("TCP")");
        QTest::newRow("requests from limits")
            << "pods" << pod("nginx:1.25", R"(,"resources":{"limits":{"cpu":"1"}})")
            << "spec.containers.0.resources.requests" << QByteArray(R"({"cpu":"1"})");
        QTest::newRow("probe defaults")
            << "pods" << pod("nginx:1.25", R"(,"readinessProbe":{"httpGet":{"port":80}})")
            << "spec.containers.0.readinessProbe"
            << QByteArray(R"({"httpGet":{"port":80,"path":"/","scheme":"HTTP"},"timeoutSeconds":1,)"
                          R"("periodSeconds":10,"successThreshold":1,"failureThreshold":3})");

        const QByteArray svc = R"({"spec":{"ports":[{"port":80}]}})";
        QTest::newRow("svc type") << "services" << svc << "spec.type"
                                  << QByteArray(R"("ClusterIP")");
        QTest::newRow("svc affinity")
            << "services" << svc << "spec.sessionAffinity" << QByteArray(R"("None")");
        QTest::newRow("svc port protocol")
            << "services" << svc << "spec.ports.0.protocol" << QByteArray(R"("TCP")");
        QTest::newRow("svc targetPort")
            << "services" << svc << "spec.ports.0.targetPort" << QByteArray("80");
        QTest::newRow("svc named targetPort kept")
            << "services" << QByteArray(R"({"spec":{"ports":[{"port":80,"targetPort":"http"}]}})")
            << "spec.ports.0.targetPort" << QByteArray(R"("http")");
        QTest::newRow("svc internalTrafficPolicy")
            << "services" << svc << "spec.internalTrafficPolicy" << QByteArray(R"("Cluster")");
        QTest::newRow("configmap untouched")
            << "configmaps" << QByteArray(R"({"data":{}})") << "spec" << QByteArray("null");
    }

    void defaults()
    {
        QFETCH(QString, resource);
        QFETCH(QByteArray, input);
        QFETCH(QString, path);
        QFETCH(QByteArray, expected);
        const QJsonObject object = QJsonDocument::fromJson(input).object();
        QVERIFY(!object.isEmpty());
        const QJsonValue got = at(withApiDefaults(typeOf(resource), object), path);
        const QJsonValue want = parse(expected);
        if (want.isNull())
            QVERIFY2(got.isUndefined() || got.isNull(),
                     QJsonDocument(QJsonArray{got}).toJson(QJsonDocument::Compact).constData());
        else
            QCOMPARE(got, want);
    }

    void jobSelector()
    {
        QJsonObject job = QJsonDocument::fromJson(templated({})).object();
        QJsonObject meta = job.value(u"metadata").toObject();
        meta.insert(QStringLiteral("uid"), QStringLiteral("6f1c"));
        job.insert(QStringLiteral("metadata"), meta);
        const QJsonObject out = withJobSelector(job);
        QCOMPARE(at(out, QStringLiteral("spec.selector")),
                 parse(R"({"matchLabels":{"batch.kubernetes.io/controller-uid":"6f1c"}})"));
        QCOMPARE(at(out, QStringLiteral("spec.template.metadata.labels")),
                 parse(R"({"batch.kubernetes.io/controller-uid":"6f1c",)"
                       R"("batch.kubernetes.io/job-name":"w","controller-uid":"6f1c",)"
                       R"("job-name":"w"})"));
        QJsonObject spec = job.value(u"spec").toObject();
        spec.insert(QStringLiteral("manualSelector"), true);
        job.insert(QStringLiteral("spec"), spec);
        QCOMPARE(withJobSelector(job), job);
    }

    void clusterIps()
    {
        QCOMPARE(nextClusterIp({}), QStringLiteral("10.96.0.2"));
        QCOMPARE(nextClusterIp({QStringLiteral("10.96.0.2"), QStringLiteral("10.96.0.3")}),
                 QStringLiteral("10.96.0.4"));
        QSet<QString> full;
        for (int i = 2; i < 256; ++i)
            full.insert(QStringLiteral("10.96.0.%1").arg(i));
        QCOMPARE(nextClusterIp(full), QStringLiteral("10.96.1.0"));

        const QJsonObject svc = QJsonDocument::fromJson(R"({"spec":{"ports":[]}})").object();
        const QJsonObject given = withClusterIp(svc, QStringLiteral("10.96.0.7"));
        QCOMPARE(at(given, QStringLiteral("spec.clusterIP")), QJsonValue(u"10.96.0.7"_qs));
        QCOMPARE(at(given, QStringLiteral("spec.clusterIPs")), parse(R"(["10.96.0.7"])"));
        const QJsonObject headless =
            QJsonDocument::fromJson(R"({"spec":{"clusterIP":"None"}})").object();
        QCOMPARE(at(withClusterIp(headless, QStringLiteral("10.96.0.7")),
                    QStringLiteral("spec.clusterIP")),
                 QJsonValue(u"None"_qs));
        const QJsonObject external =
            QJsonDocument::fromJson(R"({"spec":{"type":"ExternalName"}})").object();
        QCOMPARE(withClusterIp(external, QStringLiteral("10.96.0.7")), external);
        const QJsonObject kept = withStoredClusterIp(svc, given);
        QCOMPARE(at(kept, QStringLiteral("spec.clusterIP")), QJsonValue(u"10.96.0.7"_qs));
    }
};

QTEST_GUILESS_MAIN(tst_ApiDefaults)
#include "tst_apidefaults.moc"
