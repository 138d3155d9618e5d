#include "core/burst/cciconventions.h"
#include "models/objectdetails.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QJsonObject json(const char *text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(text), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return doc.object();
}

// A burst pod of Deployment web on the virtual node, with an init container and the sidecar
// CCI injects (in spec and status, as a CCI-side pod shows it), plus a container only its
// status lists.
const char *kBurstPod = R"({
  "apiVersion": "v1", "kind": "Pod",
  "metadata": {"name": "web-5d4f-x1", "namespace": "shop", "uid": "pod-1",
    "resourceVersion": "41", "creationTimestamp": "2026-01-01T10:00:00Z",
    "labels": {"app": "web", "virtual-kubelet.io/burst-to-cci": "enforce"},
    "annotations": {"scheduling.cci.io/managed-by-profile": "shop-profile",
                    "virtual-kubelet.cci.io/burst-pod-cpu": "1",
                    "virtual-kubelet.cci.io/burst-pod-memory": "2Gi"},
    "ownerReferences": [{"kind": "ReplicaSet", "name": "web-5d4f", "uid": "rs-1",
                         "controller": true}]},
  "spec": {"nodeName": "virtual-kubelet",
    "initContainers": [{"name": "init-db", "image": "busybox:1.36"}],
    "containers": [
      {"name": "app", "image": "nginx:1.25",
       "resources": {"requests": {"cpu": "500m", "memory": "1Gi"}, "limits": {"cpu": "1"}}},
      {"name": "cci-network-sidecar", "image": "cci-system/network-sidecar:1.0"}]},
  "status": {"phase": "Running", "podIP": "10.0.0.5",
    "podIPs": [{"ip": "10.0.0.5"}, {"ip": "fd00::5"}], "hostIP": "192.168.0.9",
    "qosClass": "Burstable", "startTime": "2026-01-01T10:00:05Z",
    "conditions": [
      {"type": "PodScheduled", "status": "True", "lastTransitionTime": "2026-01-01T10:00:01Z"},
      {"type": "Ready", "status": "False", "reason": "ContainersNotReady",
       "message": "containers with unready status: [app]",
       "lastTransitionTime": "2026-01-01T10:00:06Z"}],
    "initContainerStatuses": [{"name": "init-db", "ready": true, "restartCount": 0,
      "state": {"terminated": {"reason": "Completed", "exitCode": 0}}}],
    "containerStatuses": [
      {"name": "app", "ready": false, "restartCount": 3,
       "state": {"waiting": {"reason": "CrashLoopBackOff"}}},
      {"name": "cci-network-sidecar", "ready": true, "restartCount": 0,
       "state": {"running": {"startedAt": "2026-01-01T10:00:07Z"}}},
      {"name": "log-agent", "image": "fluent-bit:2", "ready": true, "restartCount": 1,
       "state": {"running": {}}}]}
})";

const char *kDeployment = R"({
  "apiVersion": "apps/v1", "kind": "Deployment",
  "metadata": {"name": "web", "namespace": "shop", "uid": "dep-1", "resourceVersion": "17",
    "labels": {"app": "web"}, "managedFields": [{"manager": "kubectl"}]},
  "spec": {"replicas": 3, "selector": {"matchLabels": {"app": "web"}},
    "strategy": {"type": "RollingUpdate",
                 "rollingUpdate": {"maxSurge": "25%", "maxUnavailable": 1}},
    "template": {"metadata": {"labels": {"app": "web",
                                         "virtual-kubelet.io/burst-to-cci": "localPrefer"}},
      "spec": {"containers": [{"name": "app", "image": "nginx:1.25",
                               "resources": {"requests": {"cpu": "250m"}}}]}}},
  "status": {"replicas": 3, "readyReplicas": 2, "updatedReplicas": 3, "availableReplicas": 2,
    "conditions": [{"type": "Available", "status": "True", "reason": "MinimumReplicasAvailable",
                    "message": "Deployment has minimum availability."}]}
})";

const char *kVirtualNode = R"({
  "apiVersion": "v1", "kind": "Node",
  "metadata": {"name": "virtual-kubelet", "uid": "node-1",
    "labels": {"type": "virtual-kubelet", "topology.kubernetes.io/zone": "cn-north-4a"},
    "annotations": {"burst.sandbox/locked-until": "2026-01-01T10:30:00Z"}},
  "spec": {"taints": [{"key": "virtual-kubelet.io/provider", "value": "huawei",
                       "effect": "NoSchedule"},
                      {"key": "virtual-kubelet.io/locked", "value": "true",
                       "effect": "NoSchedule"}]},
  "status": {"capacity": {"cpu": "4", "memory": "8Gi", "pods": "110"},
    "allocatable": {"cpu": "3800m", "memory": "7Gi", "pods": "110"},
    "addresses": [{"type": "InternalIP", "address": "10.1.0.1"}],
    "nodeInfo": {"kubeletVersion": "v1.28.0", "osImage": "EulerOS", "architecture": "amd64"},
    "conditions": [{"type": "Ready", "status": "True"}]}
})";

