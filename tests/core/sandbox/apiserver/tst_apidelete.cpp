#include "core/sandbox/apiserver/apirouter.h"
#include "core/sandbox/cluster/scenario.h"
#include "core/sandbox/store/objectmeta.h"
#include "core/sandbox/store/objectstore.h"

#include "routertesthelpers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace core::sandbox;
using namespace Qt::StringLiterals;
using namespace routertest;

// A DELETE's DeleteOptions as kube-apiserver (v1.32) applies them, with no controller running:
// the uid and resourceVersion preconditions (rest.BeforeDelete's 409), the propagation policy
// (the garbage collector's finalizers on the owner, which then waits for the collector; batch/v1
// Jobs orphan by default), the deprecated orphanDependents, and ValidateDeleteOptions' 422. The
// expected messages are k8s.io/apiserver's (pkg/registry/rest/delete.go, pkg/endpoints/handlers/
// delete.go, pkg/registry/generic/registry/store.go) and apimachinery's ValidateDeleteOptions.
class tst_ApiDelete : public QObject
{
    Q_OBJECT

private slots:
    void preconditions_data();
    void preconditions();
    void propagation_data();
    void propagation();
    void dryRunPropagation_data();
    void dryRunPropagation();
    void invalidOptions_data();
    void invalidOptions();
    void lastFinalizerDeletes();
    void deletionFieldsAreTheServers();
};

namespace {

const QByteArray kPods = "/api/v1/namespaces/default/pods/";
const QByteArray kDeployments = "/apis/apps/v1/namespaces/default/deployments/";
const QByteArray kJobs = "/apis/batch/v1/namespaces/default/jobs/";

QJsonObject withFinalizer(QJsonObject object, const QString &finalizer)
{
    QJsonObject meta = object.value(u"metadata").toObject();
    meta.insert(u"finalizers"_s, QJsonArray{finalizer});
    object.insert(u"metadata"_s, meta);
    return object;
}

// The default scenario; in default a Pod "p", Deployments "web" and "held" (a finalizer of its
// own), a Job "j".
struct Fixture
{
    Fixture() : router(store, u"127.0.0.1"_s)
    {
        seedDefaultScenario(store, u"sandbox"_s);
        store.create(podsType(), u"default"_s, pod(u"p"_s));
        store.create(deploymentsType(), u"default"_s, deployment(u"web"_s, 2));
        store.create(deploymentsType(), u"default"_s,
                     withFinalizer(deployment(u"held"_s, 1), u"example.com/hold"_s));
        store.create(jobsType(), u"default"_s, job(u"j"_s));
    }
    // The stored object a request path names ("" when there is none).
    QJsonObject stored(const QByteArray &target) const
    {
        const QByteArray path = target.split('?').constFirst();
        const QString name = QString::fromLatin1(path.split('/').constLast());
        const ResourceType &type = path.startsWith(kPods)          ? podsType()
                                   : path.startsWith(kDeployments) ? deploymentsType()
                                                                   : jobsType();
        const auto object = store.get(type, u"default"_s, name);
        return object ? *object : QJsonObject();
    }
    ObjectStore store;
    ApiRouter router;
};

} // namespace

