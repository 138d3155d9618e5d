#include "core/burst/podhelpers.h"
#include "core/burst/preview.h"
#include "core/burst/previewjson.h"
#include "core/kube/manifestloader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace core;
using namespace core::burst;
using namespace Qt::StringLiterals;

// Guide 3.2: the six pod facts from the Downward API (namespace, name, uid, pod IP, and the
// region and zone annotations CCI adds), inserted by a helper and shown by the preview.
class tst_PodHelpers : public QObject
{
    Q_OBJECT

private slots:
    void downwardEdits_data();
    void downwardEdits();
    void resolve_data();
    void resolve();
    void previewShowsEnv();
};

namespace {

kube::Workload load(const QString &yaml)
{
    const kube::LoadResult loaded = kube::loadManifests(yaml.toUtf8(), u"w.yaml"_s);
    if (!loaded.errors.isEmpty() || loaded.objects.size() != 1)
        qFatal("test YAML does not load");
    return *kube::workloadFromObject(loaded.objects.first().object, nullptr);
}

const QString kDeployment = u"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n"
                            "  name: cci-downwardapi-test\n  namespace: cci-test\nspec:\n"
                            "  template:\n    metadata:\n      labels: {app: t}\n    spec:\n"
                            "      containers:\n"_s;

QStringList envNames(const kube::Workload &w, int container)
{
    QStringList out;
    for (const QJsonValue &e :
         w.podSpec().value(u"containers").toArray().at(container).toObject().value(u"env").toArray())
        out << e.toObject().value(u"name").toString();
    return out;
}

} // namespace

void tst_PodHelpers::downwardEdits_data()
{
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<int>("edits");
    QTest::addColumn<QStringList>("envAfter"); // container 0's env names after the edits
    const QStringList guide = {u"MY_POD_UID"_s,       u"MY_POD_NAME"_s, u"MY_POD_NAMESPACE"_s,
                               u"MY_POD_IP"_s,        u"REGION"_s,      u"ZONE"_s};
    QTest::newRow("no env: one edit sets the list")
        << kDeployment + u"        - name: container-0\n          image: euleros\n"_s << 1 << guide;
    QTest::newRow("own env kept, the six appended")
        << kDeployment + u"        - name: container-0\n          image: euleros\n"
                         "          env:\n            - name: MODE  # mine\n              value: x\n"_s
        << 6 << QStringList{u"MODE"_s} + guide;
    QTest::newRow("a variable of the same name is kept")
        << kDeployment + u"        - name: container-0\n          image: euleros\n"
                         "          env:\n            - {name: ZONE, value: fixed}\n"_s
        << 5 << QStringList{u"ZONE"_s} + guide.mid(0, 5);
    QTest::newRow("a fieldRef to the same field under another name is kept")
        << kDeployment + u"        - name: container-0\n          image: euleros\n"
                         "          env:\n            - name: NS\n              valueFrom:\n"
                         "                fieldRef: {fieldPath: metadata.namespace}\n"_s
        << 5
        << QStringList{u"NS"_s, u"MY_POD_UID"_s, u"MY_POD_NAME"_s, u"MY_POD_IP"_s, u"REGION"_s,
                       u"ZONE"_s};
    QTest::newRow("the guide's example already has them all")
        << kDeployment + u"        - name: container-0\n          image: euleros\n          env:\n"
                         "            - {name: MY_POD_UID, valueFrom: {fieldRef: {fieldPath: metadata.uid}}}\n"
                         "            - {name: MY_POD_NAME, valueFrom: {fieldRef: {fieldPath: metadata.name}}}\n"
                         "            - {name: MY_POD_NAMESPACE, valueFrom: {fieldRef: {fieldPath: metadata.namespace}}}\n"
                         "            - {name: MY_POD_IP, valueFrom: {fieldRef: {fieldPath: status.podIP}}}\n"
                         "            - {name: REGION, valueFrom: {fieldRef: {fieldPath: \"metadata.annotations['topology.kubernetes.io/region']\"}}}\n"
                         "            - {name: ZONE, valueFrom: {fieldRef: {fieldPath: \"metadata.annotations['topology.kubernetes.io/zone']\"}}}\n"_s
        << 0 << guide;
}

void tst_PodHelpers::downwardEdits()
{
    QFETCH(QString, yaml);
    QFETCH(int, edits);
    QFETCH(QStringList, envAfter);
    const ObjectEdits e = downwardApiEdits(load(yaml));
    QCOMPARE(e.size(), edits);
    const auto fixed = applyObjectEdits(yaml, 0, QString(), e);
    QVERIFY2(fixed, fixed ? "" : qPrintable(fixed.error().message));
    if (yaml.contains(u"# mine"_s))
        QVERIFY(fixed->contains(u"- name: MODE  # mine"_s));
    const kube::Workload after = load(*fixed);
    QCOMPARE(envNames(after, 0), envAfter);
    QVERIFY(downwardApiEdits(after).isEmpty()); // idempotent
}