// CCI 2.0: an AZ-level node with only the legacy zone label, made unschedulable by CCI.
const char *kFaultyAzNode = R"({
  "apiVersion": "v1", "kind": "Node",
  "metadata": {"name": "bursting-node-az-old", "uid": "node-2",
    "labels": {"type": "virtual-kubelet", "failure-domain.beta.kubernetes.io/zone": "az-old"}},
  "spec": {"unschedulable": true,
           "taints": [{"key": "virtual-kubelet.io/provider", "value": "huawei",
                       "effect": "NoSchedule"}]},
  "status": {"conditions": [{"type": "Ready", "status": "True"},
                            {"type": "AZUnavailable", "status": "True", "message": "az-old is down"}]}
})";

const char *kWidget = R"({
  "apiVersion": "example.com/v1", "kind": "Widget",
  "metadata": {"name": "w", "namespace": "shop", "uid": "w-1",
               "annotations": {"note": "x"}},
  "spec": {"colour": "blue"}, "status": {"phase": "Shiny"}
})";

QStringList fieldTexts(const QList<models::DetailField> &fields)
{
    QStringList out;
    for (const models::DetailField &f : fields)
        out.append(f.label + u'=' + f.value);
    return out;
}

QJsonObject eventJson(const QString &uid, const QString &kind, const QString &ns,
                  const QString &name, const QString &objectUid, const QString &last,
                  const QString &reason)
{
    QJsonObject involved{{u"kind"_s, kind}, {u"namespace"_s, ns}, {u"name"_s, name}};
    if (!objectUid.isEmpty())
        involved.insert(u"uid"_s, objectUid);
    return QJsonObject{{u"metadata"_s, QJsonObject{{u"uid"_s, uid}, {u"namespace"_s, ns}}},
                       {u"involvedObject"_s, involved},
                       {u"reason"_s, reason},
                       {u"type"_s, u"Normal"_s},
                       {u"lastTimestamp"_s, last}};
}

} // namespace