void tst_ApiDelete::preconditions_data()
{
    QTest::addColumn<QByteArray>("target");
    // $UID and $RV stand for the object's own; other values do not hold.
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message"); // with $UID and $RV too
    QTest::addColumn<QString>("kind");    // details.kind of the 409
    QTest::addColumn<QString>("group");   // details.group of the 409
    QTest::addColumn<bool>("deleted");

    const QString uidMessage = u"Operation cannot be fulfilled on %1: the UID in the precondition "
                               u"(other-uid) does not match the UID in record ($UID). The object "
                               u"might have been deleted and then recreated"_s;
    const QString rvMessage = u"Operation cannot be fulfilled on %1: the ResourceVersion in the "
                              u"precondition (1) does not match the ResourceVersion in record "
                              u"($RV). The object might have been modified"_s;
    QTest::newRow("pod uid holds") << kPods + "p" << QByteArray(R"({"preconditions":{"uid":"$UID"}})")
                                   << 200 << QString() << QString() << QString() << true;
    QTest::newRow("pod uid differs")
        << kPods + "p" << QByteArray(R"({"preconditions":{"uid":"other-uid"}})") << 409
        << uidMessage.arg(u"Pod \"p\""_s) << u"Pod"_s << QString() << false;
    QTest::newRow("pod resourceVersion holds")
        << kPods + "p" << QByteArray(R"({"preconditions":{"resourceVersion":"$RV"}})") << 200
        << QString() << QString() << QString() << true;
    QTest::newRow("pod resourceVersion differs")
        << kPods + "p" << QByteArray(R"({"preconditions":{"resourceVersion":"1"}})") << 409
        << rvMessage.arg(u"Pod \"p\""_s) << u"Pod"_s << QString() << false;
    QTest::newRow("deployment uid differs")
        << kDeployments + "web"
        << QByteArray(R"({"kind":"DeleteOptions","apiVersion":"v1","propagationPolicy":)"
                      R"("Background","preconditions":{"uid":"other-uid"}})")
        << 409 << uidMessage.arg(u"Deployment.apps \"web\""_s) << u"Deployment"_s << u"apps"_s
        << false;
    QTest::newRow("deployment resourceVersion differs")
        << kDeployments + "web" << QByteArray(R"({"preconditions":{"resourceVersion":"1"}})")
        << 409 << rvMessage.arg(u"Deployment.apps \"web\""_s) << u"Deployment"_s << u"apps"_s
        << false;
    QTest::newRow("both hold")
        << kDeployments + "web"
        << QByteArray(R"({"preconditions":{"uid":"$UID","resourceVersion":"$RV"}})") << 200
        << QString() << QString() << QString() << true;
    QTest::newRow("both differ: the uid is checked first")
        << kDeployments + "web"
        << QByteArray(R"({"preconditions":{"uid":"other-uid","resourceVersion":"1"}})") << 409
        << uidMessage.arg(u"Deployment.apps \"web\""_s) << u"Deployment"_s << u"apps"_s
        << false;
    QTest::newRow("dry run, uid differs")
        << kPods + "p" << QByteArray(R"({"dryRun":["All"],"preconditions":{"uid":"other-uid"}})")
        << 409 << uidMessage.arg(u"Pod \"p\""_s) << u"Pod"_s << QString() << false;
    QTest::newRow("dry run, both hold")
        << kPods + "p"
        << QByteArray(
               R"({"dryRun":["All"],"preconditions":{"uid":"$UID","resourceVersion":"$RV"}})")
        << 200 << QString() << QString() << QString() << false;
}

void tst_ApiDelete::preconditions()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, message);
    QFETCH(QString, kind);
    QFETCH(QString, group);
    QFETCH(bool, deleted);

    Fixture f;
    const QJsonObject before = f.stored(target);
    const QString uid = at(before, u"metadata.uid"_s).toString();
    const QString rv = at(before, u"metadata.resourceVersion"_s).toString();
    body.replace("$UID", uid.toUtf8()).replace("$RV", rv.toUtf8());
    message.replace(u"$UID"_s, uid).replace(u"$RV"_s, rv);
    const QString storeVersion = f.store.resourceVersion();

    const HttpReply reply = f.router.handle(request("DELETE", target, "application/json", body));
    QCOMPARE(reply.response().status, status);
    const QJsonObject answer = routertest::body(reply);
    if (status == 409) {
        QCOMPARE(answer.value(u"kind").toString(), u"Status"_s);
        QCOMPARE(answer.value(u"reason").toString(), u"Conflict"_s);
        QCOMPARE(answer.value(u"code").toInt(), 409);
        QCOMPARE(answer.value(u"message").toString(), message);
        QCOMPARE(at(answer, u"details.name"_s).toString(), at(before, u"metadata.name"_s).toString());
        QCOMPARE(at(answer, u"details.kind"_s).toString(), kind);
        QCOMPARE(at(answer, u"details.group"_s).toString(), group);
    } else {
        QCOMPARE(at(answer, u"metadata.uid"_s).toString(), uid);
    }
    QCOMPARE(f.stored(target).isEmpty(), deleted);
    if (!deleted)
        QCOMPARE(f.store.resourceVersion(), storeVersion);
}

