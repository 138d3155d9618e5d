#include "core/sandbox/apiserver/k8sprotobuf.h"

#include "core/sandbox/apiserver/apiresources.h"
#include "core/sandbox/apiserver/k8sprotobufwire.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace core::sandbox;
using namespace Qt::StringLiterals;

// Kubernetes protobuf request bodies (what kubectl 1.33+ sends) turned into the JSON the same
// client would have sent. The bodies are built with the wire writer the sandbox has (its
// OpenAPI v2), field
// numbers as k8s.io/api's generated.proto gives them.
namespace {

using core::sandbox::k8sprotobuf::lengthDelimited;
using core::sandbox::k8sprotobuf::varint;

QByteArray num(int field, qint64 value)
{
    return varint(quint64(field) << 3) + varint(quint64(value));
}
QByteArray len(int field, const QByteArray &bytes)
{
    return lengthDelimited(field, bytes);
}
QByteArray str(int field, const char *text)
{
    return len(field, QByteArray(text));
}
QByteArray entry(int field, const QByteArray &key, const QByteArray &value)
{
    return len(field, len(1, key) + len(2, value));
}

// "k8s\0" + runtime.Unknown{typeMeta{apiVersion, kind}, raw}.
QByteArray envelope(const char *apiVersion, const char *kind, const QByteArray &raw)
{
    return QByteArray("k8s\0", 4) + len(1, str(1, apiVersion) + str(2, kind)) + len(2, raw);
}

// ObjectMeta: name 1, namespace 3, labels 11; creationTimestamp 8 is always written by Go.
QByteArray meta(const char *name, const QByteArray &extra = {})
{
    return str(1, name) + str(2, "") + str(3, "") + num(7, 0) + len(8, QByteArray()) + extra;
}

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(text).object();
}

} // namespace

