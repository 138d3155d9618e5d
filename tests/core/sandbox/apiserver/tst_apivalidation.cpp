#include "core/sandbox/apiserver/apirouter.h"
#include "core/sandbox/cluster/scenario.h"
#include "core/sandbox/store/objectstore.h"

#include "routertesthelpers.h"

#include <QJsonObject>
#include <QTest>

using namespace core::sandbox;
using namespace Qt::StringLiterals;
using namespace routertest;

// spec.replicas of Deployments, ReplicaSets and StatefulSets as kube-apiserver (v1.32) validates
// it on every way in: ValidateDeploymentSpec / ValidateReplicaSetSpec / ValidateStatefulSetSpec
// (ValidateNonnegativeField) on create, update and each patch type, and ValidateScale on the
// /scale subresource. The expected text is apimachinery's field.Invalid ("spec.replicas: Invalid
// value: -1: must be greater than or equal to 0") inside errors.NewInvalid, which names the kind
// with its group; a refused write stores nothing.
class tst_ApiValidation : public QObject
{
    Q_OBJECT

private slots:
    void replicas_data();
    void replicas();
};

namespace {

struct Kind
{
    const char *resource;
    const char *kind;
};
const Kind kKinds[] = {{"deployments", "Deployment"},
                       {"replicasets", "ReplicaSet"},
                       {"statefulsets", "StatefulSet"}};

QJsonObject workload(const QString &kind, const QString &name, int replicas)
{
    QJsonObject object = deployment(name, replicas);
    object.insert(u"kind"_s, kind);
    return object;
}

const ResourceType &typeOf(const QByteArray &resource)
{
    return resource == "deployments"   ? deploymentsType()
           : resource == "replicasets" ? replicaSetsType()
                                       : statefulSetsType();
}

} // namespace

void tst_ApiValidation::replicas_data()
{
    QTest::addColumn<QByteArray>("resource");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("subresource"); // "" or "/scale"
    QTest::addColumn<QByteArray>("contentType");
    // A patch; for POST and PUT "" = the object (its Scale for /scale) with `replicas`.
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("replicas");
    QTest::addColumn<int>("status");

    struct Way
    {
        const char *name;
        const char *method;
        const char *subresource;
        const char *contentType;
        const char *body;
    };
    const Way ways[] = {
        {"create", "POST", "", "application/json", ""},
        {"create, dry run", "POST", "", "application/json", ""},
        {"update", "PUT", "", "application/json", ""},
        {"merge patch", "PATCH", "", "application/merge-patch+json",
         R"({"spec":{"replicas":%1}})"},
        {"strategic merge patch", "PATCH", "", "application/strategic-merge-patch+json",
         R"({"spec":{"replicas":%1}})"},
        {"JSON patch", "PATCH", "", "application/json-patch+json",
         R"([{"op":"replace","path":"/spec/replicas","value":%1}])"},
        {"scale update", "PUT", "/scale", "application/json", ""},
        {"scale merge patch (kubectl scale)", "PATCH", "/scale", "application/merge-patch+json",
         R"({"spec":{"replicas":%1}})"},
        {"scale JSON patch", "PATCH", "/scale", "application/json-patch+json",
         R"([{"op":"replace","path":"/spec/replicas","value":%1}])"},
    };
    for (const Kind &kind : kKinds) {
        for (const Way &way : ways) {
            for (const int replicas : {-1, -20, 0}) {
                const QByteArray body = QString::fromLatin1(way.body).arg(replicas).toUtf8();
                QTest::addRow("%s %s %d", kind.kind, way.name, replicas)
                    << QByteArray(kind.resource) << QString::fromLatin1(kind.kind)
                    << QByteArray(way.method) << QByteArray(way.subresource)
                    << QByteArray(way.contentType) << body << replicas
                    << (replicas < 0 ? 422 : way.method == QByteArray("POST") ? 201 : 200);
            }
        }
    }
}

void tst_ApiValidation::replicas()
{
    QFETCH(QByteArray, resource);
    QFETCH(QString, kind);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, subresource);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(int, replicas);
    QFETCH(int, status);

    ObjectStore store;
    ApiRouter router(store, u"127.0.0.1"_s);
    seedDefaultScenario(store, u"sandbox"_s);
    const ResourceType &type = typeOf(resource);
    QVERIFY(store.create(type, u"default"_s, workload(kind, u"web"_s, 2)));
    const QByteArray collection = "/apis/apps/v1/namespaces/default/" + resource;
    const bool creating = method == "POST";
    const QString name = creating ? u"fresh"_s : u"web"_s;
    QByteArray target = creating ? collection : collection + "/web" + subresource;
    if (QByteArray(QTest::currentDataTag()).contains("dry run"))
        target += "?dryRun=All";
    if (body.isEmpty() && creating) {
        body = json(workload(kind, name, replicas));
    } else if (body.isEmpty()) {
        // What the client read, with its count changed.
        QJsonObject read = routertest::body(router.handle(get(collection + "/web" + subresource)));
        QJsonObject spec = read.value(u"spec").toObject();
        spec.insert(u"replicas"_s, replicas);
        read.insert(u"spec"_s, spec);
        body = json(read);
    }
    const QString storeVersion = store.resourceVersion();

    const HttpReply reply = router.handle(request(method, target, contentType, body));
    QCOMPARE(reply.response().status, status);
    const QJsonObject answer = routertest::body(reply);
    const auto stored = store.get(type, u"default"_s, name);
    if (status != 422) {
        QCOMPARE(at(answer, u"spec.replicas"_s).toInt(), replicas);
        return;
    }
    const bool scale = subresource == "/scale";
    const QString qualified = scale ? u"Scale.autoscaling"_s : kind + u".apps"_s;
    const QString cause =
        u"Invalid value: %1: must be greater than or equal to 0"_s.arg(replicas);
    QCOMPARE(answer.value(u"kind").toString(), u"Status"_s);
    QCOMPARE(answer.value(u"reason").toString(), u"Invalid"_s);
    QCOMPARE(answer.value(u"code").toInt(), 422);
    QCOMPARE(answer.value(u"message").toString(),
             u"%1 \"%2\" is invalid: spec.replicas: %3"_s.arg(qualified, name, cause));
    QCOMPARE(at(answer, u"details.name"_s).toString(), name);
    QCOMPARE(at(answer, u"details.group"_s).toString(), scale ? u"autoscaling"_s : u"apps"_s);
    QCOMPARE(at(answer, u"details.kind"_s).toString(), scale ? u"Scale"_s : kind);
    QCOMPARE(at(answer, u"details.causes"_s).toArray().size(), 1);
    QCOMPARE(at(answer, u"details.causes.0.field"_s).toString(), u"spec.replicas"_s);
    QCOMPARE(at(answer, u"details.causes.0.reason"_s).toString(), u"FieldValueInvalid"_s);
    QCOMPARE(at(answer, u"details.causes.0.message"_s).toString(), cause);
    // Nothing stored: no new object, the old one as it was, no resourceVersion spent.
    QCOMPARE(store.resourceVersion(), storeVersion);
    if (creating)
        QVERIFY(!stored);
    else
        QCOMPARE(at(*stored, u"spec.replicas"_s), QJsonValue(2));
}

QTEST_GUILESS_MAIN(tst_ApiValidation)
#include "tst_apivalidation.moc"