void tst_ApiDelete::propagation_data()
{
    QTest::addColumn<QByteArray>("target"); // with the query, if any
    QTest::addColumn<QByteArray>("body");   // "" = none
    QTest::addColumn<int>("status");
    QTest::addColumn<QStringList>("finalizers"); // what the kept object has
    QTest::addColumn<bool>("kept");              // marked as deleting rather than deleted
    QTest::addColumn<bool>("warned");            // the Job REST's Warning header

    const QStringList none;
    const QStringList orphan{u"orphan"_s};
    const QStringList foreground{u"foregroundDeletion"_s};
    const QByteArray web = kDeployments + "web";
    QTest::newRow("Background: deleted now") << web << QByteArray(R"({"propagationPolicy":"Background"})")
                                             << 200 << none << false << false;
    QTest::newRow("Orphan: kept for the collector")
        << web << QByteArray(R"({"kind":"DeleteOptions","apiVersion":"v1","propagationPolicy":"Orphan"})")
        << 200 << orphan << true << false;
    QTest::newRow("Foreground: kept for the collector")
        << web << QByteArray(R"({"propagationPolicy":"Foreground"})") << 200 << foreground << true
        << false;
    QTest::newRow("unset: apps/v1 deletes its dependents in the background")
        << web << QByteArray() << 200 << none << false << false;
    QTest::newRow("empty options: the same")
        << web << QByteArray(R"({"kind":"DeleteOptions","apiVersion":"v1"})") << 200 << none
        << false << false;
    QTest::newRow("query Orphan") << web + "?propagationPolicy=Orphan" << QByteArray() << 200
                                  << orphan << true << false;
    QTest::newRow("query Foreground") << web + "?propagationPolicy=Foreground" << QByteArray()
                                      << 200 << foreground << true << false;
    QTest::newRow("query Background") << web + "?propagationPolicy=Background" << QByteArray()
                                      << 200 << none << false << false;
    QTest::newRow("body wins over the query")
        << web + "?propagationPolicy=Orphan" << QByteArray(R"({"propagationPolicy":"Background"})")
        << 200 << none << false << false;
    QTest::newRow("orphanDependents true") << web << QByteArray(R"({"orphanDependents":true})")
                                           << 200 << orphan << true << false;
    QTest::newRow("query orphanDependents=true")
        << web + "?orphanDependents=true" << QByteArray() << 200 << orphan << true << false;
    QTest::newRow("orphanDependents false, deleted now: 200")
        << web << QByteArray(R"({"orphanDependents":false})") << 200 << none << false << false;
    QTest::newRow("orphanDependents false, kept by its own finalizer: 202")
        << kDeployments + "held" << QByteArray(R"({"orphanDependents":false})") << 202
        << QStringList{u"example.com/hold"_s} << true << false;
    QTest::newRow("own finalizer and Foreground")
        << kDeployments + "held" << QByteArray(R"({"propagationPolicy":"Foreground"})") << 200
        << QStringList{u"example.com/hold"_s, u"foregroundDeletion"_s} << true << false;
    QTest::newRow("Job, unset: batch/v1 orphans its pods, with a warning")
        << kJobs + "j" << QByteArray() << 200 << orphan << true << true;
    QTest::newRow("Job, kubectl's Background") << kJobs + "j"
                                               << QByteArray(R"({"propagationPolicy":"Background"})")
                                               << 200 << none << false << false;
    QTest::newRow("Job, Orphan named: no warning")
        << kJobs + "j" << QByteArray(R"({"propagationPolicy":"Orphan"})") << 200 << orphan << true
        << false;
    QTest::newRow("Pod, Foreground") << kPods + "p" << QByteArray(R"({"propagationPolicy":"Foreground"})")
                                     << 200 << foreground << true << false;
}