// The details pane's reads of an object (summary, conditions, containers, events), its YAML
// round trip and the merge patch an edit sends, as tables.
class tst_ObjectDetails : public QObject
{
    Q_OBJECT

private slots:
    void summary_data()
    {
        QTest::addColumn<QJsonObject>("object");
        QTest::addColumn<QStringList>("virtualNodes");
        QTest::addColumn<QStringList>("present");
        QTest::addColumn<QStringList>("absentLabels");

        QTest::newRow("burst pod on the virtual node")
            << json(kBurstPod) << QStringList{u"virtual-kubelet"_s}
            << QStringList{u"Kind=Pod (v1)"_s,
                           u"Name=web-5d4f-x1"_s,
                           u"Namespace=shop"_s,
                           u"Owner=ReplicaSet web-5d4f"_s,
                           u"Status=CrashLoopBackOff"_s,
                           u"Ready=2/2"_s, // kubectl: ready running containers of the statuses
                           u"Restarts=4"_s,
                           u"Node=virtual-kubelet"_s,
                           u"Runs on=CCI (burst pod)"_s,
                           u"Pod IPs=10.0.0.5, fd00::5"_s,
                           u"Host IP=192.168.0.9"_s,
                           u"QoS class=Burstable"_s,
                           u"Burst strategy=enforce"_s,
                           u"ScheduleProfile (CCI)=shop-profile"_s,
                           u"CCI CPU=1"_s,
                           u"CCI memory=2Gi"_s}
            << QStringList{u"Replicas"_s, u"Node kind"_s, u"CCI zone"_s};
        QTest::newRow("the same pod when the node is not virtual")
            << json(kBurstPod) << QStringList{} << QStringList{u"Runs on=local node"_s}
            << QStringList{};
        QTest::newRow("deployment")
            << json(kDeployment) << QStringList{}
            << QStringList{u"Kind=Deployment (apps/v1)"_s,
                           u"Labels=app=web"_s,
                           u"Replicas=desired 3, ready 2, updated 3, available 2"_s,
                           u"Update strategy=RollingUpdate (max surge 25%, max unavailable 1)"_s,
                           u"Selector=app=web"_s,
                           u"Burst strategy=localPrefer (pod template label)"_s,
                           u"Images=nginx:1.25"_s,
                           u"Resource version=17"_s}
            << QStringList{u"Status"_s, u"Node"_s, u"Owner"_s};
        QTest::newRow("virtual node")
            << json(kVirtualNode) << QStringList{}
            << QStringList{u"Node kind=virtual-kubelet (CCI)"_s,
                           u"Ready=True"_s,
                           u"CPU=capacity 4, allocatable 3800m"_s,
                           u"Memory=capacity 8Gi, allocatable 7Gi"_s,
                           u"Pods=capacity 110, allocatable 110"_s,
                           u"Addresses=InternalIP=10.1.0.1"_s,
                           u"Kubelet=v1.28.0"_s,
                           u"OS=EulerOS, amd64"_s,
                           u"Zone=cn-north-4a"_s,
                           u"Taints=virtual-kubelet.io/provider=huawei:NoSchedule, "
                           u"virtual-kubelet.io/locked=true:NoSchedule"_s,
                           u"Lock=locked until 2026-01-01T10:30:00Z"_s}
            << QStringList{u"Namespace"_s, u"Replicas"_s};
        QTest::newRow("faulty AZ node (CCI 2.0)")
            << json(kFaultyAzNode) << QStringList{}
            << QStringList{u"Node kind=virtual-kubelet (CCI)"_s, u"Zone=az-old"_s,
                           u"Scheduling=disabled by CCI (AZUnavailable: az-old is down)"_s}
            << QStringList{u"Namespace"_s};
        QTest::newRow("unknown kind: metadata only")
            << json(kWidget) << QStringList{}
            << QStringList{u"Kind=Widget (example.com/v1)"_s, u"Name=w"_s, u"Annotations=note"_s,
                           u"UID=w-1"_s}
            << QStringList{u"Status"_s, u"Replicas"_s, u"Labels"_s, u"Created"_s};
    }
    void summary()
    {
        QFETCH(QJsonObject, object);
        QFETCH(QStringList, virtualNodes);
        QFETCH(QStringList, present);
        QFETCH(QStringList, absentLabels);
        const QList<models::DetailField> fields = models::summaryOf(object, virtualNodes);
        const QStringList texts = fieldTexts(fields);
        for (const QString &p : present)
            QVERIFY2(texts.contains(p), qPrintable(p + u"\nnot in:\n"_s + texts.join(u'\n')));
        for (const models::DetailField &f : fields)
            QVERIFY2(!absentLabels.contains(f.label), qPrintable(f.label));
        QCOMPARE(fields.first().label, u"Kind"_s); // metadata first, for every kind
    }

    void conditions()
    {
        const QList<models::ConditionRow> pod = models::conditionsOf(json(kBurstPod));
        QCOMPARE(pod.size(), 2);
        QCOMPARE(pod.at(1),
                 (models::ConditionRow{u"Ready"_s, u"False"_s, u"ContainersNotReady"_s,
                                       u"containers with unready status: [app]"_s,
                                       QDateTime(QDate(2026, 1, 1), QTime(10, 0, 6),
                                                 Qt::UTC)}));
        const QList<models::ConditionRow> deployment = models::conditionsOf(json(kDeployment));
        QCOMPARE(deployment.size(), 1);
        QVERIFY(!deployment.first().lastTransition.isValid());
        QVERIFY(models::conditionsOf(json(kWidget)).isEmpty());
    }

    void containers_data()
    {
        QTest::addColumn<QJsonObject>("object");
        QTest::addColumn<QStringList>("rows"); // kind|name|image|requests|limits|state|ready|restarts|sidecar
        QTest::newRow("pod: init, app, injected sidecar, status-only container")
            << json(kBurstPod)
            << QStringList{
                   u"init|init-db|busybox:1.36|||Terminated: Completed (exit code 0)|1|0|0"_s,
                   u"app|app|nginx:1.25|cpu 500m, memory 1Gi|cpu 1|Waiting: CrashLoopBackOff|0|3|0"_s,
                   u"app|cci-network-sidecar|cci-system/network-sidecar:1.0|||"
                   u"Running since 2026-01-01T10:00:07Z|1|0|1"_s,
                   u"app|log-agent|fluent-bit:2|||Running|1|1|0"_s};
        QTest::newRow("deployment: its pod template, no status")
            << json(kDeployment) << QStringList{u"app|app|nginx:1.25|cpu 250m|||0|0|0"_s};
        QTest::newRow("unknown kind: none") << json(kWidget) << QStringList{};
    }
    void containers()
    {
        QFETCH(QJsonObject, object);
        QFETCH(QStringList, rows);
        QStringList got;
        for (const models::ContainerRow &c : models::containersOf(object)) {
            const QString kind = c.kind == models::ContainerRow::Kind::Init ? u"init"_s
                                 : c.kind == models::ContainerRow::Kind::App ? u"app"_s
                                                                              : u"ephemeral"_s;
            got.append(QStringList{kind, c.name, c.image, c.requests, c.limits, c.state,
                                   QString::number(c.ready), QString::number(c.restarts),
                                   QString::number(c.cciSidecar)}
                           .join(u'|'));
        }
        QCOMPARE(got, rows);
    }