class tst_K8sProtobuf : public QObject
{
    Q_OBJECT

private slots:
    void contentType_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<bool>("protobuf");
        QTest::newRow("plain") << QByteArray("application/vnd.kubernetes.protobuf") << true;
        QTest::newRow("parameters, case")
            << QByteArray("Application/VND.kubernetes.protobuf; charset=x") << true;
        QTest::newRow("json") << QByteArray("application/json") << false;
        QTest::newRow("watch stream")
            << QByteArray("application/vnd.kubernetes.protobuf;stream=watch") << true;
        QTest::newRow("empty") << QByteArray() << false;
    }

    void contentType()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(bool, protobuf);
        QCOMPARE(isKubernetesProtobuf(contentType), protobuf);
    }

    void objects_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QJsonObject>("expected");

        QTest::newRow("ConfigMap: a map, empty strings and the zero time left out")
            << envelope("v1", "ConfigMap",
                        len(1, meta("cfg", entry(11, "app", "web"))) + entry(2, "a", "b") +
                            entry(2, "empty", ""))
            << json(R"({"apiVersion":"v1","kind":"ConfigMap",
                        "metadata":{"name":"cfg","labels":{"app":"web"}},
                        "data":{"a":"b","empty":""}})");

        QTest::newRow("Secret: bytes in base64, a pointer false kept")
            << envelope("v1", "Secret",
                        len(1, meta("s")) + entry(2, "pw", "x\x01") + str(3, "Opaque") + num(5, 0))
            << json(R"({"apiVersion":"v1","kind":"Secret","metadata":{"name":"s"},
                        "data":{"pw":"eAE="},"type":"Opaque","immutable":false})");

        // DeploymentSpec: replicas 1 (*int32), minReadySeconds 5 (int32), paused 7 (bool),
        // selector 2, template 3 {metadata 1, spec 2 {containers 2 {name 1, image 2,
        // imagePullPolicy 14, workingDir 5, resources 8}}}, strategy 4.
        const QByteArray container = str(1, "nginx") + str(2, "nginx:1.25") + str(14, "") +
                                     str(5, "") + len(8, QByteArray());
        QTest::newRow("Deployment: replicas 0 kept, non-pointer zeros left out, structs kept")
            << envelope("apps/v1", "Deployment",
                        len(1, meta("web")) +
                            len(2, num(1, 0) + len(2, entry(1, "app", "web")) +
                                       len(3, len(1, meta("")) + len(2, len(2, container))) +
                                       len(4, QByteArray()) + num(5, 0) + num(7, 0)) +
                            len(3, QByteArray()))
            << json(R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},
                        "spec":{"replicas":0,"selector":{"matchLabels":{"app":"web"}},
                                "template":{"metadata":{},"spec":{"containers":[
                                    {"name":"nginx","image":"nginx:1.25","resources":{}}]}},
                                "strategy":{}},
                        "status":{}})");

        // Volume: name 1, volumeSource 2 (inline) {emptyDir 2 {medium 1, sizeLimit 2 Quantity}};
        // ContainerPort containerPort 3; livenessProbe 10 {handler 1 (inline) {httpGet 2 {path 1,
        // port 2 IntOrString}}}.
        const QByteArray volume =
            str(1, "shm") + len(2, len(2, str(1, "Memory") + len(2, str(1, "1Gi"))));
        const QByteArray probe =
            len(1, len(2, str(1, "/healthz") + len(2, num(1, 1) + str(3, "http"))));
        const QByteArray podContainer = str(1, "app") + len(6, num(3, 8080)) + len(10, probe);
        QTest::newRow("Pod: inline structs, Quantity, IntOrString, negative int64")
            << envelope("v1", "Pod",
                        len(1, meta("p")) +
                            len(2, len(1, volume) + len(2, podContainer) + num(4, -1)))
            << json(R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},
                        "spec":{"volumes":[{"name":"shm","emptyDir":{"medium":"Memory","sizeLimit":"1Gi"}}],
                                "containers":[{"name":"app","ports":[{"containerPort":8080}],
                                               "livenessProbe":{"httpGet":{"path":"/healthz","port":"http"}}}],
                                "terminationGracePeriodSeconds":-1}})");

        QTest::newRow("Service: an integer IntOrString")
            << envelope("v1", "Service",
                        len(1, meta("svc")) + len(2, len(1, str(2, "TCP") + num(3, 80) +
                                                                len(4, num(1, 0) + num(2, 8080)))))
            << json(R"({"apiVersion":"v1","kind":"Service","metadata":{"name":"svc"},
                        "spec":{"ports":[{"protocol":"TCP","port":80,"targetPort":8080}]}})");

        QTest::newRow("a time") << envelope("v1", "Namespace",
                                            len(1, str(1, "ns") + len(8, num(1, 1796688000))))
                                << json(R"({"apiVersion":"v1","kind":"Namespace",
                        "metadata":{"name":"ns","creationTimestamp":"2026-12-08T00:00:00Z"}})");

        QTest::newRow("SelfSubjectAccessReview")
            << envelope("authorization.k8s.io/v1", "SelfSubjectAccessReview",
                        len(1, meta("")) +
                            len(2, len(1, str(1, "default") + str(2, "list") + str(3, "") +
                                              str(5, "pods"))) +
                            len(3, num(1, 0)))
            << json(R"({"apiVersion":"authorization.k8s.io/v1","kind":"SelfSubjectAccessReview",
                        "metadata":{},"spec":{"resourceAttributes":{"namespace":"default",
                        "verb":"list","resource":"pods"}},"status":{"allowed":false}})");

        // DeleteOptions is meta.k8s.io's, sent under each group version: gracePeriodSeconds 1
        // (*int64) zero kept; propagationPolicy 4.
        QTest::newRow("DeleteOptions under v1")
            << envelope("v1", "DeleteOptions", num(1, 0) + str(4, "Background"))
            << json(R"({"apiVersion":"v1","kind":"DeleteOptions","gracePeriodSeconds":0,
                        "propagationPolicy":"Background"})");

        QTest::newRow("fields newer than the schema are skipped")
            << envelope("v1", "ConfigMap",
                        len(1, meta("c")) + num(900, 7) + len(901, "x") +
                            varint(quint64(903) << 3 | 5) + QByteArray(4, '\x01') +
                            varint(quint64(904) << 3 | 1) + QByteArray(8, '\x02') +
                            entry(2, "k", "v"))
            << json(
                   R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"data":{"k":"v"}})");
    }

    void objects()
    {
        QFETCH(QByteArray, body);
        QFETCH(QJsonObject, expected);
        const auto object = kubernetesProtobufToJson(body);
        QVERIFY2(object.ok(), object.ok() ? "" : qPrintable(object.error().message));
        QCOMPARE(QJsonDocument(*object).toJson(QJsonDocument::Compact),
                 QJsonDocument(expected).toJson(QJsonDocument::Compact));
    }

    // Bodies kubectl 1.33 sent (tests/data/kubectl-protobuf/*.pb, captured by a recording
    // proxy in front of the sandbox), each beside the JSON it stands for (*.json, checked by
    // hand against the command that sent it: README.md there).
    void kubectlBodies_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(qEnvironmentVariable("BURST_TEST_DATA_DIR") + u"/kubectl-protobuf"_s);
        const QStringList bodies = dir.entryList({u"*.pb"_s}, QDir::Files, QDir::Name);
        QVERIFY(bodies.size() >= 9);
        for (const QString &name : bodies)
            QTest::newRow(qPrintable(name)) << dir.filePath(name);
    }

    void kubectlBodies()
    {
        QFETCH(QString, path);
        QFile body(path);
        QVERIFY(body.open(QIODevice::ReadOnly));
        const auto object = kubernetesProtobufToJson(body.readAll());
        QVERIFY2(object.ok(), object.ok() ? "" : qPrintable(object.error().message));
        QFile expected(path.chopped(3) + u".json"_s);
        QVERIFY2(expected.open(QIODevice::ReadOnly),
                 QJsonDocument(*object).toJson(QJsonDocument::Indented).constData());
        QCOMPARE(QJsonDocument(*object).toJson(QJsonDocument::Indented),
                 QJsonDocument::fromJson(expected.readAll()).toJson(QJsonDocument::Indented));
    }

    void refused_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        const QByteArray magic("k8s\0", 4);
        QTest::newRow("empty") << QByteArray() << 400 << u"envelope"_s;
        QTest::newRow("JSON") << QByteArray(R"({"kind":"ConfigMap"})") << 400 << u"envelope"_s;
        QTest::newRow("truncated key") << magic + QByteArray("\x8a") << 400 << u"truncated"_s;
        QTest::newRow("length past the end") << magic + QByteArray("\x12\x7f"
                                                                   "abc")
                                             << 400 << u"beyond the end"_s;
        QTest::newRow("huge length")
            << magic + QByteArray("\x12\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01") << 400
            << u"beyond the end"_s;
        QTest::newRow("eleven-byte varint")
            << magic + QByteArray("\x08\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01") << 400
            << u"truncated varint"_s;
        QTest::newRow("group wire type") << magic + QByteArray("\x0b") << 400 << u"groups"_s;
        QTest::newRow("field number 0")
            << magic + QByteArray("\x02\x00") << 400 << u"out of range"_s;
        QTest::newRow("wrong wire type for a message")
            << envelope("v1", "ConfigMap", num(1, 5)) << 400 << u"metadata: wire type 0"_s;
        QTest::newRow("wrong wire type deep inside")
            << envelope("apps/v1", "Deployment", len(2, len(3, len(2, len(2, num(1, 3)))))) << 400
            << u"spec.template.spec.containers.name: wire type 0"_s;
        QTest::newRow("a time out of range")
            << envelope("v1", "Namespace", len(1, len(8, num(1, 999999999999999LL)))) << 400
            << u"metadata.creationTimestamp: a time out of range"_s;
        QTest::newRow("content encoding")
            << QByteArray("k8s\0", 4) + len(1, str(1, "v1") + str(2, "ConfigMap")) + str(3, "gzip")
            << 400 << u"gzip"_s;
        QTest::newRow("unknown kind") << envelope("v1", "Nonsense", QByteArray()) << 415
                                      << u"no protobuf schema for v1, kind Nonsense"_s;
        QTest::newRow("unknown group")
            << envelope("example.com/v1", "Widget", QByteArray()) << 415 << u"example.com/v1"_s;
        QTest::newRow("no type") << QByteArray("k8s\0", 4) + len(2, QByteArray()) << 415
                                 << u"(no apiVersion)"_s;
        // A v1 List whose item is a List whose item is ...: RawExtension nests envelopes.
        QByteArray nested = envelope("v1", "ConfigMap", QByteArray());
        for (int i = 0; i < 150; ++i)
            nested = envelope("v1", "List", len(2, len(1, nested)));
        QTest::newRow("nesting") << nested << 400 << u"nesting deeper than 100"_s;
    }

    void refused()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, code);
        QFETCH(QString, message);
        const auto object = kubernetesProtobufToJson(body);
        QVERIFY(!object.ok());
        QCOMPARE(object.error().code, code);
        QVERIFY2(object.error().message.contains(message), qPrintable(object.error().message));
    }

    // GET /openapi/v2 (kubectl 1.27 and 1.28 read it before every apply): read back with the
    // wire reader, every served resource's PATCH names fieldValidation and its group, version
    // and kind, so kubectl leaves field validation to the server.
    void openApiV2()
    {
        using namespace core::sandbox::k8sprotobuf;
        const QByteArray document = openApiV2Protobuf();
        QList<WireField> top;
        QString error;
        QVERIFY2(readFields(document, top, error), qPrintable(error));
        QHash<QString, QByteArray> patches; // path -> its PATCH operation
        for (const WireField &f : top) {
            if (f.number == 1)
                QCOMPARE(f.bytes.toByteArray(), QByteArray("2.0"));
            if (f.number != 8)
                continue;
            QList<WireField> paths;
            QVERIFY(readFields(f.bytes, paths, error));
            for (const WireField &named : paths) {
                QList<WireField> pair;
                QVERIFY(readFields(named.bytes, pair, error));
                QCOMPARE(pair.size(), 2);
                QList<WireField> item;
                QVERIFY(readFields(pair.at(1).bytes, item, error));
                QCOMPARE(item.size(), 1);
                QCOMPARE(item.at(0).number, 8); // patch
                patches.insert(QString::fromUtf8(pair.at(0).bytes), item.at(0).bytes.toByteArray());
            }
        }
        const QString deployments = u"/apis/apps/v1/namespaces/{namespace}/deployments/{name}"_s;
        QVERIFY2(patches.contains(deployments), qPrintable(patches.keys().join(u' ')));
        QVERIFY(patches.contains(u"/api/v1/nodes/{name}"_s));
        QVERIFY(patches.contains(u"/api/v1/namespaces/{namespace}/configmaps/{name}"_s));
        const QByteArray patch = patches.value(deployments);
        QVERIFY(patch.contains("fieldValidation"));
        QVERIFY(patch.contains("x-kubernetes-group-version-kind"));
        QVERIFY(patch.contains("group: \"apps\"\nkind: Deployment\nversion: v1\n"));
    }

    // Every prefix of a valid body is refused or read, never read past its end (ASan checks).
    void everyTruncation()
    {
        const QByteArray body =
            envelope("apps/v1", "Deployment",
                     len(1, meta("web", entry(11, "app", "web"))) +
                         len(2, num(1, 3) + len(3, len(2, len(2, str(1, "c") + str(2, "img"))))));
        QVERIFY(kubernetesProtobufToJson(body).ok());
        for (qsizetype n = 0; n < body.size(); ++n)
            (void)kubernetesProtobufToJson(body.left(n));
    }
};

QTEST_GUILESS_MAIN(tst_K8sProtobuf)
#include "tst_k8sprotobuf.moc"