void tst_ApiDelete::propagation()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QStringList, finalizers);
    QFETCH(bool, kept);
    QFETCH(bool, warned);

    Fixture f;
    const QJsonObject before = f.stored(target);
    const HttpReply reply = f.router.handle(request("DELETE", target, "application/json", body));
    QCOMPARE(reply.response().status, status);
    QCOMPARE(reply.response().headers.value("Warning"),
             warned ? QByteArray("299 - \"child pods are preserved by default when jobs are "
                                 "deleted; set propagationPolicy=Background to remove them or set "
                                 "propagationPolicy=Orphan to suppress this warning\"")
                    : QByteArray());
    const QJsonObject answer = routertest::body(reply);
    const QJsonObject after = f.stored(target);
    QCOMPARE(!after.isEmpty(), kept);
    if (!kept) {
        QCOMPARE(answer, before); // the object as it was
        return;
    }
    // markAsDeleting: deletionTimestamp now, grace period 0, generation + 1; the answer is it.
    QCOMPARE(answer, after);
    QCOMPARE(finalizersOf(after), finalizers);
    QVERIFY(at(after, u"metadata.deletionTimestamp"_s).isString());
    QCOMPARE(at(after, u"metadata.deletionGracePeriodSeconds"_s), QJsonValue(0));
    if (at(before, u"metadata.generation"_s).isDouble())
        QCOMPARE(at(after, u"metadata.generation"_s).toInt(),
                 at(before, u"metadata.generation"_s).toInt() + 1);
    QVERIFY(at(after, u"metadata.resourceVersion"_s) != at(before, u"metadata.resourceVersion"_s));

    // A second delete of the same kind changes nothing: same timestamp, no write.
    const QString storeVersion = f.store.resourceVersion();
    const HttpReply again = f.router.handle(request("DELETE", target, "application/json", body));
    QCOMPARE(again.response().status, status);
    QCOMPARE(f.stored(target), after);
    QCOMPARE(f.store.resourceVersion(), storeVersion);
}

void tst_ApiDelete::dryRunPropagation_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("finalizers"); // on the answer; none = deleted as it was
    QTest::newRow("Orphan") << QByteArray(R"({"dryRun":["All"],"propagationPolicy":"Orphan"})")
                            << QStringList{u"orphan"_s};
    QTest::newRow("Foreground")
        << QByteArray(R"({"dryRun":["All"],"propagationPolicy":"Foreground"})")
        << QStringList{u"foregroundDeletion"_s};
    QTest::newRow("Background")
        << QByteArray(R"({"dryRun":["All"],"propagationPolicy":"Background"})") << QStringList();
}

// kubectl delete --dry-run=server: the answer is what the delete would leave, nothing changes.
void tst_ApiDelete::dryRunPropagation()
{
    QFETCH(QByteArray, body);
    QFETCH(QStringList, finalizers);
    Fixture f;
    const QByteArray web = kDeployments + "web";
    const QJsonObject before = f.stored(web);
    const QString storeVersion = f.store.resourceVersion();
    const HttpReply reply = f.router.handle(request("DELETE", web, "application/json", body));
    QCOMPARE(reply.response().status, 200);
    const QJsonObject answer = routertest::body(reply);
    QCOMPARE(finalizersOf(answer), finalizers);
    QCOMPARE(isBeingDeleted(answer), !finalizers.isEmpty());
    if (finalizers.isEmpty())
        QCOMPARE(answer, before);
    QCOMPARE(f.stored(web), before);
    QCOMPARE(f.store.resourceVersion(), storeVersion);
}