    void sidecarConvention()
    {
        QVERIFY(core::burst::isCciSidecar(
            QJsonObject{{u"name"_s, core::burst::kNetworkSidecarName}}));
        QVERIFY(!core::burst::isCciSidecar(QJsonObject{{u"name"_s, u"sidecar"_s}}));
    }

    void events_data()
    {
        QTest::addColumn<QJsonObject>("object");
        QTest::addColumn<QStringList>("reasons"); // newest first
        const QList<QJsonObject> all{
            eventJson(u"e1"_s, u"Pod"_s, u"shop"_s, u"web-5d4f-x1"_s, u"pod-1"_s,
                  u"2026-01-01T10:00:01Z"_s, u"Scheduled"_s),
            eventJson(u"e2"_s, u"Pod"_s, u"shop"_s, u"web-5d4f-x1"_s, u"pod-1"_s,
                  u"2026-01-01T10:05:00Z"_s, u"BackOff"_s),
            // The same name before it was recreated: another uid.
            eventJson(u"e3"_s, u"Pod"_s, u"shop"_s, u"web-5d4f-x1"_s, u"pod-0"_s,
                  u"2026-01-01T09:00:00Z"_s, u"Killing"_s),
            // Without a uid: kind, namespace and name decide.
            eventJson(u"e4"_s, u"Pod"_s, u"shop"_s, u"web-5d4f-x1"_s, {}, u"2026-01-01T10:02:00Z"_s,
                  u"Pulled"_s),
            eventJson(u"e5"_s, u"Deployment"_s, u"shop"_s, u"web-5d4f-x1"_s, {},
                  u"2026-01-01T10:03:00Z"_s, u"ScalingReplicaSet"_s),
            eventJson(u"e6"_s, u"Pod"_s, u"other"_s, u"web-5d4f-x1"_s, {}, u"2026-01-01T10:04:00Z"_s,
                  u"Pulled"_s),
            eventJson(u"e7"_s, u"Node"_s, u""_s, u"virtual-kubelet"_s, {}, u"2026-01-01T10:06:00Z"_s,
                  u"VirtualKubeletLocked"_s)};
        m_events = all;
        QTest::newRow("pod by uid, and by name where the event has none")
            << json(kBurstPod) << QStringList{u"BackOff"_s, u"Pulled"_s, u"Scheduled"_s};
        QTest::newRow("cluster-scoped node by name") << json(kVirtualNode)
                                                     << QStringList{u"VirtualKubeletLocked"_s};
        QTest::newRow("nothing about it") << json(kWidget) << QStringList{};
    }
    void events()
    {
        QFETCH(QJsonObject, object);
        QFETCH(QStringList, reasons);
        QStringList got;
        for (const models::EventRow &row : models::eventsAbout(m_events, object))
            got.append(row.reason);
        QCOMPARE(got, reasons);
    }