void tst_PodHelpers::resolve_data()
{
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<QStringList>("expected"); // "container NAME=value" or "container NAME<-field"
    const QString pod = u"apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: ns1\n"
                        "  labels: {app: web}\n  annotations: {team: a, topology.kubernetes.io/zone: z9}\n"
                        "spec:\n  containers:\n    - name: c\n      env:\n"_s;
    QTest::newRow("a Pod: namespace and name known, uid and IP not")
        << pod + u"        - {name: NS, valueFrom: {fieldRef: {fieldPath: metadata.namespace}}}\n"
                 "        - {name: PODNAME, valueFrom: {fieldRef: {fieldPath: metadata.name}}}\n"
                 "        - {name: U, valueFrom: {fieldRef: {fieldPath: metadata.uid}}}\n"
                 "        - {name: IP, valueFrom: {fieldRef: {fieldPath: status.podIP}}}\n"
                 "        - {name: PLAIN, value: x}\n"_s
        << QStringList{u"c NS=ns1"_s, u"c PODNAME=p"_s, u"c U<-metadata.uid"_s, u"c IP<-status.podIP"_s};
    QTest::newRow("labels and annotations known; CCI's zone annotation is not")
        << pod + u"        - {name: APP, valueFrom: {fieldRef: {fieldPath: \"metadata.labels['app']\"}}}\n"
                 "        - {name: TEAM, valueFrom: {fieldRef: {fieldPath: \"metadata.annotations['team']\"}}}\n"
                 "        - {name: Z, valueFrom: {fieldRef: {fieldPath: \"metadata.annotations['topology.kubernetes.io/zone']\"}}}\n"
                 "        - {name: SA, valueFrom: {fieldRef: {fieldPath: spec.serviceAccountName}}}\n"_s
        << QStringList{u"c APP=web"_s, u"c TEAM=a"_s,
                       u"c Z<-metadata.annotations['topology.kubernetes.io/zone']"_s,
                       u"c SA=default"_s};
    QTest::newRow("a Deployment's pod name is generated")
        << kDeployment + u"        - name: c\n          env:\n"
                         "            - {name: PODNAME, valueFrom: {fieldRef: {fieldPath: metadata.name}}}\n"_s
        << QStringList{u"c PODNAME<-metadata.name"_s};
}

void tst_PodHelpers::resolve()
{
    QFETCH(QString, yaml);
    QFETCH(QStringList, expected);
    QStringList actual;
    for (const DownwardEnv &e : resolveDownwardEnv(load(yaml)))
        actual << e.container + u' ' + e.name + (e.known ? u"="_s + e.value : u"<-"_s + e.fieldPath);
    QCOMPARE(actual, expected);
}

// The preview (burstctl preview and the workbench) shows the variables, and says when a zone
// variable may be empty because the pod can run on CCE.
void tst_PodHelpers::previewShowsEnv()
{
    QString yaml = kDeployment + u"        - name: c\n          image: nginx\n"_s;
    yaml = *applyObjectEdits(yaml, 0, QString(), downwardApiEdits(load(yaml)));
    for (const QString &strategy : {u"enforce"_s, u"localPrefer"_s}) {
        const QString labelled = QString(yaml).replace(
            u"labels: {app: t}"_s, u"labels: {app: t, virtual-kubelet.io/burst-to-cci: %1}"_s.arg(strategy));
        const kube::LoadResult loaded = kube::loadManifests(labelled.toUtf8(), u"w.yaml"_s);
        const PreviewResult r = previewObjects({loaded.objects.first().object}, {}).first();
        QCOMPARE(r.downwardEnv.size(), 6);
        QStringList codes;
        for (const Diagnostic &d : r.diagnostics) {
            if (d.code.startsWith(u"downward."_s))
                codes << d.code + u' ' + d.path;
        }
        QStringList expected{u"downward.env spec.template.spec.containers[0].env"_s};
        if (strategy != u"enforce")
            expected << u"downward.cciAnnotation spec.template.spec.containers[0].env"_s;
        QCOMPARE(codes, expected);
        const QJsonArray env = previewToJson(r).value(u"downwardEnv").toArray();
        QCOMPARE(env.size(), 6);
        QCOMPARE(env.at(2).toObject().value(u"value").toString(), u"cci-test"_s);
        QVERIFY(env.at(0).toObject().value(u"value").isNull());
    }
}

QTEST_GUILESS_MAIN(tst_PodHelpers)
#include "tst_podhelpers.moc"