void tst_ApiDelete::invalidOptions_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QStringList>("causes"); // "field reason" of details.causes (422)

    const QString supported =
        uR"(supported values: "Foreground", "Background", "Orphan", "nil")"_s;
    const QString both = u"orphanDependents and deletionPropagation cannot be both set"_s;
    const QByteArray web = kDeployments + "web";
    QTest::newRow("unknown policy in the body")
        << web << QByteArray(R"({"propagationPolicy":"Cascade"})") << 422
        << uR"(DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "Cascade": )"_s +
               supported
        << QStringList{u"propagationPolicy FieldValueNotSupported"_s};
    QTest::newRow("unknown policy in the query")
        << web + "?propagationPolicy=orphan" << QByteArray() << 422
        << uR"(DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "orphan": )"_s +
               supported
        << QStringList{u"propagationPolicy FieldValueNotSupported"_s};
    QTest::newRow("empty policy in the query")
        << web + "?propagationPolicy=" << QByteArray() << 422
        << uR"(DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "": )"_s +
               supported
        << QStringList{u"propagationPolicy FieldValueNotSupported"_s};
    QTest::newRow("orphanDependents and propagationPolicy")
        << web << QByteArray(R"({"orphanDependents":true,"propagationPolicy":"Orphan"})") << 422
        << uR"(DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Invalid value: "Orphan": )"_s +
               both
        << QStringList{u"propagationPolicy FieldValueInvalid"_s};
    QTest::newRow("every cause at once")
        << web << QByteArray(R"({"orphanDependents":false,"propagationPolicy":"x","dryRun":["y"]})")
        << 422
        << uR"(DeleteOptions.meta.k8s.io "" is invalid: [propagationPolicy: Invalid value: "x": )"_s +
               both + uR"(, propagationPolicy: Unsupported value: "x": )"_s + supported +
               uR"(, dryRun: Unsupported value: []string{"y"}: supported values: "All"])"_s
        << QStringList{u"propagationPolicy FieldValueInvalid"_s,
                       u"propagationPolicy FieldValueNotSupported"_s,
                       u"dryRun FieldValueNotSupported"_s};
    QTest::newRow("validated before the object is looked up")
        << kDeployments + "missing" << QByteArray(R"({"propagationPolicy":"Cascade"})") << 422
        << uR"(DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "Cascade": )"_s +
               supported
        << QStringList{u"propagationPolicy FieldValueNotSupported"_s};
    QTest::newRow("policy of the wrong type")
        << web << QByteArray(R"({"propagationPolicy":1})") << 400
        << u"json: cannot unmarshal number into Go struct field DeleteOptions.propagationPolicy "
           u"of type v1.DeletionPropagation"_s
        << QStringList();
    QTest::newRow("uid of the wrong type")
        << web << QByteArray(R"({"preconditions":{"uid":7}})") << 400
        << u"json: cannot unmarshal number into Go struct field DeleteOptions.preconditions.uid "
           u"of type string"_s
        << QStringList();
    QTest::newRow("gracePeriodSeconds not a number")
        << web + "?gracePeriodSeconds=soon" << QByteArray() << 400
        << uR"(strconv.ParseInt: parsing "soon": invalid syntax)"_s << QStringList();
}

void tst_ApiDelete::invalidOptions()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, message);
    QFETCH(QStringList, causes);

    Fixture f;
    const QString storeVersion = f.store.resourceVersion();
    const HttpReply reply = f.router.handle(request("DELETE", target, "application/json", body));
    QCOMPARE(reply.response().status, status);
    const QJsonObject answer = routertest::body(reply);
    QCOMPARE(answer.value(u"reason").toString(), status == 422 ? u"Invalid"_s : u"BadRequest"_s);
    QCOMPARE(answer.value(u"message").toString(), message);
    if (status == 422) {
        QCOMPARE(at(answer, u"details.group"_s).toString(), u"meta.k8s.io"_s);
        QCOMPARE(at(answer, u"details.kind"_s).toString(), u"DeleteOptions"_s);
        QVERIFY(at(answer, u"details.name"_s).isUndefined());
        QStringList sent;
        for (const QJsonValue &cause : at(answer, u"details.causes"_s).toArray())
            sent << cause.toObject().value(u"field").toString() + u' ' +
                        cause.toObject().value(u"reason").toString();
        QCOMPARE(sent, causes);
    }
    QVERIFY(!f.stored(kDeployments + "web").isEmpty());
    QCOMPARE(f.store.resourceVersion(), storeVersion);
}