    void mergePatch_data()
    {
        QTest::addColumn<QJsonObject>("from");
        QTest::addColumn<QJsonObject>("to");
        QTest::addColumn<QJsonObject>("patch");
        QTest::newRow("equal") << json(R"({"a": 1, "b": {"c": [1, 2]}})")
                               << json(R"({"a": 1, "b": {"c": [1, 2]}})") << QJsonObject();
        QTest::newRow("changed scalar deep") << json(R"({"spec": {"replicas": 2, "x": "y"}})")
                                             << json(R"({"spec": {"replicas": 3, "x": "y"}})")
                                             << json(R"({"spec": {"replicas": 3}})");
        QTest::newRow("removed key is null")
            << json(R"({"metadata": {"labels": {"a": "1", "b": "2"}}})")
            << json(R"({"metadata": {"labels": {"a": "1"}}})")
            << json(R"({"metadata": {"labels": {"b": null}}})");
        QTest::newRow("added map") << json(R"({"a": 1})") << json(R"({"a": 1, "m": {"k": "v"}})")
                                   << json(R"({"m": {"k": "v"}})");
        QTest::newRow("lists replace whole") << json(R"({"l": [1, 2, 3]})")
                                             << json(R"({"l": [1, 3]})")
                                             << json(R"({"l": [1, 3]})");
        QTest::newRow("map becomes scalar") << json(R"({"m": {"k": "v"}})")
                                            << json(R"({"m": "flat"})")
                                            << json(R"({"m": "flat"})");
    }
    void mergePatch()
    {
        QFETCH(QJsonObject, from);
        QFETCH(QJsonObject, to);
        QFETCH(QJsonObject, patch);
        QCOMPARE(models::mergePatch(from, to), patch);
        QCOMPARE(models::applyMergePatch(from, patch), to);
    }

    // The YAML an object shows reads back as the object: an untouched edit sends nothing; a
    // changed one sends only the change, with the base's resourceVersion as precondition.
    void editRoundTrip()
    {
        const QJsonObject deployment = json(kDeployment);
        const QString yaml = models::objectYaml(deployment);
        QVERIFY(!yaml.contains(u"managedFields"));
        QVERIFY(yaml.contains(u"replicas: 3"));
        const QJsonObject base = models::shownObject(deployment);
        const models::ParsedEdit same = models::parseEdit(yaml, base);
        QVERIFY2(same.ok(), qPrintable(same.error));
        QCOMPARE(same.object, base);
        QVERIFY(models::editPatch(base, same.object).isEmpty());

        QString edited = yaml;
        const qsizetype spec = edited.indexOf(u"\nspec:\n"_s);
        const qsizetype replicas = edited.indexOf(u"\n  replicas: 3\n"_s, spec);
        QVERIFY(spec > 0 && replicas > spec);
        edited.replace(replicas, 15, u"\n  replicas: 5\n"_s);
        const models::ParsedEdit changed = models::parseEdit(edited, base);
        QVERIFY2(changed.ok(), qPrintable(changed.error));
        QCOMPARE(QJsonDocument::fromJson(models::editPatch(base, changed.object)).object(),
                 json(R"({"metadata": {"resourceVersion": "17"}, "spec": {"replicas": 5}})"));

        // A resourceVersion typed into the text is not the precondition: the base's is.
        QString bumped = edited;
        bumped.replace(u"resourceVersion: \"17\""_s, u"resourceVersion: \"99\""_s);
        QVERIFY(bumped != edited);
        const models::ParsedEdit typed = models::parseEdit(bumped, base);
        QCOMPARE(QJsonDocument::fromJson(models::editPatch(base, typed.object)).object(),
                 json(R"({"metadata": {"resourceVersion": "17"}, "spec": {"replicas": 5}})"));
    }

    void parseErrors_data()
    {
        QTest::addColumn<QString>("yaml");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("start");
        const QString head = u"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n"_s;
        QTest::newRow("bad indentation")
            << head + u"  name: web\n  namespace: shop\nspec:\n  replicas: 3\n bad: [\n"_s << 8
            << u"Line 8, column 2: "_s;
        QTest::newRow("renamed")
            << head + u"  name: other\n  namespace: shop\n"_s << 4
            << u"Line 4, column 3: metadata.name cannot change in an edit (it was \"web\")"_s;
        QTest::newRow("other namespace")
            << head + u"  name: web\n  namespace: prod\n"_s << 5
            << u"Line 5, column 3: metadata.namespace cannot change"_s;
        QTest::newRow("two documents")
            << head + u"  name: web\n  namespace: shop\n---\n"_s + head + u"  name: b\n"_s << 0
            << u"The text holds 2 objects; an edit is one object."_s;
        QTest::newRow("empty") << u"# nothing\n"_s << 0 << u"The text holds no object."_s;
    }
    void parseErrors()
    {
        QFETCH(QString, yaml);
        QFETCH(int, line);
        QFETCH(QString, start);
        const models::ParsedEdit parsed = models::parseEdit(yaml, json(kDeployment));
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.line, line);
        QVERIFY2(parsed.error.startsWith(start), qPrintable(parsed.error));
    }

private:
    QList<QJsonObject> m_events;
};

QTEST_APPLESS_MAIN(tst_ObjectDetails)
#include "tst_objectdetails.moc"