// The update that takes the last finalizer off an object being deleted deletes it (the
// registry's ShouldDeleteDuringUpdate); while one is left it stays.
void tst_ApiDelete::lastFinalizerDeletes()
{
    Fixture f;
    const QByteArray held = kDeployments + "held";
    QCOMPARE(f.router
                 .handle(request("DELETE", held, "application/json",
                                 R"({"propagationPolicy":"Orphan"})"))
                 .response()
                 .status,
             200);
    QCOMPARE(finalizersOf(f.stored(held)), (QStringList{u"example.com/hold"_s, u"orphan"_s}));
    const auto watch = f.store.watch(deploymentsType(), {});
    QVERIFY(watch);
    (*watch)->takeEvents();

    const HttpReply one = f.router.handle(
        request("PATCH", held, "application/merge-patch+json",
                R"({"metadata":{"finalizers":["orphan"]}})"));
    QCOMPARE(one.response().status, 200);
    QCOMPARE(finalizersOf(f.stored(held)), QStringList{u"orphan"_s});

    const HttpReply last = f.router.handle(
        request("PATCH", held, "application/merge-patch+json", R"({"metadata":{"finalizers":null}})"));
    QCOMPARE(last.response().status, 200);
    QVERIFY(finalizersOf(routertest::body(last)).isEmpty());
    QVERIFY(f.stored(held).isEmpty());
    const QList<StoreEvent> events = (*watch)->takeEvents();
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(0).type, StoreEvent::Type::Modified);
    QCOMPARE(events.at(1).type, StoreEvent::Type::Deleted);
}

// deletionTimestamp and deletionGracePeriodSeconds are the server's: a create drops them, an
// update neither sets nor clears them.
void tst_ApiDelete::deletionFieldsAreTheServers()
{
    Fixture f;
    QJsonObject early = pod(u"early"_s);
    QJsonObject meta = early.value(u"metadata").toObject();
    meta.insert(u"deletionTimestamp"_s, u"2020-01-01T00:00:00Z"_s);
    meta.insert(u"deletionGracePeriodSeconds"_s, 30);
    early.insert(u"metadata"_s, meta);
    const HttpReply created = f.router.handle(
        request("POST", "/api/v1/namespaces/default/pods", "application/json", json(early)));
    QCOMPARE(created.response().status, 201);
    QVERIFY(at(routertest::body(created), u"metadata.deletionTimestamp"_s).isUndefined());
    QVERIFY(at(f.stored(kPods + "early"), u"metadata.deletionGracePeriodSeconds"_s).isUndefined());

    const HttpReply set = f.router.handle(
        request("PATCH", kPods + "p", "application/merge-patch+json",
                R"({"metadata":{"deletionTimestamp":"2020-01-01T00:00:00Z"}})"));
    QCOMPARE(set.response().status, 200);
    QVERIFY(at(f.stored(kPods + "p"), u"metadata.deletionTimestamp"_s).isUndefined());

    const QByteArray held = kDeployments + "held";
    f.router.handle(request("DELETE", held, "application/json", {}));
    const QJsonValue stamp = at(f.stored(held), u"metadata.deletionTimestamp"_s);
    QVERIFY(stamp.isString());
    const HttpReply cleared = f.router.handle(
        request("PATCH", held, "application/merge-patch+json",
                R"({"metadata":{"deletionTimestamp":null,"deletionGracePeriodSeconds":null},)"
                R"("spec":{"replicas":3}})"));
    QCOMPARE(cleared.response().status, 200);
    QCOMPARE(at(f.stored(held), u"metadata.deletionTimestamp"_s), stamp);
    QCOMPARE(at(f.stored(held), u"metadata.deletionGracePeriodSeconds"_s), QJsonValue(0));
    QCOMPARE(at(f.stored(held), u"spec.replicas"_s), QJsonValue(3));
}

QTEST_GUILESS_MAIN(tst_ApiDelete)
#include "tst_apidelete.moc"
